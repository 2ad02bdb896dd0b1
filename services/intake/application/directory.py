"""Find a household (the directory) and name households in lists (their titles).

Scope exactly as `get_household` (access.py): the caller's municipality; a caseworker
their own provider only; a restricted household for the coordinator only. The scope is
part of the one SQL query, so a household out of scope answers exactly like one that
does not exist: the same empty page, the same count, the same work.
"""

from __future__ import annotations

import re
from datetime import date
from uuid import UUID

from services.intake.adapters import directory as rows
from services.intake.adapters.personal_data import phone_key, search_key
from services.intake.application import access
from shared.application import CommandExecutor
from shared.contracts.intake.directory import (
    HouseholdCard,
    HouseholdDirectory,
    HouseholdTitles,
    HouseholdTitlesQuery,
    SearchHouseholds,
    TitleParts,
    short_id,
)
from shared.contracts.places import provider_name
from shared.identity import Caller, Role

DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
PHONE = re.compile(r"\+?[\d\s\-/().]+")
HEX = re.compile(r"[0-9a-f]{4,32}")
# Fewer digits than this are no phone number worth searching by (and would match most).
PHONE_DIGITS = 4


def parse_search(text: str) -> rows.Match:
    """What a search text means: a full id, a birth date, a phone number, a short id
    and/or the beginnings of names. Alternatives that fit the same text are all tried
    ("1234" is the beginning of a phone number and of a short id; "abbe" may be a name)."""
    text = text.strip()
    if not text:
        return rows.Match()
    try:
        return rows.Match(id_prefix=UUID(text).hex)
    except ValueError:
        pass
    if found := DATE.fullmatch(text):
        day, month, year = (int(part) for part in found.groups())
        try:
            return rows.Match(birth_date=date(year, month, day))
        except ValueError:
            return rows.Match(nothing=True)  # "31.02.1990" is nobody's birthday
    compact = text.replace("-", "").casefold()
    id_prefix = compact if HEX.fullmatch(compact) else None
    phone = None
    if PHONE.fullmatch(text) and sum(c.isdigit() for c in text) >= PHONE_DIGITS:
        phone = phone_key(text)
    words = tuple((search_key(text) or "").split()) if not phone else ()
    if not (words or id_prefix or phone):
        return rows.Match(nothing=True)  # only punctuation: no household is meant
    return rows.Match(words=words, id_prefix=id_prefix, phone=phone)


def scope_of(caller: Caller) -> rows.Scope:
    return rows.Scope(
        municipality=caller.municipality,
        provider=caller.provider if caller.role is Role.caseworker else None,
        restricted=caller.role is Role.coordinator,
    )


def persons_text(persons: int) -> str:
    return "1 Person" if persons == 1 else f"{persons} Personen"


def head_of(names: list[rows.Name]) -> rows.Name | None:
    """The head of the household, or its first current member (none once erased)."""
    return next((n for n in names if n.role == "head"), names[0] if names else None)


def title_parts(row: rows.DirectoryRow, names: list[rows.Name]) -> TitleParts:
    """A one-person household by its full name, a larger one by its head's family name;
    no name once none is left (erased)."""
    head = head_of(names)
    name, family = None, False
    if head is not None:
        full = " ".join(part for part in (head.given_name, head.family_name) if part)
        if row.persons == 1 and full:
            name = full
        elif head.family_name:
            name, family = head.family_name, True
        elif full:
            name = full
    return TitleParts(name=name, family=family, provider=row.provider, persons=row.persons)


def title(row: rows.DirectoryRow, names: list[rows.Name], municipality: str) -> str:
    """ "Familie Öztürk (Caritas Köln, 5 Personen)", "Amina Haddad (DRK Köln, 1 Person)",
    or "Haushalt ad07fd63 (…)" once no name is left (erased): in German, for the API (the
    staff UI says it in its reader's language from `title_parts`)."""
    parts = title_parts(row, names)
    name = f"Haushalt {short_id(row.household_id)}"
    if parts.name is not None:
        name = f"Familie {parts.name}" if parts.family else parts.name
    return f"{name} ({provider_name(row.provider, municipality)}, {persons_text(row.persons)})"


def card(
    row: rows.DirectoryRow, names: list[rows.Name], site: str | None, caller: Caller
) -> HouseholdCard:
    """A search result: the title, and what tells two families of one name apart — the
    head's given name and year of birth, the accommodation's site. The caller sees the
    household (the search's scope), so they may see these on its page too."""
    head = head_of(names)
    return HouseholdCard(
        household_id=row.household_id,
        short_id=short_id(row.household_id),
        title=title(row, names, caller.municipality),
        provider=row.provider,
        persons=row.persons,
        registered_on=row.registered_on,
        restricted=row.restricted,
        deregistered=row.deregistered,
        head_given_name=head.given_name if head else None,
        head_birth_year=head.birth_date.year if head and head.birth_date else None,
        accommodation_site=site,
        title_parts=title_parts(row, names),
    )


class Directory:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def search(self, query: SearchHouseholds, caller: Caller) -> HouseholdDirectory:
        access.require_reader(caller)
        async with self.commands.db.read() as conn:
            found, total = await rows.search(
                conn,
                scope_of(caller),
                parse_search(query.q),
                query.provider or None,
                query.sort,
                query.descending,
                query.offset,
                query.per_page,
            )
            ids = [r.household_id for r in found]
            names = await rows.current_names(conn, ids)
            sites = await rows.accommodation_sites(conn, ids)
        return HouseholdDirectory(
            items=[
                card(r, names[r.household_id], sites.get(r.household_id), caller) for r in found
            ],
            page=query.info(total),
        )

    async def titles(self, query: HouseholdTitlesQuery, caller: Caller) -> HouseholdTitles:
        access.require_reader(caller)
        async with self.commands.db.read() as conn:
            visible = await rows.visible_rows(conn, scope_of(caller), query.ids)
            names = await rows.current_names(conn, [r.household_id for r in visible])
        return HouseholdTitles(
            titles={
                r.household_id: title(r, names[r.household_id], caller.municipality)
                for r in visible
            },
            parts={r.household_id: title_parts(r, names[r.household_id]) for r in visible},
        )
