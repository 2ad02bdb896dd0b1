"""The English catalogues are whole: every text the UI marks has its translation, no
template shows a text without marking it, two areas never translate one German text in
two ways, and every translation keeps its placeholders."""

from __future__ import annotations

from babel.messages.pofile import read_po

from services.gateway.web import catalogue, i18n


def test_every_marked_text_has_an_english_translation() -> None:
    missing = [f"{m.file}:{m.line}: {m.text}" for m in catalogue.missing_messages()]
    assert missing == []


def test_no_template_shows_a_text_outside_the_catalogue() -> None:
    assert catalogue.unmarked_template_texts() == []


def test_one_german_text_has_one_english_translation() -> None:
    assert catalogue.contradictions() == {}


def test_translations_keep_their_placeholders() -> None:
    problems: list[str] = []
    for po_file in sorted((i18n.CATALOGUES / i18n.ENGLISH).glob("*.po")):
        with po_file.open("rb") as source:
            catalog = read_po(source, locale=i18n.ENGLISH)
        # Babel's checkers: the same %(name)s placeholders in the text and its translation.
        for message, errors in catalog.check():
            problems += [f"{po_file.name}: {message.id!r}: {error}" for error in errors]
    assert problems == []


def test_the_checker_sees_an_unmarked_text_and_a_bare_label() -> None:
    # Guards the guard: the template checker itself finds what it must find.
    source = (
        "<h1>Haushalt</h1><p>{% trans %}Gut{% endtrans %}</p>"
        '<input aria-label="Suche">{{ field("name", "Vorname") }}{{ field("x", _("Name")) }}'
    )
    found = sorted(words for _line, words in catalogue.unmarked_texts(source))
    assert found == ["Haushalt", "Suche", "Vorname"]
