"""Rule-made follow-ups from intake's events (services/reporting/domain/follow_ups/intake.py):
given an event, the signals it gives; applied in stream order as the projection does, which
rows are open with which anchor; and the day each is due."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from services.reporting.domain.follow_ups import Closed, Opened, Signal, due_on, follow_up_id
from services.reporting.domain.follow_ups.intake import purpose_key, signals
from services.reporting.domain.follow_ups.sources import SOURCES
from shared.clock import business_time
from shared.contracts.followups import DEFAULT_DAYS, Rule, SubjectKind
from shared.contracts.intake import (
    AccommodationChanged,
    AccommodationKind,
    ConsentPurpose,
    DeregistrationReason,
    ErasureGround,
    ErasureScope,
    ErasureSubject,
    ForwardTarget,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
    HouseholdNeedsChanged,
    InquiryChannel,
    InquiryReceived,
    InquiryTriaged,
    PersonalDataErased,
    ResidenceOutlook,
    SenderKind,
    TriageOutcome,
)
from shared.contracts.intake.consents import renewal_due_on
from shared.envelope import DomainEvent
from support.builders.household import HID, registered

INQUIRY = UUID("00000000-0000-4000-8000-0000000000a1")
CID = UUID("00000000-0000-4000-8000-00000000c001")
CID2 = UUID("00000000-0000-4000-8000-00000000c002")
PROCESSING = ConsentPurpose.data_processing
TANDEM = ConsentPurpose.volunteer_tandem
WBS_END = date(2020, 6, 30)


def run(*events: DomainEvent) -> dict[UUID, date]:
    """Applies the signals in stream order as the follow-up projection does: opening keeps
    one row per id (a later anchor replaces the earlier), closing ends it (key None: every
    key of the rule on the subject). Returns the open rows' anchors by id."""
    rows: dict[UUID, tuple[Rule, UUID, date]] = {}
    for event in events:
        for signal in signals(event, "koeln", "caritas"):
            apply(rows, signal)
    return {fid: anchor for fid, (_, _, anchor) in rows.items()}


def apply(rows: dict[UUID, tuple[Rule, UUID, date]], signal: Signal) -> None:
    match signal:
        case Opened():
            fid = follow_up_id(signal.rule, signal.subject_id, signal.key)
            rows[fid] = (signal.rule, signal.subject_id, signal.anchor_on)
        case Closed(key=None):
            for fid in [f for f, (r, s, _) in rows.items() if (r, s) == _of(signal)]:
                del rows[fid]
        case Closed():
            rows.pop(follow_up_id(signal.rule, signal.subject_id, signal.key), None)


def _of(signal: Closed) -> tuple[Rule, UUID]:
    return signal.rule, signal.subject_id


def wbs_id() -> UUID:
    return follow_up_id(Rule.wbs_expiring, HID, None)


def consent_id(purpose: ConsentPurpose = PROCESSING) -> UUID:
    return follow_up_id(Rule.consent_renewal, HID, purpose_key(purpose))


def needs(wbs: bool = True, until: date | None = WBS_END) -> HouseholdNeedsChanged:
    return HouseholdNeedsChanged(
        household_id=HID,
        wbs=wbs,
        wbs_valid_until=until,
        residence_outlook=ResidenceOutlook.unknown,
        occurred_at=business_time(date(2020, 2, 1)),
    )


def consent_given(
    on: date, purpose: ConsentPurpose = PROCESSING, cid: UUID = CID
) -> HouseholdConsentGiven:
    return HouseholdConsentGiven(
        household_id=HID,
        consent_id=cid,
        purpose_code=purpose,
        given_on=on,
        occurred_at=business_time(on),
    )


def consent_withdrawn(
    on: date, remaining: date | None = None, cid: UUID = CID
) -> HouseholdConsentWithdrawn:
    return HouseholdConsentWithdrawn(
        household_id=HID,
        consent_id=cid,
        purpose_code=PROCESSING,
        withdrawn_on=on,
        remaining_given_on=remaining,
        occurred_at=business_time(on),
    )


def deregistered() -> HouseholdDeregistered:
    return HouseholdDeregistered(
        household_id=HID,
        reason=DeregistrationReason.moved_out_via_placement,
        adults=2,
        minors=2,
        occurred_at=business_time(date(2020, 3, 1)),
    )


def revoked(
    until: date | None, consents: dict[ConsentPurpose, date]
) -> HouseholdDeregistrationRevoked:
    return HouseholdDeregistrationRevoked(
        household_id=HID,
        deregistered_on=date(2020, 3, 1),
        reason=DeregistrationReason.moved_out_via_placement,
        adults=2,
        minors=2,
        wbs_valid_until=until,
        consents_given_on=consents,
        occurred_at=business_time(date(2020, 3, 5)),
    )


