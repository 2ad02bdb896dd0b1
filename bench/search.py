"""`python -m bench.search`: how fast the household directory answers at 2,000 and 20,000
households (issue 14: "lists that scale to 2,000 households").

Intake's store is filled with households of varied names (Turkish, Arabic, Ukrainian,
German, … with their accents), phones and birth dates, written exactly as a registration
writes them (the decider's events through `decide_and_append`, intake's personal-data
rows, the directory row), 500 per transaction; the duplicate look-up of a registration
is left out (it does not change what is stored for the search). Then the `Directory` use
case (what `search_households` runs, without the bus) answers, for a coordinator and for
one provider's caseworker: name prefixes ("özt", "ayse oz"), short ids, phone numbers,
birth dates, and directory pages sorted by name and by registration. Beside them the
baseline of the same run: a plain `SELECT` of one page of the directory table.

    .venv/bin/python -m bench.search                  # SQLite, 2,000 and 20,000
    .venv/bin/python -m bench.search --postgres       # also PostgreSQL (a private cluster)
    .venv/bin/python -m bench.search --sizes 2000 --queries 50   # quick

The aim is p99 < 100 ms for every kind of search at 20,000 households.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

from sqlalchemy import select

from bench.common import run_loop
from services.intake.adapters.directory import sync_directory
from services.intake.adapters.personal_data import save_registration
from services.intake.adapters.tables import household_directory
from services.intake.application.directory import Directory
from services.intake.application.households import registration_command
from services.intake.domain import household as hh
from services.intake.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor, decide_and_append
from shared.contracts import CONTRACTS
from shared.contracts.intake import RegisterHousehold
from shared.contracts.intake.directory import SearchHouseholds
from shared.db import Database
from shared.envelope import CommandContext
from shared.eventstore.store import EventStore
from shared.identity import Caller, Role
from shared.migrations import upgrade

MUNICIPALITY = "koeln"
PROVIDERS = ("caritas", "drk", "skm", "diakonie")
FAMILY = (
    "Öztürk", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Haddad", "Nasser",
    "Al-Hassan", "Abdullah", "Ibrahim", "Khalil", "Mansour", "Saleh", "Hussein", "Karimi",
    "Ahmadi", "Rahimi", "Hosseini", "Kovalenko", "Shevchenko", "Bondarenko", "Melnyk",
    "Tkachenko", "Kowalski", "Nowak", "Wiśniewski", "Popescu", "Ionescu", "Nguyễn", "Trần",
    "Müller", "Schmidt", "Weiß", "Groß", "Schäfer", "Köhler", "Jäger", "Bauer", "Becker",
    "Okafor", "Mensah", "Diallo", "Traoré", "Berisha", "Krasniqi", "Gashi", "Petrović",
    "Jovanović", "Mahmoud", "El Amrani", "Benali", "Tesfaye", "Haile", "Osman", "Jama",
)  # fmt: skip
GIVEN = (
    "Ayşe", "Mehmet", "Emre", "Elif", "Zeynep", "Murat", "Amina", "Omar", "Lina", "Yusuf",
    "Fatima", "Ahmad", "Maryam", "Ali", "Hassan", "Noor", "Olena", "Andrii", "Iryna",
    "Dmytro", "Oksana", "Maksym", "Anna", "Piotr", "Zofia", "Ion", "Maria", "Thanh",
    "Linh", "Jonas", "Lea", "Jürgen", "Chidi", "Kofi", "Aminata", "Arben", "Drita",
    "Milan", "Jelena", "Samira", "Karim", "Selam", "Abdi", "Hodan", "Sofía", "José",
)  # fmt: skip
BATCH = 500


def household_request(rng: random.Random) -> RegisterHousehold:
    """A household of 1–7 persons, one family name (sometimes two), a phone for most."""
    family = rng.choice(FAMILY)
    size = rng.choice((1, 1, 2, 3, 3, 4, 4, 5, 6, 7))
    members: list[dict[str, Any]] = []
    for position in range(size):
        adult = position < 2
        # Within the age band on every day of registration (2024–2025).
        if adult:
            born = date(1962, 1, 1) + timedelta(days=rng.randrange(365 * 32))
        else:
            born = date(2008, 6, 1) + timedelta(days=rng.randrange(365 * 8))
        members.append(
            {
                "role": "head" if position == 0 else ("partner" if adult else "child"),
                "age_band": "27-64" if adult else "6-17",
                "given_name": rng.choice(GIVEN),
                "family_name": family if rng.random() > 0.1 else rng.choice(FAMILY),
                "birth_date": born.isoformat(),
            }
        )
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(600))
    while day.weekday() >= 5:
        day += timedelta(days=1)
    phone = f"0221 {rng.randrange(10**6, 10**7)}" if rng.random() < 0.8 else None
    return RegisterHousehold.model_validate(
        {
            "provider": rng.choice(PROVIDERS),
            "registered_on": day.isoformat(),
            "accommodation": {"kind": "shelter"},
            "members": members,
            "contact": {"phone": phone} if phone else None,
        }
    )


async def fill(commands: CommandExecutor, count: int, rng: random.Random) -> list[Any]:
    """`count` more households, written as a registration writes them; their requests."""
    requests: list[Any] = []
    context = CommandContext(actor="bench", municipality=MUNICIPALITY, correlation_id=uuid4())
    for start in range(0, count, BATCH):
        async with commands.db.transaction() as conn:
            for _ in range(min(BATCH, count - start)):
                request, household_id = household_request(rng), uuid4()
                command = registration_command(request, household_id, None, ())
                outcome = await decide_and_append(
                    conn,
                    commands.store,
                    hh.household,
                    hh.stream_id(MUNICIPALITY, household_id),
                    command,
                    context,
                    lambda state: state.provider,
                )
                await save_registration(conn, MUNICIPALITY, household_id, request)
                await sync_directory(conn, MUNICIPALITY, outcome.state)
                requests.append((household_id, request))
    return requests


def texts(kind: str, known: list[Any], rng: random.Random) -> Iterator[str]:
    """Search texts of one kind, taken from the households stored (so most find some)."""
    while True:
        household_id, request = rng.choice(known)
        member = rng.choice(request.members)
        if kind == "name prefix":
            yield member.family_name[: rng.randint(3, 5)].lower()
        elif kind == "given + family":
            yield f"{member.given_name} {member.family_name[:3]}"
        elif kind == "short id":
            yield household_id.hex[:8]
        elif kind == "phone":
            if request.contact and request.contact.phone:
                yield "+49 " + request.contact.phone[1:9]
        elif kind == "birth date":
            if member.birth_date:
                yield member.birth_date.strftime("%d.%m.%Y")
        elif kind == "miss":
            yield "zzqx"
        else:
            yield ""


KINDS = ("name prefix", "given + family", "short id", "phone", "birth date", "miss")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def timed(times: int, call: Callable[[int], Awaitable[object]]) -> tuple[float, float]:
    """p50 and p99 in ms of `times` calls (a warm-up call first)."""
    await call(-1)
    spent = []
    for i in range(times):
        start = time.perf_counter()
        await call(i)
        spent.append((time.perf_counter() - start) * 1000)
    return percentile(spent, 0.5), percentile(spent, 0.99)


def searching(
    directory: Directory, caller: Caller, source: Iterator[str]
) -> Callable[[int], Awaitable[object]]:
    async def call(_: int) -> object:
        return await directory.search(SearchHouseholds(q=next(source)), caller)

    return call


def paging(
    directory: Directory, caller: Caller, sort: str, pages: int, rng: random.Random
) -> Callable[[int], Awaitable[object]]:
    async def call(_: int) -> object:
        query = SearchHouseholds.model_validate({"page": rng.randint(1, pages), "sort": sort})
        return await directory.search(query, caller)

    return call


async def measure(
    commands: CommandExecutor, known: list[Any], queries: int, rng: random.Random
) -> list[tuple[str, str, float, float]]:
    directory = Directory(commands)
    coordinator = Caller(
        user_id="k", role=Role.coordinator, municipality=MUNICIPALITY, correlation_id=uuid4()
    )
    caseworker = Caller(
        user_id="w",
        role=Role.caseworker,
        municipality=MUNICIPALITY,
        provider="caritas",
        correlation_id=uuid4(),
    )
    d = household_directory
    total = len(known)

    async def baseline(_: int) -> None:
        offset = rng.randrange(max(1, total - 50))
        async with commands.db.read() as conn:
            rows = await conn.execute(
                select(d)
                .where(d.c.municipality == MUNICIPALITY)
                .order_by(d.c.household_id)
                .offset(offset)
                .limit(50)
            )
            rows.all()

    results = [("baseline", "plain SELECT of one page (50)", *await timed(queries, baseline))]
    for who, caller in (("coordinator", coordinator), ("caseworker", caseworker)):
        for kind in KINDS:
            call = searching(directory, caller, texts(kind, known, rng))
            results.append((who, kind, *await timed(queries, call)))
        pages = max(1, total // 50 // (1 if who == "coordinator" else len(PROVIDERS)))
        for sort in ("name", "registered"):
            call = paging(directory, caller, sort, pages, rng)
            results.append((who, f"directory page, by {sort}", *await timed(queries, call)))
    return results


async def run_backend(url: str, sizes: list[int], queries: int) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    commands = CommandExecutor(db, EventStore(CONTRACTS), None)
    rng = random.Random(14)
    known: list[Any] = []
    try:
        for size in sizes:
            started = time.perf_counter()
            known += await fill(commands, size - len(known), rng)
            filled = time.perf_counter() - started
            print(f"\n{size:,} households ({url.split(':')[0]}; filled in {filled:.1f} s)")
            print(f"{'caller':<12} {'search':<32} {'p50 ms':>8} {'p99 ms':>8}")
            for who, kind, p50, p99 in await measure(commands, known, queries, rng):
                flag = "" if p99 < 100 else "  > aim of 100 ms"
                print(f"{who:<12} {kind:<32} {p50:>8.1f} {p99:>8.1f}{flag}")
    finally:
        await db.dispose()


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    from support.postgres import PostgresCluster, server_tmp_dir

    with server_tmp_dir("auszug-bench-pg-") as directory, PostgresCluster(directory) as cluster:
        yield cluster.create_database("intake_bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000", help="households, ascending")
    parser.add_argument("--queries", type=int, default=200, help="searches per kind")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="auszug-bench-search-") as work:
        url = f"sqlite+aiosqlite:///{Path(work) / 'intake.db'}"
        run_loop(run_backend(url, sizes, args.queries))
    if args.postgres:
        with postgres() as url:
            run_loop(run_backend(url, sizes, args.queries))


if __name__ == "__main__":
    main()
