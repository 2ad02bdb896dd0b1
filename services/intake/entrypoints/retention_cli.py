"""`python -m services.intake retention --dry-run|--apply [--today D] [--rule M=YEARS]`.

Prints what the retention job erased (or, with `--dry-run`, would erase) as JSON. Run
it daily from a scheduler (cron, a systemd timer, a Kubernetes CronJob) while the
service runs: the running service's relay publishes the `PersonalDataErased` events
the job appends, and every other service erases its rows from them.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date

from services.intake.adapters.retention import save_rule
from services.intake.application.retention import run_retention
from services.intake.entrypoints.app import MIGRATIONS, SERVICE, IntakeSettings
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import CONTRACTS
from shared.db import Database
from shared.eventstore.store import EventStore
from shared.migrations import upgrade
from shared.relay import OutboxRelay


def _rule(text: str) -> tuple[str, int]:
    municipality, _, years = text.partition("=")
    if not municipality or not years.isdigit():
        raise argparse.ArgumentTypeError("Regel als GEMEINDE=JAHRE, z. B. koeln=10")
    return municipality, int(years)


async def _main(args: argparse.Namespace) -> str:
    settings = IntakeSettings()
    db = Database(settings.database(SERVICE))
    try:
        await asyncio.to_thread(upgrade, MIGRATIONS, db.url)
        if args.apply and args.rule:
            async with db.transaction() as conn:
                for municipality, years in args.rule:
                    await save_rule(conn, municipality, years)
        # No broker here: the running service's relay publishes what the job appends.
        relay = OutboxRelay(db, lambda: None)  # type: ignore[arg-type, return-value]
        commands = CommandExecutor(db, EventStore(CONTRACTS), relay)
        run = await run_retention(
            commands, args.today, apply=args.apply, extra_rules=dict(args.rule)
        )
        return run.model_dump_json(indent=2)
    finally:
        await db.dispose()


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m services.intake retention", description=__doc__
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="nur anzeigen")
    mode.add_argument("--apply", action="store_true", help="löschen")
    parser.add_argument("--today", type=date.fromisoformat, default=today())
    parser.add_argument(
        "--rule",
        type=_rule,
        action="append",
        default=[],
        help="GEMEINDE=JAHRE; mit --apply gespeichert, mit --dry-run nur für diesen Lauf",
    )
    print(asyncio.run(_main(parser.parse_args(argv))))
