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
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any
from uuid import uuid4

import nats
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

from bench import peer
from bench.common import REPORTING_MIGRATIONS, ROOT, migrate, run_loop
from bench.reporting_history import CITIES, PROVIDERS, YEAR, fill
from services.reporting.application import figures as uc
from services.reporting.application.projection import CONSUMER, FiguresProjection
from services.reporting.application.projections import FACTS_CONSUMER, FactsProjection
from shared.catchup import BatchPuller
from shared.consumer import ALL_EVENTS, EventConsumer
from shared.contracts import CONTRACTS
from shared.contracts.reporting import FiguresQuery
from shared.db import Database
from shared.identity import Caller, Role
from shared.messaging import EVENTS_STREAM
from support.nats_server import NatsServer


async def raw_read(url: str, total: int) -> float:
    """R1: read the whole stream with nats-py's `fetch(1000)`, nothing else; events/s."""
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


async def raw_bulk_read(url: str, total: int) -> float:
    """R1 bulk: the same with one pull request per 1,000 (the catch-up's transport); events/s."""
    nc = await nats.connect(url)
    js = nc.jetstream()
    config = ConsumerConfig(deliver_policy=DeliverPolicy.ALL, ack_policy=AckPolicy.NONE)
    info = await js.add_consumer(EVENTS_STREAM, config=config)
    puller = BatchPuller(nc, info.name, 1000)
    await puller.start()
    started, seen = time.perf_counter(), 0
    while seen < total:
        seen += len(await puller.fetch(within=5))
    rate = seen / (time.perf_counter() - started)
    await puller.stop()
    await nc.drain()
    return rate


async def worker(url: str, db_path: Path, total: int) -> dict[str, Any]:
    """R2, in its own process: both consumers of the service until every event is applied."""
    db = Database(migrate(REPORTING_MIGRATIONS, db_path))
    nc = await nats.connect(url)
    consumers = [
        EventConsumer(name=name, db=db, registry=CONTRACTS, projection=projection)
        for name, projection in (
            (CONSUMER, FiguresProjection()),
            (FACTS_CONSUMER, FactsProjection()),
        )
    ]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    for consumer in consumers:
        await consumer.start(nc)
    for consumer in consumers:
        # The stream stands still: caught up (and handed over) means every event applied.
        await consumer.caught_up.wait()
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    for consumer in consumers:
        done = consumer.last_catch_up
        assert done is not None and done.last_sequence == total, (consumer.name, done)
        await consumer.stop()
    await nc.drain()
    await db.dispose()
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    return {
        "seconds": seconds,
        "rate": total / seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "cpu_us_per_event": cpu / total * 1e6,
        "catch_up": {c.name: vars(c.last_catch_up) for c in consumers},
    }


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


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def table(raw: float, bulk: float, rebuilt: dict[str, Any], replay: float, query: Any) -> str:
    """The figures beside their baselines and aims, as the README shows them."""
    rate, peak, cpu = rebuilt["rate"], rebuilt["peak_mb"], rebuilt["cpu_us_per_event"]
    best = max(raw, bulk)
    p50, p99, n = query
    rows = [
        ("R1 raw read, fetch(1000)", f"{raw:,.0f} events/s", "baseline"),
        ("R1 raw read, bulk pull", f"{bulk:,.0f} events/s", "baseline (the faster R1)"),
        ("R2 rebuild", f"{rate:,.0f} events/s", f"≥ 50,000/s: {verdict(rate >= 50_000)}"),
        ("R2 / R1", f"{rate / best:.0%}", f"≥ 60 %: {verdict(rate >= 0.6 * best)}"),
        ("R2 / R3", f"{rate / replay:.2f}×", f"≥ 4×: {verdict(rate >= 4 * replay)}"),
        ("R2 peak RSS", f"{peak:.0f} MB", f"< 500 MB: {verdict(peak < 500)}"),
        ("R2 CPU per event", f"{cpu:.0f} µs", "both consumers, whole worker"),
        ("R3 eventsourcing replay", f"{replay:,.0f} events/s", "baseline"),
        ("R4 yearly figures p50", f"{p50:.1f} ms", f"{n} queries"),
        ("R4 yearly figures p99", f"{p99:.1f} ms", f"< 50 ms: {verdict(p99 < 50)}"),
    ]
    return "\n".join(f"{a:<26} {b:>18}   {c}" for a, b, c in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10, help="query rounds (× 16 queries)")
    parser.add_argument("--worker", nargs=2, metavar=("NATS_URL", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(run_loop(worker(args.worker[0], Path(args.worker[1]), args.events))))
        return
    started = time.perf_counter()
    print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="auszug-reporting-bench-") as tmp:
        work = Path(tmp)
        with NatsServer(work / "jetstream", secured=False) as server:
            filled = run_loop(fill(server.url, args.events))
            print(f"stream filled: {args.events:,} events in {filled:.0f} s", flush=True)
            raw = run_loop(raw_read(server.url, args.events))
            bulk = run_loop(raw_bulk_read(server.url, args.events))
            print(f"R1 raw read: fetch {raw:,.0f}/s, bulk {bulk:,.0f}/s", flush=True)
            done = subprocess.run(
                [sys.executable, "-m", "bench.reporting_rebuild", "--events", str(args.events),
                 "--worker", server.url, str(work / "reporting.db")],
                cwd=ROOT, capture_output=True, text=True,
            )  # fmt: skip
            if done.returncode:
                sys.exit(f"rebuild worker failed:\n{done.stderr[-3000:]}")
            rebuilt = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"R2 rebuild: {rebuilt}", flush=True)
        query = run_loop(query_latency(work / "reporting.db", args.rounds))
        print(f"R4 query: {query}", flush=True)
        replay = peer_replay(work, args.events)
        print(f"R3 eventsourcing replay: {replay:,.0f}/s", flush=True)
    print(f"\n{args.events:,} events, {time.perf_counter() - started:.0f} s in all, "
          f"load average after: {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(table(raw, bulk, rebuilt, replay, query))


if __name__ == "__main__":
    main()
