"""Use cases: arrange, move and cancel an individual consultation's appointment
(Einzeltermin nach Absprache), and the appointments query.

The coordination or a caseworker of the provider arranges it and attends it themselves
(`attendee` is their pseudonymous id: the appointment is "mine" for them, and in their
calendar feed). The appointment lives in the stream of the consultation it becomes
(domain/office_hours.py): recording the consultation with its id settles it. The place is
free text in `consultation_appointments`, written in the transaction of the event.

`APPOINTMENTS` lists the open appointments of a window of days as the consultation list is
scoped: a caseworker their provider's, the coordination and the admin the municipality's;
those of a household whose processing intake restricted (Art. 18) the coordination only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import consultation_appointments as table
from services.volunteer.adapters import households
from services.volunteer.application import access, links, restriction
from services.volunteer.domain import office_hours as oh
from shared.access import guarded, require_known_provider
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import volunteer as c
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
from shared.contracts.volunteer import operations as ops
from shared.decider import NotFound
from shared.identity import Caller
from shared.service import ServiceHost

_NOT_FOUND = "Einzeltermin nicht gefunden."


def reference(tandem_id: UUID | None, household_id: UUID | None, appointment_id: UUID) -> str:
    """The pseudonymous short reference: the tandem's, else the household's, else its own."""
    if tandem_id is not None:
        return short_reference("Tandem", tandem_id)
    if household_id is not None:
        return short_reference("Haushalt", household_id)
    return short_reference("Einzeltermin", appointment_id)


class ConsultationAppointments:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def arrange(
        self, request: c.ArrangeConsultation, caller: Caller
    ) -> c.ConsultationAppointmentRef:
        access.require_own_provider(caller, request.provider)
        require_known_provider(caller, request.provider)
        async with self.commands.db.read() as conn:
            tandem_id, household_id = await links.tandem_and_household(
                conn, caller, request.tandem_id, request.household_id
            )
        appointment_id = request.appointment_id or uuid4()
        command = oh.ArrangeConsultation(
            appointment_id=appointment_id,
            provider=request.provider,
            day=request.day,
            at=request.at,
            minutes=request.minutes,
            attendee=caller.user_id,
            today=today(),
            tandem_id=tandem_id,
            household_id=household_id,
        )

        async def place(conn: AsyncConnection) -> None:
            await table.save_place(conn, appointment_id, request.place)

        await self._execute(appointment_id, command, caller, place)
        return c.ConsultationAppointmentRef(appointment_id=appointment_id)

    async def _not_restricted(self, caller: Caller, appointment_id: UUID) -> None:
        """An appointment of a restricted household is the coordination's alone, as the
        list shows it: not found for anyone else."""
        if restriction.sees_restricted(caller):
            return
        state, _ = await self.commands.load(
            oh.office_hours, oh.consultation_stream_id(caller.municipality, appointment_id)
        )
        named = state.appointment.household_id if state.appointment else None
        if named is None:
            return
        async with self.commands.db.read() as conn:
            row = await households.household(conn, caller.municipality, named)
        if row is not None and row.restricted:
            raise NotFound("appointment", _NOT_FOUND)

    async def move(
        self, appointment_id: UUID, request: c.MoveConsultationAppointment, caller: Caller
    ) -> c.ConsultationAppointmentRef:
        access.require_manager(caller)
        await self._not_restricted(caller, appointment_id)
        command = oh.MoveConsultationAppointment(
            day=request.day,
            at=request.at,
            minutes=request.minutes,
            attendee=caller.user_id,
            today=today(),
        )

        async def place(conn: AsyncConnection) -> None:
            if request.place is not None:  # without a place the recorded one stays
                await table.save_place(conn, appointment_id, request.place)

        await self._execute(appointment_id, command, caller, place)
        return c.ConsultationAppointmentRef(appointment_id=appointment_id)

    async def cancel(
        self, appointment_id: UUID, _: c.CancelConsultationAppointment, caller: Caller
    ) -> c.ConsultationAppointmentRef:
        access.require_manager(caller)
        await self._not_restricted(caller, appointment_id)
        await self._execute(appointment_id, oh.CancelConsultationAppointment(today=today()), caller)
        return c.ConsultationAppointmentRef(appointment_id=appointment_id)

    async def listing(self, query: AppointmentQuery, caller: Caller) -> AppointmentList:
        access.require_reader(caller)
        scope = access.provider_scope(caller)
        if scope.nothing:
            return AppointmentList(appointments=[])
        async with self.commands.db.read() as conn:
            rows = await table.in_window(
                conn,
                caller.municipality,
                query.from_day,
                query.to_day,
                provider=scope.provider,
                attendee=caller.user_id if query.mine else None,
                hide_restricted=not restriction.sees_restricted(caller),
                limit=MAX_APPOINTMENTS + 1,
            )
        return AppointmentList(
            appointments=[_appointment(r) for r in rows[:MAX_APPOINTMENTS]],
            complete=len(rows) <= MAX_APPOINTMENTS,
        )

    async def _execute(
        self,
        appointment_id: UUID,
        command: oh.Command,
        caller: Caller,
        after: Callable[[AsyncConnection], Awaitable[None]] | None = None,
    ) -> None:
        creating = isinstance(command, oh.ArrangeConsultation)

        def visible(state: oh.OfficeHour) -> None:
            # Another provider's appointment is unknown, as is an id that is none.
            if creating:
                return
            if state.appointment is None:
                raise NotFound("appointment", _NOT_FOUND)
            access.require_visible(caller, state.provider, "appointment", _NOT_FOUND)

        async def index(conn: AsyncConnection, state: oh.OfficeHour) -> None:
            await table.index_appointment(conn, caller.municipality, appointment_id, state)
            if after is not None:
                await after(conn)

        await self.commands.execute(
            guarded(oh.office_hours, visible),
            oh.consultation_stream_id(caller.municipality, appointment_id),
            command,
            caller.command_context(),
            provider=lambda state: (
                state.provider
                or (command.provider if isinstance(command, oh.ArrangeConsultation) else None)
            ),
            also=index,
        )


def _appointment(r: Any) -> Appointment:
    return Appointment(
        appointment_id=r.appointment_id,
        kind=AppointmentKind.consultation,
        day=r.day,
        at=r.at,
        minutes=r.minutes,
        place=r.place,
        attendee=r.attendee,
        # The household's page where one is named; else the programme's page lists it
        # (services/gateway/calendar/ics.py links consultations there).
        subject_kind=SubjectKind.household if r.household_id else SubjectKind.volunteer,
        subject_id=r.household_id or r.appointment_id,
        household_id=r.household_id,
        tandem_id=r.tandem_id,
        provider=r.provider,
        reference=reference(r.tandem_id, r.household_id, r.appointment_id),
    )


def register(host: ServiceHost) -> None:
    """Answer the three appointment commands and `APPOINTMENTS` on volunteer's subject."""
    appointments = ConsultationAppointments(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.ARRANGE_CONSULTATION)
    async def arrange(body: c.ArrangeConsultation, caller: Caller) -> c.ConsultationAppointmentRef:
        return await appointments.arrange(body, caller)

    @rpc.handle(ops.MOVE_CONSULTATION)
    async def move(
        body: Addressed[c.MoveConsultationAppointment], caller: Caller
    ) -> c.ConsultationAppointmentRef:
        return await appointments.move(body.id, body.body, caller)

    @rpc.handle(ops.CANCEL_CONSULTATION)
    async def cancel(
        body: Addressed[c.CancelConsultationAppointment], caller: Caller
    ) -> c.ConsultationAppointmentRef:
        return await appointments.cancel(body.id, body.body, caller)

    @rpc.handle(ops.APPOINTMENTS)
    async def listing(body: AppointmentQuery, caller: Caller) -> AppointmentList:
        return await appointments.listing(body, caller)
