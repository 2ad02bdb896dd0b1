"""A household's title as people read it — "Familie Öztürk (Caritas Köln, 5 Personen)" —
for every list and page that names a household by id.

The names live in intake's personal-data tables and never travel in an event, so the
gateway asks intake for the titles of the (at most one page of) ids it is about to show,
scoped to the caller: a household the caller may not see keeps its neutral short title.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from shared.identity import Caller
from shared.rpc import RpcClient


def short_id(household_id: UUID) -> str:
    """The first eight hex digits: what a person reads aloud, types into the search."""
    return household_id.hex[:8]


def neutral_title(household_id: UUID) -> str:
    return f"Haushalt {short_id(household_id)}"


async def household_titles(rpc: RpcClient, caller: Caller, ids: Iterable[UUID]) -> dict[UUID, str]:
    """Title per id; one request to intake for all of them."""
    # Until intake answers the directory query, every household keeps its neutral title.
    return {household_id: neutral_title(household_id) for household_id in ids}
