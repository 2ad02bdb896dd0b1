"""`python -m services.prevention retention --dry-run|--apply [--today D] [--rule M=YEARS]`.

Prints what the retention job erased (or, with `--dry-run`, would erase) as JSON; the
skeleton is the kernel's (`shared/retention_cli.py`). The service runs the same job
itself once a day when `AUSZUG_PREVENTION_RETENTION_AT` is set.
"""

from __future__ import annotations

from services.prevention.adapters.retention import retention_rules
from services.prevention.application.retention import run_retention
from services.prevention.entrypoints.app import MIGRATIONS, SERVICE, PreventionSettings
from shared.retention_cli import retention_main


def main(argv: list[str]) -> None:
    retention_main(
        argv,
        service=SERVICE,
        settings=PreventionSettings(),
        migrations=MIGRATIONS,
        rules=retention_rules,
        job=run_retention,
    )
