"""The aftercare offer (Nachbetreuung) to a household placed into its own flat.

One stream per household (`aftercare:<municipality>:<household_id>`): the stream's
unique version makes a second offer for the same household impossible, however often
placement's event arrives. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared.clock import business_day, business_time
from shared.contracts.prevention.codes import (
    AftercareDeclineReason,
    AftercareStatus,
    AftercareWithdrawalReason,
)
from shared.contracts.prevention.events import (
    AftercareAccepted,
    AftercareDeclined,
    AftercareOffered,
    AftercareWithdrawn,
)
from shared.decider import Decider, NotFound, RuleViolation


@dataclass(frozen=True)
class OfferAftercare:
    household_id: UUID
    provider: str
    adults: int
    minors: int
    offer_id: UUID
    moved_on: date
    lease_signed_on: date


@dataclass(frozen=True)
class AcceptAftercare:
    decided_on: date
    today: date


@dataclass(frozen=True)
class DeclineAftercare:
    reason: AftercareDeclineReason
    decided_on: date
    today: date


@dataclass(frozen=True)
class WithdrawAftercare:
    """Take the offer back because the placement into flat `offer_id` was retracted."""

    offer_id: UUID
    withdrawn_on: date


WITHDRAWN = (
    "Das Angebot der Nachbetreuung ist zurückgezogen, weil die Vermittlung zurückgenommen wurde."
)

Command = OfferAftercare | AcceptAftercare | DeclineAftercare | WithdrawAftercare
Event = AftercareOffered | AftercareAccepted | AftercareDeclined | AftercareWithdrawn


@dataclass(frozen=True)
class Aftercare:
    offered: AftercareOffered | None = None
    status: AftercareStatus | None = None
    decided_on: date | None = None
    decline_reason: AftercareDeclineReason | None = None

    @property
    def provider(self) -> str | None:
        return self.offered.provider if self.offered else None


def decide(command: Command, state: Aftercare) -> Sequence[Event]:
    match command:
        case OfferAftercare():
            # After a withdrawal the household may be placed again, and is offered anew.
            if state.offered is not None and state.status is not AftercareStatus.withdrawn:
                raise RuleViolation("already_offered", "Nachbetreuung wurde bereits angeboten.")
            return [
                AftercareOffered(
                    household_id=command.household_id,
                    provider=command.provider,
                    adults=command.adults,
                    minors=command.minors,
                    offer_id=command.offer_id,
                    moved_on=command.moved_on,
                    occurred_at=business_time(command.lease_signed_on),
                )
            ]
        case WithdrawAftercare():
            return _withdrawal(command, state)
        case AcceptAftercare() | DeclineAftercare():
            offered = _open_offer(state, command.decided_on, command.today)
            day = business_time(command.decided_on)
            if isinstance(command, AcceptAftercare):
                return [
                    AftercareAccepted(
                        household_id=offered.household_id,
                        provider=offered.provider,
                        occurred_at=day,
                    )
                ]
            return [
                AftercareDeclined(
                    household_id=offered.household_id,
                    provider=offered.provider,
                    reason=command.reason,
                    occurred_at=day,
                )
            ]


def _withdrawal(command: WithdrawAftercare, state: Aftercare) -> Sequence[Event]:
    """Only the offer that came from the retracted placement is withdrawn, once. An offer
    already accepted is withdrawn too: the household never moved, so there is nothing to
    follow up. A declined offer stays as it is (nothing was given that could be taken
    back, and its reason remains what the household said)."""
    offered = state.offered
    if offered is None or offered.offer_id != command.offer_id:
        return []
    if state.status not in (AftercareStatus.offered, AftercareStatus.accepted):
        return []
    return [
        AftercareWithdrawn(
            household_id=offered.household_id,
            provider=offered.provider,
            offer_id=offered.offer_id,
            reason=AftercareWithdrawalReason.placement_retracted,
            occurred_at=business_time(command.withdrawn_on),
        )
    ]


def _open_offer(state: Aftercare, decided_on: date, today: date) -> AftercareOffered:
    if state.offered is None:
        raise NotFound("aftercare", "Kein Angebot der Nachbetreuung für diesen Haushalt.")
    if state.status is AftercareStatus.withdrawn:
        raise RuleViolation("withdrawn", WITHDRAWN)
    if state.status is not AftercareStatus.offered:
        raise RuleViolation(
            "already_decided",
            "Über die Nachbetreuung ist bereits entschieden: "
            + ("angenommen." if state.status is AftercareStatus.accepted else "abgelehnt."),
        )
    if decided_on > today:
        raise RuleViolation("in_future", "Das Datum liegt in der Zukunft.")
    offered_on = business_day(state.offered.occurred_at)
    if decided_on < offered_on:
        raise RuleViolation(
            "too_early",
            f"Das Datum liegt vor dem Angebot ({offered_on.strftime('%d.%m.%Y')}).",
        )
    return state.offered


def evolve(state: Aftercare, event: Event) -> Aftercare:
    match event:
        case AftercareOffered():
            return Aftercare(offered=event, status=AftercareStatus.offered)
        case AftercareAccepted():
            day = business_day(event.occurred_at)
            return replace(state, status=AftercareStatus.accepted, decided_on=day)
        case AftercareDeclined():
            day = business_day(event.occurred_at)
            return replace(
                state,
                status=AftercareStatus.declined,
                decided_on=day,
                decline_reason=event.reason,
            )
        case AftercareWithdrawn():
            day = business_day(event.occurred_at)
            return replace(state, status=AftercareStatus.withdrawn, decided_on=day)
        case _:
            return state


aftercare: Decider[Command, Event, Aftercare] = Decider(
    decide=decide, evolve=evolve, initial_state=Aftercare()
)


def stream_id(municipality: str, household_id: UUID) -> str:
    """One stream per household and municipality: at most one aftercare offer each."""
    return f"aftercare:{municipality}:{household_id}"
