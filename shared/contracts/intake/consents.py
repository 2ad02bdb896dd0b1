"""Requests and answers about a household's consents and the disclosures they allowed.

Who consented (`given_by`) and any wording (`note`) are personal data: they arrive here
and stay in intake's tables. Events carry the consent's id, purpose code and days only.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.inputs import Line, Text, WorkDay
from shared.contracts.intake.codes import ConsentPurpose, DisclosureKind

# A consent holds until it is withdrawn: intake records no end. Staff confirm it with the
# household once a year (a new consent of the same purpose), so a household that has long
# forgotten what it agreed to is asked again; the renewal follow-up counts back from here.
RENEWAL_AFTER_YEARS = 1


def renewal_due_on(given_on: date) -> date:
    """The day a consent given on `given_on` is due for renewal (a 29 February's on the
    28th)."""
    year = given_on.year + RENEWAL_AFTER_YEARS
    try:
        return given_on.replace(year=year)
    except ValueError:
        return given_on.replace(year=year, day=28)


class RecordConsentBody(BaseModel):
    """Hält eine zweckgebundene Einwilligung des Haushalts fest."""

    model_config = ConfigDict(extra="forbid")

    purpose: ConsentPurpose = Field(description="Zweck der Einwilligung")
    given_on: WorkDay = Field(description="Tag der Einwilligung")
    given_by: Line = Field(min_length=2, max_length=120, description="Wer eingewilligt hat")
    note: Text | None = Field(
        default=None, max_length=2000, description="Wortlaut oder Anmerkung (Freitext)"
    )


class RecordConsent(RecordConsentBody):
    household_id: UUID


class WithdrawConsentBody(BaseModel):
    """Hält den Widerruf einer Einwilligung fest (wirkt ab dem angegebenen Tag)."""

    model_config = ConfigDict(extra="forbid")

    withdrawn_on: WorkDay = Field(description="Tag des Widerrufs")


class WithdrawConsent(WithdrawConsentBody):
    household_id: UUID
    consent_id: UUID


class ConsentRef(BaseModel):
    household_id: UUID
    consent_id: UUID


class ConsentView(BaseModel):
    """One consent with its history: given, for what, withdrawn."""

    consent_id: UUID
    purpose: ConsentPurpose
    purpose_label: str
    given_on: date
    given_by: str | None = Field(description="leer, wenn gelöscht")
    note: str | None
    withdrawn_on: date | None


class ListDisclosures(BaseModel):
    household_id: UUID


class DisclosureView(BaseModel):
    """One disclosure of the household's data and the consent in force on its day."""

    kind: DisclosureKind
    disclosed_on: date
    recipient_provider: str = Field(description="Träger, an den (oder dessen Tandem) es ging")
    from_provider: str | None = Field(default=None, description="bei Übergabe: bisheriger Träger")
    tandem_id: UUID | None = None
    tandem_ended_on: date | None = None
    consent: ConsentView | None = Field(
        description="die an diesem Tag gültige Einwilligung; leer bei Weitergaben aus der "
        "Zeit vor der Einwilligungsprüfung"
    )


class Disclosures(BaseModel):
    household_id: UUID
    items: list[DisclosureView] = Field(description="älteste zuerst")
