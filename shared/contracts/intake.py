"""Contracts of the intake context: its published events and the requests it answers.

Events carry ids, counts, codes and dates only (DESIGN.md, invariant 6). Names, birth
dates, contact data and notes arrive in requests and stay in intake's personal-data
tables.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from shared.contracts.catalog import CONTRACTS
from shared.envelope import DomainEvent

CONTEXT = "intake"

ProviderCode = Annotated[
    str,
    Field(
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="Kurzname des Trägers, z. B. `caritas`, `drk`, `fluechtlingsrat`.",
    ),
]


class AccommodationKind(StrEnum):
    shelter = "shelter"
    city_rented_flat = "city_rented_flat"
    requisitioned_flat = "requisitioned_flat"
    assigned_flat = "assigned_flat"


class MemberRole(StrEnum):
    head = "head"
    partner = "partner"
    child = "child"
    other = "other"


class AgeBand(StrEnum):
    under_6 = "0-5"
    age_6_17 = "6-17"
    age_18_26 = "18-26"
    age_27_64 = "27-64"
    age_65_plus = "65+"

    @property
    def minor(self) -> bool:
        return self in (AgeBand.under_6, AgeBand.age_6_17)


# ---------------------------------------------------------------- events


@CONTRACTS.event(CONTEXT)
class HouseholdRegistered(DomainEvent):
    """A household was taken into move-out management on the day in `occurred_at`."""

    household_id: UUID
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    accommodation_kind: AccommodationKind

    @property
    def persons(self) -> int:
        return self.adults + self.minors


# ---------------------------------------------------------------- requests


class Accommodation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: AccommodationKind = Field(description="Art der Unterkunft")
    site: str | None = Field(
        default=None,
        max_length=120,
        description="Standort der Unterkunft (Kennung, keine Privatadresse)",
    )


class Member(BaseModel):
    """A person of the household. Names and birth date are personal data."""

    model_config = ConfigDict(extra="forbid")

    role: MemberRole = Field(description="Rolle im Haushalt")
    age_band: AgeBand = Field(description="Altersgruppe")
    given_name: str | None = Field(default=None, max_length=100, description="Vorname")
    family_name: str | None = Field(default=None, max_length=100, description="Nachname")
    birth_date: date | None = Field(default=None, description="Geburtsdatum")


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 +()/-]{4,40}$")
    email: EmailStr | None = None


class RegisterHousehold(BaseModel):
    """Nimmt einen Haushalt ins Auszugsmanagement auf."""

    model_config = ConfigDict(extra="forbid")

    household_id: UUID | None = Field(
        default=None,
        description="Optional: vom Client vergebene Kennung (idempotente Wiederholung)",
    )
    provider: ProviderCode
    registered_on: date = Field(description="Tag der Aufnahme (zählt für die Jahreszahlen)")
    accommodation: Accommodation
    members: list[Member] = Field(min_length=1, max_length=30, description="Haushaltsmitglieder")
    contact: Contact | None = None
    note: str | None = Field(default=None, max_length=4000, description="Freitext-Notiz")

    @model_validator(mode="after")
    def _exactly_one_head(self) -> RegisterHousehold:
        heads = sum(1 for m in self.members if m.role is MemberRole.head)
        if heads != 1:
            raise ValueError("Ein Haushalt braucht genau einen Haushaltsvorstand (role = head).")
        return self


class HouseholdRef(BaseModel):
    household_id: UUID


class GetHousehold(BaseModel):
    household_id: UUID


class HouseholdView(BaseModel):
    household_id: UUID
    municipality: str
    provider: str
    registered_on: date
    accommodation: Accommodation
    adults: int
    minors: int
    persons: int
    members: list[Member]
    contact: Contact | None
    note: str | None
    version: int
