"""Inquiry requests of the intake context. See the package docstring."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

from shared.contracts.inputs import Line, Text, WorkMoment
from shared.contracts.intake.codes import ForwardTarget, InquiryChannel, SenderKind, TriageOutcome
from shared.contracts.intake.requests import Contact
from shared.contracts.paging import PageQuery


class ReceiveInquiry(BaseModel):
    """Erfasst eine Anfrage im zentralen Posteingang."""

    model_config = ConfigDict(extra="forbid")

    inquiry_id: UUID | None = Field(
        default=None, description="Optional: vom Client vergebene Kennung"
    )
    sender_kind: SenderKind = Field(description="Wer fragt an")
    channel: InquiryChannel = Field(description="Auf welchem Weg")
    received_at: WorkMoment | None = Field(
        default=None, description="Eingang (mit Zeitzone); leer: jetzt"
    )
    sender_name: Line | None = Field(default=None, max_length=200, description="Absender")
    contact: Contact | None = None
    text: Text = Field(min_length=1, max_length=8000, description="Anliegen")


class TriageInquiryBody(BaseModel):
    """Bearbeitet eine Anfrage: beantwortet, weitergeleitet oder als Haushaltsfall eröffnet."""

    model_config = ConfigDict(extra="forbid")

    outcome: TriageOutcome = Field(description="Ergebnis")
    triaged_at: WorkMoment | None = Field(
        default=None, description="Zeitpunkt (mit Zeitzone); leer: jetzt"
    )
    forwarded_to_kind: ForwardTarget | None = Field(
        default=None, validate_default=True, description="Weitergeleitet an: Träger oder Amt"
    )
    forwarded_to: str | None = Field(
        default=None,
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        validate_default=True,
        description="Kurzname des Trägers oder Amts, z. B. `caritas`, `jobcenter`",
    )
    household_id: UUID | None = Field(
        default=None, validate_default=True, description="Eröffneter Haushaltsfall"
    )
    note: Text | None = Field(default=None, max_length=4000, description="Freitext-Notiz")

    @field_validator("forwarded_to_kind", "forwarded_to")
    @classmethod
    def _only_when_forwarded(cls, value: object, info: ValidationInfo) -> object:
        forwarded = info.data.get("outcome") is TriageOutcome.forwarded
        if forwarded and value is None:
            raise ValueError("Bitte angeben, wohin weitergeleitet wurde.")
        if not forwarded and value is not None:
            raise ValueError("Nur bei einer Weiterleitung anzugeben.")
        return value

    @field_validator("household_id")
    @classmethod
    def _only_when_case(cls, value: UUID | None, info: ValidationInfo) -> UUID | None:
        case = info.data.get("outcome") is TriageOutcome.opened_as_case
        if case and value is None:
            raise ValueError("Bitte den eröffneten Haushalt angeben (household_id).")
        if not case and value is not None:
            raise ValueError("Nur bei Eröffnung als Haushaltsfall anzugeben.")
        return value


class InquiryRef(BaseModel):
    inquiry_id: UUID


class GetInquiry(BaseModel):
    inquiry_id: UUID


InquirySort = Literal["status", "received", "channel", "sender"]


class ListInquiries(PageQuery):
    """Eine Seite des Posteingangs; ohne Angabe die offenen zuerst, die am längsten
    wartende zuerst."""

    model_config = ConfigDict(extra="forbid")

    open_only: bool = Field(default=True, description="Nur noch nicht bearbeitete Anfragen")
    channel: InquiryChannel | None = Field(default=None, description="Nur dieser Weg")
    sender_kind: SenderKind | None = Field(default=None, description="Nur diese Absender")
    outcome: TriageOutcome | None = Field(
        default=None,
        description="Nur Anfragen mit diesem letzten Ergebnis (zusammen mit open_only=false)",
    )
    sort: InquirySort = Field(default="status", description="Sortiert nach dieser Spalte")
