"""Rules several case commands share, each refusing with a reason a caseworker understands."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.prevention.domain.case_state import Case
from shared.contracts.prevention.codes import CaseStatus
from shared.decider import NotFound, RuleViolation


def german(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


def referred(state: Case) -> UUID:
    """The case's id; a case nobody referred is not found."""
    if state.case_id is None:
        raise NotFound("case", "Fall nicht gefunden.")
    return state.case_id


def not_finished(state: Case) -> UUID:
    """The case's id, unless it was rejected or closed."""
    case_id = referred(state)
    if state.status is CaseStatus.rejected:
        raise RuleViolation(
            "case_rejected",
            f"Die Hilfe wurde am {german(state.rejected_on)} abgelehnt; der Fall ist beendet.",
        )
    if state.status is CaseStatus.closed:
        raise RuleViolation(
            "case_closed", f"Der Fall wurde am {german(state.closed_on)} abgeschlossen."
        )
    return case_id


def undecided(state: Case) -> UUID:
    """The case's id while the housing office has not decided on it yet."""
    case_id = not_finished(state)
    if state.status is CaseStatus.admitted:
        raise RuleViolation(
            "already_admitted",
            f"Die Hilfe wurde bereits am {german(state.admitted_on)} bewilligt.",
        )
    return case_id


def running(state: Case) -> UUID:
    """The case's id while the help runs: admitted, and neither closed nor rejected."""
    case_id = not_finished(state)
    if state.status is not CaseStatus.admitted:
        raise RuleViolation(
            "not_admitted",
            "Die Hilfe ist noch nicht bewilligt. Bewilligen kann nur die Fachstelle Wohnen.",
        )
    return case_id


def with_consent(state: Case) -> None:
    """The help is voluntary: nothing is done for a household that has not agreed."""
    if not state.consent_active:
        raise RuleViolation(
            "no_consent",
            "Der Haushalt hat der Hilfe (noch) nicht zugestimmt. Die Hilfe ist freiwillig: "
            "bitte zuerst die Zustimmung festhalten.",
        )


def on_day(day: date, today: date, *, not_before: date | None, reference: str) -> None:
    """`day` lies between `not_before` (the day of `reference`) and today."""
    if day > today:
        raise RuleViolation("in_future", "Das Datum liegt in der Zukunft.")
    if not_before is not None and day < not_before:
        raise RuleViolation("too_early", f"Das Datum liegt vor {reference} ({german(not_before)}).")


def within_time_limit(state: Case, day: date) -> None:
    """Help acts happen until the end date; later ones need an extension first."""
    assert state.ends_on is not None
    if day > state.ends_on:
        raise RuleViolation(
            "time_limit_passed",
            f"Die Hilfe ist bis {german(state.ends_on)} befristet. Bitte zuerst bei der "
            "Fachstelle Wohnen die Verlängerung erwirken oder den Fall abschließen.",
        )


def help_act_day(state: Case, day: date, today: date) -> None:
    """A visit, mediation, negotiation or referral out: while the help runs, with consent."""
    running(state)
    with_consent(state)
    on_day(day, today, not_before=state.admitted_on, reference="der Bewilligung")
    within_time_limit(state, day)


def new_entry(state: Case, entry_id: UUID) -> None:
    if entry_id in state.entry_ids():
        raise RuleViolation("already_recorded", "Dieser Eintrag ist bereits festgehalten.")
