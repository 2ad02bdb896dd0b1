"""The days intake's events now carry for the rule-made follow-ups: version 2 of
`HouseholdConsentWithdrawn` (the consent that stays in force) and of
`HouseholdDeregistrationRevoked` (the WBS and consent days the follow-ups reopen from).
Version 1 events still read; the decider fills the new fields; and what it decides gives
the follow-ups a caseworker expects."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

from services.intake.domain.household import household
from services.intake.domain.household_commands import RevokeDeregistration, WithdrawConsent
from services.reporting.domain.follow_ups import Closed, Opened, follow_up_id
from services.reporting.domain.follow_ups.intake import purpose_key, signals
from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts.followups import Rule, SubjectKind
from shared.contracts.intake import (
    ConsentPurpose,
    DeregistrationReason,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
)
from shared.envelope import DomainEvent, Envelope
from support.builders.household import HID, TODAY, registered

CID = UUID("00000000-0000-4000-8000-00000000c001")
CID2 = UUID("00000000-0000-4000-8000-00000000c002")
CID3 = UUID("00000000-0000-4000-8000-00000000c003")
OFFER = UUID("00000000-0000-4000-8000-0000000000f1")
PROCESSING = ConsentPurpose.data_processing
TANDEM = ConsentPurpose.volunteer_tandem
WBS_END = date(2020, 9, 30)
MOMENT = datetime(2020, 1, 14, 23, tzinfo=UTC)


def envelope(event_type: str, payload: dict[str, Any], version: int) -> Envelope:
    return Envelope(
        event_id=uuid4(),
        event_type=event_type,
        schema_version=version,
        stream_id=f"household:koeln:{HID}",
        stream_version=3,
        municipality="koeln",
        provider="caritas",
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=MOMENT,
        recorded_at=MOMENT,
        payload=payload,
    )


def over_the_wire(event: DomainEvent) -> DomainEvent | None:
    wire = envelope(event.event_type, event.payload(), event.schema_version)
    return CONTRACTS.decode(Envelope.model_validate_json(wire.model_dump_json()))


def given(cid: UUID, on: date, purpose: ConsentPurpose = PROCESSING) -> HouseholdConsentGiven:
    return HouseholdConsentGiven(
        household_id=HID,
        consent_id=cid,
        purpose_code=purpose,
        given_on=on,
        occurred_at=business_time(on),
    )


def deregistered() -> HouseholdDeregistered:
    return HouseholdDeregistered(
        household_id=HID,
        reason=DeregistrationReason.moved_out_via_placement,
        adults=2,
        minors=2,
        offer_id=OFFER,
        occurred_at=business_time(date(2020, 1, 12)),
    )


def decide(command: Any, *history: Any) -> list[Any]:
    return list(household.decide(command, household.fold(history)))


# -- versions -----------------------------------------------------------------------------


def test_both_events_are_at_version_2() -> None:
    assert HouseholdConsentWithdrawn.schema_version == 2
    assert HouseholdDeregistrationRevoked.schema_version == 2


def test_a_version_1_withdrawal_reads_as_no_consent_remaining() -> None:
    v1 = {
        "household_id": str(HID),
        "consent_id": str(CID),
        "purpose_code": "data_processing",
        "withdrawn_on": "2020-01-14",
    }

    decoded = CONTRACTS.decode(envelope("HouseholdConsentWithdrawn", v1, version=1))

    assert decoded == HouseholdConsentWithdrawn(
        household_id=HID,
        consent_id=CID,
        purpose_code=PROCESSING,
        withdrawn_on=date(2020, 1, 14),
        remaining_given_on=None,
        occurred_at=MOMENT,
    )


def test_a_version_1_revocation_reads_as_no_days_known() -> None:
    v1 = {
        "household_id": str(HID),
        "deregistered_on": "2020-01-12",
        "reason": "moved_out_via_placement",
        "adults": 2,
        "minors": 2,
    }

    decoded = CONTRACTS.decode(envelope("HouseholdDeregistrationRevoked", v1, version=1))

    assert isinstance(decoded, HouseholdDeregistrationRevoked)
    assert decoded.wbs_valid_until is None
    assert decoded.consents_given_on == {}
    assert decoded.adults == 2
    assert signals(decoded, "koeln", "caritas") == []


def test_version_2_events_round_trip() -> None:
    withdrawn = HouseholdConsentWithdrawn(
        household_id=HID,
        consent_id=CID2,
        purpose_code=PROCESSING,
        withdrawn_on=date(2020, 1, 14),
        remaining_given_on=date(2019, 12, 31),
        occurred_at=MOMENT,
    )
    revoked = HouseholdDeregistrationRevoked(
        household_id=HID,
        deregistered_on=date(2020, 1, 12),
        reason=DeregistrationReason.moved_out_via_placement,
        adults=2,
        minors=2,
        wbs_valid_until=WBS_END,
        consents_given_on={PROCESSING: date(2019, 12, 31), TANDEM: date(2020, 1, 2)},
        occurred_at=MOMENT,
    )

    assert over_the_wire(withdrawn) == withdrawn
    assert over_the_wire(revoked) == revoked


# -- the decider fills them ---------------------------------------------------------------


def withdraw(cid: UUID) -> WithdrawConsent:
    return WithdrawConsent(consent_id=cid, withdrawn_on=TODAY, today=TODAY)


def test_withdrawing_the_only_consent_of_its_purpose_leaves_none() -> None:
    (event,) = decide(withdraw(CID), registered(), given(CID, date(2020, 1, 2)))

    assert event.remaining_given_on is None


def test_withdrawing_the_newer_consent_leaves_the_older_one_in_force() -> None:
    history = (registered(), given(CID, date(2020, 1, 2)), given(CID2, date(2020, 1, 9)))

    (event,) = decide(withdraw(CID2), *history)

    assert event.remaining_given_on == date(2020, 1, 2)
    # It is due for renewal from the older one's day on.
    assert signals(event, "koeln", "caritas") == [
        Opened(
            Rule.consent_renewal,
            SubjectKind.household,
            HID,
            anchor_on=date(2021, 1, 2),
            key=purpose_key(PROCESSING),
            household_id=HID,
            provider="caritas",
        )
    ]


def test_withdrawing_a_superseded_consent_keeps_the_renewal_of_the_newer_one() -> None:
    history = (registered(), given(CID, date(2020, 1, 2)), given(CID2, date(2020, 1, 9)))

    (event,) = decide(withdraw(CID), *history)

    assert event.remaining_given_on == date(2020, 1, 9)


def test_a_consent_of_another_purpose_or_already_withdrawn_does_not_remain() -> None:
    history = (
        registered(),
        given(CID, date(2020, 1, 2)),
        given(CID2, date(2020, 1, 3), TANDEM),
        given(CID3, date(2020, 1, 4)),
        HouseholdConsentWithdrawn(
            household_id=HID,
            consent_id=CID3,
            purpose_code=PROCESSING,
            withdrawn_on=date(2020, 1, 5),
            occurred_at=business_time(date(2020, 1, 5)),
        ),
    )

    (event,) = decide(withdraw(CID), *history)

    assert event.remaining_given_on is None
    assert signals(event, "koeln", "caritas") == [
        Closed(Rule.consent_renewal, HID, purpose_key(PROCESSING))
    ]


def test_a_withdrawal_after_deregistration_reopens_nothing() -> None:
    history = (
        registered(),
        given(CID, date(2020, 1, 2)),
        given(CID2, date(2020, 1, 9)),
        deregistered(),
    )

    (event,) = decide(withdraw(CID2), *history)

    assert event.remaining_given_on is None


def test_a_revocation_carries_the_wbs_day_and_the_consents_in_force() -> None:
    history = (
        registered(wbs=True, wbs_valid_until=WBS_END),
        given(CID, date(2020, 1, 2)),
        given(CID2, date(2020, 1, 3), TANDEM),
        given(CID3, date(2020, 1, 4)),
        HouseholdConsentWithdrawn(
            household_id=HID,
            consent_id=CID2,
            purpose_code=TANDEM,
            withdrawn_on=date(2020, 1, 5),
            occurred_at=business_time(date(2020, 1, 5)),
        ),
        deregistered(),
    )

    (event,) = decide(RevokeDeregistration(offer_id=OFFER, revoked_on=TODAY, today=TODAY), *history)

    assert event.wbs_valid_until == WBS_END
    assert event.consents_given_on == {PROCESSING: date(2020, 1, 4)}
    opened = signals(event, "koeln", "caritas")
    assert {follow_up_id(s.rule, s.subject_id, s.key) for s in opened} == {
        follow_up_id(Rule.wbs_expiring, HID, None),
        follow_up_id(Rule.consent_renewal, HID, purpose_key(PROCESSING)),
    }


def test_a_revocation_of_a_household_without_a_wbs_carries_no_wbs_day() -> None:
    (event,) = decide(
        RevokeDeregistration(offer_id=OFFER, revoked_on=TODAY, today=TODAY),
        registered(),
        deregistered(),
    )

    assert event.wbs_valid_until is None
    assert event.consents_given_on == {}
