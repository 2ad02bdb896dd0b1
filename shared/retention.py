"""Retention, the part every service shares: rules per municipality ("erase N years after
the subject's case ended"), the run that applies them, its report and metrics, and the
daily schedule (`AUSZUG_<SERVICE>_RETENTION_AT`, a local time such as "02:30").

A service says which subjects ended when (`Subjects`), what keeps one (a restriction, an
active tandem) and how to erase one; this module does the rest. A run is idempotent: an
erased subject is no candidate any more, and an erasure racing another replica's loses
on the stream's version and then finds the subject erased, so it counts once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import Protocol
from uuid import UUID, uuid4

import structlog
from faststream.asgi import AsgiFastStream
from prometheus_client import Counter, Gauge
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import Column, Integer, MetaData, String, Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application import CommandExecutor
from shared.clock import today
from shared.daily import DailyJob
from shared.decider import RuleViolation
from shared.eventstore.schema import events
from shared.identity import Caller, Role

log = structlog.get_logger(__name__)

ACTOR = "system:retention"
RETENTION_RUNS = Counter(
    "auszug_retention_runs_total",
    "Scheduled retention runs, by outcome (success, failure, overlapped).",
    ["outcome"],
)
RETENTION_ERASED = Counter(
    "auszug_retention_erased_total",
    "Subjects whose personal data the retention job erased, by kind of subject.",
    ["subject"],
)
RETENTION_LAST_SUCCESS = Gauge(
    "auszug_retention_last_success_timestamp_seconds",
    "When the scheduled retention run last succeeded (Unix time).",
)


def years_after(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class RetentionReport(BaseModel):
    """What one run did (or, not `applied`, would do): erased ids, and kept ones by why."""

    today: date
    applied: bool
    subject: str
    erased: list[UUID] = Field(default_factory=list)
    skipped: dict[str, list[UUID]] = Field(default_factory=dict)

    @property
    def restricted_skipped(self) -> list[UUID]:
        return self.skipped.get("restricted", [])


class Subjects(Protocol):
    """One service's subjects of retention (households, cases, volunteers)."""

    kind: str

    async def ended(self, municipality: str) -> list[tuple[UUID, date]]:
        """Each subject not yet erased whose case ended, with the day it ended."""

    async def hold(self, municipality: str, subject_id: UUID) -> str | None:
        """Why a due subject must stay (a code such as `restricted`), or None."""

    async def erase(self, job: Caller, subject_id: UUID, day: date) -> None:
        """Erase the subject's personal data on `day` (ground: retention expired)."""


class RetentionJob(Protocol):
    async def __call__(
        self,
        commands: CommandExecutor,
        today: date,
        *,
        apply: bool,
        extra_rules: dict[str, int] | None = None,
    ) -> RetentionReport: ...


def job_caller(municipality: str) -> Caller:
    """Who the job acts as: the municipality's coordination, named as the system."""
    return Caller(
        user_id=ACTOR, role=Role.coordinator, municipality=municipality, correlation_id=uuid4()
    )


async def apply_rules(
    subjects: Subjects, rules: dict[str, int], today: date, *, apply: bool
) -> RetentionReport:
    """Find (and with `apply`, erase) every subject whose retention period ended."""
    report = RetentionReport(today=today, applied=apply, subject=subjects.kind)
    for municipality, years in sorted(rules.items()):
        job = job_caller(municipality)
        for subject_id, ended_on in await subjects.ended(municipality):
            if years_after(ended_on, years) > today:
                continue
            reason = await subjects.hold(municipality, subject_id)
            if reason is None and apply:
                try:
                    await subjects.erase(job, subject_id, today)
                except RuleViolation as refused:
                    if refused.code == "already_erased":
                        continue  # another replica was faster: erased once, counted there
                    reason = refused.code
                else:
                    RETENTION_ERASED.labels(subject=subjects.kind).inc()
            if reason is not None:
                report.skipped.setdefault(reason, []).append(subject_id)
            else:
                report.erased.append(subject_id)
    return report


def rules_table(metadata: MetaData) -> Table:
    """The table of a service's rules: years after the end, by municipality."""
    return Table(
        "retention_rules",
        metadata,
        Column("municipality", String(64), primary_key=True),
        Column("erase_after_years", Integer, nullable=False),
    )


async def load_rules(conn: AsyncConnection, rules: Table) -> dict[str, int]:
    """Years after the end, by municipality (no rule: nothing is erased there)."""
    return {row.municipality: row.erase_after_years for row in await conn.execute(select(rules))}


async def save_rule(conn: AsyncConnection, rules: Table, municipality: str, years: int) -> None:
    await conn.execute(delete(rules).where(rules.c.municipality == municipality))
    await conn.execute(insert(rules).values(municipality=municipality, erase_after_years=years))


async def streams_with(
    conn: AsyncConnection, municipality: str, event_types: Iterable[str]
) -> list[str]:
    """Streams of `municipality` holding any of `event_types`, oldest first."""
    rows = await conn.execute(
        select(events.c.stream_id)
        .where(events.c.event_type.in_(list(event_types)), events.c.municipality == municipality)
        .order_by(events.c.position)
    )
    return list(dict.fromkeys(rows.scalars()))


class _Schedule(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    retention_at: time | None = None


def retention_at(service: str) -> time | None:
    """`AUSZUG_<SERVICE>_RETENTION_AT` (local time, Europe/Berlin); None: no schedule."""
    return _Schedule(_env_prefix=f"AUSZUG_{service.upper()}_").retention_at


def schedule_retention(
    app: AsgiFastStream, service: str, commands: CommandExecutor, job: RetentionJob
) -> DailyJob | None:
    """Run `job` daily inside the service at its configured time (not at all when unset)."""
    at = retention_at(service)
    if at is None:
        return None

    async def run() -> None:
        report = await job(commands, today(), apply=True)
        log.info(
            "retention applied",
            subject=report.subject,
            erased=len(report.erased),
            skipped={reason: len(ids) for reason, ids in report.skipped.items()},
        )

    daily = DailyJob(
        f"{service}-retention", run, at, runs=RETENTION_RUNS, last_success=RETENTION_LAST_SUCCESS
    )

    app.after_startup(daily.started)
    app.on_shutdown(daily.stop)
    return daily
