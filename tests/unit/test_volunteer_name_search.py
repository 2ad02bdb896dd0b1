"""Volunteers and tandems found by name in SQL (the pickers' questions to volunteer): each
word begins the given or family name or a part of one, case does not count (also for
umlauts on SQLite), LIKE's wildcards are plain letters, the caller's provider scope and
the other filters still apply, and a tandem is found by its volunteer's name or as one
of the households named."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import tandem_index, volunteer_list
from services.volunteer.adapters.name_search import words_of
from services.volunteer.adapters.tables import tandem_index as tandem_table
from services.volunteer.adapters.tables import volunteer_details
from services.volunteer.adapters.tables import volunteer_list as list_table
from services.volunteer.entrypoints.app import MIGRATIONS
from shared.contracts.volunteer import ListTandems, ListVolunteers, SearchTandems
from shared.db import Database
from shared.migrations import upgrade

# (given, family, provider, ready)
PEOPLE = {
    "ayse": ("Ayşe", "Öztürk", "caritas", True),
    "hassan": ("Omar", "Al-Hassan", "caritas", True),
    "maria": ("Maria", "Schulte", "caritas", True),
    "marianne": ("Marianne", "Weiß", "caritas", False),
    "mario": ("Mario", "Rossi", "drk", True),
    "percent": ("Ma%ia", "Under_score", "caritas", True),
}
IDS = {key: uuid4() for key in PEOPLE}
HOUSEHOLDS = {key: uuid4() for key in PEOPLE}
TANDEMS = {key: uuid4() for key in PEOPLE}


@pytest.fixture
async def conn(tmp_path: Path) -> AsyncIterator[AsyncConnection]:
    url = f"sqlite+aiosqlite:///{tmp_path}/volunteer.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    try:
        async with db.transaction() as connection:
            for key, (given, family, provider, ready) in PEOPLE.items():
                where = {"volunteer_id": IDS[key], "municipality": "koeln", "provider": provider}
                await connection.execute(
                    insert(volunteer_details).values(
                        **where, user_id=key, given_name=given, family_name=family
                    )
                )
                await connection.execute(
                    insert(list_table).values(
                        **where,
                        languages=" ",
                        registered_on=date(2026, 1, 5),
                        ready_for_tandem=ready,
                    )
                )
                await connection.execute(
                    insert(tandem_table).values(
                        **where,
                        tandem_id=TANDEMS[key],
                        household_id=HOUSEHOLDS[key],
                        formed_on=date(2026, 2, 1),
                    )
                )
            yield connection
    finally:
        await db.dispose()


async def named(conn: AsyncConnection, q: str, provider: str | None = None, **f: str) -> set[str]:
    query = ListVolunteers.model_validate({"q": q, "per_page": 200, **f})
    found = await volunteer_list.listing(conn, "koeln", provider, query)
    return {key for key, i in IDS.items() if i in found.volunteer_ids}


def test_the_words_of_a_search() -> None:
    assert words_of(" Öztürk,  AYŞE ") == ["öztürk", "ayşe"]
    assert words_of("- . '") == []


async def test_volunteers_are_found_by_the_beginnings_of_their_names(
    conn: AsyncConnection,
) -> None:
    assert await named(conn, "mari") == {"maria", "marianne", "mario"}
    assert await named(conn, "maria s") == {"maria"}  # every word must fit
    assert await named(conn, "öztürk") == {"ayse"}  # lower case umlaut, also on SQLite
    assert await named(conn, "ÖZTÜRK") == await named(conn, "Öztürk") == {"ayse"}
    assert await named(conn, "hassan") == {"hassan"}  # a part of a name after a hyphen
    assert await named(conn, "ria") == set()  # the beginning, not any part
    assert await named(conn, "ma%") == {"percent"}  # % is a letter here, no wildcard
    assert await named(conn, "under_") == {"percent"}
    assert await named(conn, "unders") == set()  # nor is _
    assert await named(conn, "") == set(PEOPLE)  # no search: everyone
    assert await named(conn, "-") == set()  # punctuation alone names nobody


async def test_the_scope_and_the_other_filters_still_apply(conn: AsyncConnection) -> None:
    assert await named(conn, "mari", provider="caritas") == {"maria", "marianne"}
    assert await named(conn, "mari", status="ready") == {"maria", "mario"}


async def test_a_tandem_is_found_by_its_volunteers_name_or_its_household(
    conn: AsyncConnection,
) -> None:
    async def tandems(query: ListTandems, provider: str | None = "caritas") -> set[str]:
        found = await tandem_index.page(
            conn, "koeln", query, provider=provider, volunteer_id=None, with_restricted=True
        )
        return {key for key, t in TANDEMS.items() if t in [k.tandem_id for k in found.keys]}

    households = [HOUSEHOLDS["ayse"], HOUSEHOLDS["mario"]]
    assert await tandems(SearchTandems(q="schulte", household_ids=households)) == {
        "maria",
        "ayse",
    }  # Mario's household is DRK's: not in a Caritas caseworker's scope
    assert await tandems(SearchTandems(q="Mario"), provider=None) == {"mario"}
    assert await tandems(SearchTandems(household_ids=[HOUSEHOLDS["hassan"]])) == {"hassan"}
    assert await tandems(SearchTandems()) == set()  # a search for nothing
    assert await tandems(ListTandems(q="mari")) == {"maria", "marianne"}
    assert len(await tandems(ListTandems())) == 5  # the list without a search: all of them
