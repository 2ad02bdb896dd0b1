"""Prevention's use cases against a real SQLite database migrated by Alembic (no NATS):
who may do what (403 for the wrong role, 404 for another provider's case), personal data
in tables but never in events, the case view, the lists and the overdue visits.

`prevention_setup` gives the other `test_prevention_*` use-case tests their database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from services.prevention.application.aftercare import AftercareOffers
from services.prevention.application.cases import Cases
from services.prevention.application.course import Course
from services.prevention.application.help_acts import HelpActs
from services.prevention.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import prevention as p
from shared.db import Database
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.eventstore.schema import events
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on


def caller(role: Role, provider: str | None = None, city: str = "koeln") -> Caller:
    return Caller(
        user_id=f"{role}-1", role=role, municipality=city, provider=provider, correlation_id=uuid4()
    )


COORDINATOR = caller(Role.coordinator)
OFFICE = caller(Role.housing_office)
SKM = caller(Role.caseworker, "skm")
DRK = caller(Role.caseworker, "drk")
T = today()
PERSONAL = ("Familie Yilmaz", "0221 998877", "Venloer Straße 1", "Herr Jobcenter", "Schimmel")


def ago(days: int) -> date:
    return T - timedelta(days=days)


@dataclass
class Setup:
    commands: CommandExecutor
    cases: Cases
    course: Course
    acts: HelpActs
    aftercare: AftercareOffers


@asynccontextmanager
async def prevention_setup(directory: Path) -> AsyncIterator[Setup]:
    """Prevention's use cases on a fresh, migrated SQLite database in `directory`."""
    url = f"sqlite+aiosqlite:///{directory}/prevention.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    commands = executor_on(db)
    try:
        use_cases = Cases(commands), Course(commands), HelpActs(commands)
        yield Setup(commands, *use_cases, AftercareOffers(commands))
    finally:
        await db.dispose()


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        yield it


def referral(**extra: Any) -> p.ReceiveReferral:
    body: dict[str, Any] = {
        "provider": "skm",
        "received_on": ago(60),
        "source": "housing_company",
        "target_group": "assignment_into_vacant_flat",
        "housing_situation": "assigned_flat",
        "adults": 1,
        "minors": 3,
        "contact": {"name": "Familie Yilmaz", "phone": "0221 998877"},
        "street_address": "Venloer Straße 1",
        "referred_by": "Herr Jobcenter",
        **extra,
    }
    return p.ReceiveReferral.model_validate(body)


async def running_case(s: Setup, worker: Caller = SKM, **extra: Any) -> UUID:
    """A referred, checked, admitted case with consent and a 14-day rhythm, 60 days old."""
    body = referral(provider=worker.provider, **extra)
    case_id = (await s.cases.receive_referral(body, worker)).case_id
    await s.course.check_eligibility(case_id, p.CheckEligibility(checked_on=ago(58)), worker)
    admit = p.AdmitCase(admitted_on=ago(55), ends_on=T + timedelta(days=120))
    await s.course.admit(case_id, admit, OFFICE)
    await s.course.record_consent(case_id, p.RecordConsent(given_on=ago(55)), worker)
    rhythm = p.PlanVisitRhythm(every_days=14, planned_on=ago(55))
    await s.acts.plan_rhythm(case_id, rhythm, worker)
    return case_id


async def test_only_the_housing_office_admits_rejects_and_extends(setup: Setup) -> None:
    case_id = (await setup.cases.receive_referral(referral(), SKM)).case_id
    await setup.course.check_eligibility(case_id, p.CheckEligibility(), SKM)
    admit = p.AdmitCase(ends_on=T + timedelta(days=180))
    for who in (SKM, COORDINATOR, caller(Role.volunteer), caller(Role.analyst)):
        with pytest.raises(Forbidden) as refused:
            await setup.course.admit(case_id, admit, who)
    assert "Fachstelle Wohnen" in refused.value.message
    with pytest.raises(Forbidden):
        await setup.course.reject(case_id, p.RejectCase(reason="other"), SKM)
    ref = await setup.course.admit(case_id, admit, OFFICE)
    assert ref.version == 3
    with pytest.raises(Forbidden):
        await setup.course.extend(case_id, p.ExtendCase(ends_on=T + timedelta(days=365)), SKM)
    with pytest.raises(NotFound):
        await setup.course.admit(uuid4(), admit, OFFICE)


