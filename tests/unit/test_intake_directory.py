"""The household directory: the search key, what a search text means, the titles, and
the search and titles use cases against a real SQLite database (scope, restriction,
erasure, paging)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from services.intake.adapters.directory import DirectoryRow, Match, Name
from services.intake.adapters.personal_data import search_key
from services.intake.adapters.tables import (
    INTAKE,
    household_directory,
    household_members,
    household_name_keys,
)
from services.intake.application.directory import Directory, parse_search, title
from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.privacy import Privacy
from services.intake.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.contracts.intake import (
    ChangeComposition,
    EraseHousehold,
    RestrictionReason,
    RestrictProcessing,
)
from shared.contracts.intake.directory import (
    HouseholdDirectory,
    HouseholdTitlesQuery,
    SearchHouseholds,
)
from shared.contracts.intake.privacy import EraseMember
from shared.decider import Forbidden
from shared.eventstore.schema import BACKBONE
from shared.identity import Caller, Role
from shared.migrations import alembic_config
from support.builders.intake import CARITAS, COORDINATOR, DRK, caller, commands, register

__all__ = ["commands"]

ÖZTÜRK = [
    {"role": "head", "age_band": "27-64", "given_name": "Ayşe", "family_name": "Öztürk",
     "birth_date": "1984-07-09"},
    {"role": "child", "age_band": "6-17", "given_name": "Emre", "family_name": "Öztürk-Weiß"},
]  # fmt: skip
HADDAD = [
    {"role": "head", "age_band": "27-64", "given_name": "Amina", "family_name": "Haddad"},
]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Öztürk", "ozturk"),
        ("ÖZTÜRK", "ozturk"),
        ("Weiß", "weiss"),
        ("Al-Hassan ", "al hassan"),
        ("Nguyễn", "nguyen"),
        ("Yıldız", "yildiz"),
        ("Wiśniewski Łukasz", "wisniewski lukasz"),
        ("Søren", "soren"),
        ("  ", None),
        (None, None),
    ],
)
def test_the_search_key_ignores_case_accents_and_punctuation(
    name: str | None, key: str | None
) -> None:
    assert search_key(name) == key


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", Match()),
        ("ozturk", Match(words=("ozturk",))),
        ("Öztürk  Ayşe", Match(words=("ozturk", "ayse"))),
        ("09.07.1984", Match(birth_date=date(1984, 7, 9))),
        ("9.7.1984", Match(birth_date=date(1984, 7, 9))),
        ("31.02.1984", Match(nothing=True)),
        ("+49 221 123", Match(phone="0221123")),
        ("0221-123", Match(phone="0221123", id_prefix="0221123")),
        ("ad07fd63", Match(words=("ad07fd63",), id_prefix="ad07fd63")),
        ("AD07", Match(words=("ad07",), id_prefix="ad07")),
        ("ad0", Match(words=("ad0",))),
        (
            "ad07fd63-1c2b-4d5e-8f90-123456789abc",
            Match(id_prefix="ad07fd631c2b4d5e8f90123456789abc"),
        ),
        ("%_", Match(nothing=True)),
    ],
)
def test_a_search_text_means_names_a_birth_date_a_phone_or_an_id(text: str, match: Match) -> None:
    assert parse_search(text) == match


def row(persons: int, provider: str = "caritas") -> DirectoryRow:
    return DirectoryRow(
        household_id=UUID("ad07fd63-1c2b-4d5e-8f90-123456789abc"),
        provider=provider,
        persons=persons,
        registered_on=date(2025, 3, 1),
        restricted=False,
        deregistered=False,
    )


def test_titles_name_the_family_the_single_person_or_the_short_id() -> None:
    family = [Name("head", "Ayşe", "Öztürk"), Name("child", "Emre", "Öztürk")]
    assert title(row(5), family, "koeln") == "Familie Öztürk (Caritas Köln, 5 Personen)"
    single = [Name("head", "Amina", "Haddad")]
    assert title(row(1, "drk"), single, "koeln") == "Amina Haddad (DRK Köln, 1 Person)"
    erased = [Name("head", None, None), Name("child", None, None)]
    assert title(row(2), erased, "koeln") == "Haushalt ad07fd63 (Caritas Köln, 2 Personen)"
    assert title(row(2), [], "koeln") == "Haushalt ad07fd63 (Caritas Köln, 2 Personen)"
    # The head is named even when another member was recorded first.
    later_head = [Name("child", "Lina", "Kaya"), Name("head", "Omar", "Nasser")]
    assert title(row(2), later_head, "koeln") == "Familie Nasser (Caritas Köln, 2 Personen)"


async def find(
    commands: CommandExecutor, who: Caller, q: str = "", **extra: Any
) -> HouseholdDirectory:
    return await Directory(commands).search(SearchHouseholds(q=q, **extra), who)


async def test_names_are_found_by_any_beginning_without_accents(
    commands: CommandExecutor,
) -> None:
    öztürk = await register(commands, members=ÖZTÜRK, contact={"phone": "+49 221 123456"})
    haddad = await register(commands, members=HADDAD, provider="drk")
    for q in ("ozturk", "ÖZT", "özt", "ayse oz", "weiss", "emre ozturk"):
        assert [c.household_id for c in (await find(commands, COORDINATOR, q)).items] == [öztürk], q
    for q in ("ozturk amina", "zturk", "ayse haddad"):
        assert (await find(commands, COORDINATOR, q)).items == [], q
    for q in ("0221-123", "+49 221 1234", "09.07.1984", öztürk.hex[:6], str(öztürk)):
        assert [c.household_id for c in (await find(commands, COORDINATOR, q)).items] == [öztürk], q
    card = (await find(commands, COORDINATOR, "haddad")).items[0]
    assert (card.household_id, card.title, card.short_id) == (
        haddad,
        "Amina Haddad (DRK Köln, 1 Person)",
        haddad.hex[:8],
    )
    assert (card.persons, card.registered_on, card.restricted) == (1, date(2025, 3, 1), False)


async def test_a_caseworker_finds_only_their_providers_households_and_sees_a_plain_miss(
    commands: CommandExecutor,
) -> None:
    await register(commands, members=ÖZTÜRK)
    await register(commands, members=HADDAD, provider="drk")
    other = await find(commands, DRK, "ozturk")
    miss = await find(commands, DRK, "zzzz")
    assert other == miss  # the same answer as for a name nobody has: no count, no hint
    assert other.page.total == 0
    assert [c.title for c in (await find(commands, CARITAS)).items] == [
        "Familie Öztürk (Caritas Köln, 2 Personen)"
    ]
    assert (await find(commands, caller(city="bonn"), "ozturk")).items == []
    with pytest.raises(Forbidden):
        await find(commands, caller(Role.volunteer, "caritas"), "ozturk")
    with pytest.raises(Forbidden):
        await find(commands, caller(Role.housing_office), "ozturk")


async def test_a_restricted_household_is_found_and_named_for_the_coordinator_only(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, members=ÖZTÜRK)
    await Privacy(commands).restrict(
        RestrictProcessing(household_id=household_id, reason=RestrictionReason.retention_duty),
        COORDINATOR,
    )
    assert [c.restricted for c in (await find(commands, COORDINATOR, "ozturk")).items] == [True]
    assert (await find(commands, CARITAS, "ozturk")) == (await find(commands, CARITAS, "zzzz"))
    admin = caller(Role.admin)
    assert (await find(commands, admin)).page.total == 0
    titles = Directory(commands).titles
    query = HouseholdTitlesQuery(ids=[household_id])
    assert (await titles(query, CARITAS)).titles == {}
    assert (await titles(query, COORDINATOR)).titles == {
        household_id: "Familie Öztürk (Caritas Köln, 2 Personen)"
    }


async def test_titles_only_for_households_the_caller_may_see(commands: CommandExecutor) -> None:
    öztürk = await register(commands, members=ÖZTÜRK)
    haddad = await register(commands, members=HADDAD, provider="drk")
    query = HouseholdTitlesQuery(ids=[öztürk, haddad, UUID(int=7)])
    assert (await Directory(commands).titles(query, DRK)).titles == {
        haddad: "Amina Haddad (DRK Köln, 1 Person)"
    }
    assert set((await Directory(commands).titles(query, caller(Role.admin))).titles) == {
        öztürk,
        haddad,
    }


async def test_erasure_empties_the_search_keys_and_the_title_keeps_the_short_id(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, members=ÖZTÜRK)
    await Privacy(commands).erase(EraseHousehold(household_id=household_id), COORDINATOR)
    assert (await find(commands, COORDINATOR, "ozturk")).items == []
    assert (await find(commands, COORDINATOR, "09.07.1984")).items == []
    card = (await find(commands, COORDINATOR, household_id.hex[:8])).items[0]
    assert card.title == f"Haushalt {household_id.hex[:8]} (Caritas Köln, 2 Personen)"
    async with commands.db.read() as conn:
        for table in (household_members, household_name_keys):
            assert (await conn.execute(sa.select(table))).all() == []
        sort_name = (await conn.execute(sa.select(household_directory.c.sort_name))).scalar()
    assert sort_name == ""


async def test_erasing_a_member_empties_their_search_keys(commands: CommandExecutor) -> None:
    household_id = await register(commands, members=ÖZTÜRK)
    m, k = household_members, household_name_keys
    async with commands.db.read() as conn:
        child = (
            await conn.execute(sa.select(m.c.member_id).where(m.c.given_name == "Emre"))
        ).scalar_one()
    await Privacy(commands).erase_member(
        EraseMember(household_id=household_id, member_id=child), COORDINATOR
    )
    async with commands.db.read() as conn:
        keys = (await conn.execute(sa.select(k.c.member_id, k.c.key))).all()
    # The child's keys went ("emre", and "ozturk", "weiss" of their own name); the head's stay.
    assert child not in {member for member, _ in keys}
    assert sorted(key for _, key in keys) == ["ayse", "ozturk"]
    assert (await find(commands, COORDINATOR, "emre")).items == []
    assert len((await find(commands, COORDINATOR, "ayse")).items) == 1


async def test_the_directory_pages_and_sorts_in_the_database(commands: CommandExecutor) -> None:
    names = ["Bauer", "Zander", "Albers", "Müller", "Kaya"]
    ids = {}
    for day, name in enumerate(names, start=1):
        ids[name] = await register(
            commands,
            members=[{"role": "head", "age_band": "27-64", "family_name": name}]
            + [{"role": "child", "age_band": "6-17"}] * (day % 3),
            registered_on=f"2025-03-{day:02d}",
        )
    first = await find(commands, COORDINATOR, per_page=2)
    assert first.page.total == 5 and first.page.pages == 3
    assert [c.household_id for c in first.items] == [ids["Albers"], ids["Bauer"]]
    last = await find(commands, COORDINATOR, per_page=2, page=3)
    assert [c.household_id for c in last.items] == [ids["Zander"]]
    newest = await find(commands, COORDINATOR, sort="registered", descending=True, per_page=1)
    assert newest.items[0].household_id == ids["Kaya"]
    most = await find(commands, COORDINATOR, sort="persons", descending=True, per_page=2)
    assert {c.persons for c in most.items} == {3}
    assert (await find(commands, COORDINATOR, provider="drk")).page.total == 0


def test_the_migration_fills_keys_and_directory_of_existing_households(tmp_path: Path) -> None:
    """0006 on households registered before it: search keys from the names, the directory
    row folded from the events."""
    url = f"sqlite:///{tmp_path}/intake.db"
    config = alembic_config(MIGRATIONS, url)
    command.upgrade(config, "intake_0005")
    engine = sa.create_engine(url)
    household_id = UUID("ad07fd63-1c2b-4d5e-8f90-123456789abc")
    event = (
        "INSERT INTO events (event_id, stream_id, stream_version, event_type, schema_version,"
        " municipality, provider, actor, correlation_id, occurred_at, recorded_at, payload)"
        " VALUES (:e, :s, :v, :t, 1, 'koeln', 'drk', 'x', :e, :at, :at, :p)"
    )
    stream = f"household:koeln:{household_id}"
    registered = (
        f'{{"household_id": "{household_id}", "provider": "caritas", "adults": 2, "minors": 1,'
        ' "accommodation_kind": "shelter"}'
    )
    handed = (
        f'{{"household_id": "{household_id}", "from_provider": "caritas", "to_provider": "drk"}}'
    )
    with engine.begin() as conn:
        for version, (kind, payload) in enumerate(
            [("HouseholdRegistered", registered), ("HouseholdHandedOver", handed)], start=1
        ):
            conn.execute(
                sa.text(event),
                {
                    "e": UUID(int=version).hex,
                    "s": stream,
                    "v": version,
                    "t": kind,
                    "at": "2025-02-28 23:30:00.000000",
                    "p": payload,
                },
            )
        conn.execute(
            sa.text(
                "INSERT INTO household_members (member_id, household_id, position, role, "
                "age_band, given_name, family_name) VALUES (:m, :h, 0, 'head', '27-64', "
                "'Ayşe', 'Öztürk')"
            ),
            {"m": UUID(int=9).hex, "h": household_id.hex},
        )
    command.upgrade(config, "head")
    with engine.begin() as conn:
        keys = conn.execute(sa.text("SELECT key FROM household_name_keys ORDER BY key")).all()
        assert [key for (key,) in keys] == ["ayse", "ozturk"]
        directory = conn.execute(
            sa.text(
                "SELECT provider, persons, registered_on, restricted, deregistered, id_hex,"
                " sort_name FROM household_directory"
            )
        ).one()
        # 23:30 UTC on the 28th is the 1st of March in Cologne.
        assert tuple(directory) == ("drk", 3, "2025-03-01", 0, 0, household_id.hex, "ozturk")
    command.downgrade(config, "intake_0005")
    with engine.begin() as conn:
        assert "household_directory" not in sa.inspect(conn).get_table_names()
    engine.dispose()


def test_the_migrated_schema_matches_the_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/intake.db"
    command.upgrade(alembic_config(MIGRATIONS, url), "head")
    engine = sa.create_engine(url)
    expected = sa.MetaData()
    for table in (*BACKBONE.tables.values(), *INTAKE.tables.values()):
        table.to_metadata(expected)
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), expected)
    engine.dispose()
    assert differences == []


async def test_who_moves_in_is_found_and_who_moves_away_is_not(
    commands: CommandExecutor,
) -> None:
    """The household is found by the names of those who live in it now; its title and its
    place "by name" follow a new head."""
    household_id = await register(commands, members=ÖZTÜRK)
    m = household_members
    async with commands.db.read() as conn:
        head = (
            await conn.execute(sa.select(m.c.member_id).where(m.c.given_name == "Ayşe"))
        ).scalar_one()
        child = (
            await conn.execute(sa.select(m.c.member_id).where(m.c.given_name == "Emre"))
        ).scalar_one()
    changes = HouseholdChanges(commands)
    joined = ChangeComposition.model_validate(
        {
            "household_id": household_id,
            "change": "joined",
            "changed_on": "2025-04-01",
            "joining": [
                {
                    "role": "partner",
                    "age_band": "27-64",
                    "given_name": "Kerem",
                    "family_name": "Yıldız",
                }
            ],
        }
    )
    await changes.change_composition(joined, COORDINATOR)
    assert [c.household_id for c in (await find(commands, COORDINATOR, "yildiz")).items] == [
        household_id
    ]
    moved = ChangeComposition.model_validate(
        {
            "household_id": household_id,
            "change": "moved_away",
            "changed_on": "2025-05-02",
            "leaving": [head, child],
            "new_head": await _member(commands, "Kerem"),
        }
    )
    await changes.change_composition(moved, COORDINATOR)
    assert (await find(commands, COORDINATOR, "ayse")).items == []
    assert (await find(commands, COORDINATOR, "emre")).items == []
    card = (await find(commands, COORDINATOR, "kerem")).items[0]
    assert card.title == "Kerem Yıldız (Caritas Köln, 1 Person)"
    assert card.persons == 1
    async with commands.db.read() as conn:
        sort_name = (await conn.execute(sa.select(household_directory.c.sort_name))).scalar()
    assert sort_name == "yildiz"


async def _member(commands: CommandExecutor, given_name: str) -> UUID:
    m = household_members
    async with commands.db.read() as conn:
        found = await conn.execute(sa.select(m.c.member_id).where(m.c.given_name == given_name))
        member_id: UUID = found.scalar_one()
    return member_id


async def test_a_page_past_the_last_still_says_how_many_there_are(
    commands: CommandExecutor,
) -> None:
    for _ in range(3):
        await register(commands, members=HADDAD)
    beyond = await find(commands, COORDINATOR, "haddad", per_page=2, page=5)
    assert (beyond.items, beyond.page.total) == ([], 3)
