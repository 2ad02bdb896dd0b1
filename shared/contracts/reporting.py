"""Contracts of the reporting context: the figures it answers with. It publishes no events."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator


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


class Figure(BaseModel):
    key: str
    label: str
    definition: str
    value: int


class Figures(BaseModel):
    municipality: str
    period_from: date
    period_to: date
    provider: str | None
    as_known_on: date | None
    figures: list[Figure]

    def value(self, key: str) -> int:
        return next(f.value for f in self.figures if f.key == key)
