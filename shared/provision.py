"""Create the streams, or bring them to the configuration of this release (operator only).

    python -m shared.provision      # AUSZUG_NATS_USER=operator and its password

Only the operator principal may create, change or delete streams (shared/nats_auth.py);
the services wait for the streams at start-up. Idempotent: run it before every start of
a new release (scripts/run and docker compose do).
"""

from __future__ import annotations

import asyncio

from shared.messaging import NatsLogin, connect, ensure_streams
from shared.nats_auth import OPERATOR
from shared.settings import PlatformSettings


async def provision(login: NatsLogin, *, replicas: int = 1) -> None:
    nc = await connect(login, "auszug-provision")
    try:
        await ensure_streams(nc.jetstream(), replicas=replicas)
    finally:
        await nc.drain()


def main() -> None:
    platform = PlatformSettings()
    login = NatsLogin.of(platform, OPERATOR)
    asyncio.run(provision(login, replicas=platform.nats_stream_replicas))
    print(f"streams provisioned on {login.url} as {login.user}")


if __name__ == "__main__":
    main()
