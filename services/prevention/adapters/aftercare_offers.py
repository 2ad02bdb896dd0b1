"""The list of aftercare offers (no personal data), written from the offer's state in the
same transaction as its events, and read by coordinators and caseworkers."""

from __future__ import annotations

from sqlalchemy import exists, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.restrictions import restricted_households
from services.prevention.adapters.tables import aftercare_offers
from services.prevention.domain.aftercare import Aftercare
from shared.clock import business_day
from shared.contracts.prevention.requests import ListAftercare
from shared.contracts.prevention.views import AftercareList, AftercareView


async def index_aftercare(conn: AsyncConnection, municipality: str, state: Aftercare) -> None:
    """Insert or update the household's offer to match `state`."""
    offered = state.offered
    if offered is None or state.status is None:
        return
    t = aftercare_offers
    values = {
        "status": state.status.value,
        "decided_on": state.decided_on,
        "decline_reason": state.decline_reason.value if state.decline_reason else None,
    }
    done = await conn.execute(
        update(t)
        .where(t.c.municipality == municipality, t.c.household_id == offered.household_id)
        .values(**values)
    )
    if done.rowcount == 0:
        await conn.execute(
            insert(t).values(
                municipality=municipality,
                household_id=offered.household_id,
                provider=offered.provider,
                adults=offered.adults,
                minors=offered.minors,
                offered_on=business_day(offered.occurred_at),
                moved_on=offered.moved_on,
                **values,
            )
        )


_SORT = {
    "moved_on": aftercare_offers.c.moved_on,
    "provider": aftercare_offers.c.provider,
    "status": aftercare_offers.c.status,
}


async def list_aftercare(
    conn: AsyncConnection,
    municipality: str,
    provider: str | None,
    query: ListAftercare,
    *,
    with_restricted: bool,
) -> AftercareList:
    """One page of the offers of the municipality (or one provider), filtered and sorted
    in SQL; a restricted household's offer only `with_restricted` (the coordination)."""
    t = aftercare_offers
    filtered = select(t).where(t.c.municipality == municipality)
    if provider is not None:
        filtered = filtered.where(t.c.provider == provider)
    if query.provider is not None:
        filtered = filtered.where(t.c.provider == query.provider)
    if query.status is not None:
        filtered = filtered.where(t.c.status == query.status.value)
    if not with_restricted:
        r = restricted_households
        filtered = filtered.where(
            ~exists().where(
                r.c.municipality == t.c.municipality, r.c.household_id == t.c.household_id
            )
        )
    total = await conn.scalar(select(func.count()).select_from(filtered.subquery()))
    column = _SORT[query.sort]
    order = column.desc() if query.descending else column.asc()
    rows = await conn.execute(
        filtered.order_by(order, t.c.household_id).limit(query.per_page).offset(query.offset)
    )
    offers = [AftercareView.model_validate(row, from_attributes=True) for row in rows]
    return AftercareList(offers=offers, page=query.info(total or 0))
