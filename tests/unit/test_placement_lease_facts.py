"""What a guarantee, a viewing and a lease record (finding 22 of the December 2026 walk):
the amount of a guarantee and whether it is a loan or a grant, the time of a viewing, the
lease's rent and size — decided in the offer decider (given/when/then), read back in the
offer's view and the household's course, and old events (schema version 1) upcast to
"not recorded"."""

from __future__ import annotations

from datetime import UTC, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest
from pydantic import ValidationError

from services.placement.application.household_course import _entries
from services.placement.application.offer_view import offer_view
from services.placement.domain.offer import offer
from services.placement.domain.offer_commands import (
    DecideGuarantee,
    RequestGuarantee,
    ScheduleViewing,
)
from services.placement.domain.offer_state import Offer, evolve
from shared.access import ProviderScope
from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts import placement as c
from shared.contracts.placement import (
    GuaranteeAuthority,
    GuaranteeDecided,
    GuaranteeDecision,
    GuaranteeFunding,
    GuaranteeKind,
    GuaranteeRequested,
    PlacementCompleted,
    ViewingScheduled,
)
from shared.decider import RuleViolation
from shared.envelope import DomainEvent, Envelope
from shared.testing import given
from support.builders.placement import (
    HID,
    LID,
    OID,
    TODAY,
    completed,
    day,
    decided,
    lease,
    proposed,
    received,
)

VID = UUID("00000000-0000-4000-8000-0000000000b9")
GID = UUID("00000000-0000-4000-8000-0000000000c9")
# The offer's cold rent is 610 €: a deposit is at most three of it (§ 551 BGB).
DEPOSIT_LIMIT = Decimal("1830.00")


def request(amount: str | None, kind: GuaranteeKind = GuaranteeKind.deposit) -> RequestGuarantee:
    return RequestGuarantee(
        guarantee_id=GID,
        household_id=HID,
        kind=kind,
        requested_from=GuaranteeAuthority.jobcenter,
        requested_on=day(13),
        today=TODAY,
        amount=None if amount is None else Decimal(amount),
        funding=GuaranteeFunding.loan,
    )


def requested(amount: str | None = "1500.00") -> GuaranteeRequested:
    return GuaranteeRequested(
        offer_id=OID,
        guarantee_id=GID,
        household_id=HID,
        provider="caritas",
        kind=GuaranteeKind.deposit,
        requested_from=GuaranteeAuthority.jobcenter,
        amount=None if amount is None else Decimal(amount),
        funding=GuaranteeFunding.loan,
        occurred_at=business_time(day(13)),
    )


def decide(decision: GuaranteeDecision, **overrides: Any) -> DecideGuarantee:
    values: dict[str, Any] = {
        "guarantee_id": GID,
        "decision": decision,
        "decided_on": day(18),
        "today": TODAY,
        **overrides,
    }
    return DecideGuarantee(**values)


def guarantee_decided(**overrides: Any) -> GuaranteeDecided:
    values: dict[str, Any] = {
        "offer_id": OID,
        "guarantee_id": GID,
        "household_id": HID,
        "provider": "caritas",
        "kind": GuaranteeKind.deposit,
        "requested_from": GuaranteeAuthority.jobcenter,
        "requested_on": day(13),
        "decision": GuaranteeDecision.approved,
        "requested_amount": Decimal("1500.00"),
        "granted_amount": Decimal("1500.00"),
        "funding": GuaranteeFunding.loan,
        "occurred_at": business_time(day(18)),
        **overrides,
    }
    return GuaranteeDecided(**values)


# ---------------------------------------------------------------- guarantee


def test_a_guarantee_request_records_its_amount_and_that_it_is_a_loan() -> None:
    given(offer, received(), proposed(), decided()).when(request("1500.00")).then(requested())


def test_a_deposit_above_three_cold_rents_is_refused_naming_the_limit() -> None:
    error = (
        given(offer, received(), proposed(), decided())
        .when(request("1830.01"))
        .then_error(RuleViolation, code="deposit_above_limit")
    )
    assert "1.830,00 €" in error.message and "§ 551 BGB" in error.message
    # Exactly three cold rents is allowed; the limit is the deposit's, not a rent guarantee's.
    given(offer, received(), proposed(), decided()).when(request("1830.00")).then(
        requested("1830.00")
    )
    rent = request("5000.00", kind=GuaranteeKind.rent)
    given(offer, received(), proposed(), decided()).when(rent).then(
        requested("5000.00").model_copy(update={"kind": GuaranteeKind.rent})
    )


