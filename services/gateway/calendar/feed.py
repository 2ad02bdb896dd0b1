"""`GET /kalender/{token}.ics`: a person's appointments as an iCalendar feed.

Calendar programs cannot sign in, so the secret URL is the credential: the token (32
random bytes, `secrets.token_urlsafe`) is looked up by its hash (adapters/calendar_feeds.py)
and the feed is built as its owner would see it, with the owner's scope now (a deactivated
account opens nothing). Unknown or revoked tokens get a bare 404 (no page, no hint
whether the token ever existed). The answer is never cached by anyone in between.

The token must not end up in a log: the request log and the HTTP metrics record the route
template (`/kalender/{token}.ics`), never the path, and uvicorn's access log is off
(shared/http_server.py). Each request counts in `auszug_calendar_feed_requests_total`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from fastapi import APIRouter, Request, Response
from prometheus_client import Counter

from services.gateway.adapters.calendar_feeds import subscriber_of
from services.gateway.calendar.ics import calendar
from services.gateway.calendar.sources import appointments
from shared.clock import today
from shared.db import Database
from shared.identity import Caller
from shared.rpc import RemoteError

router = APIRouter(include_in_schema=False)

FEED_REQUESTS = Counter(
    "auszug_calendar_feed_requests_total",
    "Requests for a calendar feed, by outcome (served, not_found, unavailable).",
    ["outcome"],
)
# What the feed covers: a month back (what just happened) and half a year ahead.
BACK = timedelta(days=30)
AHEAD = timedelta(days=180)
NO_STORE = {"Cache-Control": "private, no-store"}
MEDIA_TYPE = "text/calendar; charset=utf-8"


def _not_found() -> Response:
    FEED_REQUESTS.labels("not_found").inc()
    return Response(status_code=404, headers=NO_STORE)


@router.get("/kalender/{token}.ics")
async def calendar_feed(token: str, request: Request) -> Response:
    """The owner's appointments from 30 days ago to 180 days ahead."""
    db: Database = request.app.state.db
    async with db.read() as conn:
        subscriber = await subscriber_of(conn, token)
    if subscriber is None:
        return _not_found()
    caller = Caller(
        user_id=subscriber.user_id,
        role=subscriber.role,
        municipality=subscriber.municipality,
        provider=subscriber.provider,
        correlation_id=uuid4(),
    )
    day = today()
    try:
        found, _ = await appointments(request.app.state.rpc, caller, day - BACK, day + AHEAD)
    except RemoteError:
        # A service busy or away: the calendar program asks again later, nothing else.
        FEED_REQUESTS.labels("unavailable").inc()
        return Response(status_code=503, headers={**NO_STORE, "Retry-After": "300"})
    body = calendar(found, base_url=str(request.base_url), now=datetime.now(UTC))
    FEED_REQUESTS.labels("served").inc()
    return Response(body, media_type=MEDIA_TYPE, headers=NO_STORE)
