"""A household's title as people read it — "Familie Öztürk (Caritas Köln, 5 Personen)" —
for every list and page that names a household by id.

The names live in intake's personal-data tables and never travel in an event, so the
gateway asks intake for the titles of the (at most one page of) ids it is about to show,
scoped to the caller: a household the caller may not see keeps its neutral short title.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from services.gateway.web.household_title import neutral_title as neutral_title
from services.gateway.web.household_title import title_of
from shared.contracts.intake import operations as intake
from shared.contracts.intake.directory import MAX_TITLES, HouseholdTitlesQuery
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient

# The roles intake names households for (shared/contracts/intake/operations.py); every
# other role (volunteer, housing office, analyst) reads the neutral title without asking.
NAMED_FOR = intake.HOUSEHOLD_TITLES.roles


async def household_titles(rpc: RpcClient, caller: Caller, ids: Iterable[UUID]) -> dict[UUID, str]:
    """Title per id; one request to intake per page (up to MAX_TITLES ids).

    An id intake does not name for this caller (another provider's, restricted, unknown)
    keeps its neutral title; so does every id while intake is unreachable: a list still
    shows, with short ids instead of names.
    """
    wanted = list(dict.fromkeys(ids))
    titles = {household_id: neutral_title(household_id) for household_id in wanted}
    if caller.role not in NAMED_FOR or not wanted:
        return titles
    for start in range(0, len(wanted), MAX_TITLES):
        query = HouseholdTitlesQuery(ids=wanted[start : start + MAX_TITLES])
        try:
            answer = await rpc.send(intake.HOUSEHOLD_TITLES, query, caller)
        except RemoteError as exc:
            if exc.error.kind is not ErrorKind.unavailable:
                raise
            return titles
        titles.update(answer.titles)
        titles.update(
            (household_id, title_of(household_id, parts, caller.municipality))
            for household_id, parts in answer.parts.items()
        )
    return titles