def test_an_approval_without_amount_or_form_grants_what_was_requested() -> None:
    given(offer, received(), proposed(), decided(), requested()).when(
        decide(GuaranteeDecision.approved)
    ).then(guarantee_decided())


def test_an_approval_records_what_the_authority_granted_when_it_differs() -> None:
    command = decide(
        GuaranteeDecision.approved,
        granted_amount=Decimal("1200.00"),
        funding=GuaranteeFunding.grant,
    )
    given(offer, received(), proposed(), decided(), requested()).when(command).then(
        guarantee_decided(granted_amount=Decimal("1200.00"), funding=GuaranteeFunding.grant)
    )


def test_a_refusal_grants_nothing_and_takes_no_amount() -> None:
    given(offer, received(), proposed(), decided(), requested()).when(
        decide(GuaranteeDecision.declined)
    ).then(
        guarantee_decided(decision=GuaranteeDecision.declined, granted_amount=None, funding=None)
    )
    given(offer, received(), proposed(), decided(), requested()).when(
        decide(GuaranteeDecision.declined, granted_amount=Decimal("100.00"))
    ).then_error(RuleViolation, code="declined_with_amount")


def test_a_granted_deposit_above_three_cold_rents_is_refused() -> None:
    given(offer, received(), proposed(), decided(), requested()).when(
        decide(GuaranteeDecision.approved, granted_amount=DEPOSIT_LIMIT + 1)
    ).then_error(RuleViolation, code="deposit_above_limit")


# ---------------------------------------------------------------- viewing


def test_a_viewing_is_arranged_for_a_day_and_a_time() -> None:
    command = ScheduleViewing(
        viewing_id=VID, household_id=HID, viewing_on=day(14), today=TODAY, viewing_at=time(14, 30)
    )
    given(offer, received(), proposed()).when(command).then(
        ViewingScheduled(
            offer_id=OID,
            viewing_id=VID,
            household_id=HID,
            provider="caritas",
            viewing_on=day(14),
            viewing_at=time(14, 30),
            occurred_at=business_time(TODAY),
        )
    )


# ---------------------------------------------------------------- lease


def test_a_lease_without_rent_or_size_records_the_offers() -> None:
    # The offer: 610 € cold rent + 180 € cold running costs, 72.5 m².
    given(offer, received(), proposed(), decided()).when(lease()).then(completed())


def test_a_lease_records_its_own_rent_and_size() -> None:
    command = lease(
        gross_cold_rent=Decimal("805.50"), warm_rent=Decimal("950.00"), size_m2=Decimal("71")
    )
    given(offer, received(), proposed(), decided()).when(command).then(
        completed(
            gross_cold_rent=Decimal("805.50"), warm_rent=Decimal("950.00"), size_m2=Decimal("71")
        )
    )


def test_a_warm_rent_below_the_gross_cold_rent_is_refused() -> None:
    error = (
        given(offer, received(), proposed(), decided())
        .when(lease(warm_rent=Decimal("700.00")))  # below the offer's 790 € gross cold
        .then_error(RuleViolation, code="warm_below_cold")
    )
    assert "790,00 €" in error.message


def test_a_rent_above_five_times_the_guideline_value_needs_a_confirmation() -> None:
    # 5 persons; the municipality's guideline value for them 1.251 €; five times: 6.255 €.
    limit = Decimal("1251.00")
    far_above = lease(gross_cold_rent=Decimal("6255.01"), rent_limit=limit)
    error = (
        given(offer, received(), proposed(), decided())
        .when(far_above)
        .then_error(RuleViolation, code="rent_implausible")
    )
    assert "6.255,01 €" in error.message and "1.251,00 €" in error.message
    confirmed = lease(gross_cold_rent=Decimal("6255.01"), rent_limit=limit, rent_confirmed=True)
    given(offer, received(), proposed(), decided()).when(confirmed).then(
        completed(gross_cold_rent=Decimal("6255.01"))
    )
    at_the_bound = lease(gross_cold_rent=Decimal("6255.00"), rent_limit=limit)
    given(offer, received(), proposed(), decided()).when(at_the_bound).then(
        completed(gross_cold_rent=Decimal("6255.00"))
    )
    # A municipality without guideline values: nothing to compare with.
    no_limit = lease(gross_cold_rent=Decimal("9000.00"))
    given(offer, received(), proposed(), decided()).when(no_limit).then(
        completed(gross_cold_rent=Decimal("9000.00"))
    )