def erased(subject: ErasureSubject = ErasureSubject.household) -> PersonalDataErased:
    return PersonalDataErased(
        subject_kind=subject,
        subject_id=HID if subject is ErasureSubject.household else CID2,
        household_id=None if subject is ErasureSubject.household else HID,
        scope=ErasureScope.all_personal_data,
        ground=ErasureGround.data_subject_request,
        occurred_at=business_time(date(2020, 3, 1)),
    )


def received(at: datetime) -> InquiryReceived:
    return InquiryReceived(
        inquiry_id=INQUIRY,
        sender_kind=SenderKind.resident,
        channel=InquiryChannel.phone,
        occurred_at=at,
    )


def triaged(outcome: TriageOutcome) -> InquiryTriaged:
    forwarded = outcome is TriageOutcome.forwarded
    return InquiryTriaged(
        inquiry_id=INQUIRY,
        outcome=outcome,
        first=True,
        forwarded_to_kind=ForwardTarget.provider if forwarded else None,
        forwarded_to="caritas" if forwarded else None,
        occurred_at=datetime(2020, 1, 3, 10, tzinfo=UTC),
    )


def test_both_signal_modules_are_sources() -> None:
    from services.reporting.domain.follow_ups import prevention

    assert signals in SOURCES
    assert prevention.signals in SOURCES


# -- wbs_expiring -------------------------------------------------------------------------


def test_a_registration_with_a_wbs_day_opens_the_wbs_follow_up_on_that_day() -> None:
    event = registered(wbs=True, wbs_valid_until=WBS_END)

    assert signals(event, "koeln", "caritas") == [
        Opened(
            Rule.wbs_expiring,
            SubjectKind.household,
            HID,
            anchor_on=WBS_END,
            household_id=HID,
            provider="caritas",
        )
    ]


@pytest.mark.parametrize(
    ("wbs", "until"), [(False, None), (True, None)], ids=["no WBS", "WBS without a day"]
)
def test_a_registration_without_a_wbs_day_opens_nothing(wbs: bool, until: date | None) -> None:
    assert signals(registered(wbs=wbs, wbs_valid_until=until), "koeln", "caritas") == []


def test_a_renewed_wbs_moves_the_same_follow_up_to_its_new_last_day() -> None:
    renewed = date(2021, 6, 30)

    rows = run(registered(wbs=True, wbs_valid_until=WBS_END), needs(until=renewed))

    assert rows == {wbs_id(): renewed}


def test_a_wbs_day_known_only_from_a_change_of_needs_opens_the_follow_up() -> None:
    assert run(registered(), needs(until=WBS_END)) == {wbs_id(): WBS_END}


@pytest.mark.parametrize(
    ("wbs", "until"), [(False, None), (True, None)], ids=["WBS removed", "its day removed"]
)
def test_removing_the_wbs_or_its_day_ends_the_follow_up(wbs: bool, until: date | None) -> None:
    assert run(registered(wbs=True, wbs_valid_until=WBS_END), needs(wbs, until)) == {}


def test_deregistration_ends_the_wbs_and_every_consent_follow_up() -> None:
    rows = run(
        registered(wbs=True, wbs_valid_until=WBS_END),
        consent_given(date(2020, 1, 2)),
        consent_given(date(2020, 1, 3), TANDEM, CID2),
        deregistered(),
    )

    assert rows == {}


def test_erasing_the_household_ends_its_follow_ups_erasing_a_member_does_not() -> None:
    start = (registered(wbs=True, wbs_valid_until=WBS_END), consent_given(date(2020, 1, 2)))

    assert run(*start, erased(ErasureSubject.household)) == {}
    assert run(*start, erased(ErasureSubject.member)) == {
        wbs_id(): WBS_END,
        consent_id(): renewal_due_on(date(2020, 1, 2)),
    }


def test_a_revoked_deregistration_reopens_from_the_days_it_carries() -> None:
    rows = run(
        registered(wbs=True, wbs_valid_until=WBS_END),
        consent_given(date(2020, 1, 2)),
        deregistered(),
        revoked(WBS_END, {PROCESSING: date(2020, 1, 2), TANDEM: date(2020, 2, 2)}),
    )

    assert rows == {
        wbs_id(): WBS_END,
        consent_id(): date(2021, 1, 2),
        consent_id(TANDEM): date(2021, 2, 2),
    }


