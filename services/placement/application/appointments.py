"""Scheduled viewings as appointments (`APPOINTMENTS`, shared/contracts/appointments.py).

A viewing is the appointment of whoever scheduled it (`attendee`), open until its outcome
is recorded or its offer is no longer open. Scoped as the offer's page shows viewings: a
caseworker those of her own provider's households, the coordination all of the
municipality; a household whose processing intake restricted is the coordination's alone.
The answer names the offer by its short reference only; the place is the meeting point as
recorded.
"""

from __future__ import annotations

from sqlalchemy import exists, select

from services.placement.adapters.households import restricted_households
from services.placement.adapters.tables import offers
from services.placement.adapters.tables import viewing_appointments as t
from services.placement.application import access
from shared.application import CommandExecutor
from shared.contracts.appointments import (
    DEFAULT_MINUTES,
    MAX_APPOINTMENTS,
    Appointment,
    AppointmentKind,
    AppointmentList,
    AppointmentQuery,
    short_reference,
)
from shared.contracts.followups import SubjectKind
from shared.contracts.placement import operations as ops
from shared.contracts.placement.codes import OfferStatus
from shared.identity import Caller
from shared.service import ServiceHost

REFERENCE = "Angebot"


async def viewing_appointments(
    commands: CommandExecutor, query: AppointmentQuery, caller: Caller
) -> AppointmentList:
    scope = access.provider_scope(caller)
    if scope.nothing:
        return AppointmentList(appointments=[])
    select_ = select(t).where(
        t.c.municipality == caller.municipality,
        t.c.viewing_on.between(query.from_day, query.to_day),
        t.c.held.is_(False),
        # A withdrawn, expired or let offer is viewed no more.
        ~exists().where(offers.c.offer_id == t.c.offer_id, offers.c.status != OfferStatus.open),
    )
    if not scope.every:
        select_ = select_.where(t.c.provider == scope.provider)
    if query.mine:
        select_ = select_.where(t.c.attendee == caller.user_id)
    select_ = select_.order_by(t.c.viewing_on, t.c.viewing_at, t.c.viewing_id)
    async with commands.db.read() as conn:
        rows = list(await conn.execute(select_.limit(MAX_APPOINTMENTS + 1)))
        hidden = (
            set()
            if access.sees_restricted(caller)
            else await restricted_households(conn, caller.municipality)
        )
    shown = [r for r in rows if r.household_id not in hidden]
    return AppointmentList(
        appointments=[
            Appointment(
                appointment_id=r.viewing_id,
                kind=AppointmentKind.viewing,
                day=r.viewing_on,
                at=r.viewing_at,
                minutes=DEFAULT_MINUTES,
                place=r.place,
                attendee=r.attendee,
                subject_kind=SubjectKind.offer,
                subject_id=r.offer_id,
                household_id=r.household_id,
                provider=r.provider,
                reference=short_reference(REFERENCE, r.offer_id),
            )
            for r in shown[:MAX_APPOINTMENTS]
        ],
        complete=len(rows) <= MAX_APPOINTMENTS,
    )


def register(host: ServiceHost) -> None:
    """Answer `APPOINTMENTS` on placement's RPC subject."""

    @host.rpc.handle(ops.APPOINTMENTS)
    async def appointments(body: AppointmentQuery, caller: Caller) -> AppointmentList:
        return await viewing_appointments(host.commands, body, caller)
