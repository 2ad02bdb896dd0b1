"""Volunteers as use cases against a real SQLite database migrated by Alembic (no NATS):
who may register and see them, where their personal data goes, when they may leave.

The other `test_volunteer_*` use-case tests take their database from `volunteer_commands`.
"""

from __future__ import annotations

import pytest

from services.volunteer.application.tandems import Tandems
from services.volunteer.application.volunteers import Volunteers
from shared.application import CommandExecutor
from shared.contracts import volunteer as c
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.identity import Role
from support.builders.volunteer import (
    CARITAS,
    COORDINATOR,
    DRK,
    MARIA,
    all_payloads,
    caller,
    commands,
    form,
    intake_registers,
    ready_volunteer,
    registration,
)

__all__ = ["commands"]  # the fixture, from the builders

# ---------------------------------------------------------------- volunteers


async def test_a_volunteer_is_registered_with_personal_data_in_tables_only(
    commands: CommandExecutor,
) -> None:
    volunteer_id = await ready_volunteer(commands)
    shown = await Volunteers(commands).get(volunteer_id, CARITAS)
    assert (shown.given_name, shown.user_id, shown.district, shown.ready_for_tandem) == (
        "Maria",
        "maria.s",
        "ehrenfeld",
        True,
    )
    wire = await all_payloads(commands)
    assert not [p for p in ("Maria", "Schmitz", "0221 555", "example.org", "maria.s") if p in wire]


async def test_a_login_belongs_to_one_volunteer(commands: CommandExecutor) -> None:
    await ready_volunteer(commands)
    with pytest.raises(RuleViolation) as refused:
        await Volunteers(commands).register(registration(given_name="Other"), COORDINATOR)
    assert refused.value.code == "user_taken"
    # The refused registration left no event behind.
    assert (await all_payloads(commands)).count("volunteer_id") == 2


async def test_who_may_register_and_see_volunteers(commands: CommandExecutor) -> None:
    volunteers = Volunteers(commands)
    with pytest.raises(Forbidden):
        await volunteers.register(registration(), DRK)
    for role in (Role.analyst, Role.housing_office, Role.volunteer, Role.admin):
        with pytest.raises(Forbidden):
            await volunteers.register(registration(), caller(role))
    volunteer_id = (await volunteers.register(registration(), CARITAS)).volunteer_id
    with pytest.raises(NotFound):
        await volunteers.get(volunteer_id, DRK)
    assert (await volunteers.listing(c.ListVolunteers(), DRK)).volunteers == []
    listed = await volunteers.listing(c.ListVolunteers(), COORDINATOR)
    assert [v.family_name for v in listed.volunteers] == ["Schmitz"]
    with pytest.raises(Forbidden):
        await volunteers.get(volunteer_id, MARIA)


async def test_a_volunteer_with_an_active_tandem_cannot_leave(commands: CommandExecutor) -> None:
    volunteer_id = await ready_volunteer(commands)
    tandem_id = await form(commands, volunteer_id, await intake_registers(commands))
    volunteers = Volunteers(commands)
    with pytest.raises(RuleViolation) as refused:
        await volunteers.leave(volunteer_id, c.RecordLeaving(left_on="2025-04-01"), COORDINATOR)
    assert refused.value.code == "tandems_active"
    end = c.EndTandem(ended_on="2025-04-01", reason=c.TandemEndReason.by_agreement)
    await Tandems(commands).end(tandem_id, end, COORDINATOR)
    await volunteers.leave(volunteer_id, c.RecordLeaving(left_on="2025-04-01"), COORDINATOR)
    assert (await volunteers.listing(c.ListVolunteers(), COORDINATOR)).volunteers == []
