"""The retention job: erase a household's personal data N years after it was
deregistered (its case closed), N per municipality (`retention_rules`).

Idempotent: an erased household is not erased again, so a second run on the same day
does nothing. A restricted household (Art. 18 DSGVO: a retention duty forbids erasure)
is skipped and reported. `today` is a parameter, so the job can be run (and tested) as
of any day; the erasure is recorded on that day with ground `retention_expired`.
"""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from services.intake.adapters import retention as rules
from services.intake.application.privacy import Privacy
from services.intake.domain import household as hh
from shared.application import CommandExecutor
from shared.contracts.intake import EraseHousehold, ErasureGround, RetentionRun
from shared.identity import Caller, Role

ACTOR = "system:retention"


def years_after(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


async def run_retention(
    commands: CommandExecutor,
    today: date,
    *,
    apply: bool,
    extra_rules: dict[str, int] | None = None,
) -> RetentionRun:
    """Find (and with `apply`, erase) every household whose retention period ended.

    `extra_rules` take precedence over the stored ones (a dry run of a rule to come).
    """
    run = RetentionRun(today=today, applied=apply, erased=[], restricted_skipped=[])
    async with commands.db.read() as conn:
        by_municipality = {**await rules.load_rules(conn), **(extra_rules or {})}
    for municipality, years in sorted(by_municipality.items()):
        async with commands.db.read() as conn:
            streams = await rules.deregistered_streams(conn, municipality)
        job = Caller(
            user_id=ACTOR, role=Role.coordinator, municipality=municipality, correlation_id=uuid4()
        )
        for stream_id in streams:
            state, _ = await commands.load(hh.household, stream_id)
            if state.erased or state.deregistered_on is None or state.household_id is None:
                continue
            if years_after(state.deregistered_on, years) > today:
                continue
            if state.restricted:
                run.restricted_skipped.append(state.household_id)
                continue
            run.erased.append(state.household_id)
            if apply:
                await Privacy(commands).erase_as(
                    job,
                    EraseHousehold(household_id=state.household_id),
                    ErasureGround.retention_expired,
                    today,
                )
    return run
