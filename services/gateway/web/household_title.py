"""A household's title and search-result details in the request's language, from the
parts intake names (`TitleParts`): used by `households/titles.py` for every list and, as
the Jinja globals `card_title` and `card_head`, by the search page and the pickers."""

from __future__ import annotations

from uuid import UUID

from services.gateway.web.i18n import gettext, ngettext
from shared.contracts.intake.directory import HouseholdCard, TitleParts, short_id
from shared.contracts.places import provider_name


def neutral_title(household_id: UUID) -> str:
    """The title of a household whose name the caller may not read: its short id, in the
    request's language."""
    return gettext("Haushalt %(short)s") % {"short": short_id(household_id)}


def title_of(household_id: UUID, parts: TitleParts, municipality: str | None) -> str:
    """The title in the request's language: "Familie Öztürk (Caritas Köln, 5 Personen)",
    "Öztürk family (Caritas Köln, 5 people)"; intake's `title` is German only."""
    name = neutral_title(household_id)
    if parts.name is not None:
        name = gettext("Familie %(name)s") % {"name": parts.name} if parts.family else parts.name
    persons = ngettext("%(num)s Person", "%(num)s Personen", parts.persons) % {"num": parts.persons}
    return f"{name} ({provider_name(parts.provider, municipality)}, {persons})"


def card_title(card: HouseholdCard, municipality: str | None = None) -> str:
    """A search result's title in the request's language (the Jinja global `card_title`)."""
    if card.title_parts is None:
        return card.title
    return title_of(card.household_id, card.title_parts, municipality)


def card_head(card: HouseholdCard) -> str:
    """The head of a search result as two families of one name differ: "Ayşe, geb. 1984"
    (the Jinja global `card_head`; empty when neither is known)."""
    name, year = card.head_given_name, card.head_birth_year
    if name and year:
        return gettext("%(name)s, geb. %(year)s") % {"name": name, "year": year}
    if year:
        return gettext("geb. %(year)s") % {"year": year}
    return name or ""
