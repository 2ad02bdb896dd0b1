"""Builders for placement's offer decider: the events of an offer's life (received, proposed,
decided, lease, completed) and the commands of the work on it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from services.placement.domain.offer_commands import (
    Candidate,
    CompletePlacement,
    ProposeHouseholds,
)
from shared.clock import business_time
from shared.contracts.placement import (
    HouseholdProposed,
    LandlordDecided,
    LandlordDecision,
    LandlordKind,
    OfferReceived,
    OfferSource,
    PlacementCompleted,
)

OID = UUID("00000000-0000-4000-8000-0000000000f1")
LID = UUID("00000000-0000-4000-8000-0000000000a1")
HID = UUID("00000000-0000-4000-8000-000000000001")
OTHER = UUID("00000000-0000-4000-8000-000000000002")
TODAY = date(2019, 9, 30)


FACTS: dict[str, object] = {
    "offer_id": OID,
    "landlord_id": LID,
    "landlord_kind": LandlordKind.municipal_housing_company,
    "district": "ehrenfeld",
    "rooms": Decimal("3"),
    "size_m2": Decimal("72.5"),
    "cold_rent": Decimal("610.00"),
    "running_costs": Decimal("180.00"),
    "available_from": date(2019, 9, 15),
    "wbs_required": True,
    "refugee_quota": True,
    "accessible": False,
    "source": OfferSource.housing_company_quota,
}


def day(d: int, month: int = 9) -> date:
    return date(2019, month, d)


def received(**overrides: object) -> OfferReceived:
    return OfferReceived(**{**FACTS, "occurred_at": business_time(day(2)), **overrides})


def household(hid: UUID = HID, **overrides: object) -> Candidate:
    values: dict[str, object] = {
        "household_id": hid,
        "provider": "caritas",
        "adults": 2,
        "minors": 3,
        "has_wbs": True,
    }
    values.update(overrides)
    return Candidate(**values)  # type: ignore[arg-type]


def proposed(hid: UUID = HID, on: int = 5) -> HouseholdProposed:
    return HouseholdProposed(
        offer_id=OID,
        household_id=hid,
        provider="caritas",
        adults=2,
        minors=3,
        occurred_at=business_time(day(on)),
    )


def decided(
    hid: UUID = HID, decision: LandlordDecision = LandlordDecision.accepted
) -> LandlordDecided:
    return LandlordDecided(
        offer_id=OID,
        household_id=hid,
        provider="caritas",
        decision=decision,
        proposed_on=day(5),
        occurred_at=business_time(day(12)),
    )


def lease(hid: UUID = HID, **overrides: object) -> CompletePlacement:
    values: dict[str, object] = {
        "household": household(hid),
        "lease_signed_on": day(20),
        "moved_on": day(28),
        "today": TODAY,
    }
    values.update(overrides)
    return CompletePlacement(**values)  # type: ignore[arg-type]


def completed(hid: UUID = HID, **overrides: object) -> PlacementCompleted:
    values: dict[str, object] = {
        "household_id": hid,
        "offer_id": OID,
        "landlord_id": LID,
        "landlord_kind": LandlordKind.municipal_housing_company,
        "provider": "caritas",
        "adults": 2,
        "minors": 3,
        "refugee_quota": True,
        "volunteer_supported": False,
        "wbs_required": True,
        "household_had_wbs": True,
        "moved_on": day(28),
        # The lease as the offer has it (FACTS: 610 + 180 gross cold, 72.5 m²).
        "gross_cold_rent": Decimal("790.00"),
        "size_m2": Decimal("72.5"),
        "occurred_at": business_time(day(20)),
    }
    values.update(overrides)
    return PlacementCompleted(**values)


RECEIVED = OfferReceived(
    offer_id=OID,
    landlord_id=UUID("00000000-0000-4000-8000-0000000000a1"),
    landlord_kind=LandlordKind.housing_company,
    district="kalk",
    rooms=Decimal("2"),
    size_m2=Decimal("55"),
    cold_rent=Decimal("500"),
    running_costs=Decimal("150"),
    available_from=day(15),
    wbs_required=False,
    refugee_quota=False,
    accessible=False,
    source=OfferSource.public_relations,
    occurred_at=business_time(day(2)),
)


def candidate(hid: UUID = HID, provider: str = "caritas", **flags: bool) -> Candidate:
    return Candidate(hid, provider, adults=1, minors=1, has_wbs=False, **flags)


def propose(*households: Candidate, on: date = date(2019, 9, 5)) -> ProposeHouseholds:
    return ProposeHouseholds(households=households, proposed_on=on, today=TODAY)
