"""The household directory: find a household by name, birth date, phone or short id, and
the titles lists show for households ("Familie Öztürk (Caritas Köln, 5 Personen)").

Names stay in intake's personal-data tables; what crosses the bus here is the answer to
one caller's question, scoped like `get_household` (municipality, the caseworker's own
provider, restricted households for the coordinator only).
"""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.inputs import Line
from shared.contracts.intake.codes import ProviderCode
from shared.contracts.paging import PageInfo, PageQuery

MAX_TITLES = 200


def short_id(household_id: UUID) -> str:
    """The first eight hex digits: what a person reads aloud, types into the search."""
    return household_id.hex[:8]


class SearchHouseholds(PageQuery):
    q: Line = Field(
        default="",
        max_length=200,
        description=(
            "Namensanfang (mehrere Wörter: alle müssen passen), Geburtsdatum TT.MM.JJJJ, "
            "Telefonnummer, Kurzkennung (ab 4 Zeichen) oder Kennung; leer: alle Haushalte"
        ),
    )
    provider: ProviderCode | None = Field(default=None, description="Nur dieser Träger")
    sort: Literal["name", "registered", "persons"] = "name"


class TitleParts(BaseModel):
    """What a household's title is made of, so a page says it in its reader's language
    ("Familie Öztürk" / "Öztürk family"); `title` is the same in German for API clients."""

    name: str | None = Field(description="Familienname oder voller Name; leer: gelöscht")
    family: bool = Field(description="`name` ist ein Familienname („Familie …“)")
    provider: str
    persons: int = Field(ge=0)


class HouseholdCard(BaseModel):
    """One household as a list row shows it."""

    household_id: UUID
    short_id: str
    title: str
    provider: str
    persons: int = Field(ge=0)
    registered_on: date
    restricted: bool = False
    deregistered: bool = False
    # What tells two families of one name apart in a result list (personal data: only in
    # the answer to a caller who sees the household, never in an event).
    head_given_name: str | None = None
    head_birth_year: int | None = None
    accommodation_site: str | None = Field(default=None, description="Standort der Unterkunft")
    title_parts: TitleParts | None = None


class HouseholdDirectory(BaseModel):
    items: list[HouseholdCard]
    page: PageInfo


class HouseholdTitlesQuery(BaseModel):
    ids: list[UUID] = Field(default_factory=list, max_length=MAX_TITLES)


class HouseholdTitles(BaseModel):
    """Title per id the caller may see; ids the caller may not see are left out."""

    titles: dict[UUID, str]
    parts: dict[UUID, TitleParts] = Field(default_factory=dict)
