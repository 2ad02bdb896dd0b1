"""Keeping a household current: rectifying its personal data (Art. 16 DSGVO) and changing
the needs that placement's matching uses. See the package docstring.

A rectification's values are personal data: they travel in the request and stay in
intake's tables (the data themselves and `personal_data_corrections`, the history); its
event names the changed fields only. The needs are no personal data: they are the event.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from shared.contracts.inputs import BirthDate, Deadline, Line, Text, WorkDay
from shared.contracts.intake.codes import (
    CorrectedField,
    DistrictCode,
    LanguageCode,
    ResidenceOutlook,
)
from shared.contracts.places import LANGUAGES

_PHONE = re.compile(r"^[0-9 +()/-]{4,40}$")


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise PydanticCustomError(
            "phone_format",
            "Bitte die Telefonnummer nur mit Ziffern, Leerzeichen und + ( ) / - angeben, "
            "z. B. 0221 123456 oder +49 221 123456.",
        )
    return value


# The schema names the pattern (clients and the API documentation see what is accepted);
# the validator checks it, with a message a person can act on.
Phone = Annotated[str, AfterValidator(_phone), Field(json_schema_extra={"pattern": _PHONE.pattern})]
"""A telephone number in any usual notation (digits, spaces, + ( ) / -)."""


class MemberCorrection(BaseModel):
    """Name und Geburtsdatum einer Person, wie sie richtig lauten: alle drei Angaben
    ersetzen die gespeicherten (leer: keine Angabe)."""

    model_config = ConfigDict(extra="forbid")

    member_id: UUID = Field(description="member_id aus der Haushaltsansicht")
    given_name: Line | None = Field(default=None, max_length=100, description="Vorname")
    family_name: Line | None = Field(default=None, max_length=100, description="Nachname")
    birth_date: BirthDate | None = Field(default=None, description="Geburtsdatum")


class ContactCorrection(BaseModel):
    """Telefon und E-Mail, wie sie richtig lauten (leer: keine Angabe)."""

    model_config = ConfigDict(extra="forbid")

    phone: Phone | None = Field(default=None, max_length=40, description="Telefon")
    email: EmailStr | None = Field(default=None, description="E-Mail")


class NoteCorrection(BaseModel):
    """Die Notiz der Aufnahme, wie sie richtig lautet (leer: keine Notiz)."""

    model_config = ConfigDict(extra="forbid")

    text: Text | None = Field(default=None, max_length=4000, description="Notiz der Aufnahme")


class CorrectPersonalDataBody(BaseModel):
    """Berichtigt personenbezogene Daten des Haushalts (Art. 16 DSGVO): Namen und
    Geburtsdaten der Personen, Telefon und E-Mail, die Notiz der Aufnahme.

    Was angegeben ist, ersetzt das Gespeicherte (eine Person mit allen drei Angaben,
    `contact` mit beiden, `note` ganz); was fehlt, bleibt. Jede Änderung kommt mit altem
    und neuem Wert in den Verlauf der Berichtigungen. `expected_version` ist der Stand
    (`version`) der Haushaltsansicht, auf dem die Berichtigung beruht: hat sich der
    Haushalt inzwischen geändert, wird sie abgelehnt, statt eine gleichzeitige Änderung
    zu überschreiben.
    """

    model_config = ConfigDict(extra="forbid")

    expected_version: int = Field(ge=1, description="version der Haushaltsansicht")
    members: list[MemberCorrection] = Field(default_factory=list, max_length=30)
    contact: ContactCorrection | None = Field(default=None, description="leer: bleibt")
    note: NoteCorrection | None = Field(default=None, description="leer: bleibt")

    @field_validator("members")
    @classmethod
    def _once_each(cls, members: list[MemberCorrection]) -> list[MemberCorrection]:
        if len({m.member_id for m in members}) != len(members):
            raise ValueError("Jede Person nur einmal angeben.")
        return members


class CorrectPersonalData(CorrectPersonalDataBody):
    household_id: UUID


def _known_languages(languages: list[str]) -> list[str]:
    unknown = [code for code in languages if code not in LANGUAGES]
    if unknown:
        raise PydanticCustomError(
            "unknown_language",
            "Diese Sprache ist nicht in der Liste: {codes}. Bitte aus der Liste wählen.",
            {"codes": ", ".join(unknown)},
        )
    return list(dict.fromkeys(languages))


class ChangeNeedsBody(BaseModel):
    """Ändert, was der Haushalt von einer Wohnung braucht (WBS und Gültigkeit,
    Barrierefreiheit, Wunsch-Stadtteile, Sprachen, Bleibeperspektive) ab `changed_on`.

    Die Angaben ersetzen die bisherigen als Ganzes; die Wohnungsvermittlung prüft ihre
    Angebote von da an danach.
    """

    model_config = ConfigDict(extra="forbid")

    changed_on: WorkDay = Field(description="Gilt ab diesem Tag")
    wbs: bool = Field(default=False, description="Wohnberechtigungsschein (WBS) vorhanden")
    wbs_valid_until: Deadline | None = Field(default=None, description="WBS gültig bis")
    accessible_flat_needed: bool | None = Field(
        default=None, description="Braucht eine barrierefreie Wohnung (leer: nicht erfasst)"
    )
    preferred_districts: list[DistrictCode] = Field(
        default_factory=list,
        max_length=20,
        description="Wunsch-Stadtteile (Kennungen der Kommune, z. B. `kalk`); leer: jeder",
    )
    languages: Annotated[list[LanguageCode], AfterValidator(_known_languages)] = Field(
        default_factory=list, max_length=10, description="Sprachen des Haushalts"
    )
    residence_outlook: ResidenceOutlook = Field(description="Bleibeperspektive")

    @field_validator("wbs_valid_until")
    @classmethod
    def _only_with_wbs(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is not None and not info.data.get("wbs"):
            raise ValueError("Ein Gültigkeitsdatum gibt es nur, wenn ein WBS vorhanden ist.")
        return value

    @field_validator("preferred_districts")
    @classmethod
    def _districts_once(cls, districts: list[str]) -> list[str]:
        return list(dict.fromkeys(districts))


class ChangeNeeds(ChangeNeedsBody):
    household_id: UUID


class CorrectionView(BaseModel):
    """One rectification of one field, with the values before and after (personal data:
    shown only to whoever may see the household, erased with it)."""

    member_id: UUID | None = Field(description="die Person; leer bei Telefon, E-Mail, Notiz")
    field: CorrectedField
    old_value: str | None
    new_value: str | None
    corrected_at: datetime
    actor: str = Field(description="pseudonyme Kennung der Fachkraft")
