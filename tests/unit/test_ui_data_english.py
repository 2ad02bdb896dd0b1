"""Texts the UI shows from data read in English on an English page: every text of the
report that reporting gives the page (a figure's label and definition, its breakdowns'
headings and their items) and the names of languages. The catalogue check cannot see
these: they are data, in reporting's domain and the contracts."""

from __future__ import annotations

from services.gateway.web import i18n
from services.gateway.web.catalogue import SAME_EVERYWHERE
from services.reporting.domain.figures import PERIOD_SPECS, STOCK_SPECS
from shared.contracts import places
from shared.contracts.reporting.labels import BREAKDOWN

SPECS = (*PERIOD_SPECS.values(), *STOCK_SPECS.values())


def test_every_figure_text_has_its_english_entry() -> None:
    english = i18n.translations(i18n.ENGLISH)
    missing = []
    for spec in SPECS:
        texts = [spec.figure.label, spec.figure.definition]
        for dimension in spec.breakdowns:
            texts.append(dimension.label)
            texts.extend(dimension.labels.values())
        missing += [
            (spec.figure.key, t)
            for t in texts
            if english.gettext(t) == t and t not in SAME_EVERYWHERE
        ]
    assert missing == []


def test_every_breakdown_heading_is_one_of_the_marked_ones() -> None:
    headings = {d.label for spec in SPECS for d in spec.breakdowns}
    assert headings <= set(BREAKDOWN.values())


def test_language_names_read_in_english_on_an_english_page() -> None:
    english = i18n.translations(i18n.ENGLISH)
    same = {"Sorani", "Dari", "Tigrinya", "Somali", "Urdu", "Hindi", "Tamil", "Lingala"}
    same |= {"Hausa", "Yoruba", "Igbo"}
    untranslated = [n for n in places.LANGUAGES.values() if english.gettext(n) == n]
    assert set(untranslated) <= same
    token = i18n._current.set(i18n.ENGLISH)
    try:
        assert i18n.language_names(["de", "ar", "tr"]) == "German, Arabic, Turkish"
    finally:
        i18n._current.reset(token)
    assert i18n.language_names(["de", "ar"]) == "Deutsch, Arabisch"
