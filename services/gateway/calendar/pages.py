"""The page "Termine" (`/ui/termine`): my appointments of the coming weeks, and my
calendar subscription.

"Mine" are the appointments I attend (shared/contracts/appointments.py). The page shows a
bounded window (today and the next six weeks), each with its household's title where it
has one (`household_titles`, once per page), else its short reference, linked to its page.

"Kalender abonnieren" makes a secret feed URL (`/kalender/{token}.ics`, feed.py) and shows
it once: only its hash is kept, so it cannot be shown again; a new one replaces the old,
"Abo beenden" revokes it. The subscription belongs to the person who is signed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.adapters.calendar_feeds import (
    Subscriber,
    new_token,
    subscribe,
    subscription_of,
    unsubscribe,
)
from services.gateway.calendar.ics import page_path
from services.gateway.calendar.sources import appointments, keeps_appointments
from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.households.titles import household_titles
from services.gateway.identity import forbidden
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts.appointments import Appointment, AppointmentKind
from shared.db import Database
from shared.identity import Caller

router = APIRouter(prefix="/ui/termine", include_in_schema=False)

WEEKS = 6
KINDS = {
    AppointmentKind.home_visit: N_("Hausbesuch"),
    AppointmentKind.viewing: N_("Besichtigung"),
    AppointmentKind.consultation: N_("Beratung"),
}
REVOKED = notice(
    "kalender_beendet", N_("Das Kalender-Abo ist beendet: die Adresse gilt nicht mehr.")
)
NO_APPOINTMENTS = N_("Ihre Rolle hat hier keine Termine.")


@dataclass(frozen=True)
class Row:
    day: date
    at: time | None
    minutes: int
    kind: str  # German, marked (the template translates it with |t)
    title: str
    href: str
    place: str | None


async def _rows(rpc: Rpc, caller: Caller, found: list[Appointment]) -> list[Row]:
    households = [a.household_id for a in found if a.household_id is not None]
    titles = await household_titles(rpc, caller, households) if households else {}
    return [
        Row(
            day=a.day,
            at=a.at,
            minutes=a.minutes,
            kind=KINDS[a.kind],
            title=titles[a.household_id] if a.household_id is not None else a.reference,
            href=page_path(a),
            place=a.place,
        )
        for a in found
    ]


async def _page(
    request: Request,
    caller: Caller,
    rpc: Rpc,
    *,
    feed_url: str | None = None,
) -> HTMLResponse:
    first = today()
    last = first + timedelta(weeks=WEEKS) - timedelta(days=1)
    found, complete = await appointments(rpc, caller, first, last)
    db: Database = request.app.state.db
    async with db.read() as conn:
        subscription = await subscription_of(conn, caller.user_id)
    context = {
        "rows": await _rows(rpc, caller, found),
        "complete": complete,
        "first": first,
        "last": last,
        "subscription": subscription,
        "feed_url": feed_url,
    }
    return render(request, "calendar/termine.html", context)


@router.get("", response_class=HTMLResponse)
async def appointments_page(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """My appointments of the coming six weeks; my calendar subscription."""
    return await _page(request, caller, rpc)


@router.post("/abo", response_class=HTMLResponse)
async def subscribe_calendar(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """A new secret feed URL, shown once on the page it answers with; the old one ends."""
    await checked_form(request)
    if not keeps_appointments(caller):
        raise forbidden(NO_APPOINTMENTS)
    token = new_token()
    db: Database = request.app.state.db
    subscriber = Subscriber(caller.user_id, caller.role, caller.municipality, caller.provider)
    async with db.transaction() as conn:
        await subscribe(conn, subscriber, token, datetime.now(UTC))
    feed_url = str(request.base_url).rstrip("/") + f"/kalender/{token}.ics"
    return await _page(request, caller, rpc, feed_url=feed_url)


@router.post("/abo-beenden", response_class=HTMLResponse)
async def revoke_calendar(request: Request, caller: CurrentCaller) -> Response:
    """The feed URL stops working at once."""
    await checked_form(request)
    db: Database = request.app.state.db
    async with db.transaction() as conn:
        await unsubscribe(conn, caller.user_id)
    return saved("/ui/termine", REVOKED, anchor="abo")
