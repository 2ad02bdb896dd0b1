"""A placement recorded by mistake is retracted: the figures of its lease year follow from
the day the correction was recorded, "as known on" an earlier day still gives the figure
that was reported, and the support a tandem gave it goes with it, whenever that arrives."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID, uuid4

from services.reporting.application import figures as uc
from services.reporting.application.changes import figure_changes
from shared.contracts import volunteer as vo
from shared.contracts.reporting import FigureCasesQuery, FigureChangesQuery
from support.builders.reporting import World, at, caller, day, place_offer, retract, world


def supported(w: World, lease: str, household_id: UUID, offer_id: UUID, recorded: str) -> None:
    w.record(
        vo.PlacementSupportConfirmed(
            household_id=household_id,
            tandem_id=uuid4(),
            volunteer_id=uuid4(),
            placement_event_id=uuid4(),
            offer_id=offer_id,
            provider="caritas",
            adults=2,
            minors=2,
            lease_signed_on=day(lease),
            occurred_at=at(lease),
        ),
        f"tandems:{household_id}",
        recorded=recorded,
        provider="caritas",
    )


async def test_a_retracted_placement_leaves_the_figures_from_the_day_of_the_correction(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        kept, wrong, offer_kept, offer_wrong = uuid4(), uuid4(), uuid4(), uuid4()
        place_offer(w, "2025-11-03", kept, offer_kept)
        place_offer(w, "2025-11-10", wrong, offer_wrong)
        supported(w, "2025-11-10", wrong, offer_wrong, recorded="2025-11-11")
        # Noticed after the report was sent: corrected in February, for November's lease.
        retract(w, "2025-11-10", "2026-02-02", wrong, offer_wrong)
        await w.apply()

        now = await w.values()
        assert (now["households_placed"], now["persons_placed"]) == (1, 4)
        assert now["placements_refugee_quota"] == 1
        assert now["offers_let"] == 1
        assert now["placements_volunteer_supported"] == 0
        then = await w.values(as_known_on=day("2026-01-31"))
        assert (then["households_placed"], then["persons_placed"]) == (2, 8)
        assert then["placements_volunteer_supported"] == 1
        # The correction belongs to the lease's year, not to the year it was recorded in.
        assert (await w.values("2026-01-01", "2026-12-31"))["households_placed"] == 0

        def cases(**extra: object) -> FigureCasesQuery:
            return FigureCasesQuery(
                period_from=day("2025-01-01"),
                period_to=day("2025-12-31"),
                key="households_placed",
                **extra,
            )

        assert (await uc.figure_cases(w.db, cases(), caller())).ids == [kept]
        earlier = await uc.figure_cases(w.db, cases(as_known_on=day("2026-01-31")), caller())
        assert set(earlier.ids) == {kept, wrong}

        changes = await figure_changes(
            w.db,
            FigureChangesQuery(
                period_from=day("2025-01-01"),
                period_to=day("2025-12-31"),
                as_known_on=day("2026-01-31"),
            ),
            caller(),
        )
        found = {(c.key, c.item): (c.then, c.now) for c in changes.changes}
        assert found[("households_placed", None)] == (2, 1)


async def test_a_support_derived_after_the_correction_does_not_count_either(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        household, offer = uuid4(), uuid4()
        place_offer(w, "2025-05-05", household, offer)
        retract(w, "2025-05-05", "2025-05-06", household, offer)
        # Volunteer derived the support late (its consumer was behind).
        supported(w, "2025-05-05", household, offer, recorded="2025-05-07")
        await w.apply()
        values = await w.values()
        assert values["households_placed"] == 0
        assert values["placements_volunteer_supported"] == 0
        assert values["persons_placed_volunteer_supported"] == 0


async def test_the_flat_let_again_after_a_correction_counts_once(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        wrong, right, offer = uuid4(), uuid4(), uuid4()
        place_offer(w, "2025-03-03", wrong, offer)
        retract(w, "2025-03-03", "2025-03-04", wrong, offer)
        place_offer(w, "2025-03-05", right, offer)
        await w.apply()
        values = await w.values()
        assert (values["households_placed"], values["offers_let"]) == (1, 1)
