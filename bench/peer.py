"""Stage 4: the `eventsourcing` library (the peer) doing the same work on SQLite.

Its SQLite module runs the sync `sqlite3` driver in WAL mode with the default
`synchronous=FULL`, like our stores. A `Household` aggregate is created with one
`Registered` event carrying the same fields as `HouseholdRegistered`.
"""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from bench.common import REGISTERED_ON, chunks
from shared.clock import business_time


class Household(Aggregate):
    @event("Registered")
    def __init__(
        self,
        provider: str,
        adults: int,
        minors: int,
        accommodation_kind: str,
        occurred_at: datetime,
        municipality: str,
    ) -> None:
        self.provider = provider
        self.adults = adults
        self.minors = minors
        self.accommodation_kind = accommodation_kind
        self.occurred_at = occurred_at
        self.municipality = municipality


class Households(Application[UUID]):
    pass


def _app(path: Path) -> Households:
    return Households(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(path),
            "SQLITE_LOCK_TIMEOUT": "10",
        }
    )


def _household(index: int) -> Household:
    return Household(
        provider=("caritas", "drk", "skm", "fluechtlingsrat")[index % 4],
        adults=1 + index % 2,
        minors=index % 4,
        accommodation_kind="shelter",
        occurred_at=business_time(REGISTERED_ON),
        municipality="koeln",
    )


def save(path: Path, events: int, per_save: int) -> tuple[float, Households, list[UUID]]:
    """Create and save `events` aggregates, `per_save` in one `save()`; events/s."""
    app = _app(path)
    ids: list[UUID] = []
    started = time.perf_counter()
    for chunk in chunks(list(range(events)), per_save):
        households = [_household(i) for i in chunk]
        app.save(*households)
        ids.extend(h.id for h in households)
    return events / (time.perf_counter() - started), app, ids


def replay_aggregates(app: Households, ids: list[UUID]) -> float:
    """Every aggregate back from its stream (`repository.get`); aggregates/s."""
    started = time.perf_counter()
    for household_id in ids:
        app.repository.get(household_id)
    return len(ids) / (time.perf_counter() - started)


def replay_log(app: Households, events: int) -> float:
    """The whole application log in sections of 1,000, decoded to domain events; events/s."""
    started = time.perf_counter()
    seen = 0
    start = 1
    while True:
        notifications = app.recorder.select_notifications(start=start, limit=1000)
        if not notifications:
            break
        for notification in notifications:
            app.mapper.to_domain_event(notification)
        seen += len(notifications)
        start = notifications[-1].id + 1
    assert seen == events, (seen, events)
    return events / (time.perf_counter() - started)


def run(workdir: Path, *, events: int, runs: int) -> dict[str, Any]:
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, list[float]] = {"each": [], "batch": [], "aggregates": [], "log": []}
    for run_index in range(runs):
        rate, app, _ = save(workdir / f"peer-each-{run_index}.db", events, 1)
        results["each"].append(rate)
        app.close()
        rate, app, ids = save(workdir / f"peer-batch-{run_index}.db", events, 100)
        results["batch"].append(rate)
        app.close()
        # Replay from a fresh application: no aggregate cache, a new connection.
        app = _app(workdir / f"peer-batch-{run_index}.db")
        results["aggregates"].append(replay_aggregates(app, ids))
        results["log"].append(replay_log(app, events))
        app.close()
    return results
