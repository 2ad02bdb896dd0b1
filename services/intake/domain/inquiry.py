"""The inquiry aggregate: one inquiry to the central inbox, received then triaged. Pure.

The inquiry text and the sender's name and contact are personal data: the application
keeps them out of the commands. Times are moments, not days, so the time to first
answer can be reported in hours.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from uuid import UUID

from shared.contracts.intake import (
    ForwardTarget,
    InquiryChannel,
    InquiryReceived,
    InquiryTriaged,
    SenderKind,
    TriageOutcome,
)
from shared.decider import Decider, NotFound, RuleViolation
from shared.validation import IdUnavailable

# Clocks of the people typing differ a little from the server's.
CLOCK_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class ReceiveInquiry:
    inquiry_id: UUID
    sender_kind: SenderKind
    channel: InquiryChannel
    received_at: datetime
    now: datetime


@dataclass(frozen=True)
class TriageInquiry:
    outcome: TriageOutcome
    triaged_at: datetime
    now: datetime
    forwarded_to_kind: ForwardTarget | None = None
    forwarded_to: str | None = None
    household_id: UUID | None = None


Command = ReceiveInquiry | TriageInquiry
Event = InquiryReceived | InquiryTriaged


@dataclass(frozen=True)
class Inquiry:
    received: bool = False
    inquiry_id: UUID | None = None
    received_at: datetime | None = None
    triaged: int = 0
    first_triaged_at: datetime | None = None
    last_outcome: TriageOutcome | None = None
    case_household_id: UUID | None = None


def decide(command: Command, state: Inquiry) -> list[Event]:
    match command:
        case ReceiveInquiry():
            if state.received:
                raise IdUnavailable("already_received")
            _not_in_future(command.received_at, command.now)
            return [
                InquiryReceived(
                    inquiry_id=command.inquiry_id,
                    sender_kind=command.sender_kind,
                    channel=command.channel,
                    occurred_at=command.received_at,
                )
            ]
        case TriageInquiry():
            return [_triage(command, state)]


def _triage(command: TriageInquiry, state: Inquiry) -> InquiryTriaged:
    if not state.received:
        raise NotFound("inquiry", "Anfrage nicht gefunden.")
    assert state.inquiry_id and state.received_at
    if state.case_household_id is not None:
        raise RuleViolation(
            "already_case",
            "Aus dieser Anfrage ist bereits ein Haushaltsfall geworden; bitte dort weiterarbeiten.",
        )
    _not_in_future(command.triaged_at, command.now)
    if command.triaged_at < state.received_at:
        raise RuleViolation(
            "before_receipt", "Die Bearbeitung kann nicht vor dem Eingang der Anfrage liegen."
        )
    return InquiryTriaged(
        inquiry_id=state.inquiry_id,
        outcome=command.outcome,
        first=state.triaged == 0,
        forwarded_to_kind=command.forwarded_to_kind,
        forwarded_to=command.forwarded_to,
        household_id=command.household_id,
        occurred_at=command.triaged_at,
    )


def _not_in_future(moment: datetime, now: datetime) -> None:
    if moment > now + CLOCK_TOLERANCE:
        raise RuleViolation("in_future", "Der Zeitpunkt liegt in der Zukunft.")


def evolve(state: Inquiry, event: Event) -> Inquiry:
    match event:
        case InquiryReceived():
            return Inquiry(
                received=True, inquiry_id=event.inquiry_id, received_at=event.occurred_at
            )
        case InquiryTriaged():
            return replace(
                state,
                triaged=state.triaged + 1,
                first_triaged_at=state.first_triaged_at or event.occurred_at,
                last_outcome=event.outcome,
                case_household_id=event.household_id
                if event.outcome is TriageOutcome.opened_as_case
                else state.case_household_id,
            )
        case _:
            return state


inquiry = Decider(decide=decide, evolve=evolve, initial_state=Inquiry())


def stream_id(municipality: str, inquiry_id: UUID) -> str:
    """Per municipality, like every stream: another tenant's id finds nothing."""
    return f"inquiry:{municipality}:{inquiry_id}"
