"""The caseboard in pages: who is responsible (intake's CaseworkerAssigned), filters,
sorting and paging done in SQL, the counts per stage over the whole scope."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from pydantic import ValidationError

from services.reporting.application.caseboard import caseboard_view
from shared.clock import business_time, today
from shared.contracts import intake as i
from shared.contracts.reporting import Caseboard, CaseboardQuery, Stage
from shared.identity import Caller, Role
from support.builders.reporting import World, at, caller, world

T = today()
CARITAS = caller(Role.caseworker, "caritas")  # user id "caseworker-1"


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def assign(w: World, household: UUID, caseworker: str | None, days_ago: int = 0) -> None:
    event = i.CaseworkerAssigned(
        household_id=household, caseworker=caseworker, occurred_at=at(ago(days_ago))
    )
    w.record(event, f"household:{household}", provider="caritas")


async def view(w: World, who: Caller | None = None, **query: Any) -> Caseboard:
    return await caseboard_view(w.db, CaseboardQuery(**query), who or caller())


def ids(board: Caseboard) -> list[UUID]:
    return [c.household_id for c in board.cases]


async def test_mine_lists_exactly_the_cases_assigned_to_the_caller(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        mine, theirs, nobodys = [w.register(ago(10)) for _ in range(3)]
        assign(w, mine, "caseworker-1")
        assign(w, theirs, "someone-else")
        await w.apply()
        board = await view(w, CARITAS, responsible="mine")
        assert ids(board) == [mine]
        assert board.cases[0].caseworker == "caseworker-1"
        assert board.page.total == 1
        assert ids(await view(w, CARITAS, responsible="nobody")) == [nobodys]
        # The counts per stage stay those of the whole scope.
        assert board.by_stage[Stage.registered] == 3


async def test_a_reassignment_and_a_hand_over_change_who_is_responsible(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        household = w.register(ago(10))
        assign(w, household, "caseworker-1", 9)
        await w.apply()
        assign(w, household, "caseworker-2", 5)
        await w.apply()
        assert ids(await view(w, CARITAS, responsible="mine")) == []
        (card,) = (await view(w)).cases
        assert card.caseworker == "caseworker-2"
        w.record(
            i.HouseholdHandedOver(
                household_id=household,
                from_provider="caritas",
                to_provider="drk",
                occurred_at=business_time(T),
            ),
            f"household:{household}",
        )
        await w.apply()
        (card,) = (await view(w)).cases
        assert (card.provider, card.caseworker) == ("drk", None)


async def test_pages_of_fifty_longest_waiting_first(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        by_days = {w.register(ago(days)): days for days in range(1, 121)}
        await w.apply()
        first, second, third = [await view(w, page=n) for n in (1, 2, 3)]
        assert [len(p.cases) for p in (first, second, third)] == [50, 50, 20]
        assert first.page.total == 120 and first.page.pages == 3
        shown = ids(first) + ids(second) + ids(third)
        assert shown == sorted(by_days, key=lambda h: -by_days[h])
        assert [c.days_in_stage for c in second.cases] == list(range(70, 20, -1))
        # Fewest days first, when asked.
        assert ids(await view(w, descending=False, per_page=3)) == shown[::-1][:3]


async def test_sorted_by_persons_and_registration_filtered_by_days(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        big = w.register(ago(30), adults=2, minors=4)
        small = w.register(ago(5), adults=1)
        middle = w.register(ago(60), adults=2, minors=1)
        await w.apply()
        assert ids(await view(w, sort="persons", descending=False)) == [small, middle, big]
        assert ids(await view(w, sort="persons")) == [big, middle, small]
        assert ids(await view(w, sort="registered", descending=False)) == [middle, big, small]
        filtered = await view(w, min_days_in_stage=30)
        assert ids(filtered) == [middle, big]
        assert filtered.page.total == 2
        assert filtered.by_stage[Stage.registered] == 3


async def test_stage_sort_and_filter_and_a_caseworker_never_sees_a_restricted_case(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        waiting = w.register(ago(20))
        ready = w.register(ago(20))
        hidden = w.register(ago(20))
        w.record(
            i.HousingReadinessAssessed(
                household_id=ready,
                assessment_id=uuid4(),
                criteria={},
                result=i.ReadinessResult.ready,
                occurred_at=at(ago(3)),
            ),
            f"household:{ready}",
        )
        w.record(
            i.ProcessingRestricted(
                household_id=hidden,
                reason=i.RestrictionReason.accuracy_contested,
                occurred_at=at(ago(1)),
            ),
            f"household:{hidden}",
        )
        await w.apply()
        assert ids(await view(w, sort="stage", descending=True))[0] == ready
        assert ids(await view(w, stage=Stage.ready)) == [ready]
        own = await view(w, CARITAS)
        assert set(ids(own)) == {waiting, ready}
        assert own.page.total == 2 and own.by_stage[Stage.registered] == 1
        everyone = await view(w)
        assert everyone.page.total == 3 and everyone.by_stage[Stage.registered] == 2
        assert [c.restricted for c in everyone.cases if c.household_id == hidden] == [True]


def test_the_query_refuses_an_unknown_sort_and_a_page_too_large() -> None:
    with pytest.raises(ValidationError):
        CaseboardQuery(sort="name")
    with pytest.raises(ValidationError):
        CaseboardQuery(per_page=201)
    with pytest.raises(ValidationError):
        CaseboardQuery(responsible="caseworker-1")
