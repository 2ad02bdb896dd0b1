"""The case list of the Wohnintegrationshilfe a page at a time (issue 14): paged, sorted and
filtered in SQL, scoped like every read (a caseworker's filter for another provider finds
nothing), and a passed time limit found and marked (finding 21)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import pytest

from shared.contracts import prevention as p
from shared.identity import Caller, Role
from support.builders.prevention import (
    COORDINATOR,
    OFFICE,
    SKM,
    Setup,
    T,
    ago,
    caller,
    prevention_setup,
    referral,
    running_case,
)

DRK = caller(Role.caseworker, "drk")


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        yield it


async def _referred(setup: Setup, days_ago: int, worker: Caller = SKM) -> UUID:
    body = referral(provider=worker.provider, received_on=ago(days_ago))
    return (await setup.cases.receive_referral(body, worker)).case_id


async def test_cases_come_a_page_at_a_time_newest_referral_first(setup: Setup) -> None:
    ids = [await _referred(setup, days) for days in (50, 40, 30, 20, 10)]
    newest_first = list(reversed(ids))
    second = await setup.cases.listing(p.ListCases(page=2, per_page=2), SKM)
    assert [c.case_id for c in second.cases] == newest_first[2:4]
    assert (second.page.total, second.page.pages, second.page.first) == (5, 3, 3)
    last = await setup.cases.listing(p.ListCases(page=3, per_page=2), SKM)
    assert [c.case_id for c in last.cases] == newest_first[4:]
    beyond = await setup.cases.listing(p.ListCases(page=9, per_page=2), SKM)
    assert beyond.cases == [] and beyond.page.total == 5


async def test_a_column_sorts_both_ways_with_empty_days_last(setup: Setup) -> None:
    referred = await _referred(setup, 30)  # no time limit yet
    soon = await running_case(setup)
    later = await running_case(setup)
    await setup.course.extend(later, p.ExtendCase(ends_on=T + timedelta(days=300)), OFFICE)
    rising = await setup.cases.listing(p.ListCases(sort="ends_on", descending=False), SKM)
    assert [c.case_id for c in rising.cases] == [soon, later, referred]
    falling = await setup.cases.listing(p.ListCases(sort="ends_on", descending=True), SKM)
    assert [c.case_id for c in falling.cases] == [later, soon, referred]


async def test_filters_narrow_within_the_callers_scope(setup: Setup) -> None:
    skm = await _referred(setup, 30)
    drk = await _referred(setup, 20, DRK)
    only_drk = await setup.cases.listing(p.ListCases(provider="drk"), COORDINATOR)
    assert [c.case_id for c in only_drk.cases] == [drk] and only_drk.page.total == 1
    # A caseworker asking for another provider learns nothing, not even a count.
    other = await setup.cases.listing(p.ListCases(provider="drk"), SKM)
    assert other.cases == [] and other.page.total == 0
    referred = await setup.cases.listing(p.ListCases(status="referred"), COORDINATOR)
    assert {c.case_id for c in referred.cases} == {skm, drk}
    assert (await setup.cases.listing(p.ListCases(status="admitted"), COORDINATOR)).cases == []


async def test_overdue_visits_and_passed_time_limits_are_filters(setup: Setup) -> None:
    late = await running_case(setup)  # first visit due 41 days ago, help until T+120
    await _referred(setup, 5)
    overdue = await setup.cases.listing(p.ListCases(overdue=True), SKM)
    assert [c.case_id for c in overdue.cases] == [late]
    assert (await setup.cases.listing(p.ListCases(time_limit_passed=True), SKM)).cases == []
    after = T + timedelta(days=121)
    passed = await setup.cases.listing(p.ListCases(time_limit_passed=True, as_of=after), SKM)
    assert [c.case_id for c in passed.cases] == [late]
    [summary] = passed.cases
    assert summary.time_limit_passed(after) and not summary.time_limit_passed(T)
    # The last day granted still counts as granted.
    assert summary.ends_on is not None and not summary.time_limit_passed(summary.ends_on)


async def test_a_closed_case_is_never_marked_as_passed_its_time_limit(setup: Setup) -> None:
    case_id = await running_case(setup)
    await setup.course.close(case_id, p.CloseCase(outcome="own_lease_signed"), OFFICE)
    after = T + timedelta(days=121)
    passed = await setup.cases.listing(p.ListCases(time_limit_passed=True, as_of=after), SKM)
    assert passed.cases == []
    [closed] = (await setup.cases.listing(p.ListCases(), SKM)).cases
    assert not closed.time_limit_passed(after)
