"""Builders for intake's Household decider: a registration command, a registered household's
history, moves, deregistration, erasure and restriction events (pure: no database)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.intake.domain.household import RegisterHousehold
from services.intake.domain.household_commands import (
    ChangeAccommodation,
    DeregisterHousehold,
    ErasePersonalData,
)
from shared.clock import business_time
from shared.contracts.intake import (
    AccommodationKind,
    AgeBand,
    DeregistrationReason,
    ErasureGround,
    ErasureScope,
    ErasureSubject,
    HouseholdRegistered,
    PersonalDataErased,
    ProcessingRestricted,
    RestrictionReason,
)

HID = UUID("00000000-0000-4000-8000-000000000001")
OTHER = UUID("00000000-0000-4000-8000-000000000002")


# The day the tests of later commands run on, and a day between registration and it.
TODAY = date(2020, 1, 15)
DAY = date(2020, 1, 10)


def register(**overrides: object) -> RegisterHousehold:
    values: dict[str, object] = {
        "household_id": HID,
        "provider": "caritas",
        "registered_on": date(2019, 12, 31),
        "accommodation_kind": AccommodationKind.shelter,
        "age_bands": (AgeBand.age_27_64, AgeBand.age_27_64, AgeBand.under_6, AgeBand.age_6_17),
        "today": TODAY,
    }
    values.update(overrides)
    return RegisterHousehold(**values)  # type: ignore[arg-type]


def registered(**overrides: object) -> HouseholdRegistered:
    values: dict[str, object] = {
        "household_id": HID,
        "provider": "caritas",
        "adults": 2,
        "minors": 2,
        "accommodation_kind": AccommodationKind.shelter,
        "occurred_at": business_time(date(2019, 12, 31)),
    }
    values.update(overrides)
    return HouseholdRegistered(**values)


def move(
    kind: AccommodationKind = AccommodationKind.city_rented_flat, on: date = DAY
) -> ChangeAccommodation:
    return ChangeAccommodation(accommodation_kind=kind, moved_on=on, today=TODAY)


def deregister(
    reason: DeregistrationReason = DeregistrationReason.moved_on_own, on: date = DAY
) -> DeregisterHousehold:
    return DeregisterHousehold(reason=reason, deregistered_on=on, today=TODAY)


ERASE = ErasePersonalData(ground=ErasureGround.data_subject_request, today=TODAY)


def erased() -> PersonalDataErased:
    return PersonalDataErased(
        subject_kind=ErasureSubject.household,
        subject_id=HID,
        scope=ErasureScope.all_personal_data,
        ground=ErasureGround.data_subject_request,
        occurred_at=business_time(TODAY),
    )


def restricted() -> ProcessingRestricted:
    return ProcessingRestricted(
        household_id=HID, reason=RestrictionReason.retention_duty, occurred_at=business_time(TODAY)
    )
