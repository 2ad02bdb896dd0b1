"""The due list's projection folds a batch's written follow-up events, hand-overs and exits
in memory and writes them at the batch's end: rows of earlier batches and rows the batch
itself opens must come out as if every event had been written at its own place."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select

from services.reporting.adapters.follow_up_tables import follow_ups
from shared.clock import business_time, today
from shared.contracts import intake as i
from shared.contracts.followups import Rule, SubjectKind
from support.builders.reporting import World, world

T = today()
LATER = business_time(T)


def scheduled(household: UUID, assignee: str | None = None) -> i.IntakeFollowUpScheduled:
    return i.IntakeFollowUpScheduled(
        follow_up_id=uuid4(),
        subject_kind=SubjectKind.household,
        subject_id=household,
        household_id=household,
        due_on=T,
        assignee=assignee,
        occurred_at=business_time(T - timedelta(days=2)),
    )


async def rows(w: World) -> dict[UUID, dict[str, Any]]:
    async with w.db.read() as conn:
        found = (await conn.execute(select(follow_ups))).all()
    return {row.follow_up_id: dict(row._mapping) for row in found}


async def test_one_batch_changes_older_rows_and_its_own_in_stream_order(tmp_path: Path) -> None:
    start = (T - timedelta(days=40)).isoformat()
    async with world(tmp_path) as w:
        moving, leaving = w.register(start), w.register(start)
        moving_at, leaving_at = f"household:{moving}", f"household:{leaving}"
        old_a, old_b = scheduled(moving), scheduled(moving)
        w.record(old_a, moving_at, provider="caritas")
        w.record(old_b, moving_at, provider="caritas")
        await w.apply()
        new_c, leaves_d = scheduled(moving), scheduled(leaving)
        after_exit = scheduled(leaving, assignee="skm-cw1")
        exit_ = i.HouseholdDeregistered(
            household_id=leaving,
            reason=i.DeregistrationReason.left_city,
            adults=1,
            minors=0,
            occurred_at=LATER,
        )
        batch: list[tuple[Any, str, str]] = [
            (
                i.IntakeFollowUpReassigned(
                    follow_up_id=old_a.follow_up_id, assignee="x-1", occurred_at=LATER
                ),
                moving_at,
                "caritas",
            ),
            (
                i.IntakeFollowUpPostponed(
                    follow_up_id=old_b.follow_up_id, due_on=T + timedelta(3), occurred_at=LATER
                ),
                moving_at,
                "caritas",
            ),
            (
                i.HouseholdHandedOver(
                    household_id=moving,
                    from_provider="caritas",
                    to_provider="drk",
                    occurred_at=LATER,
                ),
                moving_at,
                "caritas",
            ),
            (new_c, moving_at, "drk"),
            (
                i.IntakeFollowUpReassigned(
                    follow_up_id=new_c.follow_up_id, assignee="y-1", occurred_at=LATER
                ),
                moving_at,
                "drk",
            ),
            (leaves_d, leaving_at, "caritas"),
            (exit_, leaving_at, "caritas"),
            (
                i.IntakeFollowUpPostponed(
                    follow_up_id=leaves_d.follow_up_id, due_on=T, occurred_at=LATER
                ),
                leaving_at,
                "caritas",
            ),
            (after_exit, leaving_at, "caritas"),
        ]
        for event, stream, provider in batch:
            w.record(event, stream, provider=provider)
        await w.apply()  # one batch

        table = await rows(w)
    a, b, c = (table[f.follow_up_id] for f in (old_a, old_b, new_c))
    assert (a["assignee"], a["provider"], a["due_on"]) == ("x-1", "drk", T)
    assert (b["assignee"], b["provider"], b["due_on"]) == (None, "drk", T + timedelta(3))
    assert (c["assignee"], c["provider"]) == ("y-1", "drk")
    # Gone with the household: its written row and its stalled stage; the one written
    # after the exit (in the same batch) stays.
    assert leaves_d.follow_up_id not in table
    of_leaving = {row["kind"] for row in table.values() if row["household_id"] == leaving}
    assert of_leaving == {"written"}
    assert table[after_exit.follow_up_id]["assignee"] == "skm-cw1"
    stalled = [row for row in table.values() if row["kind"] == Rule.stage_stalled.value]
    assert [row["household_id"] for row in stalled] == [moving]
    assert isinstance(stalled[0]["due_on"], date)
