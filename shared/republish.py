"""`python -m shared.republish <service> [--from-position N]`: stored events back to the outbox.

For when the broker lost messages it had acknowledged (nats-server 2.9 does not fsync
before acknowledging): the service's event store is the source of truth. The running
service's relay publishes the entries; JetStream drops what it still holds and every
consumer drops what it already applied.
"""

from __future__ import annotations

import argparse
import asyncio

from shared.contracts import CONTRACTS
from shared.db import Database
from shared.eventstore.store import EventStore
from shared.settings import service_settings


async def republish(database_url: str, from_position: int = 0) -> int:
    db = Database(database_url)
    try:
        async with db.transaction() as conn:
            return await EventStore(CONTRACTS).enqueue_republish(conn, from_position=from_position)
    finally:
        await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("service", help="intake, placement, volunteer or prevention")
    parser.add_argument("--from-position", type=int, default=0)
    args = parser.parse_args()
    settings = service_settings(args.service, default_port=0)()
    count = asyncio.run(republish(settings.database(args.service), args.from_position))
    print(f"{args.service}: {count} events queued for republishing")


if __name__ == "__main__":
    main()
