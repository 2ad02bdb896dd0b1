"""Rules several household commands share: the household must exist and be active, a
day must lie between registration and today, and a composition change must leave a
household behind."""

from __future__ import annotations

from datetime import date

from services.intake.domain.household_commands import ChangeComposition
from services.intake.domain.household_state import Household
from shared.clock import business_time
from shared.contracts.intake import AgeBand, CompositionChange, HouseholdCompositionChanged
from shared.decider import NotFound, RuleViolation


def require_registered(state: Household) -> None:
    if not state.registered:
        raise NotFound("household", "Haushalt nicht gefunden.")


def german_day(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


def require_active(state: Household) -> None:
    """Registered, not deregistered, and neither erased nor restricted: open for changes."""
    require_registered(state)
    if state.erased:
        raise RuleViolation(
            "erased",
            "Die personenbezogenen Daten dieses Haushalts sind gelöscht; "
            "er kann nicht mehr bearbeitet werden.",
        )
    if state.restricted:
        raise RuleViolation(
            "restricted",
            "Die Verarbeitung dieses Haushalts ist eingeschränkt; "
            "er kann nicht bearbeitet werden, solange die Einschränkung besteht.",
        )
    if state.deregistered:
        raise RuleViolation(
            "deregistered",
            "Der Haushalt ist abgemeldet; Änderungen und Einschätzungen sind nicht mehr möglich.",
        )


def require_day(state: Household, day: date, today: date) -> None:
    """A change happens on or after the registration day, and not in the future."""
    if day > today:
        raise RuleViolation("in_future", "Das Datum liegt in der Zukunft.")
    assert state.registered_on is not None
    if day < state.registered_on:
        raise RuleViolation(
            "before_registration",
            "Das Datum liegt vor der Aufnahme des Haushalts "
            f"({state.registered_on.strftime('%d.%m.%Y')}).",
        )


def composition_after(state: Household, command: ChangeComposition) -> HouseholdCompositionChanged:
    """The composition after `command`, or the rule it breaks."""
    assert state.household_id
    if command.change is CompositionChange.birth and any(
        band is not AgeBand.under_6 for band in command.joining
    ):
        raise RuleViolation(
            "newborn_age_band", "Ein neugeborenes Kind gehört zur Altersgruppe 0-5."
        )
    leaving_minors = sum(1 for band in command.leaving if band.minor)
    leaving_adults = len(command.leaving) - leaving_minors
    joining_minors = sum(1 for band in command.joining if band.minor)
    adults = state.adults - leaving_adults + len(command.joining) - joining_minors
    minors = state.minors - leaving_minors + joining_minors
    if min(adults, minors) < 0:
        raise RuleViolation(
            "more_leaving_than_present",
            "Es ziehen mehr Personen dieser Altersgruppe weg, als im Haushalt gezählt sind.",
        )
    if adults + minors == 0:
        raise RuleViolation(
            "nobody_left",
            "Nach dem Wegzug bliebe niemand im Haushalt. Bitte den Haushalt stattdessen abmelden.",
        )
    if command.new_head_named and not command.head_leaves:
        raise RuleViolation(
            "head_stays",
            "Ein neuer Haushaltsvorstand wird nur bestimmt, wenn der bisherige wegzieht.",
        )
    if command.head_leaves and not command.new_head_named:
        raise RuleViolation(
            "head_leaves",
            "Der Haushaltsvorstand zieht weg. Bitte angeben, wer künftig den Haushalt führt.",
        )
    return HouseholdCompositionChanged(
        household_id=state.household_id,
        change=command.change,
        persons_changed=len(command.joining) + len(command.leaving),
        adults=adults,
        minors=minors,
        occurred_at=business_time(command.changed_on),
    )
