"""Requests and answers of intake's data-protection use cases: erasure (Art. 17 DSGVO),
restriction (Art. 18 DSGVO, §84 SGB X), retention and the data subject's export
(Art. 15 DSGVO). See the package docstring."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.contracts.inputs import Text
from shared.contracts.intake.codes import RestrictionReason

ERASED = "gelöscht"
RESTRICTED = "eingeschränkt"


class EraseHousehold(BaseModel):
    """Löscht alle personenbezogenen Daten eines Haushalts (Art. 17 DSGVO)."""

    model_config = ConfigDict(extra="forbid")

    household_id: UUID


class EraseMember(BaseModel):
    """Löscht die personenbezogenen Daten einer Person des Haushalts (Art. 17 DSGVO):
    Name und Geburtsdatum. Der Haushalt, seine Zahlen, Rolle und Altersgruppe bleiben."""

    model_config = ConfigDict(extra="forbid")

    household_id: UUID
    member_id: UUID


class RestrictProcessingBody(BaseModel):
    """Schränkt die Verarbeitung eines Haushalts ein, statt ihn zu löschen (Art. 18 DSGVO,
    §84 SGB X): nur die Koordination sieht ihn noch, in keiner Liste und keiner Suche."""

    model_config = ConfigDict(extra="forbid")

    reason: RestrictionReason = Field(description="Grund der Einschränkung")
    note: Text | None = Field(
        default=None, max_length=4000, description="Begründung, z. B. die Aufbewahrungspflicht"
    )


class RestrictProcessing(RestrictProcessingBody):
    household_id: UUID


class LiftRestriction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    household_id: UUID


class ExportHousehold(BaseModel):
    model_config = ConfigDict(extra="forbid")

    household_id: UUID


class PrivacyStatus(BaseModel):
    """What the household detail shows instead of names once erased or restricted."""

    label: str = Field(description="„gelöscht“ oder „eingeschränkt“")
    erased_on: date | None = None
    restricted_reason: RestrictionReason | None = None
    restricted_on: date | None = None
    restriction_note: str | None = None


class RecordedFact(BaseModel):
    """One event of the household's history, as stored (no personal data in it)."""

    event_type: str
    occurred_at: AwareDatetime
    recorded_at: AwareDatetime
    payload: dict[str, Any]


class HouseholdExport(BaseModel):
    """Everything intake holds on a household (Art. 15 DSGVO), machine-readable."""

    household_id: UUID
    municipality: str
    exported_on: date
    personal_data: dict[str, Any] = Field(
        description="Zeilen der personenbezogenen Tabellen der Aufnahme, je Tabelle"
    )
    history: list[RecordedFact] = Field(description="Verlauf aus den Ereignissen der Aufnahme")


class RetentionRun(BaseModel):
    """What one run of the retention job did (or would do, with `--dry-run`)."""

    today: date
    applied: bool
    erased: list[UUID]
    restricted_skipped: list[UUID]
