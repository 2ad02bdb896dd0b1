"""A household's title and a search result's head in the page's language: the parts intake
names are put together by the gateway, so an English page reads "Öztürk family (Caritas
Köln, 5 people)" where a German one reads "Familie Öztürk (Caritas Köln, 5 Personen)"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from uuid import UUID

from services.gateway.web import i18n
from services.gateway.web.household_title import card_head, card_title, title_of
from shared.contracts.intake.directory import HouseholdCard, TitleParts

HID = UUID("ad07fd63-0000-4000-8000-000000000001")


@contextmanager
def language(locale: str) -> Iterator[None]:
    token = i18n._current.set(locale)
    try:
        yield
    finally:
        i18n._current.reset(token)


def parts(name: str | None, family: bool, persons: int) -> TitleParts:
    return TitleParts(name=name, family=family, provider="caritas", persons=persons)


def test_titles_in_german_and_english() -> None:
    cases = [
        (
            parts("Öztürk", True, 5),
            "Familie Öztürk (Caritas Köln, 5 Personen)",
            "Öztürk family (Caritas Köln, 5 people)",
        ),
        (
            parts("Amina Haddad", False, 1),
            "Amina Haddad (Caritas Köln, 1 Person)",
            "Amina Haddad (Caritas Köln, 1 person)",
        ),
        (
            parts(None, False, 2),
            "Haushalt ad07fd63 (Caritas Köln, 2 Personen)",
            "Household ad07fd63 (Caritas Köln, 2 people)",
        ),
    ]
    for given, german, english in cases:
        with language(i18n.GERMAN):
            assert title_of(HID, given, "koeln") == german
        with language(i18n.ENGLISH):
            assert title_of(HID, given, "koeln") == english


def card(**extra: object) -> HouseholdCard:
    values: dict[str, object] = {
        "household_id": HID,
        "short_id": "ad07fd63",
        "title": "Familie Öztürk (Caritas Köln, 3 Personen)",
        "provider": "caritas",
        "persons": 3,
        "registered_on": date(2025, 3, 1),
    }
    return HouseholdCard.model_validate({**values, **extra})


def test_a_search_result_is_titled_and_its_head_described_in_the_page_language() -> None:
    named = card(title_parts=parts("Öztürk", True, 3), head_given_name="Ayşe", head_birth_year=1984)
    with language(i18n.ENGLISH):
        assert card_title(named, "koeln") == "Öztürk family (Caritas Köln, 3 people)"
        assert card_head(named) == "Ayşe, born 1984"
        assert card_head(card(head_birth_year=1990)) == "born 1990"
    with language(i18n.GERMAN):
        assert card_head(named) == "Ayşe, geb. 1984"
        assert card_head(card(head_given_name="Ayşe")) == "Ayşe"
        assert card_head(card()) == ""
        # Without parts (an older intake): its German title as it is.
        assert card_title(card(), "koeln") == "Familie Öztürk (Caritas Köln, 3 Personen)"