# ---------------------------------------------------------------- requests (422 at the field)


def test_the_requests_say_in_german_at_the_field_what_is_wrong() -> None:
    def fields(model: type[Any], body: dict[str, Any]) -> dict[str, str]:
        with pytest.raises(ValidationError) as caught:
            model.model_validate(body)
        return {
            ".".join(str(p) for p in e["loc"]): e["msg"].removeprefix("Value error, ")
            for e in caught.value.errors()
        }

    viewing = {"household_id": str(HID), "viewing_on": "2019-09-14", "viewing_at": "halb drei"}
    assert fields(c.ScheduleViewing, viewing) == {
        "viewing_at": "Bitte eine Uhrzeit eingeben, z. B. 14:30."
    }
    for typed, meant in (("14:30", time(14, 30)), ("9 Uhr", time(9)), ("9.15", time(9, 15))):
        parsed = c.ScheduleViewing.model_validate({**viewing, "viewing_at": typed})
        assert parsed.viewing_at == meant
    assert fields(c.ScheduleViewing, {**viewing, "viewing_at": "25:00"})

    asked = {"household_id": str(HID), "kind": "deposit", "requested_from": "jobcenter"}
    assert fields(c.RequestGuarantee, {**asked, "amount": "0"}) == {
        "amount": "Bitte einen Betrag über 0 € eingeben, z. B. 1.950,00."
    }
    assert "funding" in fields(c.RequestGuarantee, {**asked, "funding": "gift"})
    declined = {"guarantee_id": str(GID), "decision": "declined", "granted_amount": "10"}
    assert fields(c.DecideGuarantee, declined) == {
        "granted_amount": "Das gibt es nur bei einer Bewilligung; bitte leer lassen."
    }

    signed = {"household_id": str(HID), "lease_signed_on": "2019-09-20", "moved_on": "2019-09-28"}
    assert fields(c.CompletePlacement, {**signed, "gross_cold_rent": "0"}) == {
        "gross_cold_rent": "Die Miete muss größer als 0 € sein."
    }
    low_warm = {**signed, "gross_cold_rent": "800", "warm_rent": "799.99"}
    assert fields(c.CompletePlacement, low_warm) == {
        "warm_rent": "Die Warmmiete kann nicht unter der Bruttokaltmiete liegen."
    }


# ---------------------------------------------------------------- read back


def _fold(*events: Any) -> Offer:
    state = Offer()
    for event in events:
        state = evolve(state, event)
    return state


def test_the_offer_view_shows_time_amounts_and_the_lease() -> None:
    scheduled = ViewingScheduled(
        offer_id=OID,
        viewing_id=VID,
        household_id=HID,
        provider="caritas",
        viewing_on=day(14),
        viewing_at=time(9, 15),
        occurred_at=business_time(day(13)),
    )
    state = _fold(
        received(), proposed(), decided(), scheduled, requested(), guarantee_decided(), completed()
    )
    view = offer_view(state, 7, ProviderScope.only("caritas"), None, None)
    assert view.viewings[0].viewing_at == time(9, 15)
    g = view.guarantees[0]
    assert (g.amount, g.funding, g.granted_amount, g.granted_funding) == (
        Decimal("1500.00"),
        GuaranteeFunding.loan,
        Decimal("1500.00"),
        GuaranteeFunding.loan,
    )
    assert view.lease == c.LeaseView(
        household_id=HID,
        lease_signed_on=day(20),
        moved_on=day(28),
        gross_cold_rent=Decimal("790.00"),
        warm_rent=None,
        size_m2=Decimal("72.5"),
    )
    # Another provider's caseworker sees neither the household nor its lease.
    assert offer_view(state, 7, ProviderScope.only("drk"), None, None).lease is None

    course = list(_entries(HID, OID, [scheduled, requested(), guarantee_decided(), completed()]))
    assert [(e.step, e.at, e.amount, e.funding) for e in course] == [
        (c.CourseStep.viewing_scheduled, time(9, 15), None, None),
        (c.CourseStep.guarantee_requested, None, Decimal("1500.00"), GuaranteeFunding.loan),
        (c.CourseStep.guarantee_approved, None, Decimal("1500.00"), GuaranteeFunding.loan),
        (c.CourseStep.lease_signed, None, Decimal("790.00"), None),
    ]


