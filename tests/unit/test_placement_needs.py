"""Placement's matching follows the needs intake records: accessibility and preferred
districts as criteria, WBS and its validity as changed later (`HouseholdNeedsChanged`
replaces what `HouseholdRegistered` said in placement's read model)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID, uuid4

from services.placement.adapters.households import searching
from services.placement.application.household_projection import HouseholdProjection
from services.placement.domain.matching import RentLimits, Searcher, assess, fits
from services.placement.entrypoints.app import MIGRATIONS
from shared.clock import business_time
from shared.contracts.intake import HouseholdNeedsChanged, ReadinessResult, ResidenceOutlook
from shared.contracts.placement import Check, LandlordKind, OfferReceived, OfferSource, Verdict
from support.builders.restriction import migrated, recorded, registered

KOELN = RentLimits(by_persons={2: (Decimal("788"), Decimal("65"))})


def flat(**overrides: object) -> OfferReceived:
    values: dict[str, object] = {
        "offer_id": UUID(int=1),
        "landlord_id": UUID(int=2),
        "landlord_kind": LandlordKind.municipal_housing_company,
        "district": "muelheim",
        "rooms": Decimal("3"),
        "size_m2": Decimal("60"),
        "cold_rent": Decimal("500"),
        "running_costs": Decimal("200"),
        "available_from": date(2022, 3, 1),
        "wbs_required": False,
        "refugee_quota": True,
        "accessible": False,
        "source": OfferSource.housing_company_quota,
        "occurred_at": business_time(date(2022, 2, 1)),
    }
    values.update(overrides)
    return OfferReceived(**values)


def family(**overrides: object) -> Searcher:
    values: dict[str, object] = {"readiness": ReadinessResult.ready, "needs_accessible": False}
    values.update(overrides)
    return Searcher(UUID(int=3), "caritas", 1, 1, **values)  # type: ignore[arg-type]


def by_criterion(checks: list[Check]) -> dict[str, Check]:
    return {check.criterion: check for check in checks}


def test_a_flat_outside_the_wished_districts_does_not_fit_and_says_where() -> None:
    wishing = family(preferred_districts=("kalk", "ehrenfeld"))
    elsewhere = by_criterion(assess(flat(district="muelheim"), wishing, KOELN))["district"]
    assert elsewhere.verdict is Verdict.does_not_fit
    assert elsewhere.reason == "Mülheim liegt nicht in den Wunsch-Stadtteilen (Kalk, Ehrenfeld)."
    inside = by_criterion(assess(flat(district="kalk"), wishing, KOELN))["district"]
    assert (inside.verdict, inside.reason) == (
        Verdict.fits,
        "Kalk ist ein Wunsch-Stadtteil des Haushalts.",
    )
    anywhere = by_criterion(assess(flat(), family(), KOELN))["district"]
    assert anywhere.verdict is Verdict.fits


def test_accessibility_is_unclear_until_recorded_then_decides() -> None:
    unknown = by_criterion(assess(flat(), family(needs_accessible=None), KOELN))
    assert unknown["accessibility"].verdict is Verdict.unknown
    needed = assess(flat(), family(needs_accessible=True), KOELN)
    assert by_criterion(needed)["accessibility"].verdict is Verdict.does_not_fit
    assert not fits(needed)
    assert fits(assess(flat(accessible=True), family(needs_accessible=True), KOELN))


def needs_changed(household_id: object, **changes: object) -> HouseholdNeedsChanged:
    values: dict[str, object] = {
        "household_id": household_id,
        "wbs": True,
        "wbs_valid_until": date(2025, 12, 31),
        "accessible_flat_needed": True,
        "preferred_districts": ("kalk",),
        "languages": ("ar",),
        "residence_outlook": ResidenceOutlook.good,
        "occurred_at": business_time(date(2025, 5, 1)),
    }
    values.update(changes)
    return HouseholdNeedsChanged(**values)


async def test_the_read_model_follows_a_needs_change_and_so_does_the_explanation(
    tmp_path: Path,
) -> None:
    household = uuid4()
    projection = HouseholdProjection()
    offer = flat(wbs_required=True, available_from=date(2026, 1, 15), district="kalk")
    async with migrated(MIGRATIONS, tmp_path) as commands:
        async with commands.db.transaction() as conn:
            await projection.apply(conn, [recorded(registered(household))])
            (before,) = await searching(conn, "koeln", household_id=household)
        checks = by_criterion(assess(offer, before, KOELN))
        assert checks["wbs"].verdict is Verdict.does_not_fit
        assert checks["accessibility"].verdict is Verdict.unknown
        async with commands.db.transaction() as conn:
            await projection.apply(conn, [recorded(needs_changed(household))])
            (after,) = await searching(conn, "koeln", household_id=household)
        checks = by_criterion(assess(offer, after, KOELN))
        assert checks["wbs"].reason == "WBS nötig; der WBS gilt nur bis 31.12.2025."
        assert checks["accessibility"].reason == "Der Haushalt braucht eine barrierefreie Wohnung."
        assert checks["district"].verdict is Verdict.fits
        async with commands.db.transaction() as conn:
            renewed = needs_changed(household, wbs_valid_until=None, accessible_flat_needed=False)
            await projection.apply(conn, [recorded(renewed)])
            (renewed_searcher,) = await searching(conn, "koeln", household_id=household)
        renewed_checks = by_criterion(assess(offer, renewed_searcher, KOELN))
        assert renewed_checks["wbs"].verdict is Verdict.fits
        assert renewed_checks["accessibility"].verdict is Verdict.fits


def test_ranking_judges_households_that_differ_only_in_their_districts_apart() -> None:
    """The ranking shares one assessment among households with the same needs: wished
    districts are a need, so a household wishing Kalk does not inherit the verdict of one
    that takes any district."""
    from services.placement.domain.ranking import judge

    anywhere = family()
    kalk_only = Searcher(UUID(int=4), "caritas", 1, 1, readiness=ReadinessResult.ready,
                         needs_accessible=False, preferred_districts=("kalk",))  # fmt: skip
    first, second = judge(flat(district="muelheim"), [anywhere, kalk_only], KOELN)
    assert first.fits and not second.fits
