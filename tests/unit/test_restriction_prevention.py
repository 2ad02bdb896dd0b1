"""Restriction (Art. 18 DSGVO) in prevention (SQLite, no NATS): the aftercare offer of a
restricted household leaves every list but the coordinator's and answers 404 to its
provider's caseworker; it is not withdrawn, and lifting brings it back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from uuid import UUID

import pytest

from services.prevention.application.aftercare_policy import AftercarePolicy
from services.prevention.application.restriction_projection import RestrictionProjection
from shared.contracts.prevention import AcceptAftercare, AftercareStatus, ListAftercare
from shared.decider import NotFound
from shared.envelope import DomainEvent
from shared.identity import Caller, Role
from support.builders.prevention import COORDINATOR, HID, Setup, caller, placement, prevention_setup
from support.builders.restriction import lifted, recorded, restricted

CARITAS = caller(Role.caseworker, "caritas")


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with prevention_setup(tmp_path) as it:
        async with it.commands.db.transaction() as conn:
            await AftercarePolicy(it.commands.store).apply(conn, [placement()])
        yield it


async def intake(setup: Setup, *events: DomainEvent) -> None:
    async with setup.commands.db.transaction() as conn:
        await RestrictionProjection().apply(conn, [recorded(e) for e in events])


async def listed(setup: Setup, who: Caller) -> list[UUID]:
    offers = await setup.aftercare.listing(ListAftercare(), who)
    return [o.household_id for o in offers.offers]


async def test_a_restricted_households_aftercare_is_the_coordinators_alone(
    setup: Setup,
) -> None:
    assert await listed(setup, CARITAS) == [HID]
    await intake(setup, restricted(HID), restricted(HID))  # a replay changes nothing

    assert await listed(setup, CARITAS) == []
    assert await listed(setup, COORDINATOR) == [HID]
    with pytest.raises(NotFound):
        await setup.aftercare.accept(HID, AcceptAftercare(), CARITAS)

    await intake(setup, lifted(HID))
    assert await listed(setup, CARITAS) == [HID]
    accepted = await setup.aftercare.accept(HID, AcceptAftercare(), CARITAS)
    assert accepted.status is AftercareStatus.accepted


async def test_another_municipalitys_restriction_hides_nothing_here(setup: Setup) -> None:
    async with setup.commands.db.transaction() as conn:
        await RestrictionProjection().apply(conn, [recorded(restricted(HID), "bergisch-gladbach")])
    assert await listed(setup, CARITAS) == [HID]
