"""Checking what a consultation or an attendance refers to: a tandem, a household.

A reference the caller cannot see is refused exactly like one that does not exist, so
a caseworker learns nothing about another provider's tandems or households.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import households, tandem_index
from services.volunteer.application import access, restriction
from shared.decider import RuleViolation
from shared.identity import Caller

HOUSEHOLD_UNKNOWN = (
    "Diesen Haushalt kennt das Ehrenamt nicht (oder er wird nicht von Ihrem Träger betreut)."
)


async def household(conn: AsyncConnection, caller: Caller, household_id: UUID | None) -> None:
    if household_id is None:
        return
    row = await households.household(conn, caller.municipality, household_id)
    if (
        row is None
        or not access.may_see(caller, row.provider)
        or restriction.hidden(caller, row.restricted)
    ):
        raise RuleViolation("household_unknown", HOUSEHOLD_UNKNOWN)


async def tandem_and_household(
    conn: AsyncConnection, caller: Caller, tandem_id: UUID | None, household_id: UUID | None
) -> tuple[UUID | None, UUID | None]:
    """The tandem and its household; the household alone if no tandem is named."""
    if tandem_id is None:
        await household(conn, caller, household_id)
        return None, household_id
    key = await tandem_index.find(conn, caller.municipality, tandem_id)
    if key is None or not access.may_see(caller, key.provider):
        raise RuleViolation("tandem_unknown", "Dieses Tandem ist nicht bekannt.")
    if household_id is not None and household_id != key.household_id:
        raise RuleViolation(
            "tandem_household_mismatch", "Der angegebene Haushalt gehört nicht zu diesem Tandem."
        )
    return tandem_id, key.household_id
