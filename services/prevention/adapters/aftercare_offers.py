"""The list of aftercare offers (no personal data), written from the offer's state in the
same transaction as its events, and read by coordinators and caseworkers."""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.tables import aftercare_offers
from services.prevention.domain.aftercare import Aftercare
from shared.clock import business_day
from shared.contracts.prevention.codes import AftercareStatus
from shared.contracts.prevention.views import AftercareView


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


async def list_aftercare(
    conn: AsyncConnection,
    municipality: str,
    provider: str | None,
    status: AftercareStatus | None,
) -> list[AftercareView]:
    """Offers of the municipality (or one provider), most recent move first."""
    t = aftercare_offers
    query = select(t).where(t.c.municipality == municipality)
    if provider is not None:
        query = query.where(t.c.provider == provider)
    if status is not None:
        query = query.where(t.c.status == status.value)
    rows = await conn.execute(query.order_by(t.c.moved_on.desc(), t.c.household_id))
    return [AftercareView.model_validate(row, from_attributes=True) for row in rows]
