"""Use cases for office hours and consultations: hold an office hour (with its
consultations at once), add consultations to it, record a consultation on its own
(e-mail, call, individual appointment), show an office hour."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import consultation_appointments, consultation_list
from services.volunteer.application import access, links
from services.volunteer.domain import office_hours as oh
from shared.access import guarded, require_known_provider
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import volunteer as c
from shared.decider import NotFound, RuleViolation
from shared.identity import Caller

_NOT_FOUND = "Sprechstunde nicht gefunden."
OTHER_ID = "Eine Beratung zu einem Einzeltermin bekommt die Kennung des Termins."


class OfficeHours:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def hold(self, request: c.HoldOfficeHour, caller: Caller) -> c.OfficeHourRef:
        access.require_own_provider(caller, request.provider)
        require_known_provider(caller, request.provider)
        office_hour_id = request.office_hour_id or uuid4()
        entries = await self._entries(caller, request.consultations)
        command = oh.HoldOfficeHour(
            office_hour_id=office_hour_id,
            provider=request.provider,
            held_on=request.held_on or today(),
            duration_minutes=request.duration_minutes,
            today=today(),
            consultations=entries,
        )
        await self._execute(oh.stream_id(caller.municipality, office_hour_id), command, caller)
        return c.OfficeHourRef(
            office_hour_id=office_hour_id, consultation_ids=[e.consultation_id for e in entries]
        )

    async def add(
        self, office_hour_id: UUID, request: c.RecordOfficeHourConsultations, caller: Caller
    ) -> c.OfficeHourRef:
        """Quick entry: several consultations of one office hour, all of them or none."""
        access.require_manager(caller)
        entries = await self._entries(caller, request.consultations)
        command = oh.RecordConsultations(consultations=entries)
        await self._execute(oh.stream_id(caller.municipality, office_hour_id), command, caller)
        return c.OfficeHourRef(
            office_hour_id=office_hour_id, consultation_ids=[e.consultation_id for e in entries]
        )

    async def record(self, request: c.RecordConsultation, caller: Caller) -> c.ConsultationRef:
        access.require_own_provider(caller, request.provider)
        require_known_provider(caller, request.provider)
        settles = request.appointment_id is not None
        if settles and request.consultation_id not in (None, request.appointment_id):
            raise RuleViolation("appointment_mismatch", OTHER_ID)
        # Recording an arranged appointment: the consultation takes the appointment's id,
        # so it is appended to the appointment's stream and settles it in the same append.
        named = request.model_copy(
            update={"consultation_id": request.appointment_id or request.consultation_id}
        )
        (entry,) = await self._entries(caller, [named])
        command = oh.RecordConsultation(
            provider=request.provider,
            held_on=request.held_on or today(),
            today=today(),
            appointment=request.appointment,
            entry=entry,
            settles=settles,
        )
        stream_id = oh.consultation_stream_id(caller.municipality, entry.consultation_id)
        await self._execute(stream_id, command, caller)
        return c.ConsultationRef(consultation_id=entry.consultation_id)

    async def get(self, office_hour_id: UUID, caller: Caller) -> c.OfficeHourView:
        access.require_reader(caller)
        state, _ = await self.commands.load(
            oh.office_hours, oh.stream_id(caller.municipality, office_hour_id)
        )
        if not state.held:
            raise NotFound("office_hour", _NOT_FOUND)
        access.require_visible(caller, state.provider, "office_hour", _NOT_FOUND)
        assert state.provider and state.held_on
        return c.OfficeHourView(
            office_hour_id=office_hour_id,
            provider=state.provider,
            held_on=state.held_on,
            duration_minutes=state.duration_minutes,
            consultations=[
                c.ConsultationView(
                    consultation_id=e.consultation_id,
                    channel=e.channel,
                    visitor=e.visitor,
                    topic=e.topic,
                    duration_minutes=e.duration_minutes,
                    tandem_id=e.tandem_id,
                    household_id=e.household_id,
                )
                for e in state.consultations
            ],
            by_channel=dict(Counter(e.channel for e in state.consultations)),
        )

    async def _entries(
        self, caller: Caller, requested: Sequence[c.OfficeHourConsultation | c.RecordConsultation]
    ) -> tuple[oh.Entry, ...]:
        entries = []
        async with self.commands.db.transaction() as conn:
            for item in requested:
                tandem_id, household_id = await links.tandem_and_household(
                    conn, caller, item.tandem_id, item.household_id
                )
                entries.append(
                    oh.Entry(
                        consultation_id=item.consultation_id or uuid4(),
                        channel=item.channel,
                        visitor=item.visitor,
                        topic=item.topic,
                        duration_minutes=item.duration_minutes,
                        tandem_id=tandem_id,
                        household_id=household_id,
                    )
                )
        return tuple(entries)

    async def _execute(self, stream_id: str, command: oh.Command, caller: Caller) -> None:
        def visible(state: oh.OfficeHour) -> None:
            # A create with a taken id is refused by the decider alike for every owner.
            creating = isinstance(command, oh.HoldOfficeHour | oh.RecordConsultation)
            if state.held and not creating:
                access.require_visible(caller, state.provider, "office_hour", _NOT_FOUND)
            # Another provider's arranged appointment is unknown to the caller.
            if state.appointment is not None:
                access.require_visible(
                    caller, state.provider, "appointment", oh.APPOINTMENT_UNKNOWN
                )

        await self.commands.execute(
            guarded(oh.office_hours, visible),
            stream_id,
            command,
            caller.command_context(),
            provider=lambda state: state.provider or _provider(command),
            also=lambda conn, state: self._index(conn, caller.municipality, state),
        )

    @staticmethod
    async def _index(conn: AsyncConnection, municipality: str, state: oh.OfficeHour) -> None:
        await consultation_list.add(conn, municipality, state.consultations)
        if state.appointment is not None:  # recorded: the appointment's row goes
            await consultation_appointments.index_appointment(
                conn, municipality, state.appointment.appointment_id, state
            )


def _provider(command: oh.Command) -> str | None:
    return command.provider if isinstance(command, oh.RecordConsultation) else None
