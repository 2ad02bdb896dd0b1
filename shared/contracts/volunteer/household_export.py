"""What volunteer answers for a household's Art. 15 export (DSGVO): tandems, support acts,
consultations, workshop attendance and certificates of the household's people.

A tandem's volunteer is named by id only: the volunteer's name is the volunteer's
personal data, not the household's.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.intake.privacy import RecordedFact


class ExportVolunteerHousehold(BaseModel):
    model_config = ConfigDict(extra="forbid")

    household_id: UUID


class VolunteerHouseholdExport(BaseModel):
    """Everything volunteer holds on a household, machine-readable (coordinators only)."""

    household_id: UUID
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Zeilen der Tabellen des Ehrenamts zum Haushalt (auch Namen der "
        "Teilnehmenden an Workshops), je Tabelle"
    )
    history: list[RecordedFact] = Field(
        description="Ereignisse zu Tandems, Beratungen und Workshops des Haushalts"
    )
