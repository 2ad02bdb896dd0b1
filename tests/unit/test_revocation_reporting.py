"""A deregistration revoked because its placement was retracted: the figures (deregistrations,
households in move-out management, the stock in accommodation) are those of a world in
which the household was never placed — from the day the revocation was recorded; "as known
on" an earlier day still gives what was reported. The caseboard shows the case again."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from services.reporting.application import figures as uc
from services.reporting.application.caseboard import caseboard_view
from shared.contracts import intake as i
from shared.contracts.reporting import CaseboardQuery, FigureCasesQuery, Figures, Stage
from shared.identity import Role
from support.builders.reporting import World, at, caller, day, place_offer, retract, world

PLACED = i.DeregistrationReason.moved_out_via_placement
REGISTERED, MOVED, RETRACTED = "2025-02-03", "2025-03-10", "2025-06-02"


def deregister(w: World, household_id: UUID, offer_id: UUID | None, reason: Any = PLACED) -> None:
    w.record(
        i.HouseholdDeregistered(
            household_id=household_id,
            reason=reason,
            adults=2,
            minors=2,
            offer_id=offer_id,
            occurred_at=at(MOVED),
        ),
        f"household:{household_id}",
        provider="caritas",
    )


def revoke(
    w: World, household_id: UUID, on: str = RETRACTED, caseworker: str | None = None
) -> None:
    w.record(
        i.HouseholdDeregistrationRevoked(
            household_id=household_id,
            deregistered_on=day(MOVED),
            reason=PLACED,
            adults=2,
            minors=2,
            caseworker=caseworker,
            occurred_at=at(on),
        ),
        f"household:{household_id}",
        provider="caritas",
    )


def _items(report: Figures) -> list[tuple[str, object, str, str | None, object]]:
    """Every breakdown item of every figure."""
    return [
        (f.key, f.value, b.dimension, item.code, item.value)
        for f in report.every_figure()
        for b in f.breakdowns
        for item in b.items
    ]


async def placed_and_taken_back(w: World) -> UUID:
    """A household placed by mistake, then the placement retracted and its move-out revoked."""
    household, offer = w.register(REGISTERED, adults=2, minors=2), uuid4()
    place_offer(w, MOVED, household, offer)
    deregister(w, household, offer)
    await w.apply()
    retract(w, MOVED, RETRACTED, household, offer)
    revoke(w, household)
    await w.apply()
    return household


async def test_the_report_as_known_today_is_that_of_a_world_without_the_placement(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    async with world(tmp_path / "a") as w, world(tmp_path / "b") as never:
        w.register(REGISTERED, adults=2, minors=2)
        await placed_and_taken_back(w)
        never.register(REGISTERED, adults=2, minors=2)
        never.register(REGISTERED, adults=2, minors=2)
        await never.apply()

        assert await w.values() == await never.values()
        assert _items(await w.figures()) == _items(await never.figures())
        for on in ("2025-04-01", "2025-12-31"):
            now = {f.key: f.value for f in (await w.stock(on)).figures}
            assert now == {f.key: f.value for f in (await never.stock(on)).figures}
            assert (now["stock_households"], now["stock_persons"]) == (2, 8)


async def test_as_known_before_the_revocation_the_move_out_still_counts(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        w.register(REGISTERED, adults=2, minors=2)
        household = await placed_and_taken_back(w)

        then = await w.values(as_known_on=day("2025-06-01"))
        assert then["households_deregistered"] == 1
        assert then["households_placed"] == 1
        assert then["households_active_at_period_end"] == 1
        stock = await w.stock("2025-04-01", as_known_on=day("2025-06-01"))
        assert stock.figure("stock_households").value == 1
        now = await w.values()
        assert (now["households_deregistered"], now["households_active_at_period_end"]) == (0, 2)

        def cases(**extra: object) -> FigureCasesQuery:
            return FigureCasesQuery(
                period_from=day("2025-01-01"),
                period_to=day("2025-12-31"),
                key="households_deregistered",
                **extra,
            )

        assert (await uc.figure_cases(w.db, cases(), caller())).ids == []
        earlier = await uc.figure_cases(w.db, cases(as_known_on=day("2025-06-01")), caller())
        assert earlier.ids == [household]


async def test_a_later_deregistration_of_the_same_household_counts_again(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        household = await placed_and_taken_back(w)
        w.record(
            i.HouseholdDeregistered(
                household_id=household,
                reason=i.DeregistrationReason.moved_on_own,
                adults=2,
                minors=2,
                occurred_at=at("2025-09-01"),
            ),
            f"household:{household}",
            provider="caritas",
        )
        await w.apply()
        values = await w.values()
        assert (values["households_deregistered"], values["households_active_at_period_end"]) == (
            1,
            0,
        )
        assert (await w.stock("2025-04-01")).figure("stock_households").value == 1
        assert (await w.stock("2025-10-01")).figure("stock_households").value == 0


async def test_the_case_is_back_on_the_caseboard_at_its_stage_before(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        household = w.register(REGISTERED, adults=2, minors=2)
        w.record(
            i.HousingReadinessAssessed(
                household_id=household,
                assessment_id=uuid4(),
                criteria={},
                result=i.ReadinessResult.ready,
                occurred_at=at("2025-02-20"),
            ),
            f"household:{household}",
            provider="caritas",
        )
        offer = uuid4()
        place_offer(w, MOVED, household, offer)
        deregister(w, household, offer)
        await w.apply()
        board = await caseboard_view(w.db, CaseboardQuery(), caller())
        assert board.cases == []

        retract(w, MOVED, RETRACTED, household, offer)
        revoke(w, household)
        await w.apply()
        (card,) = (await caseboard_view(w.db, CaseboardQuery(), caller())).cases
        assert (card.household_id, card.provider, card.persons) == (household, "caritas", 4)
        assert (card.stage, card.stage_since, card.offer_id) == (
            Stage.ready,
            day("2025-02-20"),
            None,
        )
        assert card.registered_on == day(REGISTERED)
        assert card.caseworker is None


def assign(w: World, household: UUID, caseworker: str | None, on: str = REGISTERED) -> None:
    w.record(
        i.CaseworkerAssigned(household_id=household, caseworker=caseworker, occurred_at=at(on)),
        f"household:{household}",
        provider="caritas",
    )


async def test_the_reopened_case_keeps_its_responsible_caseworker(tmp_path: Path) -> None:
    """Assigned, deregistered, revoked: the caseboard row names the caseworker again, so
    "Meine Fälle" (responsible=mine) finds the case; live and rebuilt alike."""
    (tmp_path / "live").mkdir()
    (tmp_path / "rebuilt").mkdir()
    async with world(tmp_path / "live") as live, world(tmp_path / "rebuilt") as rebuilt:
        household = uuid4()
        for w in (live, rebuilt):
            w.register(REGISTERED, adults=2, minors=2, household_id=household)
            assign(w, household, "u-2002")
            offer = uuid4()
            place_offer(w, MOVED, household, offer)
            deregister(w, household, offer)
            if w is live:
                await w.apply()
                assert (await caseboard_view(w.db, CaseboardQuery(), caller())).cases == []
            retract(w, MOVED, RETRACTED, household, offer)
            revoke(w, household, caseworker="u-2002")
            await w.apply()
        boards = [await caseboard_view(w.db, CaseboardQuery(), caller()) for w in (live, rebuilt)]
        assert boards[0] == boards[1]
        (card,) = boards[0].cases
        assert (card.household_id, card.caseworker) == (household, "u-2002")
        mine = CaseboardQuery(responsible="mine")
        as_her = caller(Role.caseworker, "caritas").model_copy(update={"user_id": "u-2002"})
        (found,) = (await caseboard_view(live.db, mine, as_her)).cases
        assert found.household_id == household


async def test_a_rebuild_reopens_the_case_as_the_live_projection_did(tmp_path: Path) -> None:
    (tmp_path / "live").mkdir()
    (tmp_path / "rebuilt").mkdir()
    async with world(tmp_path / "live") as live, world(tmp_path / "rebuilt") as rebuilt:
        household = uuid4()
        for w in (live, rebuilt):
            w.register(REGISTERED, adults=2, minors=2, household_id=household)
            assess(w, household, "2025-02-20", i.ReadinessResult.ready)
            offer = uuid4()
            place_offer(w, MOVED, household, offer)
            deregister(w, household, offer)
            if w is live:
                await w.apply()
            retract(w, MOVED, RETRACTED, household, offer)
            revoke(w, household)
            if w is live:
                await w.apply()
            # Assessed again after the case was reopened (recorded later).
            assess(w, household, "2025-06-20", i.ReadinessResult.ready_with_support)
            await w.apply()
        boards = [await caseboard_view(w.db, CaseboardQuery(), caller()) for w in (live, rebuilt)]
        assert boards[0] == boards[1]
        assert boards[0].cases[0].stage_since == day("2025-02-20")


def assess(w: World, household: UUID, on: str, result: i.ReadinessResult) -> None:
    w.record(
        i.HousingReadinessAssessed(
            household_id=household,
            assessment_id=uuid4(),
            criteria={},
            result=result,
            occurred_at=at(on),
        ),
        f"household:{household}",
        provider="caritas",
    )
