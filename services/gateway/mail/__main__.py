"""The daily overview now, from the command line (the gateway's environment):

    python -m services.gateway.mail digest [--day 2026-12-07]

It enqueues what the scheduled run (`AUSZUG_GATEWAY_DIGEST_AT`) would; the running
gateway sends it. A person who has the day's overview already gets none again.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date

from services.gateway.adapters import MIGRATIONS
from services.gateway.mail.digest import send_digests
from services.gateway.settings import GatewaySettings
from shared.db import Database
from shared.messaging import NatsLogin, make_broker
from shared.migrations import upgrade
from shared.nats_auth import GATEWAY
from shared.rpc import RpcClient


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m services.gateway.mail")
    commands = p.add_subparsers(dest="command", required=True)
    digest = commands.add_parser("digest", help="Tägliche Übersicht jetzt einreihen")
    digest.add_argument("--day", type=date.fromisoformat, help="Tag (JJJJ-MM-TT), sonst heute")
    return p


async def _digest(settings: GatewaySettings, day: date | None) -> int:
    db = Database(settings.gateway_database)
    broker = make_broker(NatsLogin.of(settings.platform, GATEWAY), "auszug-gateway-mail")
    await broker.connect()
    try:
        rpc = RpcClient(broker, timeout=settings.rpc_timeout_seconds)
        return await send_digests(db, rpc, settings, day)
    finally:
        await broker.stop()
        await db.dispose()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = GatewaySettings()
    if not settings.mail_on:
        print("Fehler: AUSZUG_GATEWAY_SMTP_HOST ist nicht gesetzt.", file=sys.stderr)
        return 2
    upgrade(MIGRATIONS, Database(settings.gateway_database).url)
    count = asyncio.run(_digest(settings, args.day))
    print(f"{count} Übersicht(en) eingereiht.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
