"""`python -m bench.reporting_rebuild`: rebuild every reporting projection from a synthetic
history several municipalities large (default 1,000,000 events), then query it.

Figures, in one run on one nats-server:
- R1 raw read: an ephemeral pull consumer (`AckPolicy.NONE`, `fetch(1000)`) reads the whole
  stream and does nothing with it; the transport ceiling (baseline of R2).
- R2 rebuild: a fresh SQLite read model, both durable consumers of the reporting service
  (`reporting-figures`, `reporting-facts`: every fact table and the caseboard) started
  as `ServiceHost` starts them after `python -m services.reporting rebuild`; clock from
  start until both applied every event. Runs in its own process: its peak RSS is the
  memory figure.
- R3 peer: the `eventsourcing` library (SQLite, like bench stage 4) replaying the same
  number of events from its notification log (read and decode, no projection).
- R4 query: the yearly figures of every municipality, whole and per provider, against the
  rebuilt model (the reporting use case, no HTTP): p50 and p99 latency.

Aims (issue 5): R2 ≥ 50,000 events/s, ≥ 60 % of R1 and ≥ 4× R3; R4 p99 < 50 ms; R2 peak
memory < 500 MB. `--events 50000` gives a quick run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from itertools import zip_longest
from pathlib import Path
from typing import Any
from uuid import uuid4

import nats
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from sqlalchemy.ext.asyncio import AsyncConnection

from bench import peer
from bench.common import REPORTING_MIGRATIONS, ROOT, migrate, run_loop
from services.reporting.application import figures as uc
from services.reporting.application.projection import CONSUMER, FiguresProjection
from services.reporting.application.projections import FACTS_CONSUMER, FactsProjection
from shared.clock import business_time, utcnow
from shared.consumer import ALL_EVENTS, EventConsumer
from shared.contracts import CONTRACTS
from shared.contracts import intake as i
from shared.contracts import placement as pl
from shared.contracts import prevention as pv
from shared.contracts import volunteer as vo
from shared.contracts.reporting import FiguresQuery
from shared.db import Database
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.messaging import EVENTS_STREAM, ensure_streams
from support.nats_server import NatsServer

CITIES = ("koeln", "bergisch-gladbach", "bonn", "leverkusen")
PROVIDERS = ("caritas", "drk", "fluechtlingsrat")
YEAR = 2025
Story = list[tuple[DomainEvent, str, str | None]]  # (event, stream id, envelope provider)


def story(rng: random.Random, city: str) -> Story:
    """One household's year (registration to aftercare) and some work around it."""
    hid, oid, day = uuid4(), uuid4(), date(YEAR, 1, 1) + timedelta(days=rng.randrange(300))
    p, kind = rng.choice(PROVIDERS), rng.choice(list(pl.LandlordKind))
    adults, minors, gid, vid = rng.randint(1, 3), rng.randint(0, 4), uuid4(), uuid4()

    def at(days: int) -> Any:
        return business_time(day + timedelta(days=days))

    h, o = f"household:{city}:{hid}", f"offer:{city}:{oid}"
    common = {"offer_id": oid, "household_id": hid, "provider": p}
    guarantee = {**common, "guarantee_id": gid, "kind": "deposit", "requested_from": "jobcenter"}
    events: Story = [
        (i.HouseholdRegistered(household_id=hid, provider=p, adults=adults, minors=minors,
                               accommodation_kind="shelter", occurred_at=at(0)), h, p),
        (i.HousingReadinessAssessed(household_id=hid, assessment_id=uuid4(), criteria={},
                                    result="ready", occurred_at=at(5)), h, p),
        (pl.OfferReceived(offer_id=oid, landlord_id=uuid4(), landlord_kind=kind, district="kalk",
                          rooms=Decimal(2), size_m2=Decimal(60), cold_rent=Decimal(600),
                          running_costs=Decimal(150), available_from=day, wbs_required=False,
                          refugee_quota=False, accessible=False, source="public_relations",
                          occurred_at=at(6)), o, None),
        (pl.HouseholdProposed(**common, adults=adults, minors=minors, occurred_at=at(8)), o, p),
        (pl.LandlordDecided(**common, decision="accepted", proposed_on=day + timedelta(days=8),
                            occurred_at=at(10)), o, p),
        (pl.ViewingScheduled(**common, viewing_id=vid, viewing_on=day + timedelta(days=12),
                             occurred_at=at(11)), o, p),
        (pl.ViewingHeld(**common, viewing_id=vid, outcome="household_interested",
                        accompanied_by_tandem=False, occurred_at=at(12)), o, p),
        (pl.GuaranteeRequested(**guarantee, occurred_at=at(13)), o, p),
        (pl.GuaranteeDecided(**guarantee, requested_on=day + timedelta(days=13),
                             decision="approved", occurred_at=at(20)), o, p),
        (pl.PlacementCompleted(**common, landlord_id=uuid4(), landlord_kind=kind, adults=adults,
                               minors=minors, refugee_quota=False, volunteer_supported=False,
                               wbs_required=False, household_had_wbs=True,
                               moved_on=day + timedelta(days=30), occurred_at=at(25)), o, None),
        (i.HouseholdDeregistered(household_id=hid, reason="moved_out_via_placement",
                                 adults=adults, minors=minors, occurred_at=at(30)), h, p),
        (pv.AftercareOffered(household_id=hid, provider=p, adults=adults, minors=minors,
                             offer_id=oid, moved_on=day + timedelta(days=30),
                             occurred_at=at(25)), f"aftercare:{city}:{hid}", p),
        (vo.ConsultationHeld(consultation_id=uuid4(), provider=p, channel="in_person",
                             visitor="tandem", topic="flat_search", duration_minutes=20,
                             occurred_at=at(3)), f"consultation:{city}:{uuid4()}", p),
    ]  # fmt: skip
    qid, cid = uuid4(), uuid4()
    q, c = f"inquiry:{city}:{qid}", f"case:{city}:{cid}"
    events += [
        (i.InquiryReceived(inquiry_id=qid, sender_kind="resident", channel="email",
                           occurred_at=at(1)), q, None),
        (i.InquiryTriaged(inquiry_id=qid, outcome="answered", first=True,
                          occurred_at=at(2)), q, None),
        (pv.ReferralReceived(case_id=cid, provider="skm", source="jobcenter",
                             target_group="re_admission", housing_situation="requisitioned_flat",
                             adults=adults, minors=minors, occurred_at=at(1)), c, "skm"),
        (pv.CaseAdmitted(case_id=cid, provider="skm", target_group="re_admission",
                         adults=adults, minors=minors, ends_on=day + timedelta(days=200),
                         occurred_at=at(9)), c, "skm"),
        (pv.HomeVisitDone(case_id=cid, visit_id=uuid4(), findings=("none",),
                          next_visit_due=day + timedelta(days=60), occurred_at=at(30)), c, "skm"),
    ]  # fmt: skip
    if rng.random() < 0.85:  # most cases end within the year, as in the seed's reports
        events.append(
            (pv.CaseClosed(case_id=cid, outcome="tenancy_kept", target_group="re_admission",
                           housing_situation="requisitioned_flat", adults=adults, minors=minors,
                           admitted_on=day + timedelta(days=9), occurred_at=at(50)), c, "skm")
        )  # fmt: skip
    return events