def test_a_revoked_deregistration_of_version_1_reopens_nothing() -> None:
    # Upcast: no WBS day, no consents known (the same as a household without them).
    rows = run(registered(wbs=True, wbs_valid_until=WBS_END), deregistered(), revoked(None, {}))

    assert rows == {}


def test_the_wbs_follow_up_is_due_thirty_days_before_the_last_day() -> None:
    assert due_on(Rule.wbs_expiring, WBS_END, DEFAULT_DAYS[Rule.wbs_expiring]) == date(2020, 5, 31)


# -- consent_renewal ----------------------------------------------------------------------


def test_a_consent_opens_its_purposes_renewal_a_year_after_it_was_given() -> None:
    event = consent_given(date(2020, 1, 2))

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


def test_a_new_consent_of_the_same_purpose_is_the_renewal_and_replaces_the_row() -> None:
    rows = run(consent_given(date(2020, 1, 2)), consent_given(date(2020, 12, 20), cid=CID2))

    assert rows == {consent_id(): date(2021, 12, 20)}


def test_each_purpose_has_its_own_renewal() -> None:
    rows = run(consent_given(date(2020, 1, 2)), consent_given(date(2020, 1, 9), TANDEM, CID2))

    assert rows == {consent_id(): date(2021, 1, 2), consent_id(TANDEM): date(2021, 1, 9)}
    assert len({purpose_key(p) for p in ConsentPurpose}) == len(ConsentPurpose)


def test_withdrawing_the_only_consent_of_a_purpose_ends_its_renewal() -> None:
    rows = run(
        consent_given(date(2020, 1, 2)),
        consent_given(date(2020, 1, 9), TANDEM, CID2),
        consent_withdrawn(date(2020, 2, 1)),
    )

    assert rows == {consent_id(TANDEM): date(2021, 1, 9)}


def test_withdrawing_one_of_two_consents_counts_from_the_one_that_stays() -> None:
    rows = run(
        consent_given(date(2020, 1, 2)),
        consent_given(date(2020, 6, 1), cid=CID2),
        consent_withdrawn(date(2020, 7, 1), remaining=date(2020, 1, 2), cid=CID2),
    )

    assert rows == {consent_id(): date(2021, 1, 2)}


def test_a_consent_given_on_29_february_is_due_on_28_february() -> None:
    assert renewal_due_on(date(2020, 2, 29)) == date(2021, 2, 28)
    assert renewal_due_on(date(2020, 3, 1)) == date(2021, 3, 1)


def test_the_renewal_is_due_thirty_days_before_the_consent_is_a_year_old() -> None:
    anchor = renewal_due_on(date(2020, 1, 2))

    assert due_on(Rule.consent_renewal, anchor, DEFAULT_DAYS[Rule.consent_renewal]) == date(
        2020, 12, 3
    )


# -- inquiry_unanswered -------------------------------------------------------------------


def test_an_inquiry_opens_its_follow_up_on_the_day_it_came_in_in_local_time() -> None:
    # 23:30 UTC on 31 December is 00:30 on New Year's Day in Cologne.
    event = received(datetime(2019, 12, 31, 23, 30, tzinfo=UTC))

    assert signals(event, "koeln", None) == [
        Opened(Rule.inquiry_unanswered, SubjectKind.inquiry, INQUIRY, anchor_on=date(2020, 1, 1))
    ]


@pytest.mark.parametrize("outcome", list(TriageOutcome))
def test_any_triage_ends_the_inquiry_follow_up(outcome: TriageOutcome) -> None:
    rows = run(received(datetime(2020, 1, 2, 9, tzinfo=UTC)), triaged(outcome))

    assert rows == {}


def test_an_inquiry_of_a_friday_is_due_on_tuesday_after_two_working_days() -> None:
    friday = date(2020, 1, 3)

    assert due_on(Rule.inquiry_unanswered, friday, DEFAULT_DAYS[Rule.inquiry_unanswered]) == (
        date(2020, 1, 7)
    )


def test_a_redelivered_event_keeps_one_row() -> None:
    event = received(datetime(2020, 1, 2, 9, tzinfo=UTC))

    assert run(event, event) == {
        follow_up_id(Rule.inquiry_unanswered, INQUIRY, None): date(2020, 1, 2)
    }


def test_events_no_rule_reads_give_no_signal() -> None:
    moved = AccommodationChanged(
        household_id=HID,
        accommodation_kind=AccommodationKind.city_rented_flat,
        previous_accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(date(2020, 2, 1)),
    )

    assert signals(moved, "koeln", "caritas") == []
