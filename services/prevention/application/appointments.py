"""Home visit appointments on a Wohnintegrationshilfe case, and the appointments query.

The caseworker of the provider running the case arranges the next visit, moves or cancels
it; they attend it themselves (`attendee` is their pseudonymous id: the appointment is
"mine" for them, and in their calendar feed). Recording the visit settles it
(case_state.py). The place is free text in `home_visit_appointments`, written in the
transaction of the event.

`APPOINTMENTS` lists the open appointments of a window of days as the case list is
scoped: a caseworker their provider's, the coordination and the Fachstelle Wohnen the
municipality's. A case of a household whose processing intake restricted (Art. 18) is
listed to the coordination only, like its notes; for a caseworker it cannot be given an
appointment either.
"""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.appointments import in_window, save_place
from services.prevention.adapters.restrictions import restricted_among
from services.prevention.application import access
from services.prevention.application.case_runner import run
from services.prevention.domain import case as cs
from services.prevention.domain import case_commands as cmd
from shared.application import CommandExecutor, load_state
from shared.clock import today
from shared.contracts.appointments import (
    MAX_APPOINTMENTS,
    Appointment,
    AppointmentKind,
    AppointmentList,
    AppointmentQuery,
    short_reference,
)
from shared.contracts.followups import SubjectKind
from shared.contracts.operation import Addressed
from shared.contracts.prevention import operations as ops
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention.views import CaseRef
from shared.decider import NotFound
from shared.identity import Caller, Role
from shared.service import ServiceHost

REFERENCE = "Fall"


class HomeVisitAppointments:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def _not_restricted(self, caller: Caller, case_id: UUID) -> None:
        """A restricted household's case is the coordination's alone: not found here."""
        async with self.commands.db.read() as conn:
            state, _ = await load_state(
                conn, self.commands.store, cs.case, cs.stream_id(caller.municipality, case_id)
            )
            access.visible(caller, state)
            if (
                state.household_id is not None
                and caller.role is not Role.coordinator
                and await restricted_among(conn, caller.municipality, [state.household_id])
            ):
                raise NotFound("case", "Fall nicht gefunden.")

    async def appoint(self, case_id: UUID, request: rq.AppointHomeVisit, caller: Caller) -> CaseRef:
        access.require(caller, access.PROVIDER, "Hausbesuche vereinbaren")
        await self._not_restricted(caller, case_id)
        appointment_id = request.appointment_id or uuid4()
        command = cmd.AppointHomeVisit(
            appointment_id=appointment_id,
            day=request.day,
            at=request.at,
            minutes=request.minutes,
            attendee=caller.user_id,
            today=today(),
        )

        async def place(conn: AsyncConnection, state: cs.Case) -> None:
            await save_place(conn, state, request.place)

        return await run(
            self.commands, caller, case_id, command, after=place, entry_id=appointment_id
        )

    async def move(
        self, case_id: UUID, request: rq.MoveHomeVisitAppointment, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER, "Hausbesuche verschieben")
        await self._not_restricted(caller, case_id)
        command = cmd.MoveHomeVisitAppointment(
            day=request.day,
            at=request.at,
            minutes=request.minutes,
            attendee=caller.user_id,
            today=today(),
        )

        async def place(conn: AsyncConnection, state: cs.Case) -> None:
            if request.place is not None:  # without a place the recorded one stays
                await save_place(conn, state, request.place)

        return await run(self.commands, caller, case_id, command, after=place)

    async def cancel(
        self, case_id: UUID, _: rq.CancelHomeVisitAppointment, caller: Caller
    ) -> CaseRef:
        access.require(caller, access.PROVIDER, "Hausbesuche absagen")
        await self._not_restricted(caller, case_id)
        return await run(
            self.commands, caller, case_id, cmd.CancelHomeVisitAppointment(today=today())
        )

    async def listing(self, query: AppointmentQuery, caller: Caller) -> AppointmentList:
        access.reader(caller)
        scope = access.provider_scope(caller)
        if scope.nothing:
            return AppointmentList(appointments=[])
        async with self.commands.db.read() as conn:
            rows = await in_window(
                conn,
                caller.municipality,
                query.from_day,
                query.to_day,
                provider=None if scope.every else scope.provider,
                attendee=caller.user_id if query.mine else None,
                limit=MAX_APPOINTMENTS + 1,
            )
            restricted = (
                set()
                if caller.role is Role.coordinator
                else await restricted_among(
                    conn,
                    caller.municipality,
                    [r.household_id for r in rows if r.household_id is not None],
                )
            )
        shown = [r for r in rows if r.household_id not in restricted]
        return AppointmentList(
            appointments=[
                Appointment(
                    appointment_id=r.appointment_id,
                    kind=AppointmentKind.home_visit,
                    day=r.day,
                    at=r.at,
                    minutes=r.minutes,
                    place=r.place,
                    attendee=r.attendee,
                    subject_kind=SubjectKind.prevention_case,
                    subject_id=r.case_id,
                    household_id=r.household_id,
                    provider=r.provider,
                    reference=short_reference(REFERENCE, r.case_id),
                )
                for r in shown[:MAX_APPOINTMENTS]
            ],
            complete=len(rows) <= MAX_APPOINTMENTS,
        )


def register(host: ServiceHost) -> None:
    """Answer the three appointment commands and `APPOINTMENTS` on prevention's subjects."""
    appointments = HomeVisitAppointments(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.APPOINT_HOME_VISIT)
    async def appoint(body: Addressed[rq.AppointHomeVisit], caller: Caller) -> CaseRef:
        return await appointments.appoint(body.id, body.body, caller)

    @rpc.handle(ops.MOVE_HOME_VISIT)
    async def move(body: Addressed[rq.MoveHomeVisitAppointment], caller: Caller) -> CaseRef:
        return await appointments.move(body.id, body.body, caller)

    @rpc.handle(ops.CANCEL_HOME_VISIT)
    async def cancel(body: Addressed[rq.CancelHomeVisitAppointment], caller: Caller) -> CaseRef:
        return await appointments.cancel(body.id, body.body, caller)

    @rpc.handle(ops.APPOINTMENTS)
    async def listing(body: AppointmentQuery, caller: Caller) -> AppointmentList:
        return await appointments.listing(body, caller)
