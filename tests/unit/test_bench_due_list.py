"""The due-list benchmark measures a filled table: its fill, applied through the real
caseboard and follow-up projections, leaves exactly the rows per rule its stories open
(written ones less those completed), and the Heute queries it times find rows."""

from __future__ import annotations

import random
from pathlib import Path

from bench.due_list import QUERIES, apply, make_stream, rows_per_kind, stage
from services.reporting.application.follow_ups import follow_up_list
from shared.contracts.followups import FollowUpQuery, Rule
from shared.identity import Role
from support.builders.reporting import caller, world

KINDS = {
    Rule.stage_stalled.value,
    Rule.wbs_expiring.value,
    Rule.proposal_unanswered.value,
    Rule.viewing_unrecorded.value,
    Rule.guarantee_undecided.value,
    "written",
}


async def test_fill_holds_the_rows_per_rule_its_stories_open(tmp_path: Path) -> None:
    stream = make_stream(120, random.Random(15))
    assert set(+stream.expected) == KINDS
    assert stream.expected[Rule.stage_stalled.value] == 120

    async with world(tmp_path) as w:
        applied = await apply(w.db, stream)
        held = await rows_per_kind(w.db)

    assert applied.events == len(stream.events)
    assert held == +stream.expected


async def test_the_timed_queries_answer_rows(tmp_path: Path) -> None:
    stream = make_stream(200, random.Random(15))
    async with world(tmp_path) as w:
        await apply(w.db, stream)
        coordinator = caller()
        caseworker = caller(Role.caseworker, "caritas")
        caseworker = caseworker.model_copy(update={"user_id": "caritas-cw1"})
        found = {
            (who, name): (
                await follow_up_list(w.db, FollowUpQuery.model_validate(fields), c)
            ).page.total
            for who, c in (("k", coordinator), ("w", caseworker))
            for name, fields in QUERIES
        }

    assert found[("w", "Heute: mine")] > 0
    assert found[("w", "Heute: team unassigned")] > 0
    assert found[("k", "Heute: rule-made steps")] > found[("w", "Heute: rule-made steps")] > 0


async def test_the_stage_of_python_m_bench_reports_apply_rates_and_each_query(
    tmp_path: Path,
) -> None:
    figures = await stage(tmp_path / "due", households=150, queries=2)

    by_key = {figure.key: figure for figure in figures}
    assert by_key["6a"].unit == by_key["6b"].unit == "events/s"
    assert by_key["6a"].baseline_key == "6b" and by_key["6a"].value > 0
    timed = [figure for figure in figures if figure.key.startswith("6.")]
    assert len(timed) == 2 * len(QUERIES)
    assert all(f.unit == "ms" and f.baseline_key == "6c" and f.aim == 100 for f in timed)
    assert by_key["6c"].aim is None