def history(total: int, seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """`total` envelope bodies; 400 stories at a time interleaved, as a real stream is."""
    rng, versions, made = random.Random(seed), dict[str, int](), 0
    while made < total:
        stories = [story(rng, CITIES[n % len(CITIES)]) for n in range(400)]
        for row in zip_longest(*stories):
            for item in row:
                if item is None or made >= total:
                    continue
                event, stream, provider = item
                versions[stream] = version = versions.get(stream, 0) + 1
                yield CONTRACTS.subject(event.event_type), Envelope(
                    event_id=uuid4(), event_type=event.event_type,
                    schema_version=event.schema_version, stream_id=stream,
                    stream_version=version, municipality=stream.split(":")[1],
                    provider=provider, actor="bench", correlation_id=uuid4(), causation_id=None,
                    occurred_at=event.occurred_at, recorded_at=utcnow(), payload=event.payload(),
                ).model_dump_json().encode()  # fmt: skip
                made += 1
        versions.clear()  # every story's streams are new ids


async def fill(url: str, total: int) -> float:
    """Publish the history as the relays would; seconds taken."""
    nc = await nats.connect(url)
    js = nc.jetstream()
    await ensure_streams(js)
    started, pending = time.perf_counter(), []
    for n, (subject, body) in enumerate(history(total)):
        pending.append(await js.publish_async(subject, body, headers={"Nats-Msg-Id": str(n)}))
        if len(pending) == 1000:
            await asyncio.gather(*pending)
            pending = []
    await asyncio.gather(*pending)
    await nc.drain()
    return time.perf_counter() - started


async def raw_read(url: str, total: int) -> float:
    """R1: read the whole stream with nats-py, nothing else; events/s."""
    nc = await nats.connect(url)
    js = nc.jetstream()
    config = ConsumerConfig(deliver_policy=DeliverPolicy.ALL, ack_policy=AckPolicy.NONE)
    sub = await js.pull_subscribe(ALL_EVENTS, stream=EVENTS_STREAM, config=config)
    started, seen = time.perf_counter(), 0
    while seen < total:
        seen += len(await sub.fetch(1000, timeout=5))
    rate = seen / (time.perf_counter() - started)
    await nc.drain()
    return rate


class Counting:
    """A projection that counts what it applied and says when it has applied `total`."""

    def __init__(self, inner: Any, total: int) -> None:
        self.inner, self.applied, self.total = inner, 0, total
        self.done = asyncio.Event()

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        await self.inner.apply(conn, batch)
        # Counted before the commit: the last batch commits a moment after `done` is set.
        self.applied += len(batch)
        if self.applied >= self.total:
            self.done.set()


async def worker(url: str, db_path: Path, total: int) -> dict[str, Any]:
    """R2, in its own process: both consumers of the service until every event is applied."""
    db = Database(migrate(REPORTING_MIGRATIONS, db_path))
    nc = await nats.connect(url)
    projections = [Counting(FiguresProjection(), total), Counting(FactsProjection(), total)]
    consumers = [
        EventConsumer(name=name, db=db, registry=CONTRACTS, projection=projection)
        for name, projection in zip((CONSUMER, FACTS_CONSUMER), projections, strict=True)
    ]
    started = time.perf_counter()
    for consumer in consumers:
        await consumer.start(nc)
    for projection in projections:
        await projection.done.wait()
    seconds = time.perf_counter() - started
    for consumer in consumers:
        await consumer.stop()
    await nc.drain()
    await db.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rate": total / seconds, "peak_mb": peak}


async def query_latency(db_path: Path, rounds: int) -> tuple[float, float, int]:
    """R4: the yearly figures of every municipality, whole and per provider; p50, p99 ms."""
    db = Database(f"sqlite+aiosqlite:///{db_path}")
    timings = []
    for _ in range(rounds):
        for city in CITIES:
            caller = Caller(user_id="bench", role=Role.coordinator, municipality=city,
                            correlation_id=uuid4())  # fmt: skip
            for provider in (None, *PROVIDERS):
                query = FiguresQuery(
                    period_from=date(YEAR, 1, 1), period_to=date(YEAR, 12, 31), provider=provider
                )
                started = time.perf_counter()
                await uc.figures(db, query, caller)
                timings.append((time.perf_counter() - started) * 1000)
    await db.dispose()
    cuts = statistics.quantiles(timings, n=100)
    return statistics.median(timings), cuts[98], len(timings)


def peer_replay(workdir: Path, total: int) -> float:
    """R3: `eventsourcing` saves `total` one-event aggregates, then replays its log; events/s."""
    _, app, _ = peer.save(workdir / "peer.db", total, 1000)
    app.close()
    fresh = peer._app(workdir / "peer.db")
    rate = peer.replay_log(fresh, total)
    fresh.close()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10, help="query rounds (× 16 queries)")
    parser.add_argument("--worker", nargs=2, metavar=("NATS_URL", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_loop(worker(args.worker[0], Path(args.worker[1]), args.events))))
        return
    with tempfile.TemporaryDirectory(prefix="auszug-reporting-bench-") as tmp:
        work = Path(tmp)
        with NatsServer(work / "jetstream") as server:
            filled = run_loop(fill(server.url, args.events))
            print(f"stream filled: {args.events:,} events in {filled:.0f} s", flush=True)
            raw = run_loop(raw_read(server.url, args.events))
            print(f"R1 raw nats-py read      {raw:>10,.0f} events/s", flush=True)
            done = subprocess.run(
                [sys.executable, "-m", "bench.reporting_rebuild", "--events", str(args.events),
                 "--worker", server.url, str(work / "reporting.db")],
                cwd=ROOT, capture_output=True, text=True, check=True,
            )  # fmt: skip
            rebuilt = json.loads(done.stdout.strip().splitlines()[-1])
        rate, peak = rebuilt["rate"], rebuilt["peak_mb"]
        print(f"R2 rebuild {rate:>16,.0f} events/s ({rate / raw:.0%} of R1), peak {peak:.0f} MB")
        p50, p99, n = run_loop(query_latency(work / "reporting.db", args.rounds))
        print(f"R4 yearly figures query  p50 {p50:.1f} ms, p99 {p99:.1f} ms ({n} queries)")
        replay = peer_replay(work, args.events)
        print(f"R3 eventsourcing replay  {replay:>10,.0f} events/s "
              f"(R2 is {rebuilt['rate'] / replay:.1f}×)")  # fmt: skip


if __name__ == "__main__":
    main()
