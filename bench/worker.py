"""The reporting side in its own process, like `python -m services.reporting`.

`--mode service` runs the real `EventConsumer` the way `ServiceHost` does: a FastStream
`NatsBroker` is connected and the consumer is started on its NATS connection
(`EventConsumer.start(broker.connection)`), applying batches with the real
`FiguresProjection` to a fresh SQLite file. `--mode fast` runs the rebuild prototype of
`bench/fast_rebuild.py` instead. The worker reports when the expected number of fact
rows is committed.

Protocol on stdout: `BENCH ready` once set up, then `BENCH {json}` with the result.
With `--wait-go` the clock starts when a line arrives on stdin.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nats
import structlog
from nats.aio.msg import Msg
from sqlalchemy.ext.asyncio import AsyncConnection

from bench import fast_rebuild
from bench.common import REPORTING_MIGRATIONS, migrate, run_loop
from services.reporting.application.projection import FiguresProjection
from shared.consumer import EventConsumer
from shared.contracts import CONTRACTS
from shared.db import Database
from shared.eventstore.store import RecordedEvent
from shared.messaging import make_broker

MODES = ("service", "fast")


class CountingProjection:
    """The real projection, counting what it applied (committed once `handle` returns)."""

    def __init__(self) -> None:
        self.inner = FiguresProjection()
        self.applied = 0

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        await self.inner.apply(conn, batch)
        self.applied += len(batch)


class CountingConsumer(EventConsumer):
    """`EventConsumer` unchanged, plus a signal once `expect` events are committed."""

    def __init__(self, *, expect: int, projection: CountingProjection, **kwargs: Any) -> None:
        super().__init__(projection=projection, **kwargs)
        self.counter = projection
        self.expect = expect
        self.done = asyncio.Event()
        self.batches = 0
        self.done_at = 0.0

    async def handle(self, messages: Sequence[Msg]) -> None:
        await super().handle(messages)
        self.batches += 1
        if self.counter.applied >= self.expect and not self.done.is_set():
            self.done_at = time.time()
            self.done.set()


def say(line: str) -> None:
    sys.stdout.write(f"BENCH {line}\n")
    sys.stdout.flush()


async def wait_go(enabled: bool) -> None:
    if enabled:
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


async def run_service(args: argparse.Namespace, db: Database) -> dict[str, Any]:
    broker = make_broker(args.nats, "bench-reporting")
    consumer = CountingConsumer(
        expect=args.expect,
        projection=CountingProjection(),
        name=args.durable,
        db=db,
        registry=CONTRACTS,
        batch_size=args.batch,
    )
    await broker.connect()
    try:
        if not args.wait_go:
            await consumer.start(broker.connection)
        say("ready")
        await wait_go(args.wait_go)
        started = time.time()
        if args.wait_go:
            await consumer.start(broker.connection)
        await asyncio.wait_for(consumer.done.wait(), timeout=args.timeout)
        await consumer.stop()
    finally:
        await broker.stop()
    return {"started": started, "done": consumer.done_at, "batches": consumer.batches}


async def run_fast(args: argparse.Namespace, db: Database) -> dict[str, Any]:
    nc = await nats.connect(args.nats)
    live = EventConsumer(
        name=args.durable, db=db, registry=CONTRACTS, projection=FiguresProjection()
    )
    say("ready")
    await wait_go(args.wait_go)
    started = time.time()
    stats = await fast_rebuild.rebuild(
        nc,
        db,
        CONTRACTS,
        FiguresProjection(),
        consumer=args.durable,
        batch_size=args.batch,
        overlap=args.overlap,
        transport=args.transport,
        handover=live,
    )
    done = time.time()
    await nc.drain()
    return {"started": started, "done": done, **fast_rebuild.describe(stats)}


async def main(args: argparse.Namespace) -> None:
    db = Database(args.url)
    cpu = time.process_time()
    try:
        runner = run_service if args.mode == "service" else run_fast
        result = await runner(args, db)
    finally:
        await db.dispose()
    # CPU of this process for the whole run (set-up included), per expected event:
    # unlike wall-clock rates, it barely moves when other processes compete for the cores.
    result["cpu_us_per_event"] = (time.process_time() - cpu) / args.expect * 1e6
    say(json.dumps(result))


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    parser.add_argument("--nats", required=True)
    parser.add_argument("--db", required=True, help="SQLite file for the reporting read model")
    parser.add_argument("--durable", required=True)
    parser.add_argument("--expect", type=int, required=True)
    parser.add_argument("--mode", choices=MODES, default="service")
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--transport", choices=("bulk", "fetch"), default="bulk")
    parser.add_argument("--overlap", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--timeout", type=float, default=240.0)
    parser.add_argument("--wait-go", action="store_true")
    return parser.parse_args(argv)


def cli() -> None:
    args = parse(sys.argv[1:])
    # Everything but the BENCH lines goes to stderr (structlog prints to stdout by default).
    structlog.configure(logger_factory=structlog.PrintLoggerFactory(sys.stderr))
    args.url = migrate(REPORTING_MIGRATIONS, Path(args.db))
    profile = os.environ.get("BENCH_PROFILE")
    if profile:
        with cProfile.Profile() as profiler:
            run_loop(main(args))
        profiler.dump_stats(f"{profile}.{args.mode}.prof")
    else:
        run_loop(main(args))


if __name__ == "__main__":
    cli()
