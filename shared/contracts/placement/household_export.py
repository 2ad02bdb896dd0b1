"""What placement answers for a household's Art. 15 export (DSGVO): its way through
placement, the rows placement keeps on it and the events of the offers it was proposed on
that concern it. Matches are computed on request and never stored, so none are exported.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.intake.privacy import RecordedFact
from shared.contracts.placement.views import CourseEntry


class ExportPlacementHousehold(BaseModel):
    model_config = ConfigDict(extra="forbid")

    household_id: UUID


class PlacementHouseholdExport(BaseModel):
    """Everything placement holds on a household, machine-readable (coordinators only)."""

    household_id: UUID
    course: list[CourseEntry] = Field(description="Weg durch die Vermittlung, ältester zuerst")
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Zeilen der Tabellen der Vermittlung zum Haushalt, je Tabelle"
    )
    history: list[RecordedFact] = Field(
        description="Ereignisse der Wohnungsangebote, die den Haushalt betreffen"
    )
