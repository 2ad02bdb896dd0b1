"""Figures: the queries (a period, or a day for stock) and the answer, figure by figure.

Every figure carries its definition text, its unit and, where it splits naturally, its
breakdowns (by channel, by reason, by kind …). The four registration figures stay at the
top level (`Figures.figures`) where clients have always found them; every other figure
lives in a section (`Figures.sections`), in the order the printed report shows them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

Value = int | float | None


class FiguresQuery(BaseModel):
    """Kennzahlen für einen Zeitraum, optional je Träger und „Stand vom“ einem Tag."""

    model_config = ConfigDict(extra="forbid")

    period_from: date = Field(description="Erster Tag des Zeitraums")
    period_to: date = Field(description="Letzter Tag des Zeitraums (einschließlich)")
    provider: str | None = Field(default=None, description="Nur dieser Träger")
    as_known_on: date | None = Field(
        default=None,
        description="Stand vom: nur was bis zum Ende dieses Tages erfasst war",
    )

    @model_validator(mode="after")
    def _ordered(self) -> FiguresQuery:
        if self.period_to < self.period_from:
            raise ValueError("Das Ende des Zeitraums liegt vor seinem Anfang.")
        return self


class StockQuery(BaseModel):
    """Bestand an einem Stichtag, optional je Träger und „Stand vom“ einem Tag."""

    model_config = ConfigDict(extra="forbid")

    on: date = Field(description="Stichtag")
    provider: str | None = Field(default=None, description="Nur dieser Träger")
    as_known_on: date | None = Field(
        default=None,
        description="Stand vom: nur was bis zum Ende dieses Tages erfasst war",
    )


class Unit(StrEnum):
    number = "number"
    days = "days"
    hours = "hours"

    @property
    def german(self) -> str:
        return {"number": "Anzahl", "days": "Tage", "hours": "Stunden"}[self.value]


_SUPPRESSED = (
    "Nur für die Analyse: die Zahl ist zu klein, um gezeigt zu werden (von 1 bis unter "
    "der Mindestzahl), oder ließe sich aus einer solchen errechnen; `value` ist dann leer"
)
_DISPLAY = "So wird eine unterdrückte Zahl gezeigt, z. B. „< 5“; sonst leer"


class BreakdownItem(BaseModel):
    code: str
    label: str
    value: Value
    suppressed: bool = Field(default=False, description=_SUPPRESSED)
    display: str | None = Field(default=None, description=_DISPLAY)


class Breakdown(BaseModel):
    """One way a figure splits, e.g. consultations by channel."""

    dimension: str
    label: str
    items: list[BreakdownItem]


class Figure(BaseModel):
    key: str
    label: str
    definition: str
    value: Value = Field(
        description="None: nichts, woraus ein Median gebildet werden könnte, oder unterdrückt"
    )
    unit: Unit = Unit.number
    suppressed: bool = Field(default=False, description=_SUPPRESSED)
    display: str | None = Field(default=None, description=_DISPLAY)
    breakdowns: list[Breakdown] = []
    cases: bool = Field(
        default=False,
        description=(
            "Der Aufrufer darf die Fälle hinter dieser Kennzahl (und hinter jedem Wert ihrer "
            "Aufschlüsselungen) abrufen: `…/figures/{key}/cases` bzw. `…/stock/{key}/cases`"
        ),
    )

    def item(self, dimension: str, code: str) -> Value:
        """The value of one code of one breakdown."""
        for breakdown in self.breakdowns:
            for item in breakdown.items:
                if breakdown.dimension == dimension and item.code == code:
                    return item.value
        raise KeyError(f"{self.key} has no {dimension}={code}")


class FigureSection(BaseModel):
    key: str
    title: str
    figures: list[Figure]


class Figures(BaseModel):
    municipality: str
    period_from: date
    period_to: date
    provider: str | None
    as_known_on: date | None
    figures: list[Figure] = Field(description="Aufnahme: die vier Grundzahlen")
    sections: list[FigureSection] = []

    def every_figure(self) -> Iterator[Figure]:
        yield from self.figures
        for section in self.sections:
            yield from section.figures

    def figure(self, key: str) -> Figure:
        for figure in self.every_figure():
            if figure.key == key:
                return figure
        raise KeyError(key)

    def value(self, key: str) -> Value:
        return self.figure(key).value


class Stock(BaseModel):
    municipality: str
    on: date
    provider: str | None
    as_known_on: date | None
    figures: list[Figure]

    def figure(self, key: str) -> Figure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)
