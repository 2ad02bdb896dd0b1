"""`python -m services.intake retention --dry-run|--apply [--today D] [--rule M=YEARS]`.

Prints what the retention job erased (or, with `--dry-run`, would erase) as JSON; the
skeleton is the kernel's (`shared/retention_cli.py`). The service runs the same job
itself once a day when `AUSZUG_INTAKE_RETENTION_AT` is set.
"""

from __future__ import annotations

from services.intake.adapters.tables import retention_rules
from services.intake.application.retention import run_retention
from services.intake.entrypoints.app import MIGRATIONS, SERVICE, IntakeSettings
from shared.retention_cli import retention_main


def main(argv: list[str]) -> None:
    retention_main(
        argv,
        service=SERVICE,
        settings=IntakeSettings(),
        migrations=MIGRATIONS,
        rules=retention_rules,
        job=run_retention,
    )
