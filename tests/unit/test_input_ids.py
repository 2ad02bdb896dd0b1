"""A client-chosen id that is taken is answered alike whoever took it, and a day the
event store cannot hold is refused (422), never an internal error."""

from __future__ import annotations

from datetime import date
from typing import cast
from uuid import UUID, uuid4

import pytest
from sqlalchemy import Column, MetaData, String, Table, Uuid, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from services.intake.domain.household import RegisterHousehold, household
from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts.intake import AccommodationKind, AgeBand, HouseholdRegistered
from shared.envelope import CommandContext
from shared.eventstore.store import DateOutOfRange, EventStore
from shared.rpc import ErrorKind
from shared.testing import given
from shared.validation import ID_UNAVAILABLE, IdUnavailable, client_id_guard, refuse_taken_id

HID = UUID("00000000-0000-4000-8000-000000000001")


def test_a_known_household_id_is_answered_with_the_neutral_message() -> None:
    registered = HouseholdRegistered(
        household_id=HID,
        provider="drk",
        adults=1,
        minors=0,
        accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(date(2025, 1, 2)),
    )
    again = RegisterHousehold(
        household_id=HID,
        provider="caritas",
        registered_on=date(2025, 1, 3),
        accommodation_kind=AccommodationKind.shelter,
        age_bands=(AgeBand.age_27_64,),
        today=date(2025, 1, 4),
    )
    refused = given(household, registered).when(again).then_error(IdUnavailable)
    # The same code a retry always got, and a message that names nobody's household.
    assert (refused.code, refused.message, refused.kind) == (
        "already_registered",
        ID_UNAVAILABLE,
        ErrorKind.conflict.value,
    )
    assert "drk" not in refused.message and "Haushalt" not in refused.message


async def test_a_unique_violation_of_a_chosen_id_becomes_the_neutral_conflict() -> None:
    violation = IntegrityError("INSERT", {}, Exception("UNIQUE constraint failed"))
    with pytest.raises(IdUnavailable) as refused:
        async with client_id_guard("already_registered", uuid4()):
            raise violation
    assert refused.value.message == ID_UNAVAILABLE
    # An id the service chose itself cannot collide: that would be a fault, kept as one.
    with pytest.raises(IntegrityError):
        async with client_id_guard("already_registered", None):
            raise violation


async def test_a_day_before_utc_begins_is_refused_before_any_sql() -> None:
    event = HouseholdRegistered(
        household_id=HID,
        provider="caritas",
        adults=1,
        minors=0,
        accommodation_kind=AccommodationKind.shelter,
        occurred_at=business_time(date(1, 1, 1)),
    )
    context = CommandContext(actor="test", municipality="koeln", correlation_id=uuid4())
    untouched = cast(AsyncConnection, object())  # any SQL on it would raise AttributeError
    with pytest.raises(DateOutOfRange) as refused:
        await EventStore(CONTRACTS).append(
            untouched,
            stream_id=f"household:koeln:{HID}",
            expected_version=0,
            new_events=[event],
            context=context,
            provider="caritas",
        )
    assert refused.value.kind == ErrorKind.validation.value
    assert "Jahreszahl" in refused.value.message


async def test_an_id_a_projection_holds_for_another_tenant_is_refused_before_the_command() -> None:
    rows = Table(
        "rows", MetaData(), Column("row_id", Uuid, primary_key=True), Column("owner", String)
    )
    engine = create_async_engine("sqlite+aiosqlite://")
    taken, free = uuid4(), uuid4()
    try:
        async with engine.begin() as conn:
            await conn.run_sync(rows.metadata.create_all)
            await conn.execute(insert(rows).values(row_id=taken, owner="koeln"))
            with pytest.raises(IdUnavailable) as refused:
                await refuse_taken_id(conn, "guarantee_exists", rows.c.row_id == taken, taken)
            assert (refused.value.code, refused.value.message) == (
                "guarantee_exists",
                ID_UNAVAILABLE,
            )
            await refuse_taken_id(conn, "guarantee_exists", rows.c.row_id == free, free)
            # The service's own fresh id is not looked up at all.
            await refuse_taken_id(conn, "guarantee_exists", rows.c.row_id == taken, None)
    finally:
        await engine.dispose()
