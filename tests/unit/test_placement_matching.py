"""Matching a household to a flat: every criterion with its verdict and its reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from services.placement.domain.matching import RentLimits, Searcher, assess, fits
from shared.clock import business_time
from shared.contracts.intake import ReadinessResult
from shared.contracts.placement import Check, LandlordKind, OfferReceived, OfferSource, Verdict

# Köln's guideline values from 01.01.2022 (the seeded defaults), +158 € / +15 m² per person.
KOELN = RentLimits(
    by_persons={
        1: (Decimal("651"), Decimal("50")),
        2: (Decimal("788"), Decimal("65")),
        3: (Decimal("939"), Decimal("80")),
        4: (Decimal("1095"), Decimal("95")),
        5: (Decimal("1251"), Decimal("110")),
    },
    extra_person_rent=Decimal("158"),
    extra_person_m2=Decimal("15"),
)


def flat(**overrides: object) -> OfferReceived:
    values: dict[str, object] = {
        "offer_id": UUID(int=1),
        "landlord_id": UUID(int=2),
        "landlord_kind": LandlordKind.municipal_housing_company,
        "district": "muelheim",
        "rooms": Decimal("3"),
        "size_m2": Decimal("75"),
        "cold_rent": Decimal("700"),
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


def family(adults: int = 2, minors: int = 1, **overrides: object) -> Searcher:
    values: dict[str, object] = {"readiness": ReadinessResult.ready, "needs_accessible": False}
    values.update(overrides)
    return Searcher(UUID(int=3), "caritas", adults, minors, **values)  # type: ignore[arg-type]


def by_criterion(checks: list[Check]) -> dict[str, Check]:
    return {check.criterion: check for check in checks}


def test_a_family_of_three_fits_a_three_room_flat_within_the_limits() -> None:
    checks = assess(flat(), family(), KOELN)
    assert fits(checks)
    assert [c.criterion for c in checks] == [
        "rooms",
        "size",
        "rent",
        "wbs",
        "accessibility",
        "district",
        "readiness",
    ]
    assert all(c.verdict is Verdict.fits for c in checks)
    assert by_criterion(checks)["rent"].reason == (
        "Bruttokaltmiete 900,00 € hält den Mietrichtwert von 939,00 € für 3 Personen ein."
    )


def test_rooms_at_most_two_persons_each_and_at_most_one_more_than_persons() -> None:
    crowded = by_criterion(assess(flat(rooms=Decimal("2")), family(2, 3), KOELN))["rooms"]
    assert crowded.verdict is Verdict.does_not_fit
    assert crowded.reason == "2 Zimmer sind für 5 Personen zu wenig (mindestens 3)."
    roomy = by_criterion(assess(flat(rooms=Decimal("3.5")), family(1, 0), KOELN))["rooms"]
    assert roomy.verdict is Verdict.does_not_fit
    assert "3,5 Zimmer sind für 1 Person zu viele (höchstens 2)" in roomy.reason


def test_rent_above_the_guideline_value_does_not_fit() -> None:
    checks = assess(flat(cold_rent=Decimal("760")), family(), KOELN)
    assert not fits(checks)
    rent = by_criterion(checks)["rent"]
    assert rent.verdict is Verdict.does_not_fit
    assert "960,00 € liegt über dem Mietrichtwert von 939,00 €" in rent.reason


def test_a_flat_too_large_for_the_household_does_not_fit() -> None:
    size = by_criterion(assess(flat(size_m2=Decimal("85.5")), family(), KOELN))["size"]
    assert size.verdict is Verdict.does_not_fit
    assert "85,5 m² liegen über der angemessenen Wohnfläche von 80 m²" in size.reason


def test_large_households_get_the_guideline_value_plus_each_further_person() -> None:
    assert KOELN.for_persons(7) == (Decimal("1567"), Decimal("140"))
    assert RentLimits().for_persons(1) is None


def test_without_guideline_values_the_rent_is_unknown_not_a_misfit() -> None:
    checks = assess(flat(), family(), RentLimits())
    rent = by_criterion(checks)["rent"]
    assert rent.verdict is Verdict.unknown
    assert "size" not in by_criterion(checks)
    assert fits(checks)


def test_a_wbs_flat_needs_a_valid_wbs() -> None:
    wbs_flat = flat(wbs_required=True)
    assert by_criterion(assess(wbs_flat, family(has_wbs=True), KOELN))["wbs"].verdict is (
        Verdict.fits
    )
    assert by_criterion(assess(wbs_flat, family(has_wbs=False), KOELN))["wbs"].verdict is (
        Verdict.does_not_fit
    )
    assert by_criterion(assess(wbs_flat, family(has_wbs=None), KOELN))["wbs"].verdict is (
        Verdict.unknown
    )
    expired = family(has_wbs=True, wbs_valid_until=date(2022, 2, 28))
    assert by_criterion(assess(wbs_flat, expired, KOELN))["wbs"].verdict is Verdict.does_not_fit


def test_accessibility_only_excludes_when_it_is_needed_and_missing() -> None:
    needs = family(needs_accessible=True)
    assert by_criterion(assess(flat(), needs, KOELN))["accessibility"].verdict is (
        Verdict.does_not_fit
    )
    assert by_criterion(assess(flat(accessible=True), needs, KOELN))["accessibility"].verdict is (
        Verdict.fits
    )
    unknown = by_criterion(assess(flat(), family(needs_accessible=None), KOELN))["accessibility"]
    assert unknown.verdict is Verdict.unknown


def test_housing_readiness_not_yet_does_not_fit_and_unassessed_is_unknown() -> None:
    def readiness(result: ReadinessResult | None) -> Verdict:
        return by_criterion(assess(flat(), family(readiness=result), KOELN))["readiness"].verdict

    assert readiness(ReadinessResult.ready_with_support) is Verdict.fits
    assert readiness(ReadinessResult.not_yet) is Verdict.does_not_fit
    assert readiness(None) is Verdict.unknown
