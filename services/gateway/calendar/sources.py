"""Where appointments come from: each owning context's `APPOINTMENTS` query, asked with
the caller's identity (the owner scopes each answer: provider, restriction)."""

from __future__ import annotations

import asyncio
from datetime import date, time

from shared.contracts.appointments import Appointment, AppointmentList, AppointmentQuery
from shared.contracts.operation import Operation
from shared.contracts.placement import operations as placement
from shared.contracts.prevention import operations as prevention
from shared.contracts.volunteer import operations as volunteer
from shared.identity import Caller
from shared.rpc import RpcClient

# One per owning context.
SOURCES: tuple[Operation[AppointmentQuery, AppointmentList], ...] = (
    prevention.APPOINTMENTS,
    placement.APPOINTMENTS,
    volunteer.APPOINTMENTS,
)


def keeps_appointments(caller: Caller) -> bool:
    """Whether any owner answers this role (the others have no appointments here)."""
    return any(op.allows(caller.role) for op in SOURCES)


async def appointments(
    rpc: RpcClient, caller: Caller, from_day: date, to_day: date, *, mine: bool = True
) -> tuple[list[Appointment], bool]:
    """The appointments of the window from every owner the caller's role may ask, by day
    and time; and whether every owner gave all of its (none cut its list)."""
    query = AppointmentQuery(from_day=from_day, to_day=to_day, mine=mine)
    asked = [op for op in SOURCES if op.allows(caller.role)]
    answers = await asyncio.gather(*(rpc.send(op, query, caller) for op in asked))
    found = [a for answer in answers for a in answer.appointments]
    # A day without a time first, as a calendar shows it.
    found.sort(key=lambda a: (a.day, a.at or time.min, str(a.appointment_id)))
    return found, all(answer.complete for answer in answers)
