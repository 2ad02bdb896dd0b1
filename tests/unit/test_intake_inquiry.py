"""The central inquiry inbox: an inquiry is received, then triaged, with its moments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from services.intake.domain.inquiry import (
    CLOCK_TOLERANCE,
    Inquiry,
    ReceiveInquiry,
    TriageInquiry,
    inquiry,
    stream_id,
)
from shared.contracts.intake import (
    ForwardTarget,
    InquiryChannel,
    InquiryReceived,
    InquiryTriaged,
    SenderKind,
    TriageOutcome,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given

IID = UUID("00000000-0000-4000-8000-0000000000a1")
HID = UUID("00000000-0000-4000-8000-0000000000b1")
RECEIVED = datetime(2022, 3, 7, 9, 15, tzinfo=UTC)
NOW = datetime(2022, 3, 8, 12, 0, tzinfo=UTC)

received = InquiryReceived(
    inquiry_id=IID,
    sender_kind=SenderKind.landlord,
    channel=InquiryChannel.email,
    occurred_at=RECEIVED,
)


def receive(at: datetime = RECEIVED) -> ReceiveInquiry:
    return ReceiveInquiry(
        inquiry_id=IID,
        sender_kind=SenderKind.landlord,
        channel=InquiryChannel.email,
        received_at=at,
        now=NOW,
    )


def triage(outcome: TriageOutcome = TriageOutcome.answered, **kw: object) -> TriageInquiry:
    values: dict[str, object] = {"outcome": outcome, "triaged_at": NOW, "now": NOW}
    values.update(kw)
    return TriageInquiry(**values)  # type: ignore[arg-type]


def triaged(outcome: TriageOutcome = TriageOutcome.answered, **kw: object) -> InquiryTriaged:
    values: dict[str, object] = {"inquiry_id": IID, "outcome": outcome, "first": True}
    values.update(kw)
    return InquiryTriaged.model_validate({**values, "occurred_at": NOW})


def test_an_inquiry_is_received_at_its_moment() -> None:
    given(inquiry).when(receive()).then(received)


def test_an_inquiry_is_received_once() -> None:
    given(inquiry, received).when(receive()).then_error(RuleViolation, code="already_received")


def test_an_inquiry_from_the_future_is_refused_beyond_clock_tolerance() -> None:
    given(inquiry).when(receive(NOW + CLOCK_TOLERANCE)).then(
        received.model_copy(update={"occurred_at": NOW + CLOCK_TOLERANCE})
    )
    given(inquiry).when(receive(NOW + CLOCK_TOLERANCE + timedelta(seconds=1))).then_error(
        RuleViolation, code="in_future"
    )


def test_the_first_answer_is_marked_first() -> None:
    given(inquiry, received).when(triage()).then(triaged())


def test_a_later_triage_is_not_the_first() -> None:
    given(inquiry, received, triaged()).when(
        triage(
            TriageOutcome.forwarded,
            forwarded_to_kind=ForwardTarget.provider,
            forwarded_to="caritas",
        )
    ).then(
        triaged(
            TriageOutcome.forwarded,
            first=False,
            forwarded_to_kind=ForwardTarget.provider,
            forwarded_to="caritas",
        )
    )


def test_opening_a_case_names_the_household() -> None:
    given(inquiry, received).when(triage(TriageOutcome.opened_as_case, household_id=HID)).then(
        triaged(TriageOutcome.opened_as_case, household_id=HID)
    )


def test_once_a_case_the_inquiry_is_not_triaged_again() -> None:
    case = triaged(TriageOutcome.opened_as_case, household_id=HID)
    given(inquiry, received, case).when(triage()).then_error(RuleViolation, code="already_case")


def test_an_unknown_inquiry_is_not_found() -> None:
    given(inquiry).when(triage()).then_error(NotFound, code="inquiry")


def test_a_triage_before_the_inquiry_arrived_is_refused() -> None:
    given(inquiry, received).when(triage(triaged_at=RECEIVED - timedelta(minutes=1))).then_error(
        RuleViolation, code="before_receipt"
    )


def test_a_triage_in_the_future_is_refused() -> None:
    given(inquiry, received).when(triage(triaged_at=NOW + timedelta(hours=1))).then_error(
        RuleViolation, code="in_future"
    )


def test_the_state_knows_first_answer_and_last_outcome() -> None:
    later = NOW + timedelta(hours=2)
    state = inquiry.fold(
        [
            received,
            triaged(),
            triaged(
                TriageOutcome.forwarded,
                first=False,
                forwarded_to_kind=ForwardTarget.office,
                forwarded_to="jobcenter",
            ).model_copy(update={"occurred_at": later}),
        ]
    )
    assert state == Inquiry(
        received=True,
        inquiry_id=IID,
        received_at=RECEIVED,
        triaged=2,
        first_triaged_at=NOW,
        last_outcome=TriageOutcome.forwarded,
    )


def test_inquiry_streams_are_per_municipality() -> None:
    assert stream_id("bergisch-gladbach", IID) == f"inquiry:bergisch-gladbach:{IID}"
