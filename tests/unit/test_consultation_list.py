"""The list of consultations: who sees which, the filters, and that recording one lists it
in the same transaction (volunteer's use cases on a migrated SQLite database)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from services.volunteer.application.consultations import Consultations, list_filter
from services.volunteer.application.office_hours import OfficeHours
from services.volunteer.entrypoints.app import MIGRATIONS
from shared.clock import today
from shared.contracts import volunteer as c
from shared.db import Database
from shared.decider import Forbidden
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on


def caller(role: Role, provider: str | None = "caritas", municipality: str = "koeln") -> Caller:
    return Caller(
        user_id=f"{role.value}-1",
        role=role,
        municipality=municipality,
        provider=provider,
        correlation_id=uuid4(),
    )


COORDINATOR = caller(Role.coordinator, None)
CARITAS = caller(Role.caseworker, "caritas")
DRK = caller(Role.caseworker, "drk")


def provider(query: c.ListConsultations, who: Caller) -> str | None:
    found = list_filter(query, who)
    assert found is not None
    return found.provider


def test_a_caseworker_lists_their_own_provider_only() -> None:
    assert provider(c.ListConsultations(), CARITAS) == "caritas"
    assert provider(c.ListConsultations(provider="caritas"), CARITAS) == "caritas"
    # Another provider's consultations are not refused (that would tell they exist): none.
    assert list_filter(c.ListConsultations(provider="drk"), CARITAS) is None
    assert list_filter(c.ListConsultations(), caller(Role.caseworker, None)) is None


def test_coordination_and_admin_list_every_provider_or_the_one_asked_for() -> None:
    assert provider(c.ListConsultations(), COORDINATOR) is None
    assert provider(c.ListConsultations(provider="drk"), COORDINATOR) == "drk"
    assert provider(c.ListConsultations(), caller(Role.admin, None)) is None


@pytest.mark.parametrize("role", [Role.analyst, Role.housing_office, Role.volunteer])
def test_other_roles_are_refused(role: Role) -> None:
    with pytest.raises(Forbidden):
        list_filter(c.ListConsultations(), caller(role))


def test_a_page_holds_at_most_200() -> None:
    assert c.ListConsultations(per_page=200).per_page == 200
    with pytest.raises(ValueError):
        c.ListConsultations(per_page=201)


@pytest.fixture
async def uses(tmp_path: Path) -> AsyncIterator[tuple[OfficeHours, Consultations]]:
    url = f"sqlite+aiosqlite:///{tmp_path}/volunteer.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    commands = executor_on(db)
    try:
        yield OfficeHours(commands), Consultations(commands)
    finally:
        await db.dispose()


def consultation(provider: str, days_ago: int, appointment: bool = True) -> c.RecordConsultation:
    return c.RecordConsultation.model_validate(
        {
            "provider": provider,
            "held_on": today() - timedelta(days=days_ago),
            "appointment": appointment,
            "channel": "in_person",
            "visitor": "refugee_alone",
            "topic": "flat_search",
            "duration_minutes": 30,
        }
    )


async def test_recorded_consultations_are_listed_newest_first_and_filtered(
    uses: tuple[OfficeHours, Consultations],
) -> None:
    office_hours, consultations = uses
    first = await office_hours.record(consultation("caritas", 5), CARITAS)
    second = await office_hours.record(consultation("caritas", 1), CARITAS)
    await office_hours.record(consultation("caritas", 2, appointment=False), CARITAS)
    await office_hours.record(consultation("drk", 3), DRK)
    held = await office_hours.hold(
        c.HoldOfficeHour.model_validate(
            {
                "provider": "drk",
                "duration_minutes": 60,
                "consultations": [{"visitor": "tandem", "topic": "wbs", "duration_minutes": 15}],
            }
        ),
        DRK,
    )

    async def listed(query: c.ListConsultations, who: Caller) -> list[c.ConsultationEntry]:
        return (await consultations.listing(query, who)).consultations

    only_appointments = c.ListConsultations(appointments_only=True)
    mine = await listed(only_appointments, CARITAS)
    assert [e.consultation_id for e in mine] == [second.consultation_id, first.consultation_id]
    assert all(e.provider == "caritas" and e.appointment for e in mine)
    assert len(await listed(c.ListConsultations(), CARITAS)) == 3
    assert len(await listed(only_appointments, COORDINATOR)) == 3
    everything = await listed(c.ListConsultations(), COORDINATOR)
    assert len(everything) == 5
    in_office_hour = [e for e in everything if e.office_hour_id == held.office_hour_id]
    assert [e.consultation_id for e in in_office_hour] == held.consultation_ids
    assert await listed(c.ListConsultations(provider="drk"), CARITAS) == []
    window = c.ListConsultations(
        from_day=today() - timedelta(days=3), to_day=today() - timedelta(days=2)
    )
    assert {e.held_on for e in await listed(window, COORDINATOR)} == {
        today() - timedelta(days=3),
        today() - timedelta(days=2),
    }
    page_one = c.ListConsultations(per_page=2)
    page_two = c.ListConsultations(per_page=2, page=2)
    assert len(await listed(page_one, COORDINATOR)) == 2
    # Pages do not overlap: newest first, the same day ordered by id.
    ids = [e.consultation_id for e in everything]
    assert [e.consultation_id for e in await listed(page_two, COORDINATOR)] == ids[2:4]
    by_topic = await listed(c.ListConsultations(sort="topic", descending=False), COORDINATOR)
    assert [e.topic for e in by_topic] == sorted(e.topic for e in everything)
    # Another municipality's coordinator sees none of Köln's.
    elsewhere = caller(Role.coordinator, None, "bergisch-gladbach")
    assert await listed(c.ListConsultations(), elsewhere) == []
