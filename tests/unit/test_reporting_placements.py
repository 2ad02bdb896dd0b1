"""Placement figures: counted on the lease day, "as known on" a day, per provider, the
municipal company and its refugee guideline, offers, proposals, guarantees and the
median days each office takes; the cases behind a figure for those allowed to see them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from services.reporting.application import figures as uc
from services.reporting.application.changes import figure_changes
from shared.contracts import placement as pl
from shared.contracts.reporting import FigureCasesQuery, FigureChangesQuery
from shared.decider import Forbidden, NotFound
from shared.identity import Role
from support.builders.reporting import GAG, World, at, caller, day, guarantee, place, world


def offer(
    w: World,
    on: str,
    kind: pl.LandlordKind = GAG,
    quota: bool = False,
    source: pl.OfferSource = pl.OfferSource.housing_company_quota,
) -> UUID:
    offer_id = uuid4()
    event = pl.OfferReceived(
        offer_id=offer_id,
        landlord_id=uuid4(),
        landlord_kind=kind,
        district="ehrenfeld",
        rooms=Decimal(2),
        size_m2=Decimal(55),
        cold_rent=Decimal(500),
        running_costs=Decimal(120),
        available_from=day(on),
        wbs_required=False,
        refugee_quota=quota,
        accessible=False,
        source=source,
        occurred_at=at(on),
    )
    w.record(event, f"offer:{offer_id}")
    return offer_id


async def test_placements_count_on_the_lease_day_and_as_known_on_a_day(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        place(w, "2025-06-01", adults=2, minors=3, kind=GAG, quota=True)
        place(w, "2025-07-01", adults=1, minors=0, kind=GAG, volunteer=True, wbs=False)
        place(w, "2025-08-01", adults=2, minors=0, kind=pl.LandlordKind.private, provider="drk")
        # A December lease entered in January belongs to December's year.
        place(w, "2025-12-31", adults=1, minors=1, recorded="2026-01-12")
        await w.apply()

        values = await w.values()
        assert values["households_placed"] == 4
        assert values["persons_placed"] == 10
        assert (values["adults_placed"], values["minors_placed"]) == (6, 4)
        assert values["placements_municipal_housing_company"] == 3
        assert values["placements_refugee_quota"] == 1
        # The tandem at the viewing is recorded by placement; whether the placement
        # counts as volunteer-supported is the volunteer service's PlacementSupportConfirmed.
        assert values["placements_viewing_with_tandem"] == 1
        assert values["placements_volunteer_supported"] == 0
        assert values["placements_without_wbs"] == 1
        assert values["offers_let"] == 4
        placed = (await w.figures()).figure("households_placed")
        assert placed.item("landlord_kind", "municipal_housing_company") == 3
        assert placed.item("landlord_kind", "private") == 1
        assert placed.item("landlord_kind", "housing_company") == 0

        # The report sent to the committee on 10 January 2026 did not know the late one.
        sent = await w.values(as_known_on=day("2026-01-10"))
        assert sent["households_placed"] == 3
        assert (await w.values("2026-01-01", "2026-12-31"))["households_placed"] == 0

        drk = await w.values(provider="drk")
        assert (drk["households_placed"], drk["persons_placed"]) == (1, 2)
        assert "offers_let" not in drk  # offers belong to the municipality, not a provider


async def test_offers_by_source_and_kind_let_withdrawn_and_expired(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        a = offer(w, "2025-02-01", GAG, quota=True)
        b = offer(w, "2025-02-02", pl.LandlordKind.private, source=pl.OfferSource.private_landlord)
        c = offer(w, "2025-02-03", pl.LandlordKind.housing_company)
        offer(w, "2024-12-31", GAG)
        w.record(
            pl.OfferWithdrawn(
                offer_id=a, reason=pl.WithdrawalReason.let_elsewhere, occurred_at=at("2025-03-01")
            ),
            f"offer:{a}",
        )
        w.record(pl.OfferExpired(offer_id=b, occurred_at=at("2025-04-01")), f"offer:{b}")
        household = uuid4()
        w.record(
            pl.HouseholdProposed(
                offer_id=c,
                household_id=household,
                provider="caritas",
                adults=1,
                minors=0,
                occurred_at=at("2025-02-10"),
            ),
            f"offer:{c}",
            provider="caritas",
        )
        w.record(
            pl.LandlordDecided(
                offer_id=c,
                household_id=household,
                provider="caritas",
                decision=pl.LandlordDecision.accepted,
                proposed_on=day("2025-02-10"),
                occurred_at=at("2025-02-12"),
            ),
            f"offer:{c}",
            provider="caritas",
        )
        w.record(
            pl.ViewingHeld(
                offer_id=c,
                viewing_id=uuid4(),
                household_id=household,
                provider="caritas",
                outcome=pl.ViewingOutcome.household_interested,
                accompanied_by_tandem=True,
                occurred_at=at("2025-02-15"),
            ),
            f"offer:{c}",
            provider="caritas",
        )
        await w.apply()
        figures = await w.figures()
        received = figures.figure("offers_received")
        assert received.value == 3
        assert received.item("source", "housing_company_quota") == 2
        assert received.item("source", "private_landlord") == 1
        assert received.item("landlord_kind", "municipal_housing_company") == 1
        values = await w.values()
        assert values["offers_refugee_quota"] == 1
        assert (values["offers_withdrawn"], values["offers_expired"]) == (1, 1)
        assert figures.figure("offers_withdrawn").item("reason", "let_elsewhere") == 1
        assert values["households_proposed"] == 1
        assert figures.figure("landlord_decisions").item("decision", "accepted") == 1
        assert (values["viewings_held"], values["viewings_accompanied_by_tandem"]) == (1, 1)


async def test_guarantees_by_kind_and_the_median_days_per_office(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        guarantee(w, "2025-03-01", "2025-03-04", "jobcenter")  # 3 days
        guarantee(w, "2025-03-01", "2025-03-11", "jobcenter", "declined")  # 10 days
        guarantee(w, "2025-03-01", "2025-03-21", "jobcenter")  # 20 days
        guarantee(w, "2025-03-01", "2025-03-02", "social_office")  # 1 day
        guarantee(w, "2024-12-20", "2025-01-05", "social_office")  # 16 days
        await w.apply()
        figures = await w.figures()
        assert figures.value("guarantees_requested") == 4
        assert figures.figure("guarantees_requested").item("requested_from", "jobcenter") == 3
        assert figures.value("guarantees_approved") == 4
        assert figures.value("guarantees_declined") == 1
        median = figures.figure("guarantee_decision_days_median")
        assert median.value == 10.0
        assert median.unit == "days"
        assert median.item("requested_from", "jobcenter") == 10.0
        assert median.item("requested_from", "social_office") == 8.5
        assert median.item("requested_from", "housing_office") is None


async def test_the_cases_behind_a_figure_are_for_those_allowed_to_see_them(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        ours = place(w, "2025-05-01", provider="caritas", quota=True)
        theirs = place(w, "2025-05-02", provider="drk")
        await w.apply()

        def ask(key: str, **extra: object) -> FigureCasesQuery:
            return FigureCasesQuery(
                period_from=day("2025-01-01"), period_to=day("2025-12-31"), key=key, **extra
            )

        everyone = await uc.figure_cases(w.db, ask("households_placed"), caller())
        assert set(everyone.ids) == {ours, theirs} and everyone.subject == "household"
        quota = await uc.figure_cases(w.db, ask("placements_refugee_quota"), caller())
        assert quota.ids == [ours]
        gag = await uc.figure_cases(
            w.db, ask("households_placed", item="municipal_housing_company"), caller()
        )
        assert set(gag.ids) == {ours, theirs}

        caritas = caller(Role.caseworker, "caritas")
        own = await uc.figure_cases(w.db, ask("households_placed"), caritas)
        assert own.ids == [ours]
        with pytest.raises(Forbidden):
            await uc.figure_cases(w.db, ask("households_placed", provider="drk"), caritas)
        with pytest.raises(Forbidden):
            await uc.figure_cases(w.db, ask("households_placed"), caller(Role.analyst))
        with pytest.raises(NotFound):
            await uc.figure_cases(w.db, ask("no_such_figure"), caller())
        with pytest.raises(NotFound):
            await uc.figure_cases(w.db, ask("offers_let"), caritas)  # municipal only
        # Another municipality's coordinator finds nothing.
        other = await uc.figure_cases(
            w.db, ask("households_placed"), caller(city="bergisch-gladbach")
        )
        assert other.ids == []


async def test_what_changed_since_a_report_was_sent(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        place(w, "2025-06-01", kind=GAG)
        place(w, "2025-12-30", kind=pl.LandlordKind.private, recorded="2026-01-20")
        await w.apply()
        query = FigureChangesQuery(
            period_from=day("2025-01-01"),
            period_to=day("2025-12-31"),
            as_known_on=day("2026-01-10"),
        )
        changed = await figure_changes(w.db, query, caller())
        found = {(c.key, c.item): (c.then, c.now) for c in changed.changes}
        assert found[("households_placed", None)] == (1, 2)
        assert found[("households_placed", "landlord_kind:private")] == (0, 1)
        assert ("households_placed", "landlord_kind:municipal_housing_company") not in found
        assert ("households_registered", None) not in found
