"""Codes of the placement context. See the package docstring."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field

CONTEXT = "placement"


class LandlordKind(StrEnum):
    municipal_housing_company = "municipal_housing_company"  # e.g. GAG in Köln
    housing_company = "housing_company"
    private = "private"


class OfferSource(StrEnum):
    housing_company_quota = "housing_company_quota"  # Kontingent einer Wohnungsgesellschaft
    private_landlord = "private_landlord"
    volunteer_network = "volunteer_network"  # über Ehrenamtliche im Veedel
    public_relations = "public_relations"  # Öffentlichkeitsarbeit, Vermieterkampagne


class OfferStatus(StrEnum):
    open = "open"
    let = "let"
    withdrawn = "withdrawn"
    expired = "expired"


class WithdrawalReason(StrEnum):
    landlord_withdrew = "landlord_withdrew"
    let_elsewhere = "let_elsewhere"  # the landlord let it outside move-out management
    unsuitable = "unsuitable"
    other = "other"


class RetractionReason(StrEnum):
    """Why a recorded placement is taken back (a correction, never an edit)."""

    entered_by_mistake = "entered_by_mistake"  # irrtümlich erfasst
    wrong_household = "wrong_household"  # für den falschen Haushalt erfasst
    lease_not_concluded = "lease_not_concluded"  # Mietvertrag kam doch nicht zustande


class LandlordDecision(StrEnum):
    accepted = "accepted"
    declined = "declined"


class ViewingOutcome(StrEnum):
    household_interested = "household_interested"
    household_not_interested = "household_not_interested"
    did_not_take_place = "did_not_take_place"


class GuaranteeKind(StrEnum):
    deposit = "deposit"  # Kautionsübernahme
    rent = "rent"  # Mietübernahme
    security = "security"  # Sicherheitsleistung
    release = "release"  # Freistellung


class GuaranteeAuthority(StrEnum):
    jobcenter = "jobcenter"
    social_office = "social_office"
    housing_office = "housing_office"
    other = "other"


class GuaranteeDecision(StrEnum):
    approved = "approved"
    declined = "declined"


def _decimal_in_steps(step: str, message: str) -> Callable[[object], Decimal]:
    """A parser for amounts that says in German what is wrong (pydantic's own is English)."""
    unit = Decimal(step)

    def parse(value: object) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            raise ValueError("Bitte eine Zahl eingeben, z. B. 650,50.")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError("Bitte eine Zahl eingeben, z. B. 650,50.") from None
        # A finite number too large to divide by the unit (1e130) is no amount either.
        try:
            in_steps = number.is_finite() and number % unit == 0
        except InvalidOperation:
            in_steps = False
        if not in_steps:
            raise ValueError(message)
        return number

    return parse


Euros = Annotated[
    Decimal,
    BeforeValidator(_decimal_in_steps("0.01", "Höchstens zwei Nachkommastellen (Cent).")),
    Field(ge=0, le=100_000),
]
DistrictCode = Annotated[
    str,
    Field(
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Kennung des Stadtteils (Veedel), z. B. `ehrenfeld` — keine Adresse",
    ),
]
Rooms = Annotated[
    Decimal,
    BeforeValidator(_decimal_in_steps("0.5", "Zimmer in halben Schritten, z. B. 2 oder 2,5.")),
    Field(ge=1, le=20),
]
SquareMetres = Annotated[
    Decimal,
    BeforeValidator(_decimal_in_steps("0.01", "Höchstens zwei Nachkommastellen.")),
    Field(ge=1, le=1000),
]
