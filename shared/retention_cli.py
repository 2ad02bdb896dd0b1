"""`python -m services.<name> retention --dry-run|--apply [--today D] [--rule M=YEARS]`,
the same for every service that erases by retention rules.

Prints the run's report as JSON. With `--apply`, `--rule` is stored; with `--dry-run` it
only applies to this run (a rule to come, tried out). The running service's relay
publishes the erasure events the job appends; the service's own daily schedule
(`AUSZUG_<SERVICE>_RETENTION_AT`) does the same without this command.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date
from pathlib import Path

from sqlalchemy import Table

from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import CONTRACTS
from shared.db import Database
from shared.eventstore.store import EventStore
from shared.migrations import upgrade
from shared.retention import RetentionJob, save_rule
from shared.settings import ServiceSettings


def _rule(text: str) -> tuple[str, int]:
    municipality, _, years = text.partition("=")
    if not municipality or not years.isdigit():
        raise argparse.ArgumentTypeError("Regel als GEMEINDE=JAHRE, z. B. koeln=10")
    return municipality, int(years)


async def _run(
    args: argparse.Namespace,
    database_url: str,
    migrations: Path,
    rules: Table,
    job: RetentionJob,
) -> str:
    db = Database(database_url)
    try:
        await asyncio.to_thread(upgrade, migrations, db.url)
        if args.apply and args.rule:
            async with db.transaction() as conn:
                for municipality, years in args.rule:
                    await save_rule(conn, rules, municipality, years)
        # No broker here, no relay: the running service's relay publishes what the job
        # appends at its next poll.
        commands = CommandExecutor(db, EventStore(CONTRACTS))
        report = await job(commands, args.today, apply=args.apply, extra_rules=dict(args.rule))
        return report.model_dump_json(indent=2)
    finally:
        await db.dispose()


def retention_main(
    argv: list[str],
    *,
    service: str,
    settings: ServiceSettings,
    migrations: Path,
    rules: Table,
    job: RetentionJob,
) -> None:
    """Parse `argv`, run the job of `service` once, print its report."""
    parser = argparse.ArgumentParser(
        prog=f"python -m services.{service} retention", description=__doc__
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
    args = parser.parse_args(argv)
    database_url = settings.database(service)
    print(asyncio.run(_run(args, database_url, migrations, rules, job)))
