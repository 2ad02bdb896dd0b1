"""The help itself in the decider: the visit rhythm, home visits, mediation, negotiations
with potential landlords and referrals out. All need a running (admitted) case; the acts
with the household need its consent and fall within the time limit."""

from __future__ import annotations

from datetime import date, timedelta

from services.prevention.domain import case_rules as rules
from services.prevention.domain.case_commands import (
    PlanVisitRhythm,
    RecordHomeVisit,
    RecordLandlordNegotiation,
    RecordMediation,
    ReferOut,
)
from services.prevention.domain.case_state import Case, Event
from shared.clock import business_time
from shared.contracts.prevention.events import (
    HomeVisitDone,
    LandlordNegotiationRecorded,
    MediationRecorded,
    ReferredOut,
    VisitRhythmPlanned,
)
from shared.decider import RuleViolation


def plan_rhythm(command: PlanVisitRhythm, state: Case) -> list[Event]:
    case_id = rules.running(state)
    rules.on_day(
        command.planned_on, command.today, not_before=state.admitted_on, reference="der Bewilligung"
    )
    after = state.last_visit_on or command.planned_on
    due = command.next_visit_due or after + timedelta(days=command.every_days)
    _not_before(due, command.planned_on, "der Planung")
    return [
        VisitRhythmPlanned(
            case_id=case_id,
            every_days=command.every_days,
            next_visit_due=due,
            occurred_at=business_time(command.planned_on),
        )
    ]


def record_visit(command: RecordHomeVisit, state: Case) -> list[Event]:
    case_id = rules.running(state)
    rules.new_entry(state, command.visit_id)
    rules.help_act_day(state, command.done_on, command.today)
    if state.last_visit_on is not None and command.done_on < state.last_visit_on:
        raise RuleViolation(
            "before_last_visit",
            "Der Hausbesuch liegt vor dem zuletzt festgehaltenen "
            f"({rules.german(state.last_visit_on)}). Bitte Besuche in ihrer Reihenfolge erfassen.",
        )
    if command.next_visit_due is not None:
        due = command.next_visit_due
    elif state.visit_every_days is not None:
        due = command.done_on + timedelta(days=state.visit_every_days)
    else:
        raise RuleViolation(
            "no_rhythm",
            "Es ist kein Besuchsrhythmus festgelegt. Bitte den nächsten Termin angeben "
            "oder zuerst den Rhythmus planen.",
        )
    if due <= command.done_on:
        raise RuleViolation("next_visit_not_after", "Der nächste Besuch muss nach diesem liegen.")
    return [
        HomeVisitDone(
            case_id=case_id,
            visit_id=command.visit_id,
            findings=command.findings,
            due_on=state.next_visit_due,
            next_visit_due=due,
            occurred_at=business_time(command.done_on),
        )
    ]


def record_mediation(command: RecordMediation, state: Case) -> list[Event]:
    case_id = rules.running(state)
    rules.new_entry(state, command.mediation_id)
    rules.help_act_day(state, command.held_on, command.today)
    return [
        MediationRecorded(
            case_id=case_id,
            mediation_id=command.mediation_id,
            party=command.party,
            topic=command.topic,
            outcome=command.outcome,
            occurred_at=business_time(command.held_on),
        )
    ]


def record_negotiation(command: RecordLandlordNegotiation, state: Case) -> list[Event]:
    case_id = rules.running(state)
    rules.new_entry(state, command.negotiation_id)
    assert state.target_group is not None
    if not state.target_group.precarious:
        raise RuleViolation(
            "not_precarious",
            "Verhandlungen mit potenziellen Vermietern gehören zu prekären Wohnsituationen "
            "(Wiedereinweisung, Einweisung in Leerstand); dieser Haushalt hat ein gesichertes "
            "Mietverhältnis.",
        )
    rules.help_act_day(state, command.held_on, command.today)
    return [
        LandlordNegotiationRecorded(
            case_id=case_id,
            negotiation_id=command.negotiation_id,
            landlord_kind=command.landlord_kind,
            result=command.result,
            occurred_at=business_time(command.held_on),
        )
    ]


def refer_out(command: ReferOut, state: Case) -> list[Event]:
    case_id = rules.running(state)
    rules.new_entry(state, command.referral_id)
    rules.help_act_day(state, command.referred_on, command.today)
    return [
        ReferredOut(
            case_id=case_id,
            referral_id=command.referral_id,
            kind=command.kind,
            occurred_at=business_time(command.referred_on),
        )
    ]


def _not_before(due: date, day: date, reference: str) -> None:
    if due < day:
        raise RuleViolation("due_in_past", f"Der nächste Besuch kann nicht vor {reference} liegen.")
