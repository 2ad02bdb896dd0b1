"""Viewings as appointments (placement's `APPOINTMENTS`) against a real SQLite database:
each is the appointment of whoever scheduled it until its outcome is recorded; a
caseworker lists her own provider's households' only, a restricted household's only the
coordination; a household's erasure deletes its viewings' places and no other's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import insert

from services.placement.adapters.personal_data import (
    ViewingAppointment,
    save_viewing_appointment,
    viewing_held,
    viewing_places_of,
)
from services.placement.adapters.tables import candidate_households, offers
from services.placement.application.appointments import viewing_appointments
from services.placement.application.notes import erase_household_texts
from services.placement.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.clock import today, utcnow
from shared.contracts.appointments import AppointmentKind, AppointmentQuery
from shared.db import Database
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on

OFFER = UUID("00000000-0000-4000-8000-0000000000f1")
CARITAS_HH = UUID("00000000-0000-4000-8000-0000000000c1")
DRK_HH = UUID("00000000-0000-4000-8000-0000000000d1")
T = today()
OFFER_ROW = {
    "offer_id": OFFER,
    "municipality": "koeln",
    "landlord_id": uuid4(),
    "landlord_kind": "private",
    "district": "kalk",
    "rooms": Decimal(3),
    "size_m2": Decimal(70),
    "cold_rent": Decimal(600),
    "running_costs": Decimal(150),
    "available_from": T,
    "wbs_required": False,
    "refugee_quota": False,
    "accessible": False,
    "source": "private_landlord",
    "received_on": T,
}
WINDOW = AppointmentQuery(from_day=T, to_day=T + timedelta(days=30), mine=False)


def caller(role: Role, user: str, provider: str | None = None) -> Caller:
    return Caller(
        user_id=user, role=role, municipality="koeln", provider=provider, correlation_id=uuid4()
    )


COORDINATOR = caller(Role.coordinator, "kora")
CARITAS = caller(Role.caseworker, "anna", "caritas")


def viewing(household_id: UUID, provider: str, attendee: str, days: int) -> ViewingAppointment:
    return ViewingAppointment(
        viewing_id=uuid4(),
        offer_id=OFFER,
        household_id=household_id,
        provider=provider,
        viewing_on=T + timedelta(days=days),
        viewing_at=time(9, 15) if days % 2 else None,
        attendee=attendee,
        place=f"Treffpunkt {provider} Xqvw",
    )


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    url = f"sqlite+aiosqlite:///{tmp_path}/placement.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    try:
        yield executor_on(db)
    finally:
        await db.dispose()


async def test_viewings_are_listed_by_attendee_provider_and_until_held(
    commands: CommandExecutor,
) -> None:
    mine = viewing(CARITAS_HH, "caritas", "kora", 1)
    annas = viewing(CARITAS_HH, "caritas", "anna", 2)
    drks = viewing(DRK_HH, "drk", "kora", 3)
    later = viewing(CARITAS_HH, "caritas", "kora", 40)
    async with commands.db.transaction() as conn:
        for v in (mine, annas, drks, later, mine):  # the retry of `mine` adds nothing
            await save_viewing_appointment(conn, "koeln", v)

    async def ids(query: AppointmentQuery, who: Caller) -> list[UUID]:
        found = await viewing_appointments(commands, query, who)
        assert all(a.kind is AppointmentKind.viewing for a in found.appointments)
        return [a.appointment_id for a in found.appointments]

    assert await ids(WINDOW.model_copy(update={"mine": True}), COORDINATOR) == [
        mine.viewing_id,
        drks.viewing_id,
    ]
    assert await ids(WINDOW, COORDINATOR) == [mine.viewing_id, annas.viewing_id, drks.viewing_id]
    # A caseworker: her provider's households only, another provider's never.
    assert await ids(WINDOW, CARITAS) == [mine.viewing_id, annas.viewing_id]
    listed = (await viewing_appointments(commands, WINDOW, CARITAS)).appointments
    assert listed[0].reference == f"Angebot {OFFER.hex[:8]}" and listed[0].at == time(9, 15)
    assert listed[1].at is None  # agreed for the day only

    async with commands.db.transaction() as conn:
        await viewing_held(conn, mine.viewing_id)
    assert await ids(WINDOW, CARITAS) == [annas.viewing_id]
    # The offer withdrawn: none of its viewings takes place.
    async with commands.db.transaction() as conn:
        await conn.execute(insert(offers).values(**OFFER_ROW, status="withdrawn"))
    assert await ids(WINDOW, COORDINATOR) == []


async def test_a_restricted_households_viewings_are_the_coordinations_alone(
    commands: CommandExecutor,
) -> None:
    v = viewing(CARITAS_HH, "caritas", "anna", 1)
    async with commands.db.transaction() as conn:
        await save_viewing_appointment(conn, "koeln", v)
        await conn.execute(
            insert(candidate_households).values(
                household_id=CARITAS_HH,
                municipality="koeln",
                provider="caritas",
                adults=1,
                minors=0,
                registered_on=T,
                restricted_on=T,
            )
        )
    assert (await viewing_appointments(commands, WINDOW, CARITAS)).appointments == []
    shown = await viewing_appointments(commands, WINDOW, COORDINATOR)
    assert [a.appointment_id for a in shown.appointments] == [v.viewing_id]


async def test_a_households_erasure_deletes_its_viewings_places_only(
    commands: CommandExecutor,
) -> None:
    erased, kept = viewing(CARITAS_HH, "caritas", "kora", 1), viewing(DRK_HH, "drk", "kora", 2)
    async with commands.db.transaction() as conn:
        await save_viewing_appointment(conn, "koeln", erased)
        await save_viewing_appointment(conn, "koeln", kept)
        await erase_household_texts(conn, "bonn", CARITAS_HH, utcnow())
        assert len(await viewing_places_of(conn, OFFER)) == 2  # another town's: nothing
        await erase_household_texts(conn, "koeln", CARITAS_HH, utcnow())
        assert await viewing_places_of(conn, OFFER) == {kept.viewing_id: kept.place}