# ---------------------------------------------------------------- old events


def stored(event_type: str, payload: dict[str, Any]) -> Envelope:
    """An event as version 1 wrote it to the store, before these facts were asked for."""
    return Envelope(
        event_id=uuid4(),
        event_type=event_type,
        schema_version=1,
        stream_id=f"placement-offer-koeln-{OID}",
        stream_version=3,
        municipality="koeln",
        provider="caritas",
        actor="pseudonym-1",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=datetime(2019, 9, 19, 22, tzinfo=UTC),
        recorded_at=datetime(2019, 9, 20, 8, tzinfo=UTC),
        payload=payload,
    )


V1: dict[str, dict[str, Any]] = {
    "ViewingScheduled": {
        "offer_id": str(OID),
        "viewing_id": str(VID),
        "household_id": str(HID),
        "provider": "caritas",
        "viewing_on": "2019-09-14",
    },
    "GuaranteeRequested": {
        "offer_id": str(OID),
        "guarantee_id": str(GID),
        "household_id": str(HID),
        "provider": "caritas",
        "kind": "deposit",
        "requested_from": "jobcenter",
    },
    "GuaranteeDecided": {
        "offer_id": str(OID),
        "guarantee_id": str(GID),
        "household_id": str(HID),
        "provider": "caritas",
        "kind": "deposit",
        "requested_from": "jobcenter",
        "requested_on": "2019-09-13",
        "decision": "approved",
    },
    "PlacementCompleted": {
        "household_id": str(HID),
        "offer_id": str(OID),
        "landlord_id": str(LID),
        "landlord_kind": "municipal_housing_company",
        "provider": "caritas",
        "adults": 2,
        "minors": 3,
        "refugee_quota": True,
        "volunteer_supported": False,
        "wbs_required": True,
        "household_had_wbs": True,
        "moved_on": "2019-09-28",
    },
}
NOT_RECORDED = {
    "ViewingScheduled": {"viewing_at"},
    "GuaranteeRequested": {"amount", "funding"},
    "GuaranteeDecided": {"requested_amount", "granted_amount", "funding"},
    "PlacementCompleted": {"gross_cold_rent", "warm_rent", "size_m2"},
}


@pytest.mark.parametrize("event_type", sorted(V1))
def test_a_stored_version_1_event_reads_as_not_recorded(event_type: str) -> None:
    event = CONTRACTS.decode(stored(event_type, V1[event_type]))
    assert isinstance(event, DomainEvent) and event.schema_version == 2
    new = NOT_RECORDED[event_type]
    assert {name: getattr(event, name) for name in new} == dict.fromkeys(new)
    # Everything version 1 said is still there.
    assert event.model_dump(mode="json", exclude={*new, "occurred_at"}) == V1[event_type]


def test_an_offer_of_old_events_still_folds_and_shows() -> None:
    old = [CONTRACTS.decode(stored(t, V1[t])) for t in V1]
    assert isinstance(old[-1], PlacementCompleted)
    state = _fold(received(), proposed(), decided(), *old)
    view = offer_view(state, 9, ProviderScope.only("caritas"), None, None)
    assert view.viewings[0].viewing_at is None
    assert (view.guarantees[0].amount, view.guarantees[0].granted_amount) == (None, None)
    assert view.lease is not None and view.lease.gross_cold_rent is None
    course = list(_entries(HID, OID, [e for e in old if e is not None]))
    assert {e.amount for e in course} == {None}
