"""How a case ends, and the consent it rests on: the household's voluntary consent, its
withdrawal (which ends the help at once), and closing with an outcome."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from services.prevention.domain import case_rules as rules
from services.prevention.domain.case_commands import CloseCase, RecordConsent, WithdrawConsent
from services.prevention.domain.case_state import Case, Event
from shared.clock import business_time
from shared.contracts.prevention.codes import CaseOutcome, CaseStatus
from shared.contracts.prevention.events import CaseClosed, ConsentRecorded, ConsentWithdrawn
from shared.decider import RuleViolation


def record_consent(command: RecordConsent, state: Case) -> list[Event]:
    case_id = rules.not_finished(state)
    if state.consent_active:
        raise RuleViolation(
            "consent_given",
            f"Die Zustimmung ist bereits seit {rules.german(state.consent_given_on)} festgehalten.",
        )
    rules.on_day(
        command.given_on, command.today, not_before=state.received_on, reference="der Meldung"
    )
    return [ConsentRecorded(case_id=case_id, occurred_at=business_time(command.given_on))]


def withdraw_consent(command: WithdrawConsent, state: Case) -> list[Event]:
    """The help is voluntary: a withdrawn consent ends it at once."""
    case_id = rules.not_finished(state)
    if not state.consent_active:
        raise RuleViolation("no_consent", "Es ist keine Zustimmung festgehalten.")
    rules.on_day(
        command.withdrawn_on,
        command.today,
        not_before=state.consent_given_on,
        reference="der Zustimmung",
    )
    day = business_time(command.withdrawn_on)
    return [
        ConsentWithdrawn(case_id=case_id, occurred_at=day),
        _closed(state, case_id, CaseOutcome.consent_withdrawn, day),
    ]


def close(command: CloseCase, state: Case) -> list[Event]:
    case_id = rules.not_finished(state)
    if state.status is CaseStatus.referred:
        raise RuleViolation(
            "not_admitted",
            "Die Hilfe ist noch nicht bewilligt. Ein nicht bewilligter Fall wird von der "
            "Fachstelle Wohnen abgelehnt, nicht abgeschlossen.",
        )
    if command.outcome is CaseOutcome.consent_withdrawn:
        raise RuleViolation(
            "use_withdrawal", "Ein Widerruf wird über „Zustimmung widerrufen“ festgehalten."
        )
    assert state.housing_situation is not None
    if (
        command.outcome is CaseOutcome.own_lease_signed
        and not state.housing_situation.without_lease
    ):
        raise RuleViolation(
            "own_lease_not_applicable",
            "„Eigener Mietvertrag“ gilt nur für Haushalte in beschlagnahmten oder "
            "zugewiesenen Wohnungen; dieser Haushalt hat bereits einen eigenen Mietvertrag. "
            "Bitte „Wohnung erhalten“ wählen.",
        )
    rules.on_day(
        command.closed_on, command.today, not_before=state.admitted_on, reference="der Bewilligung"
    )
    return [_closed(state, case_id, command.outcome, business_time(command.closed_on))]


def _closed(state: Case, case_id: UUID, outcome: CaseOutcome, day: datetime) -> CaseClosed:
    assert state.target_group and state.housing_situation
    return CaseClosed(
        case_id=case_id,
        outcome=outcome,
        target_group=state.target_group,
        housing_situation=state.housing_situation,
        adults=state.adults,
        minors=state.minors,
        admitted_on=state.admitted_on,
        occurred_at=day,
    )
