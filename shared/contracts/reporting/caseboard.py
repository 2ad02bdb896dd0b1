"""The caseboard: every open move-out case with its stage, as staff list and filter it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.paging import PageInfo, PageQuery


class Stage(StrEnum):
    registered = "registered"
    ready = "ready"
    proposed = "proposed"
    viewing = "viewing"
    guarantee_pending = "guarantee_pending"
    lease_signed = "lease_signed"
    moved = "moved"


CaseboardSort = Literal["days", "stage", "registered", "provider", "persons"]


class CaseboardQuery(PageQuery):
    """Offene Fälle, eine Seite davon, optional nach Träger, Stufe, Tagen in der Stufe und
    Zuständigkeit gefiltert; ohne Angabe die am längsten wartenden zuerst."""

    model_config = ConfigDict(extra="forbid")

    provider: str | None = Field(default=None, description="Nur dieser Träger")
    stage: Stage | None = Field(default=None, description="Nur diese Stufe")
    min_days_in_stage: int | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="Nur Fälle, die mindestens so viele Tage in der Stufe sind",
    )
    responsible: Literal["mine", "nobody"] | None = Field(
        default=None,
        description="„mine“: nur die Fälle, für die der Aufrufer zuständig ist; "
        "„nobody“: nur die ohne Zuständige(n)",
    )
    sort: CaseboardSort = Field(default="days", description="Sortiert nach dieser Spalte")
    # Longest waiting first unless asked otherwise: the order staff work through.
    descending: bool = Field(default=True, description="Absteigend sortieren")


class CaseCardView(BaseModel):
    household_id: UUID
    provider: str
    persons: int
    stage: Stage
    stage_label: str
    stage_since: date
    days_in_stage: int
    next_step: str
    offer_id: UUID | None
    registered_on: date
    caseworker: str | None = Field(
        default=None, description="wer zuständig ist (Pseudonym der Fachkraft); leer: niemand"
    )
    restricted: bool = Field(
        default=False,
        description="Verarbeitung eingeschränkt (Art. 18 DSGVO): nur die Koordination sieht ihn",
    )
    restriction_label: str | None = Field(
        default=None, description="„eingeschränkt“, wenn die Verarbeitung eingeschränkt ist"
    )


class Caseboard(BaseModel):
    municipality: str
    on: date
    cases: list[CaseCardView] = Field(description="eine Seite der gefilterten Fälle")
    by_stage: dict[Stage, int] = Field(
        description="Fälle je Stufe im ganzen Bereich des Aufrufers (Träger-Filter beachtet)"
    )
    page: PageInfo
