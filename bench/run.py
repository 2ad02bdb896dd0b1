"""`python -m bench`: every stage against one nats-server, then the table and the JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import nats
from nats.aio.client import Client

from bench import baseline, due_list, e2e, peer, pipeline, rebuild
from bench.common import EVENTS, RESULTS, Figure, median, purge_events, run_loop
from shared.messaging import ensure_streams
from support.nats_server import NatsServer

STAGES = ("baseline", "pipeline", "rebuild", "peer", "e2e", "due")
PIPELINE_AIM = 0.30
REBUILD_AIM = 20_000.0


def rate_figure(key: str, name: str, runs: list[float], **kwargs: Any) -> Figure:
    return Figure(key=key, name=name, value=median(runs), unit="events/s", runs=runs, **kwargs)


async def stage_baseline(nc: Client, args: argparse.Namespace) -> list[Figure]:
    result = await baseline.run(
        nc.jetstream(), each=args.events // 4, pipelined=args.events, runs=args.runs
    )
    note = f"{result['body_bytes']} B envelope bodies with Nats-Msg-Id, like the relay"
    figures = [
        rate_figure("1a", "raw JetStream publish, await each PubAck", result["each"], notes=note),
        rate_figure(
            "1b", "raw JetStream publish_async, 1,000 in flight", result["pipelined"], notes=note
        ),
    ]
    await rebuild.fill_stream(nc, args.events)
    pulls = [await rebuild.raw_pull(nc, events=args.events) for _ in range(args.runs)]
    figures.append(
        rate_figure(
            "1c",
            "raw JetStream pull, nats-py fetch(1000), no ack",
            pulls,
            notes="the transport ceiling of a replay with nats-py's fetch",
        )
    )
    bulk = [await rebuild.raw_bulk_pull(nc, events=args.events) for _ in range(args.runs)]
    figures.append(
        rate_figure(
            "1d",
            "raw JetStream pull, 1 request per 1,000 + callback, no ack",
            bulk,
            notes="BatchPuller of bench/fast_rebuild.py",
        )
    )
    return figures


async def stage_pipeline(
    nc: Client, server: NatsServer, workdir: Path, args: argparse.Namespace
) -> list[Figure]:
    figures = []
    variants = (
        ("2a", 1, False, 1, "1 event per transaction"),
        ("2b", 100, False, args.runs, "100 appends per transaction"),
        ("2c", 100, True, 1, "1 append() of 100 events per transaction"),
    )
    for key, per_txn, one_call, runs, label in variants:
        results = [
            await pipeline.run_once(
                nc,
                server.url,
                server.monitor_url,
                workdir / "pipeline",
                per_transaction=per_txn,
                one_call=one_call,
                tag=f"{key}-{i}",
                events=args.events,
            )
            for i in range(runs)
        ]
        figures.append(
            rate_figure(
                key,
                f"pipeline append→relay→consumer, {label}",
                [r["rate"] for r in results],
                baseline_key="1b",
                aim=PIPELINE_AIM,
                notes="first append to last fact row committed"
                + ("; single run; one stream of 100 events, not a command" if one_call else ""),
                details={"runs": results},
            )
        )
        if key == "2c":
            continue
        figures.append(
            rate_figure(
                f"{key}.append",
                f"  of which: the appends ({label})",
                [r["append_rate"] for r in results],
                baseline_key="4a" if per_txn == 1 else "4b",
                notes="EventStore.append + commit while relay and consumer run",
            )
        )
    relay_rates = [
        await pipeline.relay_only(server.url, nc, workdir / "relay-only", events=args.events)
    ]
    figures.append(
        rate_figure(
            "2b.relay",
            "  relay alone, draining a full outbox (500 per round)",
            relay_rates,
            baseline_key="1b",
            notes="single run; publish_round() back to back: SELECT, publish_async, DELETE, count",
        )
    )
    for mode, label in (
        ("appends", "100 append() calls per transaction"),
        ("one_call", "1 append() of 100 events per transaction"),
    ):
        rates = [
            await pipeline.append_only(
                workdir / "append-only" / f"{mode}-{i}", events=args.events // 4, mode=mode
            )
            for i in range(args.runs)
        ]
        figures.append(
            rate_figure(
                f"2b.{mode}",
                f"  appends alone, {label}",
                rates,
                baseline_key="4b",
                notes=f"{args.events // 4:,} events, nothing else running in the process",
            )
        )
    return figures


async def stage_rebuild(
    nc: Client, server: NatsServer, workdir: Path, args: argparse.Namespace
) -> list[Figure]:
    await rebuild.fill_stream(nc, args.events)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in rebuild.OFFICIAL}
    # Interleaved, so that a burst of load elsewhere on the machine hits both alike.
    for i in range(args.runs):
        for name, (_, variant) in rebuild.OFFICIAL.items():
            result = await rebuild.run_once(
                server.url,
                workdir / "rebuild",
                variant=variant,
                tag=f"{name}-{i}",
                events=args.events,
            )
            runs[name].append(result)
    figures = []
    for key, name, label, notes in (
        (
            "3a",
            "consumer",
            "rebuild via EventConsumer, as the service runs it",
            "durable, explicit ack per message, nats-py fetch(256), SELECT dedup, txn per 256",
        ),
        (
            "3b",
            "fast",
            "rebuild, prototype bench/fast_rebuild.py",
            "ephemeral AckPolicy.NONE, bulk pull 1000, in-memory dedup, txn per 1000, overlap",
        ),
    ):
        cpu = median([r["cpu_us_per_event"] for r in runs[name]])
        figures.append(
            rate_figure(
                key,
                label,
                [r["rate"] for r in runs[name]],
                baseline_key="1c",
                aim=REBUILD_AIM,
                notes=f"{notes}; {cpu:.0f} µs CPU/event in the worker",
                details={"runs": runs[name]},
            )
        )
    if not args.no_ablation:
        for name, (description, variant) in rebuild.ABLATION.items():
            result = await rebuild.run_once(
                server.url, workdir / "rebuild", variant=variant, tag=name, events=args.events
            )
            figures.append(
                rate_figure(
                    f"3.{name}",
                    f"  ablation: {description}",
                    [result["rate"]],
                    baseline_key="3a",
                    notes=f"single run; {result['cpu_us_per_event']:.0f} µs CPU/event",
                    details=result,
                )
            )
    return figures


def stage_peer(workdir: Path, args: argparse.Namespace) -> list[Figure]:
    result = peer.run(workdir, events=args.events, runs=args.runs)
    return [
        rate_figure("4a", "eventsourcing 9.5 SQLite: save, 1 event each", result["each"]),
        rate_figure("4b", "eventsourcing 9.5 SQLite: save, 100 per save", result["batch"]),
        rate_figure(
            "4c",
            "eventsourcing replay: repository.get per aggregate",
            result["aggregates"],
            notes="1 event per aggregate, so also aggregates/s",
        ),
        rate_figure(
            "4d",
            "eventsourcing replay: notification log, read+decode",
            result["log"],
            notes="no projection writes",
        ),
    ]


async def stage_e2e(server: NatsServer, workdir: Path, args: argparse.Namespace) -> list[Figure]:
    result = await e2e.run(
        server.url,
        workdir / "e2e",
        registrations=args.registrations,
        concurrency=args.concurrency,
        probes=args.probes,
        nats_pid=server.pid,
    )
    return [
        Figure(
            key="5a",
            name=f"HTTP POST → figures, {args.concurrency} in flight",
            value=result["rate"],
            unit="registrations/s",
            runs=[result["rate"]],
            baseline_key="2a",
            notes=(
                f"{args.registrations} registrations; POSTs alone {result['post_rate']:.0f}/s, "
                f"p50 {result['post_p50_ms']:.0f} ms, p95 {result['post_p95_ms']:.0f} ms "
                f"(intake's handler: mean {result['intake_rpc_mean_ms'] or 0:.0f} ms); "
                "cores busy: " + ", ".join(f"{k} {v:.2f}" for k, v in result["cpu_cores"].items())
            ),
            details=result,
        ),
        Figure(
            key="5b",
            name="one registration until counted, system idle (p50)",
            value=result["visible_latency_p50_ms"],
            unit="ms",
            runs=result["visible_latency_ms"],
            notes=f"{args.probes} probes: {result['visible_latency_ms']}",
        ),
    ]


class Stages:
    """Runs the stages in order; a failing stage is reported and the others still run."""

    def __init__(self, args: argparse.Namespace, add: Callable[[list[Figure]], None]) -> None:
        self.args = args
        self.add = add
        self.errors: dict[str, str] = {}

    async def run(self, name: str, stage: Coroutine[Any, Any, list[Figure]]) -> None:
        if name not in self.args.only:
            stage.close()
            return
        try:
            self.add(await stage)
        except Exception as exc:
            self.failed(name, exc)

    def run_sync(self, name: str, stage: Callable[[], list[Figure]]) -> None:
        if name not in self.args.only:
            return
        try:
            self.add(stage())
        except Exception as exc:
            self.failed(name, exc)

    def failed(self, name: str, exc: Exception) -> None:
        self.errors[name] = f"{type(exc).__name__}: {exc}"
        print(f"stage {name} FAILED:", file=sys.stderr)
        traceback.print_exception(exc, file=sys.stderr)


async def async_stages(
    server: NatsServer, workdir: Path, args: argparse.Namespace, stages: Stages
) -> None:
    nc = await nats.connect(server.url, name="bench")
    try:
        await ensure_streams(nc.jetstream())
        await stages.run("baseline", stage_baseline(nc, args))
        await stages.run("pipeline", stage_pipeline(nc, server, workdir, args))
        await stages.run("rebuild", stage_rebuild(nc, server, workdir, args))
        await purge_events(nc.jetstream())
    finally:
        await nc.drain()
    await stages.run("e2e", stage_e2e(server, workdir, args))
    due = due_list.stage(workdir / "due", args.due_households, args.due_queries)
    await stages.run("due", due)


def link(figures: list[Figure]) -> None:
    by_key = {f.key: f for f in figures}
    for figure in figures:
        if figure.baseline_key and figure.baseline_key in by_key:
            figure.baseline = by_key[figure.baseline_key].value


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}"


def aim_text(figure: Figure) -> str:
    if figure.aim is None:
        return ""
    if figure.unit == "ms":  # a time: lower is better
        return f"< {figure.aim:,.0f} ms: {'met' if figure.value < figure.aim else 'MISSED'}"
    if figure.aim < 1:
        met = figure.ratio is not None and figure.ratio >= figure.aim
        return f"≥ {figure.aim:.0%} of {figure.baseline_key}: {'met' if met else 'MISSED'}"
    met = figure.value >= figure.aim
    return f"≥ {figure.aim:,.0f}/s: {'met' if met else 'MISSED'}"


def table(figures: list[Figure]) -> str:
    header = ("key", "name", "figure", "unit", "baseline", "ratio", "aim")
    rows = [
        (
            f.key,
            f.name,
            fmt(f.value, f.unit),
            f.unit,
            f"{fmt(f.baseline)} ({f.baseline_key})" if f.baseline is not None else "—",
            f"{f.ratio:.2f}" if f.ratio is not None else "—",
            aim_text(f),
        )
        for f in figures
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    right = {2, 4, 5}

    def line(cells: tuple[str, ...]) -> str:
        return " | ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [line(header), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out)


def notes(figures: list[Figure]) -> str:
    return "\n".join(f"  {f.key}: {f.notes}" for f in figures if f.notes)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--runs", type=int, default=3, help="runs per cheap figure (median)")
    parser.add_argument("--registrations", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--probes", type=int, default=10, help="single-registration latencies")
    parser.add_argument("--only", default=",".join(STAGES), help=f"subset of {','.join(STAGES)}")
    parser.add_argument(
        "--due-households", type=int, default=2000, help="stage due (20000: ~2 min more)"
    )
    parser.add_argument("--due-queries", type=int, default=50, help="runs per due-list query")
    parser.add_argument("--no-ablation", action="store_true", help="skip the rebuild ablation")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    parser.add_argument(
        "--workdir", type=Path, help="keep databases and logs here instead of a temp dir"
    )
    args = parser.parse_args(argv)
    args.only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = args.only - set(STAGES)
    if unknown:
        parser.error(f"unknown stages: {sorted(unknown)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    figures: list[Figure] = []
    started = time.time()
    load_before = os.getloadavg()

    def add(new: list[Figure]) -> None:
        figures.extend(new)
        for figure in new:
            value = fmt(figure.value, figure.unit)
            print(f"  {figure.key:<24} {value:>10} {figure.unit}", flush=True)

    stages = Stages(args, add)
    with tempfile.TemporaryDirectory(prefix="auszug-bench-") as tmp:
        workdir = Path(tmp)
        if args.workdir is not None:
            workdir = args.workdir.resolve()
            workdir.mkdir(parents=True)
        server = NatsServer(workdir / "jetstream", secured=False)
        server.start()
        print(f"nats-server on {server.url}, work dir {workdir}", flush=True)
        try:
            run_loop(async_stages(server, workdir, args, stages))
            stages.run_sync("peer", lambda: stage_peer(workdir / "peer", args))
        finally:
            server.stop()
    order = {key: i for i, key in enumerate(["1", "2", "3", "4", "5", "6"])}
    figures.sort(key=lambda f: order[f.key[0]])
    link(figures)
    elapsed = time.time() - started
    load_after = os.getloadavg()
    print()
    print(table(figures))
    print()
    print("notes:")
    print(notes(figures))
    print(
        f"\n{args.events:,} events per stage, medians of {args.runs} where cheap; "
        f"{elapsed:.0f} s; load average {load_before[0]:.2f} → {load_after[0]:.2f} "
        f"on {os.cpu_count()} CPUs"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(
            {
                "started": started,
                "seconds": elapsed,
                "events": args.events,
                "runs": args.runs,
                "machine": {
                    "cpus": os.cpu_count(),
                    "load_before": load_before,
                    "load_after": load_after,
                    "python": platform.python_version(),
                },
                "figures": [f.as_json() for f in figures],
                "errors": stages.errors,
            },
            indent=2,
            default=str,
        )
    )
    for name, error in stages.errors.items():
        print(f"stage {name} FAILED: {error}")
    print(f"results: {args.output}")
    return 1 if stages.errors else 0
