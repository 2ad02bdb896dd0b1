"""`python -m bench.due_list`: how fast the due list (issue 15's "Heute" page) answers at
2,000 and 20,000 households, and what keeping it costs the projection.

Reporting's read model is filled the way the `reporting-facts` consumer fills it: events
as intake and placement record them (registrations, some with the last day of a WBS; a
responsible caseworker for most; proposals, viewings and guarantees on offers; written
follow-ups through intake's registered subclasses of the base events, some of them
reassigned, postponed or completed; a few restricted households) go through the real
`CaseboardProjection` and `FollowUpsProjection`, in the order `FactsProjection` calls them,
1,000 events per transaction as a catch-up applies them. Each part's time is taken
separately: the apply rate with the due list beside the caseboard-only rate of the same run.

Then `follow_up_list` (what the `FOLLOW_UPS` query runs, without the bus) answers the
three lists of the "Heute" page (mine; the team's unassigned written ones; rule-made steps)
and a page 5 sorted by kind, for a coordinator and for one provider's caseworker, `--queries`
times each: p50 and p99 in ms beside the baseline of the same run, a plain `SELECT` of one
page (50 rows, random offset) of the `follow_ups` table.

    .venv/bin/python -m bench.due_list                  # SQLite, 2,000 and 20,000
    .venv/bin/python -m bench.due_list --postgres       # also PostgreSQL (a private cluster)
    .venv/bin/python -m bench.due_list --backend postgres --sizes 2000   # PostgreSQL only
    .venv/bin/python -m bench.due_list --sizes 2000 --queries 50   # quick

The aim is p99 < 100 ms for every Heute query at 20,000 households.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from bench.common import Figure, run_loop
from bench.search import timed
from services.reporting.adapters.follow_up_tables import follow_ups
from services.reporting.application.follow_ups import follow_up_list
from services.reporting.application.projections.caseboard import CaseboardProjection
from services.reporting.application.projections.follow_ups import WRITTEN, FollowUpsProjection
from services.reporting.entrypoints.app import MIGRATIONS
from shared.clock import business_time, today, utcnow
from shared.contracts import intake as i
from shared.contracts import placement as pl
from shared.contracts.followups import FollowUpQuery, Rule, SubjectKind
from shared.db import Database
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.migrations import upgrade

MUNICIPALITY = "koeln"
PROVIDERS = ("caritas", "drk", "skm", "diakonie")
CASEWORKERS = 6  # per provider: "caritas-cw1" … "caritas-cw6"
BATCH = 1000  # events per transaction, as `shared.catchup` applies a rebuild
STORIES = 200  # households whose events are interleaved in the stream at a time


def caseworker_id(provider: str, n: int) -> str:
    return f"{provider}-cw{n}"


@dataclass
class Stream:
    """The events of the fill in stream order, and what the due list must hold after them
    (rows per kind: rule values and "written"), counted while the events are made."""

    events: list[RecordedEvent] = field(default_factory=list)
    expected: Counter[str] = field(default_factory=Counter)
    versions: dict[str, int] = field(default_factory=dict)

    def add(self, event: DomainEvent, stream: str, provider: str | None) -> None:
        version = self.versions.get(stream, 0) + 1
        self.versions[stream] = version
        envelope = Envelope(
            event_id=uuid4(),
            event_type=event.event_type,
            schema_version=event.schema_version,
            stream_id=stream,
            stream_version=version,
            municipality=MUNICIPALITY,
            provider=provider,
            actor="bench",
            correlation_id=uuid4(),
            causation_id=None,
            occurred_at=event.occurred_at,
            recorded_at=utcnow(),
            payload=event.payload(),
        )
        self.events.append(RecordedEvent(envelope, event))


def at(day: date) -> datetime:
    return business_time(day)


def story(rng: random.Random, household: UUID, offer: UUID, t: date) -> list[list[Any]]:
    """One household's events as phases (each a list of (event, stream kind, counted kind)):
    the phases of `STORIES` households are interleaved, a story's own order kept."""
    provider = rng.choice(PROVIDERS)
    registered_on = t - timedelta(days=rng.randrange(10, 240))
    wbs = rng.random() < 0.4
    phases: list[list[Any]] = [[], [], [], []]
    registered = i.HouseholdRegistered(
        household_id=household,
        provider=provider,
        adults=rng.choice((1, 2)),
        minors=rng.choice((0, 0, 1, 2, 3)),
        accommodation_kind=i.AccommodationKind.shelter,
        wbs=wbs,
        wbs_valid_until=t + timedelta(days=rng.randrange(-20, 300)) if wbs else None,
        occurred_at=at(registered_on),
    )
    # Every household waits on staff in one of the stages that stall: one `stage_stalled`.
    phases[0].append((registered, "household", Rule.stage_stalled.value))
    if wbs:
        phases[0].append((None, None, Rule.wbs_expiring.value))
    caseworker = caseworker_id(provider, rng.randint(1, CASEWORKERS))
    if rng.random() < 0.85:
        assigned = i.CaseworkerAssigned(
            household_id=household,
            caseworker=caseworker,
            occurred_at=at(registered_on + timedelta(days=1)),
        )
        phases[1].append((assigned, "household", None))
    if rng.random() < 0.01:
        restricted = i.ProcessingRestricted(
            household_id=household,
            reason=i.RestrictionReason.accuracy_contested,
            occurred_at=at(registered_on + timedelta(days=2)),
        )
        phases[1].append((restricted, "household", None))
    if rng.random() < 0.5:
        proposed_on = t - timedelta(days=rng.randrange(0, 40))
        proposed = pl.HouseholdProposed(
            offer_id=offer,
            household_id=household,
            provider=provider,
            adults=registered.adults,
            minors=registered.minors,
            occurred_at=at(proposed_on),
        )
        phases[2].append((proposed, "offer", Rule.proposal_unanswered.value))
        if rng.random() < 0.5:
            viewing = pl.ViewingScheduled(
                offer_id=offer,
                viewing_id=uuid4(),
                household_id=household,
                provider=provider,
                viewing_on=proposed_on + timedelta(days=rng.randrange(1, 14)),
                occurred_at=at(proposed_on),
            )
            phases[3].append((viewing, "offer", Rule.viewing_unrecorded.value))
        if rng.random() < 0.3:
            guarantee = pl.GuaranteeRequested(
                offer_id=offer,
                guarantee_id=uuid4(),
                household_id=household,
                provider=provider,
                kind=pl.GuaranteeKind.deposit,
                requested_from=pl.GuaranteeAuthority.jobcenter,
                occurred_at=at(proposed_on),
            )
            phases[3].append((guarantee, "offer", Rule.guarantee_undecided.value))
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        phases[2 + rng.randrange(2)].extend(written(rng, household, provider, caseworker, t))
    return phases


