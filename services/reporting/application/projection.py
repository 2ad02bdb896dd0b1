"""The figures projection: registrations become fact rows and daily counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import cube
from services.reporting.adapters.facts import registrations
from shared.clock import business_day
from shared.contracts.intake import HouseholdRegistered
from shared.eventstore.store import RecordedEvent

CONSUMER = "reporting-figures"


class FiguresProjection:
    # Only registrations: a catch-up skips every other event unparsed.
    event_types = (HouseholdRegistered,)

    async def apply(self, conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
        rows = []
        for recorded in batch:
            match recorded.event:
                case HouseholdRegistered() as event:
                    rows.append(
                        {
                            "event_id": recorded.envelope.event_id,
                            "household_id": event.household_id,
                            "municipality": recorded.envelope.municipality,
                            "provider": event.provider,
                            "adults": event.adults,
                            "minors": event.minors,
                            "occurred_on": business_day(event.occurred_at),
                            "recorded_at": recorded.envelope.recorded_at,
                        }
                    )
                case _:
                    pass
        if rows:
            await conn.execute(insert(registrations), rows)
            await cube.add(conn, _daily_counts(rows))


def _daily_counts(rows: list[dict[str, Any]]) -> dict[tuple[Any, ...], list[int]]:
    counts: dict[tuple[Any, ...], list[int]] = {}
    for row in rows:
        day = business_day(row["recorded_at"])
        key = ("registrations", row["municipality"], row["provider"], row["occurred_on"], day, "[]")
        total = counts.setdefault(key, [0, 0, 0])
        total[0] += 1
        total[1] += row["adults"]
        total[2] += row["minors"]
    return counts
