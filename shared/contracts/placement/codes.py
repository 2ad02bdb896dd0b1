"""Codes of the placement context. See the package docstring."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator, Field

from shared.validation import AMOUNT, NUMBER

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


class GuaranteeFunding(StrEnum):
    """How the authority pays: a loan the household pays back (Darlehen; the rule for a
    deposit under § 22 Abs. 6 SGB II) or a grant it keeps (Beihilfe)."""

    loan = "loan"  # Darlehen
    grant = "grant"  # Beihilfe


def _decimal_in_steps(
    step: str, message: str, unreadable: str = NUMBER
) -> Callable[[object], Decimal]:
    """A parser for amounts that says in German what is wrong (pydantic's own is English):
    `unreadable` for what is no number at all, `message` for one off the steps."""
    unit = Decimal(step)

    def parse(value: object) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            raise ValueError(unreadable)
        try:
            text = str(value).strip()
            # The decimal comma the messages show ("650,50") is read as one.
            if "," in text and "." not in text:
                text = text.replace(",", ".")
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(unreadable) from None
        # A finite number too large to divide by the unit (1e130) is no amount either.
        try:
            in_steps = number.is_finite() and number % unit == 0
        except InvalidOperation:
            in_steps = False
        if not in_steps:
            raise ValueError(message)
        return number

    return parse


TIME = "Bitte eine Uhrzeit eingeben, z. B. 14:30."


def _clock_time(value: object) -> object:
    """A time of day as a German types it: `14:30`, `14.30`, `14:30 Uhr`, `9 Uhr`. Seconds
    are not kept (an appointment is to the minute). Anything else: the German hint."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if not isinstance(value, str):
        raise ValueError(TIME)
    text = value.strip().lower().removesuffix("uhr").strip().replace(".", ":")
    hours, _, minutes = text.partition(":")
    minutes = minutes[:2] if minutes else "00"
    if not (hours.isdigit() and minutes.isdigit() and len(hours) <= 2 and len(minutes) == 2):
        raise ValueError(TIME)
    if int(hours) > 23 or int(minutes) > 59:
        raise ValueError(TIME)
    return time(int(hours), int(minutes))


ClockTime = Annotated[time, BeforeValidator(_clock_time)]
Euros = Annotated[
    Decimal,
    BeforeValidator(
        _decimal_in_steps("0.01", "Höchstens zwei Nachkommastellen (Cent).", unreadable=AMOUNT)
    ),
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
