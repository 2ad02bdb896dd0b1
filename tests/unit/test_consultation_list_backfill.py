"""The consultation list holds the consultations recorded before it existed: migration
volunteer_0005 folds them from the service's own event store."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

from alembic import command
from sqlalchemy import select, update

from services.volunteer.adapters.tables import consultation_list
from services.volunteer.entrypoints.app import MIGRATIONS
from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts import volunteer as c
from shared.db import Database
from shared.envelope import CommandContext
from shared.eventstore.schema import events
from shared.eventstore.store import EventStore
from shared.migrations import alembic_config, upgrade

OFFICE_HOUR = UUID("00000000-0000-4000-8000-00000000a001")


def held(n: int, provider: str, day: date, **extra: object) -> c.ConsultationHeld:
    return c.ConsultationHeld.model_validate(
        {
            "consultation_id": UUID(int=n),
            "provider": provider,
            "channel": "phone",
            "visitor": "tandem",
            "topic": "viewing",
            "duration_minutes": 25,
            "occurred_at": business_time(day),
            **extra,
        }
    )


async def test_consultations_recorded_before_are_listed_after_the_migration(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/volunteer.db"
    config = alembic_config(MIGRATIONS, url)
    await asyncio.to_thread(command.upgrade, config, "volunteer_0004")
    db = Database(url)
    store = EventStore(CONTRACTS)
    context = CommandContext(actor="test", municipality="koeln", correlation_id=uuid4())
    try:
        async with db.transaction() as conn:
            await store.append(
                conn,
                stream_id="consultation:koeln:1",
                expected_version=0,
                new_events=[held(1, "caritas", date(2026, 3, 2))],
                context=context,
                provider="caritas",
            )
            await store.append(
                conn,
                stream_id="office_hour:koeln:2",
                expected_version=0,
                new_events=[held(2, "drk", date(2026, 3, 3), office_hour_id=OFFICE_HOUR)],
                context=context,
                provider="drk",
            )
            # An event as written before `appointment` existed: the key is missing.
            old = held(1, "caritas", date(2026, 3, 2)).payload()
            del old["appointment"]
            first = events.c.stream_id == "consultation:koeln:1"
            await conn.execute(update(events).where(first).values(payload=old))
        await asyncio.to_thread(upgrade, MIGRATIONS, url)
        async with db.transaction() as conn:
            rows = (await conn.execute(select(consultation_list))).all()
    finally:
        await db.dispose()
    by_id = {r.consultation_id: r for r in rows}
    assert set(by_id) == {UUID(int=1), UUID(int=2)}
    assert by_id[UUID(int=1)].held_on == date(2026, 3, 2)
    assert by_id[UUID(int=1)].appointment is False
    assert by_id[UUID(int=1)].municipality == "koeln"
    assert by_id[UUID(int=2)].office_hour_id == OFFICE_HOUR
    assert by_id[UUID(int=2)].provider == "drk"
    assert by_id[UUID(int=2)].channel == "phone"
