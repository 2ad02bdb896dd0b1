"""The volunteer list and the tandems' days hold what was recorded before they existed:
migration volunteer_0007 folds them from the service's own event store, as the service
itself would have written them (volunteer_list.index, tandem_index.sync)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

from alembic import command
from sqlalchemy import insert, select

from services.volunteer.adapters.tables import tandem_index, volunteer_list
from services.volunteer.entrypoints.app import MIGRATIONS
from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts import volunteer as c
from shared.db import Database
from shared.envelope import CommandContext, DomainEvent
from shared.eventstore.store import EventStore
from shared.migrations import alembic_config, upgrade

READY, LEFT = UUID(int=1), UUID(int=2)
TANDEM, ENDED, HOUSEHOLD = UUID(int=3), UUID(int=4), UUID(int=5)


def at(day: date) -> dict[str, object]:
    return {"occurred_at": business_time(day)}


async def test_volunteers_and_tandems_recorded_before_are_listed_after_the_migration(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/volunteer.db"
    await asyncio.to_thread(command.upgrade, alembic_config(MIGRATIONS, url), "volunteer_0006")
    db = Database(url)
    store = EventStore(CONTRACTS)
    context = CommandContext(actor="test", municipality="koeln", correlation_id=uuid4())
    streams: dict[str, list[DomainEvent]] = {
        f"volunteer:koeln:{READY}": [
            c.VolunteerRegistered(
                volunteer_id=READY,
                provider="caritas",
                district="kalk",
                languages=("de", "ar"),
                **at(date(2026, 1, 5)),
            ),
            c.VolunteerOnboarded(
                volunteer_id=READY, step="agreement_signed", **at(date(2026, 1, 9))
            ),
        ],
        f"volunteer:koeln:{LEFT}": [
            c.VolunteerRegistered(volunteer_id=LEFT, provider="drk", **at(date(2026, 1, 6))),
            c.VolunteerOnboarded(
                volunteer_id=LEFT, step="agreement_signed", **at(date(2026, 1, 7))
            ),
            c.VolunteerLeft(volunteer_id=LEFT, **at(date(2026, 2, 1))),
        ],
        f"tandems:koeln:{HOUSEHOLD}": [
            c.TandemFormed(
                tandem_id=ENDED,
                volunteer_id=READY,
                household_id=HOUSEHOLD,
                provider="caritas",
                **at(date(2026, 1, 10)),
            ),
            c.TandemEnded(
                tandem_id=ENDED,
                volunteer_id=READY,
                household_id=HOUSEHOLD,
                reason="by_agreement",
                **at(date(2026, 1, 20)),
            ),
            c.TandemFormed(
                tandem_id=TANDEM,
                volunteer_id=READY,
                household_id=HOUSEHOLD,
                provider="caritas",
                **at(date(2026, 1, 21)),
            ),
        ],
    }
    try:
        async with db.transaction() as conn:
            for stream_id, history in streams.items():
                await store.append(
                    conn,
                    stream_id=stream_id,
                    expected_version=0,
                    new_events=history,
                    context=context,
                    provider="caritas",
                )
            for tandem_id in (ENDED, TANDEM):
                row = {"tandem_id": tandem_id, "municipality": "koeln", "provider": "caritas"}
                await conn.execute(
                    insert(tandem_index).values(household_id=HOUSEHOLD, volunteer_id=READY, **row)
                )
        await asyncio.to_thread(upgrade, MIGRATIONS, url)
        async with db.transaction() as conn:
            listed = {r.volunteer_id: r for r in await conn.execute(select(volunteer_list))}
            days = {
                r.tandem_id: (r.formed_on, r.ended_on)
                for r in await conn.execute(select(tandem_index))
            }
    finally:
        await db.dispose()
    ready, left = listed[READY], listed[LEFT]
    assert (ready.provider, ready.district, ready.languages) == ("caritas", "kalk", " de ar ")
    assert (ready.registered_on, ready.ready_for_tandem, ready.left_on) == (
        date(2026, 1, 5),
        True,
        None,
    )
    # Ready only while active, as the aggregate says.
    assert (left.languages, left.ready_for_tandem, left.left_on) == (" ", False, date(2026, 2, 1))
    assert days == {
        ENDED: (date(2026, 1, 10), date(2026, 1, 20)),
        TANDEM: (date(2026, 1, 21), None),
    }
