"""Sign-in attempts, counted for throttling (per login name and per client address)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from services.gateway.adapters.tables import login_attempts


async def record_attempt(
    conn: AsyncConnection, login: str, client_ip: str, succeeded: bool, at: datetime
) -> None:
    await conn.execute(
        login_attempts.insert().values(login=login, client_ip=client_ip, succeeded=succeeded, at=at)
    )


async def recent_failures(
    conn: AsyncConnection, login: str, client_ip: str, since: datetime
) -> tuple[int, int]:
    """Failed attempts since `since`: (for this login, from this address)."""
    failed = sa.and_(login_attempts.c.at >= since, login_attempts.c.succeeded.is_(False))
    count = sa.select(sa.func.count()).select_from(login_attempts)
    by_login = await conn.scalar(count.where(failed, login_attempts.c.login == login))
    by_ip = await conn.scalar(count.where(failed, login_attempts.c.client_ip == client_ip))
    return int(by_login or 0), int(by_ip or 0)


async def forget_before(conn: AsyncConnection, before: datetime) -> None:
    """Attempts older than the window only grow the table."""
    await conn.execute(login_attempts.delete().where(login_attempts.c.at < before))
