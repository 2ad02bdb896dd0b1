"""Drill-down: the ids of the cases behind one figure, for those allowed to see them."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.reporting.figures import FiguresQuery, StockQuery

FIGURE_KEY = Field(
    min_length=2, max_length=80, pattern=r"^[a-z0-9_]+$", description="Schlüssel der Kennzahl"
)
ITEM = Field(
    default=None,
    min_length=1,
    max_length=80,
    pattern=r"^[a-z0-9_-]+$",
    description="Nur dieser Wert einer Aufschlüsselung, z. B. `email`",
)


class FigureCasesQuery(FiguresQuery):
    """Die Fälle hinter einer Kennzahl des Zeitraums."""

    model_config = ConfigDict(extra="forbid")

    key: str = FIGURE_KEY
    item: str | None = ITEM


class StockCasesQuery(StockQuery):
    """Die Haushalte hinter einer Bestandszahl am Stichtag."""

    model_config = ConfigDict(extra="forbid")

    key: str = FIGURE_KEY
    item: str | None = ITEM


class FigureCases(BaseModel):
    key: str
    label: str
    item: str | None
    item_label: str | None = Field(default=None, description="Deutsche Bezeichnung von `item`")
    subject: str = Field(description="Art der Kennungen: household, case, offer, inquiry …")
    ids: list[UUID]
    withheld: int = Field(
        default=0,
        ge=0,
        description=(
            "Zurückgehaltene Kennungen: Haushalte, deren Verarbeitung eingeschränkt ist "
            "(Art. 18 DSGVO), sieht nur die Koordination. `ids` und `withheld` zusammen "
            "sind alle Kennungen hinter der Kennzahl; die Kennzahl selbst bleibt unverändert."
        ),
    )
