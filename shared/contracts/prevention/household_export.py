"""What prevention answers for a household's Art. 15 export (DSGVO): the aftercare offer
made after its placement, and the Wohnintegrationshilfe cases referred with the
household's id. A case referred without one is linked to no household and not exported.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.intake.privacy import RecordedFact


class ExportPreventionHousehold(BaseModel):
    model_config = ConfigDict(extra="forbid")

    household_id: UUID


class PreventionHouseholdExport(BaseModel):
    """Everything prevention holds on a household, machine-readable (coordinators only)."""

    household_id: UUID
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Zeilen der Tabellen der Prävention zum Haushalt, je Tabelle"
    )
    history: list[RecordedFact] = Field(
        description="Ereignisse der Nachbetreuung und der verknüpften Fälle"
    )
