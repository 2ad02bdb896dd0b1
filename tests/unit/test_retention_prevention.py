"""Prevention's retention job on a real SQLite database: a case's personal data go N years
after it was closed or rejected, a restricted household's case stays, and a second run
does nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from services.prevention.adapters import restrictions
from services.prevention.adapters.retention import retention_rules
from services.prevention.adapters.tables import case_details
from services.prevention.application.retention import run_retention
from shared.contracts import prevention as p
from shared.eventstore.schema import events
from shared.retention import save_rule, years_after
from support.builders.prevention import OFFICE, SKM, Setup, T, prevention_setup, referral


def ago(years: int) -> date:
    return years_after(T, -years)


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        yield it


async def rejected(s: Setup, years: int, household_id: UUID | None = None) -> UUID:
    body = referral(received_on=ago(years + 1), household_id=household_id)
    case_id = (await s.cases.receive_referral(body, SKM)).case_id
    reject = p.RejectCase(reason=p.RejectionReason.household_declined, rejected_on=ago(years))
    await s.course.reject(case_id, reject, OFFICE)
    return case_id


async def with_details(s: Setup) -> set[UUID]:
    async with s.commands.db.read() as conn:
        return set((await conn.execute(select(case_details.c.case_id))).scalars())


async def test_cases_closed_or_rejected_n_years_ago_lose_their_personal_data(
    setup: Setup,
) -> None:
    old, recent = await rejected(setup, 7), await rejected(setup, 2)
    household_id = uuid4()
    kept = await rejected(setup, 8, household_id)
    open_case = (await setup.cases.receive_referral(referral(received_on=ago(9)), SKM)).case_id
    async with setup.commands.db.transaction() as conn:
        await restrictions.restrict(conn, "koeln", household_id, ago(1))
        await save_rule(conn, retention_rules, "koeln", 5)

    dry = await run_retention(setup.commands, T, apply=False)
    assert (dry.subject, dry.erased, dry.skipped) == ("case", [old], {"restricted": [kept]})
    assert await with_details(setup) == {old, recent, kept, open_case}

    applied = await run_retention(setup.commands, T, apply=True)
    assert applied.erased == [old]
    assert await with_details(setup) == {recent, kept, open_case}
    async with setup.commands.db.read() as conn:
        rows = await conn.execute(
            select(events.c.payload).where(events.c.event_type == "CasePersonalDataErased")
        )
        assert [r["ground"] for (r,) in rows] == ["retention_expired"]

    again = await run_retention(setup.commands, T, apply=True)
    assert (again.erased, again.skipped) == ([], {"restricted": [kept]})
    wider = await run_retention(setup.commands, T, apply=False, extra_rules={"koeln": 1})
    assert wider.erased == [recent]
