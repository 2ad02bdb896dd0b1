"""Run an async job once a day at a local time (Europe/Berlin) inside a service process.

A failing run is logged and counted, and the job runs again the next day: one bad day
never stops the schedule. Two runs of the same job never overlap in one process (a
manual `run_once` while the scheduled one runs is skipped and counted as `overlapped`).
Across processes nothing is locked: the jobs scheduled here must be idempotent.

The clock and the sleep are parameters, so tests drive a day in microseconds.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, time, timedelta

import structlog
from prometheus_client import Counter, Gauge

from shared.clock import BUSINESS_TZ, utcnow

log = structlog.get_logger(__name__)

Job = Callable[[], Awaitable[object]]
# Wall clocks jump (NTP, a suspended VM): sleep at most this long before looking again.
LONGEST_NAP = 3600.0
# Names of the jobs running now in this process: the guard against overlapping runs.
_RUNNING: set[str] = set()


def next_run(at: time, after: datetime) -> datetime:
    """The first moment strictly after `after` whose local time (Europe/Berlin) is `at`."""
    local_day = after.astimezone(BUSINESS_TZ).date()
    for offset in range(3):
        # Compare in UTC: aware datetimes sharing a tzinfo compare by wall time.
        candidate = datetime.combine(local_day + timedelta(days=offset), at, tzinfo=BUSINESS_TZ)
        if candidate.astimezone(UTC) > after.astimezone(UTC):
            return candidate.astimezone(UTC)
    raise AssertionError("unreachable: a local time recurs within two days")


class DailyJob:
    """`job` once a day at `at`; `runs` counts outcomes, `last_success` is Unix time."""

    def __init__(
        self,
        name: str,
        job: Job,
        at: time,
        *,
        runs: Counter,
        last_success: Gauge,
        now: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.name, self.job, self.at = name, job, at
        self.runs, self.last_success = runs, last_success
        self.now, self.sleep = now, sleep
        self._task: asyncio.Task[None] | None = None
        for outcome in ("success", "failure", "overlapped"):
            runs.labels(outcome=outcome)  # present at 0 from the start, for rate() and alerts

    def start(self) -> None:
        """Start the schedule in the running event loop."""
        if self._task is None:
            self._task = asyncio.create_task(self.loop(), name=f"daily:{self.name}")
            log.info("daily job scheduled", job=self.name, at=self.at.isoformat())

    async def started(self) -> None:
        """`start` as an async start-up hook."""
        self.start()

    async def stop(self) -> None:
        """Cancel the schedule (a run in progress is cancelled with it)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def loop(self) -> None:
        """Forever: wait for the next `at`, run once."""
        due = next_run(self.at, self.now())
        while True:
            remaining = (due - self.now()).total_seconds()
            if remaining > 0:
                await self.sleep(min(remaining, LONGEST_NAP))
                continue
            await self.run_once()
            due = next_run(self.at, max(self.now(), due))

    async def run_once(self) -> bool:
        """One run now, unless one is running already; True when it succeeded."""
        if self.name in _RUNNING:
            log.warning("daily job still running, this run skipped", job=self.name)
            self.runs.labels(outcome="overlapped").inc()
            return False
        _RUNNING.add(self.name)
        try:
            await self.job()
        except Exception:  # a bad day must not end the schedule: log, count, try tomorrow
            log.exception("daily job failed", job=self.name)
            self.runs.labels(outcome="failure").inc()
            return False
        finally:
            _RUNNING.discard(self.name)
        self.runs.labels(outcome="success").inc()
        self.last_success.set(self.now().timestamp())
        return True
