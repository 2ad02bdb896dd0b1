"""Volunteer's retention job on a real SQLite database: a volunteer's personal data go N
years after they left; one who still accompanies an active tandem is reported, not
erased; a second run does nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from services.volunteer.adapters.personal_data import load_volunteers
from services.volunteer.adapters.retention import retention_rules
from services.volunteer.application.retention import run_retention
from services.volunteer.application.volunteers import Volunteers
from services.volunteer.domain import volunteer as vo
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts import volunteer as c
from shared.contracts.volunteer import VolunteerLeft
from shared.retention import save_rule
from support.builders.volunteer import (
    COORDINATOR,
    form,
    intake_registers,
    ready_volunteer,
    registration,
    volunteer_commands,
)

TODAY = date(2025, 6, 30)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


async def left(commands: CommandExecutor, user: str, on: str) -> UUID:
    body = registration(user_id=user, registered_on="2015-01-05")
    volunteer_id = (await Volunteers(commands).register(body, COORDINATOR)).volunteer_id
    await Volunteers(commands).leave(volunteer_id, c.RecordLeaving(left_on=on), COORDINATOR)
    return volunteer_id


async def names(commands: CommandExecutor) -> set[UUID]:
    async with commands.db.read() as conn:
        found = await load_volunteers(conn, "koeln")
    return {d.volunteer_id for d in found if d.family_name}


async def leave_behind_the_rules(commands: CommandExecutor, volunteer_id: UUID) -> None:
    """A `VolunteerLeft` while a tandem runs: what an older history may hold."""
    stream = vo.stream_id("koeln", volunteer_id)
    async with commands.db.transaction() as conn:
        version = len(await commands.store.load(conn, stream))
        event = VolunteerLeft(
            volunteer_id=volunteer_id, occurred_at=business_time(date(2016, 1, 4))
        )
        await commands.store.append(
            conn,
            stream_id=stream,
            expected_version=version,
            new_events=[event],
            context=COORDINATOR.command_context(),
            provider="caritas",
        )


async def test_volunteers_who_left_n_years_ago_lose_their_personal_data(
    commands: CommandExecutor,
) -> None:
    old = await left(commands, "alt.1", "2018-03-01")
    recent = await left(commands, "neu.1", "2023-03-01")
    accompanying = await ready_volunteer(commands, user="tandem.1")
    await form(commands, accompanying, await intake_registers(commands))
    await leave_behind_the_rules(commands, accompanying)
    async with commands.db.transaction() as conn:
        await save_rule(conn, retention_rules, "koeln", 5)

    dry = await run_retention(commands, TODAY, apply=False)
    assert (dry.subject, dry.erased) == ("volunteer", [old])
    assert dry.skipped == {"tandems_active": [accompanying]}
    assert await names(commands) == {old, recent, accompanying}

    applied = await run_retention(commands, TODAY, apply=True)
    assert applied.erased == [old]
    assert await names(commands) == {recent, accompanying}
    state, _ = await commands.load(vo.volunteer, vo.stream_id("koeln", old))
    assert state.erased_on == TODAY

    again = await run_retention(commands, TODAY, apply=True)
    assert (again.erased, again.skipped) == ([], {"tandems_active": [accompanying]})
