"""The caseboard: every open move-out case with its stage, as staff list and filter it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field


class Stage(StrEnum):
    registered = "registered"
    ready = "ready"
    proposed = "proposed"
    viewing = "viewing"
    guarantee_pending = "guarantee_pending"
    lease_signed = "lease_signed"
    moved = "moved"


class CaseboardQuery(BaseModel):
    """Offene Fälle, optional nach Träger und Stufe gefiltert."""

    model_config = ConfigDict(extra="forbid")

    provider: str | None = Field(default=None, description="Nur dieser Träger")
    stage: Stage | None = Field(default=None, description="Nur diese Stufe")
    min_days_in_stage: int | None = Field(
        default=None, ge=0, description="Nur Fälle, die mindestens so viele Tage in der Stufe sind"
    )


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
    cases: list[CaseCardView]
    by_stage: dict[Stage, int]
