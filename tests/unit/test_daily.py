"""The daily schedule (shared/daily.py) on a fake clock: it runs at the local time each
day, survives a failing run and tries again the next day, and never overlaps itself."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, time, timedelta

import pytest
from prometheus_client import CollectorRegistry, Counter, Gauge

from shared.daily import DailyJob, next_run

BERLIN_0230_WINTER = datetime(2026, 1, 10, 1, 30, tzinfo=UTC)  # 02:30 CET


class FakeClock:
    """Wall clock that moves only when the job sleeps; stops the loop after `until`."""

    def __init__(self, start: datetime, until: datetime) -> None:
        self.moment, self.until = start, until

    def now(self) -> datetime:
        return self.moment

    async def sleep(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)
        if self.moment > self.until:
            raise asyncio.CancelledError


def metrics() -> tuple[Counter, Gauge]:
    registry = CollectorRegistry()
    runs = Counter("runs_total", "runs", ["outcome"], registry=registry)
    return runs, Gauge("last_success", "last", registry=registry)


def count(runs: Counter, outcome: str) -> float:
    return runs.labels(outcome=outcome)._value.get()  # type: ignore[no-any-return]


def test_next_run_is_the_next_local_time_strictly_after() -> None:
    at = time(2, 30)
    assert next_run(at, datetime(2026, 1, 10, 0, 0, tzinfo=UTC)) == BERLIN_0230_WINTER
    assert next_run(at, BERLIN_0230_WINTER) == BERLIN_0230_WINTER + timedelta(days=1)
    summer = datetime(2026, 7, 10, 1, 0, tzinfo=UTC)  # 03:00 CEST: today's 02:30 has passed
    assert next_run(at, summer) == datetime(2026, 7, 11, 0, 30, tzinfo=UTC)


def test_next_run_across_daylight_saving_changes() -> None:
    # 29 March 2026: clocks jump 02:00 → 03:00, so 02:30 does not exist; it runs once.
    before_spring = datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    spring = next_run(time(2, 30), before_spring)
    assert spring == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST
    assert next_run(time(2, 30), spring) > spring
    # 25 October 2026: clocks go back 03:00 → 02:00, so 02:30 comes twice; it runs once.
    autumn = next_run(time(2, 30), datetime(2026, 10, 24, 22, 0, tzinfo=UTC))
    assert autumn == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # the first 02:30 (CEST)
    assert next_run(time(2, 30), autumn) == datetime(2026, 10, 26, 1, 30, tzinfo=UTC)


async def test_runs_once_a_day_and_a_failing_day_is_retried_the_next() -> None:
    clock = FakeClock(datetime(2026, 1, 10, 0, 0, tzinfo=UTC), datetime(2026, 1, 14, tzinfo=UTC))
    ran: list[datetime] = []

    async def job() -> None:
        ran.append(clock.now())
        if len(ran) == 2:
            raise RuntimeError("database away")

    runs, last = metrics()
    daily = DailyJob(
        "test", job, time(2, 30), runs=runs, last_success=last, now=clock.now, sleep=clock.sleep
    )
    with pytest.raises(asyncio.CancelledError):
        await daily.loop()
    assert ran == [BERLIN_0230_WINTER + timedelta(days=d) for d in range(4)]
    assert (count(runs, "success"), count(runs, "failure")) == (3, 1)
    assert last._value.get() == ran[-1].timestamp()


async def test_a_run_while_one_is_running_is_skipped_not_overlapped() -> None:
    release = asyncio.Event()
    started = 0

    async def slow() -> None:
        nonlocal started
        started += 1
        await release.wait()

    runs, last = metrics()
    daily = DailyJob("slow", slow, time(2, 30), runs=runs, last_success=last)
    twin = DailyJob("slow", slow, time(2, 30), runs=runs, last_success=last)
    first = asyncio.create_task(daily.run_once())
    await asyncio.sleep(0)
    assert await daily.run_once() is False and await twin.run_once() is False
    release.set()
    assert await first is True
    assert (started, count(runs, "overlapped"), count(runs, "success")) == (1, 2, 1)
    assert await daily.run_once() is True  # free again once the first has ended


async def test_start_and_stop_in_a_running_loop() -> None:
    runs, last = metrics()

    async def idle() -> None:
        pass

    daily = DailyJob("idle", idle, time(2, 30), runs=runs, last_success=last)
    daily.start()
    await asyncio.sleep(0)
    await daily.stop()
    assert count(runs, "success") == 0
