"""Written follow-ups on a prevention case (the kernel wired by prevention) against a real
SQLite database: the case's provider and the housing office write and settle them,
another provider finds nothing, the coordinator's erasure of the case purges the texts,
the household's export lists them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from services.prevention.application.erasure import CaseErasure
from services.prevention.application.follow_ups import prevention_follow_ups
from services.prevention.application.household_export import export_household
from shared.clock import today
from shared.contracts.followups import (
    FollowUpTextsQuery,
    ReassignFollowUp,
    ScheduleFollowUp,
    SubjectFollowUpsQuery,
    SubjectKind,
)
from shared.contracts.intake import ErasureGround
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention.household_export import ExportPreventionHousehold
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.identity import Role
from support.builders.prevention import (
    COORDINATOR,
    OFFICE,
    SKM,
    Setup,
    caller,
    prevention_setup,
    running_case,
)

HID = "00000000-0000-4000-8000-0000000000a7"
TEXT = "Vermieter wegen Ratenzahlung anrufen Zqpv"


@pytest.fixture
async def s(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as setup:
        yield setup


def files_contain(directory: Path, text: str) -> list[str]:
    return [p.name for p in directory.iterdir() if text.encode() in p.read_bytes()]


async def test_a_case_follow_up_through_its_life_and_its_erasure(s: Setup, tmp_path: Path) -> None:
    follow_ups = prevention_follow_ups(s.commands)
    case_id = await running_case(s, household_id=HID)
    new = ScheduleFollowUp(
        subject_kind=SubjectKind.prevention_case,
        subject_id=case_id,
        due_on=today() + timedelta(days=2),
        text=TEXT,
    )
    fid = (await follow_ups.schedule(new, SKM)).follow_up_id
    await follow_ups.reassign(fid, ReassignFollowUp(assignee="housing_office-1"), OFFICE)
    query = SubjectFollowUpsQuery(subject_kind=SubjectKind.prevention_case, subject_id=case_id)
    shown = await follow_ups.of_subject(query, COORDINATOR)
    assert [(v.text, v.assignee, str(v.household_id)) for v in shown.open] == [
        (TEXT, "housing_office-1", HID)
    ]

    other = caller(Role.caseworker, "caritas")
    with pytest.raises(NotFound):
        await follow_ups.of_subject(query, other)
    with pytest.raises(NotFound):
        await follow_ups.complete(fid, other)
    with pytest.raises(Forbidden):
        await follow_ups.of_subject(query, caller(Role.admin))
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), other)).texts == {}

    exported = await export_household(
        s.commands, ExportPreventionHousehold(household_id=HID), COORDINATOR
    )
    assert [r["text"] for r in exported.records["follow_ups"]] == [TEXT]

    await CaseErasure(s.commands).erase(
        case_id, rq.EraseCase(ground=ErasureGround.data_subject_request), COORDINATOR
    )
    assert files_contain(tmp_path, "Zqpv") == []
    assert (await follow_ups.of_subject(query, COORDINATOR)).open == []
    with pytest.raises(RuleViolation) as erased:
        await follow_ups.schedule(new, SKM)
    assert erased.value.code == "case_erased"
    await follow_ups.complete(fid, SKM)  # an open one can still be settled