def written(
    rng: random.Random, household: UUID, provider: str, caseworker: str, t: date
) -> list[Any]:
    """A written follow-up on the household and what happens to it (intake's events)."""
    follow_up = uuid4()
    written_on = t - timedelta(days=rng.randrange(0, 30))
    assignee = rng.choice((None, None, caseworker, caseworker_id(provider, 1)))
    scheduled = i.IntakeFollowUpScheduled(
        follow_up_id=follow_up,
        subject_kind=SubjectKind.household,
        subject_id=household,
        household_id=household,
        due_on=written_on + timedelta(days=rng.randrange(0, 30)),
        assignee=assignee,
        occurred_at=at(written_on),
    )
    steps: list[Any] = [(scheduled, "household", WRITTEN)]
    later = at(written_on + timedelta(days=1))
    roll = rng.random()
    if roll < 0.1:
        done = i.IntakeFollowUpCompleted(follow_up_id=follow_up, occurred_at=later)
        steps.append((done, "household", None))
        steps.append((None, None, f"-{WRITTEN}"))
    elif roll < 0.2:
        moved = i.IntakeFollowUpPostponed(
            follow_up_id=follow_up,
            due_on=t + timedelta(days=rng.randrange(-3, 10)),
            occurred_at=later,
        )
        steps.append((moved, "household", None))
    elif roll < 0.3:
        other = caseworker_id(provider, rng.randint(1, CASEWORKERS))
        taken = i.IntakeFollowUpReassigned(
            follow_up_id=follow_up, assignee=other, occurred_at=later
        )
        steps.append((taken, "household", None))
    return steps


