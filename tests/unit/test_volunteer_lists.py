"""The volunteer lists a page at a time (issue 14) against a real SQLite database migrated
by Alembic: volunteers and tandems paged, sorted and filtered in SQL, within the caller's
scope (another provider's volunteers are not counted either), and the lists kept current
by every command that changes what they show (leaving, erasure, a tandem's end)."""

from __future__ import annotations

from datetime import date

from services.volunteer.application.tandems import Tandems
from services.volunteer.application.volunteers import Volunteers
from shared.application import CommandExecutor
from shared.contracts import volunteer as c
from shared.identity import Caller
from support.builders.volunteer import (
    CARITAS,
    COORDINATOR,
    DRK,
    MARIA,
    commands,
    form,
    intake_registers,
    ready_volunteer,
    registration,
)

__all__ = ["commands"]  # the fixture, from the builders


async def _register(commands: CommandExecutor, family: str, **extra: object) -> None:
    body = registration(**{"user_id": f"{family.lower()}.x", "family_name": family, **extra})
    await Volunteers(commands).register(body, COORDINATOR)


async def test_volunteers_come_a_page_at_a_time_by_name_either_way(
    commands: CommandExecutor,
) -> None:
    for n, family in enumerate(("Becker", "adler", "Özdemir", "Clausen", "Dahm")):
        await _register(commands, family, user_id=f"user.{n}")
    volunteers = Volunteers(commands)
    second = await volunteers.listing(c.ListVolunteers(per_page=2, page=2), COORDINATOR)
    # Upper and lower case sort alike.
    assert [v.family_name for v in second.volunteers] == ["Clausen", "Dahm"]
    assert (second.page.total, second.page.pages) == (5, 3)
    backwards = c.ListVolunteers(per_page=2, descending=True)
    first = await volunteers.listing(backwards, COORDINATOR)
    assert [v.family_name for v in first.volunteers] == ["Özdemir", "Dahm"]


async def test_filters_by_district_language_provider_and_status(
    commands: CommandExecutor,
) -> None:
    await _register(commands, "Kalk", district="kalk", languages=["ar"])
    await _register(commands, "Ehrenfeld", district="ehrenfeld", languages=["de", "fa"])
    await _register(commands, "Drk", provider="drk", district="kalk", languages=["fa"])
    ready = await ready_volunteer(commands, user="ready.one")
    volunteers = Volunteers(commands)

    async def names(query: c.ListVolunteers, who: Caller = COORDINATOR) -> list[str | None]:
        return [v.family_name for v in (await volunteers.listing(query, who)).volunteers]

    assert await names(c.ListVolunteers(district="kalk")) == ["Drk", "Kalk"]
    assert await names(c.ListVolunteers(language="fa")) == ["Drk", "Ehrenfeld", "Schmitz"]
    assert await names(c.ListVolunteers(language="ar")) == ["Kalk"]
    assert await names(c.ListVolunteers(district="kalk"), CARITAS) == ["Kalk"]
    assert await names(c.ListVolunteers(provider="drk")) == ["Drk"]
    assert await names(c.ListVolunteers(status="ready")) == ["Schmitz"]
    assert "Schmitz" not in await names(c.ListVolunteers(status="onboarding"))
    # A caseworker asking for another provider learns nothing, not even a count.
    other = await volunteers.listing(c.ListVolunteers(provider="drk"), CARITAS)
    assert other.volunteers == [] and other.page.total == 0
    await volunteers.leave(ready, c.RecordLeaving(left_on=date(2025, 3, 1)), COORDINATOR)
    assert await names(c.ListVolunteers(status="ready")) == []
    assert await names(c.ListVolunteers(status="left")) == ["Schmitz"]
    assert len(await names(c.ListVolunteers(status="all"))) == 4


async def test_an_erased_volunteer_stays_listed_as_erased_and_sorts_last(
    commands: CommandExecutor,
) -> None:
    await _register(commands, "Zander")
    volunteer_id = await ready_volunteer(commands, user="erase.me")
    volunteers = Volunteers(commands)
    await volunteers.erase(volunteer_id, c.EraseVolunteer(), COORDINATOR)
    active = await volunteers.listing(c.ListVolunteers(), CARITAS)
    assert [(v.volunteer_id == volunteer_id, v.given_name) for v in active.volunteers] == [
        (False, "Maria"),
        (True, "gelöscht"),
    ]
    # No longer ready for a tandem, and not counted as left.
    ready = await volunteers.listing(c.ListVolunteers(status="ready"), COORDINATOR)
    assert ready.volunteers == []
    assert (await volunteers.listing(c.ListVolunteers(status="left"), CARITAS)).volunteers == []


async def test_tandems_come_a_page_at_a_time_and_leave_the_list_when_ended(
    commands: CommandExecutor,
) -> None:
    volunteer_id = await ready_volunteer(commands)
    households = [await intake_registers(commands) for _ in range(3)]
    ids = [await form(commands, volunteer_id, h) for h in households]
    tandems = Tandems(commands)
    page = await tandems.listing(c.ListTandems(per_page=2, page=2), CARITAS)
    assert page.page.total == 3 and len(page.tandems) == 1
    assert page.volunteer_names == {volunteer_id: "Maria Schmitz"}
    ended = c.EndTandem(reason="flat_found", ended_on=date(2025, 4, 1))
    await tandems.end(ids[0], ended, CARITAS)
    active = await tandems.listing(c.ListTandems(), CARITAS)
    assert {t.tandem_id for t in active.tandems} == set(ids[1:]) and active.page.total == 2
    every = await tandems.listing(c.ListTandems(include_ended=True), CARITAS)
    assert every.page.total == 3
    assert (await tandems.listing(c.ListTandems(), DRK)).page.total == 0
    # A volunteer sees their own active tandems only, asking for ended ones or not.
    own = await tandems.listing(c.ListTandems(include_ended=True), MARIA)
    assert {t.tandem_id for t in own.tandems} == set(ids[1:]) and own.page.total == 2
