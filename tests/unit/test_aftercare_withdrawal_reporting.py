"""A withdrawn aftercare offer (its placement was retracted) no longer counts as offered
or accepted, from the day the withdrawal was recorded: "as known on" an earlier day still
gives the figure that was reported, a declined offer keeps counting, and a household
offered again after the withdrawal counts once more."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID, uuid4

from services.reporting.application import figures as uc
from shared.contracts import prevention as p
from shared.contracts.prevention.codes import AftercareWithdrawalReason
from shared.contracts.prevention.events import AftercareWithdrawn
from shared.contracts.reporting import FigureCasesQuery
from support.builders.reporting import World, at, caller, day, world


def offered(w: World, household: UUID, on: str, offer_id: UUID | None = None) -> UUID:
    offer_id = offer_id or uuid4()
    w.record(
        p.AftercareOffered(
            household_id=household,
            provider="caritas",
            adults=1,
            minors=1,
            offer_id=offer_id,
            moved_on=day(on),
            occurred_at=at(on),
        ),
        f"aftercare:{household}",
        provider="caritas",
    )
    return offer_id


def accepted(w: World, household: UUID, on: str) -> None:
    w.record(
        p.AftercareAccepted(household_id=household, provider="caritas", occurred_at=at(on)),
        f"aftercare:{household}",
        provider="caritas",
    )


def declined(w: World, household: UUID, on: str) -> None:
    w.record(
        p.AftercareDeclined(
            household_id=household,
            provider="caritas",
            reason=p.AftercareDeclineReason.not_reachable,
            occurred_at=at(on),
        ),
        f"aftercare:{household}",
        provider="caritas",
    )


def withdrawn(w: World, household: UUID, offer_id: UUID, on: str) -> None:
    w.record(
        AftercareWithdrawn(
            household_id=household,
            provider="caritas",
            offer_id=offer_id,
            reason=AftercareWithdrawalReason.placement_retracted,
            occurred_at=at(on),
        ),
        f"aftercare:{household}",
        provider="caritas",
    )


async def test_a_withdrawn_offer_leaves_the_figures_from_the_day_it_was_recorded(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        kept, taken_back, said_no = uuid4(), uuid4(), uuid4()
        offered(w, kept, "2025-11-03")
        accepted(w, kept, "2025-11-05")
        wrong = offered(w, taken_back, "2025-11-10")
        accepted(w, taken_back, "2025-11-12")
        offered(w, said_no, "2025-11-10")
        declined(w, said_no, "2025-11-20")
        # Noticed after the year's report was sent: withdrawn in February.
        withdrawn(w, taken_back, wrong, "2026-02-02")
        await w.apply()

        now = await w.values()
        assert (now["aftercare_offered"], now["aftercare_accepted"]) == (2, 1)
        assert now["aftercare_declined"] == 1
        then = await w.values(as_known_on=day("2026-02-01"))
        assert (then["aftercare_offered"], then["aftercare_accepted"]) == (3, 2)
        # The correction belongs to the offer's year, not to the year it was recorded in.
        later = await w.values("2026-01-01", "2026-12-31")
        assert (later["aftercare_offered"], later["aftercare_accepted"]) == (0, 0)

        def cases(key: str, **extra: object) -> FigureCasesQuery:
            return FigureCasesQuery(
                period_from=day("2025-01-01"), period_to=day("2025-12-31"), key=key, **extra
            )

        assert (await uc.figure_cases(w.db, cases("aftercare_accepted"), caller())).ids == [kept]
        earlier = cases("aftercare_offered", as_known_on=day("2026-02-01"))
        assert set((await uc.figure_cases(w.db, earlier, caller())).ids) == {
            kept,
            taken_back,
            said_no,
        }


async def test_a_household_offered_again_after_the_withdrawal_counts_again(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        household = uuid4()
        wrong = offered(w, household, "2025-05-05")
        withdrawn(w, household, wrong, "2025-05-06")
        offered(w, household, "2025-06-01")
        await w.apply()
        assert (await w.values())["aftercare_offered"] == 1
        assert (await w.values(as_known_on=day("2025-05-31")))["aftercare_offered"] == 0
