"""A matching check's reason on an English page: the gateway fills in the translated
template with numbers, sums, days and persons written the English way; a German page shows
placement's own text; every reason placement gives has its template and English text."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from uuid import UUID

from services.gateway.web import i18n
from services.gateway.web.match_reason import check_reason
from services.placement.domain.matching import RentLimits, Searcher, assess
from shared.clock import business_time
from shared.contracts.intake import ReadinessResult
from shared.contracts.placement import LandlordKind, OfferReceived, OfferSource
from shared.contracts.placement.labels import MATCH_REASON

LIMITS = RentLimits(by_persons={2: (Decimal("788"), Decimal("65"))})


@contextmanager
def language(locale: str) -> Iterator[None]:
    token = i18n._current.set(locale)
    try:
        yield
    finally:
        i18n._current.reset(token)


def offer(**overrides: object) -> OfferReceived:
    values: dict[str, object] = {
        "offer_id": UUID(int=1),
        "landlord_id": UUID(int=2),
        "landlord_kind": LandlordKind.municipal_housing_company,
        "district": "muelheim",
        "rooms": Decimal("3.5"),
        "size_m2": Decimal("85.5"),
        "cold_rent": Decimal("1000"),
        "running_costs": Decimal("250.5"),
        "available_from": date(2026, 3, 1),
        "wbs_required": True,
        "refugee_quota": True,
        "accessible": False,
        "source": OfferSource.housing_company_quota,
        "occurred_at": business_time(date(2026, 2, 1)),
        **overrides,
    }
    return OfferReceived(**values)


def couple(**overrides: object) -> Searcher:
    values: dict[str, object] = {
        "readiness": ReadinessResult.not_yet,
        "needs_accessible": None,
        "has_wbs": True,
        "wbs_valid_until": date(2025, 12, 31),
        "preferred_districts": ("kalk", "ehrenfeld"),
        **overrides,
    }
    return Searcher(UUID(int=3), "caritas", 2, 0, **values)  # type: ignore[arg-type]


def test_reasons_read_in_english_on_an_english_page_and_as_placement_wrote_them_in_german() -> None:
    checks = assess(offer(), couple(), LIMITS)
    with language(i18n.ENGLISH):
        english = [check_reason(c) for c in checks]
    assert english == [
        "3.5 rooms are too many for 2 people (at most 3).",
        "85.5 m² is more than the appropriate floor space of 65 m² for 2 people.",
        "Gross rent excluding heating of €1,250.50 is above the rent guideline value of "
        "€788.00 for 2 people.",
        "WBS required; the WBS is valid only until 31 Dec 2025.",
        "Not accessible; whether the household needs that is not recorded.",
        "Mülheim is not among the preferred districts (Kalk, Ehrenfeld).",
        "Not yet ready for housing (latest assessment).",
    ]
    with language(i18n.GERMAN):
        assert [check_reason(c) for c in checks] == [c.reason for c in checks]
    assert checks[2].reason == (
        "Bruttokaltmiete 1.250,50 € liegt über dem Mietrichtwert von 788,00 € für 2 Personen."
    )


def test_every_reason_code_is_a_template_with_an_english_text() -> None:
    english = i18n.translations(i18n.ENGLISH)
    for code, template in MATCH_REASON.items():
        assert english.gettext(template) != template, code
