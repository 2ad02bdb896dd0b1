"""Many streams of one kind at once, folded: for listings straight from the event store.

A municipality has hundreds of volunteers, not millions; one ordered query over its
streams is cheaper than a read model that could lag behind the write side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.decider import C, Decider, E, S
from shared.eventstore.schema import events
from shared.eventstore.store import EventStore, row_to_envelope


async def fold_streams(
    conn: AsyncConnection,
    store: EventStore,
    decider: Decider[C, E, S],
    stream_ids: Iterable[str],
) -> dict[str, tuple[S, int]]:
    """State and version of each stream in `stream_ids` (a stream without events is left out)."""
    wanted = list(dict.fromkeys(stream_ids))
    histories: dict[str, list[E]] = defaultdict(list)
    for chunk in (wanted[i : i + 500] for i in range(0, len(wanted), 500)):
        rows = await conn.execute(
            select(events).where(events.c.stream_id.in_(chunk)).order_by(events.c.position)
        )
        for row in rows:
            event = store.registry.decode(row_to_envelope(row))
            if event is not None:
                histories[row.stream_id].append(event)  # type: ignore[arg-type]
    return {sid: (decider.fold(h), len(h)) for sid, h in histories.items()}
