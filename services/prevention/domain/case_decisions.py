"""A case's way in and its time limit: referral, eligibility, and the housing office's
decisions (admission with an end date, rejection, extension)."""

from __future__ import annotations

from services.prevention.domain import case_rules as rules
from services.prevention.domain.case_commands import (
    AdmitCase,
    CheckEligibility,
    ExtendCase,
    ReceiveReferral,
    RejectCase,
)
from services.prevention.domain.case_state import Case, Event
from shared.clock import business_time
from shared.contracts.prevention.events import (
    CaseAdmitted,
    CaseExtended,
    CaseRejected,
    EligibilityChecked,
    ReferralReceived,
)
from shared.decider import RuleViolation
from shared.validation import IdUnavailable

_HELP_NAMES = {"sgb_xii_67": "§ 67 SGB XII", "sgb_xii_53": "§ 53 SGB XII", "sgb_viii": "SGB VIII"}


def receive(command: ReceiveReferral, state: Case) -> list[Event]:
    if state.referred:
        raise IdUnavailable("already_referred")
    rules.on_day(command.received_on, command.today, not_before=None, reference="")
    return [
        ReferralReceived(
            case_id=command.case_id,
            provider=command.provider,
            source=command.source,
            target_group=command.target_group,
            housing_situation=command.housing_situation,
            adults=command.adults,
            minors=command.minors,
            household_id=command.household_id,
            occurred_at=business_time(command.received_on),
        )
    ]


def check_eligibility(command: CheckEligibility, state: Case) -> list[Event]:
    case_id = rules.undecided(state)
    rules.on_day(
        command.checked_on, command.today, not_before=state.received_on, reference="der Meldung"
    )
    return [
        EligibilityChecked(
            case_id=case_id,
            comparable_help=command.comparable_help,
            eligible=not command.comparable_help,
            occurred_at=business_time(command.checked_on),
        )
    ]


def admit(command: AdmitCase, state: Case) -> list[Event]:
    case_id = rules.undecided(state)
    if state.eligibility_checked_on is None:
        raise RuleViolation(
            "eligibility_not_checked",
            "Bitte zuerst die Voraussetzungen prüfen: ist schon eine vergleichbare Hilfe "
            "installiert (§ 67 SGB XII, § 53 SGB XII, SGB VIII)?",
        )
    if state.comparable_help:
        names = ", ".join(_HELP_NAMES[h.value] for h in state.comparable_help)
        raise RuleViolation(
            "comparable_help_installed",
            f"Es ist bereits eine vergleichbare Hilfe installiert ({names}); die "
            "Wohnintegrationshilfe kann nicht bewilligt werden.",
        )
    rules.on_day(
        command.admitted_on,
        command.today,
        not_before=state.eligibility_checked_on,
        reference="der Prüfung der Voraussetzungen",
    )
    if command.ends_on <= command.admitted_on:
        raise RuleViolation(
            "ends_before_start", "Das Ende der Hilfe muss nach der Bewilligung liegen."
        )
    assert state.provider and state.target_group
    return [
        CaseAdmitted(
            case_id=case_id,
            provider=state.provider,
            target_group=state.target_group,
            adults=state.adults,
            minors=state.minors,
            ends_on=command.ends_on,
            occurred_at=business_time(command.admitted_on),
        )
    ]


def reject(command: RejectCase, state: Case) -> list[Event]:
    case_id = rules.undecided(state)
    rules.on_day(
        command.rejected_on, command.today, not_before=state.received_on, reference="der Meldung"
    )
    return [
        CaseRejected(
            case_id=case_id, reason=command.reason, occurred_at=business_time(command.rejected_on)
        )
    ]


def extend(command: ExtendCase, state: Case) -> list[Event]:
    case_id = rules.running(state)
    rules.on_day(
        command.extended_on,
        command.today,
        not_before=state.admitted_on,
        reference="der Bewilligung",
    )
    assert state.ends_on is not None
    if command.ends_on <= state.ends_on:
        raise RuleViolation(
            "not_later",
            f"Die Hilfe läuft bereits bis {rules.german(state.ends_on)}; "
            "eine Verlängerung muss später enden.",
        )
    return [
        CaseExtended(
            case_id=case_id,
            previous_ends_on=state.ends_on,
            ends_on=command.ends_on,
            occurred_at=business_time(command.extended_on),
        )
    ]