async def test_another_providers_caseworker_finds_nothing(setup: Setup) -> None:
    case_id = await running_case(setup)
    visit = p.RecordHomeVisit(findings=["none"])
    with pytest.raises(NotFound):
        await setup.acts.record_visit(case_id, visit, DRK)
    with pytest.raises(NotFound):
        await setup.cases.get(p.GetCase(case_id=case_id), DRK)
    elsewhere = caller(Role.caseworker, "skm", city="bergisch-gladbach")
    with pytest.raises(NotFound):
        await setup.cases.get(p.GetCase(case_id=case_id), elsewhere)
    assert (await setup.cases.listing(p.ListCases(), DRK)).cases == []
    assert [c.case_id for c in (await setup.cases.listing(p.ListCases(), SKM)).cases] == [case_id]


async def test_the_help_is_recorded_by_the_provider_not_by_others(setup: Setup) -> None:
    case_id = await running_case(setup)
    visit = p.RecordHomeVisit(findings=["none"])
    for who in (COORDINATOR, OFFICE, caller(Role.volunteer)):
        with pytest.raises(Forbidden):
            await setup.acts.record_visit(case_id, visit, who)
    with pytest.raises(Forbidden):
        await setup.cases.receive_referral(referral(), DRK)  # for another provider
    for who in (caller(Role.analyst), caller(Role.volunteer), caller(Role.admin)):
        with pytest.raises(Forbidden):
            await setup.cases.get(p.GetCase(case_id=case_id), who)
        with pytest.raises(Forbidden):
            await setup.cases.listing(p.ListCases(), who)


async def test_personal_data_lands_in_tables_and_the_view_never_in_events(setup: Setup) -> None:
    case_id = await running_case(setup, note="Schimmel im Bad")
    note = "Schimmel im Kinderzimmer, Vermieter informiert"
    visit = p.RecordHomeVisit(done_on=ago(40), findings=["condition_of_flat"], note=note)
    visit_id = (await setup.acts.record_visit(case_id, visit, SKM)).entry_id
    view = await setup.cases.get(p.GetCase(case_id=case_id), OFFICE)
    assert view.contact is not None and view.contact.name == "Familie Yilmaz"
    assert (view.street_address, view.referred_by) == ("Venloer Straße 1", "Herr Jobcenter")
    assert [(v.visit_id, v.note, v.due_on) for v in view.home_visits] == [(visit_id, note, ago(41))]
    assert view.with_children and view.next_visit_due == ago(26)
    async with setup.commands.db.transaction() as conn:
        stored = [row.payload for row in await conn.execute(select(events))]
    assert not [text for text in PERSONAL if text in str(stored)]


async def test_overdue_visits_show_up_until_the_visit_is_done(setup: Setup) -> None:
    case_id = await running_case(setup)  # first visit due 41 days ago
    other = await running_case(setup, DRK)
    await setup.acts.plan_rhythm(other, p.PlanVisitRhythm(every_days=90), DRK)
    overdue = await setup.cases.overdue(p.OverdueQuery(), SKM)
    assert [(v.case_id, v.days_overdue) for v in overdue.visits] == [(case_id, 41)]
    assert (await setup.cases.overdue(p.OverdueQuery(), DRK)).visits == []
    await setup.acts.record_visit(case_id, p.RecordHomeVisit(findings=["none"]), SKM)
    assert (await setup.cases.overdue(p.OverdueQuery(), COORDINATOR)).visits == []
    later = p.OverdueQuery(as_of=T + timedelta(days=20))
    assert len((await setup.cases.overdue(later, COORDINATOR)).visits) == 1


async def test_a_closed_case_leaves_the_overdue_list_and_shows_its_outcome(setup: Setup) -> None:
    case_id = await running_case(setup)
    closing = p.CloseCase(outcome="own_lease_signed", note="Mietvertrag GAG")
    await setup.course.close(case_id, closing, OFFICE)
    assert (await setup.cases.overdue(p.OverdueQuery(), COORDINATOR)).visits == []
    closed = await setup.cases.listing(p.ListCases(status="closed"), COORDINATOR)
    assert [(c.case_id, c.outcome) for c in closed.cases] == [
        (case_id, p.CaseOutcome.own_lease_signed)
    ]
    view = await setup.cases.get(p.GetCase(case_id=case_id), SKM)
    assert view.closing_note == "Mietvertrag GAG"
    with pytest.raises(RuleViolation):
        await setup.acts.record_visit(case_id, p.RecordHomeVisit(findings=["none"]), SKM)


async def test_aftercare_decisions_are_for_coordination_and_the_households_provider(
    setup: Setup,
) -> None:
    with pytest.raises(Forbidden):
        await setup.aftercare.accept(uuid4(), p.AcceptAftercare(), OFFICE)
    with pytest.raises(NotFound):
        await setup.aftercare.accept(uuid4(), p.AcceptAftercare(), COORDINATOR)
