"""The caseboard: a case's stage after each event, falling back when its flat is gone,
moving on the move-in day, leaving the board at deregistration; scoped by role."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest

from services.reporting.application.caseboard import caseboard_view
from shared.clock import business_time, today
from shared.contracts import intake as i
from shared.contracts import placement as pl
from shared.contracts.reporting import CaseboardQuery, Stage
from shared.decider import Forbidden
from shared.identity import Role
from support.builders.reporting import World, at, caller, world

T = today()


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def on_offer(w: World, event: pl.PlacementCompleted | object, offer: UUID) -> None:
    assert hasattr(event, "occurred_at")
    w.record(event, f"offer:{offer}", provider="caritas")  # type: ignore[arg-type]


def proposed(household: UUID, offer: UUID, days_ago: int) -> pl.HouseholdProposed:
    return pl.HouseholdProposed(
        offer_id=offer,
        household_id=household,
        provider="caritas",
        adults=1,
        minors=0,
        occurred_at=at(ago(days_ago)),
    )


def placed(household: UUID, offer: UUID, days_ago: int, moves_in: int) -> pl.PlacementCompleted:
    return pl.PlacementCompleted(
        household_id=household,
        offer_id=offer,
        landlord_id=uuid4(),
        landlord_kind=pl.LandlordKind.private,
        provider="caritas",
        adults=1,
        minors=0,
        refugee_quota=False,
        volunteer_supported=False,
        wbs_required=False,
        household_had_wbs=True,
        moved_on=T + timedelta(days=moves_in),
        occurred_at=at(ago(days_ago)),
    )


async def board(w: World, **query: Any) -> dict[UUID, tuple[Stage, int]]:
    view = await caseboard_view(w.db, CaseboardQuery(**query), caller())
    return {c.household_id: (c.stage, c.days_in_stage) for c in view.cases}


async def test_stages_from_registration_to_the_move(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        a = w.register(ago(40))
        b = w.register(ago(40))
        c = w.register(ago(40))
        w.record(
            i.HousingReadinessAssessed(
                household_id=b,
                assessment_id=uuid4(),
                criteria={},
                result=i.ReadinessResult.ready,
                occurred_at=at(ago(30)),
            ),
            f"household:{b}",
        )
        offer = uuid4()
        on_offer(w, proposed(b, offer, 20), offer)
        on_offer(w, proposed(c, offer, 20), offer)
        await w.apply()
        assert await board(w) == {
            a: (Stage.registered, 40),
            b: (Stage.proposed, 20),
            c: (Stage.proposed, 20),
        }

        # `b` gets the flat, `c` falls back (to registered: never assessed ready).
        on_offer(w, placed(b, offer, 5, moves_in=3), offer)
        await w.apply()
        assert await board(w) == {
            a: (Stage.registered, 40),
            b: (Stage.lease_signed, 5),
            c: (Stage.registered, 5),
        }
        later = uuid4()
        on_offer(w, placed(a, later, 10, moves_in=-2), later)
        await w.apply()
        assert (await board(w))[a] == (Stage.moved, 2)
        view = await caseboard_view(w.db, CaseboardQuery(stage=Stage.moved), caller())
        assert [card.next_step for card in view.cases] == ["Haushalt aus der Unterkunft abmelden"]
        assert view.by_stage[Stage.registered] == 1

        w.record(
            i.HouseholdDeregistered(
                household_id=a,
                reason=i.DeregistrationReason.moved_out_via_placement,
                adults=1,
                minors=0,
                occurred_at=business_time(T),
            ),
            f"household:{a}",
        )
        await w.apply()
        assert a not in await board(w)


async def test_a_withdrawn_offer_or_a_declined_guarantee_round(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        household = w.register(ago(50))
        offer = uuid4()
        on_offer(w, proposed(household, offer, 30), offer)
        guarantee = {
            "offer_id": offer,
            "guarantee_id": uuid4(),
            "household_id": household,
            "provider": "caritas",
            "kind": pl.GuaranteeKind.deposit,
            "requested_from": pl.GuaranteeAuthority.jobcenter,
        }
        on_offer(w, pl.GuaranteeRequested(**guarantee, occurred_at=at(ago(20))), offer)
        await w.apply()
        assert (await board(w))[household] == (Stage.guarantee_pending, 20)
        on_offer(
            w,
            pl.GuaranteeDecided(
                **guarantee,
                requested_on=T - timedelta(days=20),
                decision=pl.GuaranteeDecision.approved,
                occurred_at=at(ago(10)),
            ),
            offer,
        )
        await w.apply()
        assert (await board(w))[household] == (Stage.viewing, 10)
        on_offer(
            w,
            pl.OfferWithdrawn(
                offer_id=offer, reason=pl.WithdrawalReason.landlord_withdrew, occurred_at=at(ago(2))
            ),
            offer,
        )
        await w.apply()
        assert (await board(w))[household] == (Stage.registered, 2)
        assert await board(w, min_days_in_stage=3) == {}


async def test_the_board_is_scoped_by_role(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        ours = w.register(ago(3), provider="caritas")
        w.register(ago(3), provider="drk")
        w.register(ago(3), provider="drk", city="bergisch-gladbach")
        await w.apply()
        assert len((await caseboard_view(w.db, CaseboardQuery(), caller())).cases) == 2
        caritas = caller(Role.caseworker, "caritas")
        own = await caseboard_view(w.db, CaseboardQuery(), caritas)
        assert [c.household_id for c in own.cases] == [ours]
        with pytest.raises(Forbidden):
            await caseboard_view(w.db, CaseboardQuery(provider="drk"), caritas)
        for role in (Role.analyst, Role.volunteer, Role.housing_office):
            with pytest.raises(Forbidden):
                await caseboard_view(w.db, CaseboardQuery(), caller(role))