def make_stream(households: int, rng: random.Random, t: date | None = None) -> Stream:
    """`households` stories, `STORIES` at a time interleaved phase by phase; three
    households proposed per offer (so offer events meet the caseboard's offer holders)."""
    t = t or today()
    out = Stream()
    for start in range(0, households, STORIES):
        ids = [uuid4() for _ in range(min(STORIES, households - start))]
        offers = [uuid4() for _ in range(len(ids) // 3 + 1)]
        stories = [story(rng, h, offers[n // 3], t) for n, h in enumerate(ids)]
        for phase in range(4):
            for household, phases in zip(ids, stories, strict=True):
                # Every event of a household's stream carries its provider in the envelope
                # (intake's `decide_and_append` does so; written rows are scoped by it).
                provider = phases[0][0][0].provider
                for event, kind, counted in phases[phase]:
                    if counted is not None:
                        if counted.startswith("-"):
                            out.expected[counted[1:]] -= 1
                        else:
                            out.expected[counted] += 1
                    if event is None:
                        continue
                    if kind == "household":
                        out.add(event, f"household:{MUNICIPALITY}:{household}", provider)
                    else:
                        out.add(event, f"offer:{MUNICIPALITY}:{event.offer_id}", provider)
    return out


@dataclass
class Applied:
    events: int = 0
    caseboard_s: float = 0.0
    follow_ups_s: float = 0.0

    def rate(self, seconds: float) -> float:
        return self.events / seconds if seconds else 0.0


async def apply(db: Database, stream: Stream, batch_size: int = BATCH) -> Applied:
    """The stream through the caseboard and the due list as `FactsProjection` runs them,
    one transaction per `batch_size` events; each projection's time taken on its own."""
    caseboard, due_list = CaseboardProjection(), FollowUpsProjection()
    applied = Applied()
    for start in range(0, len(stream.events), batch_size):
        batch = stream.events[start : start + batch_size]
        async with db.transaction() as conn:
            began = time.perf_counter()
            changed = await caseboard.apply(conn, batch)
            middle = time.perf_counter()
            await due_list.apply(conn, batch, changed)
            applied.follow_ups_s += time.perf_counter() - middle
            applied.caseboard_s += middle - began
        applied.events += len(batch)
    return applied


async def rows_per_kind(db: Database) -> Counter[str]:
    statement = select(follow_ups.c.kind, func.count()).group_by(follow_ups.c.kind)
    async with db.read() as conn:
        return Counter({kind: count for kind, count in await conn.execute(statement)})


QUERIES: tuple[tuple[str, dict[str, Any]], ...] = (
    # The three sections as the "Heute" page asks them (services/gateway/reporting/today.py).
    ("Heute: mine", {"mine": True, "kind": WRITTEN}),
    ("Heute: team unassigned", {"kind": WRITTEN, "unassigned": True, "not_mine": True}),
    ("Heute: rule-made steps", {"rule_made": True}),
    # Wider forms of the same lists (the API's filters, the deadlines page's sorts).
    ("mine, every kind", {"mine": True}),
    ("unassigned written, also mine", {"kind": WRITTEN, "unassigned": True}),
    ("rule-made by kind, page 5", {"rule_made": True, "sort": "kind", "page": 5}),
    ("by provider, descending, p. 3", {"sort": "provider", "descending": True, "page": 3}),
    ("due_on descending, page 2", {"descending": True, "page": 2}),
)

Result = tuple[str, str, float, float, int]


async def measure(
    db: Database, queries: int, rng: random.Random, show_plans: bool = False
) -> list[Result]:
    coordinator = Caller(
        user_id="koordination-1",
        role=Role.coordinator,
        municipality=MUNICIPALITY,
        correlation_id=uuid4(),
    )
    caseworker = Caller(
        user_id=caseworker_id("caritas", 1),
        role=Role.caseworker,
        municipality=MUNICIPALITY,
        provider="caritas",
        correlation_id=uuid4(),
    )
    async with db.read() as conn:
        total = int((await conn.execute(select(func.count()).select_from(follow_ups))).scalar_one())

    async def baseline(_: int) -> None:
        async with db.read() as conn:
            rows = await conn.execute(
                select(follow_ups)
                .where(follow_ups.c.municipality == MUNICIPALITY)
                .order_by(follow_ups.c.follow_up_id)
                .offset(rng.randrange(max(1, total - 50)))
                .limit(50)
            )
            rows.all()

    results: list[Result] = [
        ("baseline", "plain SELECT of one page (50)", *await timed(queries, baseline), total)
    ]
    for who, caller in (("coordinator", coordinator), ("caseworker", caseworker)):
        for name, fields in QUERIES:
            query = FollowUpQuery.model_validate(fields)
            found = (await follow_up_list(db, query, caller)).page.total

            async def call(_: int, query: FollowUpQuery = query, caller: Caller = caller) -> object:
                return await follow_up_list(db, query, caller)

            results.append((who, name, *await timed(queries, call), found))
            if show_plans:
                print(f"\n{who}, {name}:")
                print("\n".join("    " + line for line in await plans(db, query, caller)))
    return results


async def plans(db: Database, query: FollowUpQuery, caller: Caller) -> list[str]:
    """The plans of the statements one `follow_up_list` call runs: SQLite's `EXPLAIN QUERY
    PLAN`, PostgreSQL's `EXPLAIN ANALYZE` (with the call's own parameters)."""
    statements: list[tuple[str, Any]] = []

    def capture(*args: Any) -> None:  # conn, cursor, statement, parameters, context, many
        statements.append((args[2], args[3]))

    sa_event.listen(db.engine.sync_engine, "before_cursor_execute", capture)
    try:
        await follow_up_list(db, query, caller)
    finally:
        sa_event.remove(db.engine.sync_engine, "before_cursor_execute", capture)
    explain = "EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN ANALYZE "
    lines = []
    async with db.read() as conn:
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            lines.append("-- " + " ".join(statement.split())[:100] + " …")
            result = await conn.exec_driver_sql(explain + statement, parameters)
            lines += [str(row[-1]) for row in result]
    return lines


async def settle(db: Database) -> None:
    """On PostgreSQL, what autovacuum does soon after a fill: statistics for the planner
    (without them it expects one row per index scan) and the visibility map (without it an
    index-only count reads every heap page). SQLite gets nothing: the service runs no
    ANALYZE, so its planner works without statistics there too."""
    if db.is_sqlite:
        return
    async with db.engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql("VACUUM ANALYZE")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f})"


async def run_backend(url: str, sizes: list[int], queries: int, show_plans: bool = False) -> None:
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    rng = random.Random(15)
    have = 0
    try:
        for size in sizes:
            stream = make_stream(size - have, rng)
            applied = await apply(db, stream)
            await settle(db)
            have = size
            held = await rows_per_kind(db)
            both = applied.caseboard_s + applied.follow_ups_s
            print(f"\n{size:,} households ({url.split(':')[0]}; {load()})")
            print(f"  {applied.events:,} events applied, {sum(held.values()):,} rows due-list:")
            print("  " + ", ".join(f"{kind} {count:,}" for kind, count in sorted(held.items())))
            print(f"  apply, caseboard + due list {applied.rate(both):>10,.0f} events/s")
            print(
                f"  apply, caseboard only       {applied.rate(applied.caseboard_s):>10,.0f}"
                " events/s   baseline"
            )
            print(f"{'caller':<12} {'query':<32} {'p50 ms':>8} {'p99 ms':>8} {'rows':>7}")
            for who, name, p50, p99, found in await measure(
                db, queries, rng, show_plans and size == sizes[-1]
            ):
                flag = "" if p99 < 100 or who == "baseline" else "  > aim of 100 ms"
                print(f"{who:<12} {name:<32} {p50:>8.1f} {p99:>8.1f} {found:>7,}{flag}")
            print(f"(after: {load()})")
    finally:
        await db.dispose()


AIM_MS = 100.0  # p99 of every Heute query


async def stage(workdir: Path, households: int, queries: int) -> list[Figure]:
    """`python -m bench`'s stage "due": one size on SQLite, as figures (6a–6c, 6.*)."""
    url = f"sqlite+aiosqlite:///{workdir / 'reporting.db'}"
    db = Database(url)  # makes the directory
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    rng = random.Random(15)
    try:
        applied = await apply(db, make_stream(households, rng))
        results = await measure(db, queries, rng)
    finally:
        await db.dispose()
    both = applied.caseboard_s + applied.follow_ups_s
    size = f"{households:,} households, {applied.events:,} events"
    figures = [
        Figure(
            key="6a",
            name="due list: apply, caseboard + due list",
            value=applied.rate(both),
            unit="events/s",
            runs=[applied.rate(both)],
            baseline_key="6b",
            notes=f"{size}; 1,000 per transaction, single run",
        ),
        Figure(
            key="6b",
            name="due list: apply, caseboard only",
            value=applied.rate(applied.caseboard_s),
            unit="events/s",
            runs=[applied.rate(applied.caseboard_s)],
        ),
    ]
    for n, (who, name, p50, p99, found) in enumerate(results):
        baseline = n == 0
        figures.append(
            Figure(
                key="6c" if baseline else f"6.{n:02d}",
                name=f"due list p99: {name}" if baseline else f"due list p99: {who}, {name}",
                value=p99,
                unit="ms",
                runs=[p50, p99],
                baseline_key=None if baseline else "6c",
                aim=None if baseline else AIM_MS,
                notes=f"p50 {p50:.1f} ms, {found:,} rows, {queries} queries",
            )
        )
    return figures


@contextmanager
def postgres() -> Iterator[str]:
    from support.postgres import PostgresCluster, server_tmp_dir

    with server_tmp_dir("auszug-bench-pg-") as directory, PostgresCluster(directory) as cluster:
        yield cluster.create_database("reporting_bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="2000,20000", help="households, ascending")
    parser.add_argument("--queries", type=int, default=200, help="runs per query")
    parser.add_argument(
        "--backend", default="sqlite", help="sqlite, postgres or both: sqlite,postgres"
    )
    parser.add_argument("--postgres", action="store_true", help="the same as --backend both")
    parser.add_argument("--workdir", type=Path, help="keep the SQLite file here")
    parser.add_argument(
        "--plans", action="store_true", help="print each query's plan (at the largest size)"
    )
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    backends = {b.strip() for b in args.backend.split(",") if b.strip()}
    if args.postgres:
        backends |= {"sqlite", "postgres"}
    if unknown := backends - {"sqlite", "postgres"}:
        parser.error(f"unknown backend: {', '.join(sorted(unknown))}")
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory(prefix="auszug-bench-due-") as work:
            directory = args.workdir or Path(work)
            directory.mkdir(parents=True, exist_ok=True)
            url = f"sqlite+aiosqlite:///{directory / 'reporting.db'}"
            run_loop(run_backend(url, sizes, args.queries, args.plans))
    if "postgres" in backends:
        with postgres() as url:
            run_loop(run_backend(url, sizes, args.queries, args.plans))


if __name__ == "__main__":
    main()
