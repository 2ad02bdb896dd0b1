"""Tandems of a household: formed, ended, their support acts, and the placements they
supported. Pure: the application hands in what it looked up (the volunteer, volunteer's
picture of the household from intake's events, placements learnt from placement's).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.volunteer.domain.days import german, not_before, not_in_future
from services.volunteer.domain.tandem_commands import (
    Command,
    ConfirmPlacementSupport,
    EndOnConsentWithdrawn,
    EndTandem,
    FormTandem,
    Placement,
    RecordSupport,
)
from services.volunteer.domain.tandem_consent import end_on_withdrawal, require_consent
from services.volunteer.domain.tandem_state import Event, HouseholdTandems, Tandem, evolve
from services.volunteer.domain.volunteer import REQUIRED_FOR_TANDEM
from shared.clock import business_time
from shared.contracts.volunteer import (
    PlacementSupportConfirmed,
    TandemEnded,
    TandemFormed,
    TandemSupportRecorded,
)
from shared.decider import Decider, NotFound, RuleViolation
from shared.validation import IdUnavailable

__all__ = ["Event", "HouseholdTandems", "stream_id", "tandems"]


def decide(command: Command, state: HouseholdTandems) -> list[Event]:
    match command:
        case FormTandem():
            return _form(command, state)
        case EndTandem():
            return _end(command, state)
        case RecordSupport():
            return _support(command, state)
        case EndOnConsentWithdrawn():
            return end_on_withdrawal(command, state)
        case ConfirmPlacementSupport():
            if state.confirmed(command.placement.placement_event_id):
                return []
            found = state.active_on(command.placement.lease_signed_on)
            if found is None or state.household_id is None:
                return []
            return [_confirmation(found, command.placement, state.household_id)]


def _form(command: FormTandem, state: HouseholdTandems) -> list[Event]:
    household, volunteer, day = command.household, command.volunteer, command.formed_on
    if household is None:
        raise RuleViolation(
            "household_unknown",
            "Diesen Haushalt kennt das Ehrenamt nicht (oder er wird nicht von Ihrem Träger "
            "betreut). Ein eben aufgenommener Haushalt ist nach wenigen Sekunden bekannt.",
        )
    if state.tandem(command.tandem_id) is not None:
        raise IdUnavailable("already_formed")
    if not volunteer.registered:
        raise RuleViolation("volunteer_unknown", "Ehrenamtliche/r nicht gefunden.")
    if volunteer.left_on is not None:
        raise RuleViolation(
            "volunteer_left", f"Die Person ist seit {german(volunteer.left_on)} nicht mehr dabei."
        )
    if REQUIRED_FOR_TANDEM not in volunteer.onboarding:
        raise RuleViolation(
            "agreement_missing",
            "Vor dem ersten Tandem muss die Ehrenamtsvereinbarung unterschrieben sein.",
        )
    if volunteer.provider != household.provider:
        raise RuleViolation(
            "other_provider",
            f"Der Haushalt wird von „{household.provider}“ betreut, die/der Ehrenamtliche "
            f"engagiert sich bei „{volunteer.provider}“.",
        )
    not_in_future(day, command.today, "Der Beginn des Tandems")
    not_before(day, household.registered_on, "Der Beginn", "der Aufnahme des Haushalts")
    not_before(day, volunteer.onboarding[REQUIRED_FOR_TANDEM], "Der Beginn", "der Vereinbarung")
    if household.deregistered_on is not None and day >= household.deregistered_on:
        raise RuleViolation(
            "household_deregistered",
            f"Der Haushalt ist seit {german(household.deregistered_on)} abgemeldet.",
        )
    _no_overlap(state, day)
    consent = require_consent(command)
    assert volunteer.volunteer_id and volunteer.provider
    formed = Tandem(command.tandem_id, volunteer.volunteer_id, volunteer.provider, day)
    events: list[Event] = [
        TandemFormed(
            tandem_id=command.tandem_id,
            volunteer_id=volunteer.volunteer_id,
            household_id=command.household_id,
            provider=volunteer.provider,
            consent_id=consent.consent_id,
            consent_given_on=consent.given_on,
            occurred_at=business_time(day),
        )
    ]
    for placement in command.placements:
        if formed.active_on(placement.lease_signed_on) and not state.confirmed(
            placement.placement_event_id
        ):
            events.append(_confirmation(formed, placement, command.household_id))
    return events


def _no_overlap(state: HouseholdTandems, day: date) -> None:
    if state.active is not None:
        raise RuleViolation(
            "tandem_active",
            f"Der Haushalt hat bereits ein aktives Tandem (seit {german(state.active.formed_on)}).",
        )
    latest = max((t.ended_on for t in state.tandems if t.ended_on), default=None)
    if latest is not None and day < latest:
        raise RuleViolation(
            "tandem_overlaps",
            f"Das vorige Tandem des Haushalts endete erst am {german(latest)}.",
        )


def _end(command: EndTandem, state: HouseholdTandems) -> list[Event]:
    tandem = _existing(state, command.tandem_id)
    if tandem.ended_on is not None:
        raise RuleViolation(
            "already_ended", f"Das Tandem ist bereits am {german(tandem.ended_on)} beendet."
        )
    day = command.ended_on
    not_in_future(day, command.today, "Das Ende des Tandems")
    not_before(day, tandem.formed_on, "Das Ende", "dem Beginn des Tandems")
    supported = [
        c.lease_signed_on
        for c in state.confirmations
        if c.tandem_id == tandem.tandem_id and c.lease_signed_on > day
    ]
    if supported:
        raise RuleViolation(
            "supported_placement",
            f"Das Tandem hat die Vermittlung mit Mietvertrag vom {german(max(supported))} "
            "begleitet; das Ende kann nicht davor liegen.",
        )
    last_support = max((s.supported_on for s in tandem.support), default=None)
    if last_support is not None and last_support > day:
        raise RuleViolation(
            "support_after_end",
            f"Für den {german(last_support)} ist noch eine Unterstützung erfasst.",
        )
    assert state.household_id
    return [
        TandemEnded(
            tandem_id=tandem.tandem_id,
            volunteer_id=tandem.volunteer_id,
            household_id=state.household_id,
            reason=command.reason,
            occurred_at=business_time(day),
        )
    ]


def _support(command: RecordSupport, state: HouseholdTandems) -> list[Event]:
    tandem = _existing(state, command.tandem_id)
    if state.support_recorded(command.support_id):
        raise RuleViolation("already_recorded", "Diese Unterstützung ist bereits erfasst.")
    day = command.supported_on
    not_in_future(day, command.today, "Der Tag der Unterstützung")
    if not tandem.active_on(day):
        raise RuleViolation(
            "outside_tandem",
            f"Am {german(day)} bestand das Tandem nicht (Beginn {german(tandem.formed_on)}"
            + (f", Ende {german(tandem.ended_on)})." if tandem.ended_on else ")."),
        )
    assert state.household_id
    return [
        TandemSupportRecorded(
            support_id=command.support_id,
            tandem_id=tandem.tandem_id,
            household_id=state.household_id,
            kind=command.kind,
            occurred_at=business_time(day),
        )
    ]


def _existing(state: HouseholdTandems, tandem_id: UUID) -> Tandem:
    tandem = state.tandem(tandem_id)
    if tandem is None:
        raise NotFound("tandem", "Tandem nicht gefunden.")
    return tandem


def _confirmation(
    tandem: Tandem, placement: Placement, household_id: UUID
) -> PlacementSupportConfirmed:
    return PlacementSupportConfirmed(
        household_id=household_id,
        tandem_id=tandem.tandem_id,
        volunteer_id=tandem.volunteer_id,
        placement_event_id=placement.placement_event_id,
        offer_id=placement.offer_id,
        provider=placement.provider,
        adults=placement.adults,
        minors=placement.minors,
        lease_signed_on=placement.lease_signed_on,
        occurred_at=business_time(placement.lease_signed_on),
    )


tandems = Decider(decide=decide, evolve=evolve, initial_state=HouseholdTandems())


def stream_id(municipality: str, household_id: UUID) -> str:
    """All tandems of one household; per municipality, so another tenant's id finds nothing."""
    return f"tandems:{municipality}:{household_id}"
