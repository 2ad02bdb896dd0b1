"""Use cases for workshops: hold one, record a person's attendance (the name goes to the
personal-data table only), issue a certificate, show the workshop, render a certificate."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters.certificate_pdf import (
    CertificateContent,
    certificate_values,
    render_certificate,
)
from services.volunteer.adapters.certificate_texts import CERTIFICATE
from services.volunteer.adapters.personal_data import attendee_names, save_attendee
from services.volunteer.application import access, links
from services.volunteer.application.letters import LETTERS
from services.volunteer.domain import workshop as ws
from shared.access import guarded, require_known_provider
from shared.application import CommandExecutor
from shared.casework.letters import letter_file
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.letters import LetterFile, WriteLetter
from shared.decider import FieldRefused, NotFound, RuleViolation
from shared.identity import Caller
from shared.validation import client_id_guard

_NOT_FOUND = "Workshop nicht gefunden."


class Workshops:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def hold(self, request: c.HoldWorkshop, caller: Caller) -> c.WorkshopRef:
        access.require_own_provider(caller, request.provider)
        require_known_provider(caller, request.provider)
        workshop_id = request.workshop_id or uuid4()
        command = ws.HoldWorkshop(
            workshop_id=workshop_id,
            provider=request.provider,
            topic=request.topic,
            held_on=request.held_on or today(),
            site=request.site,
            duration_minutes=request.duration_minutes,
            today=today(),
        )
        await self._execute(workshop_id, command, caller)
        return c.WorkshopRef(workshop_id=workshop_id)

    async def attend(
        self, workshop_id: UUID, request: c.RecordAttendance, caller: Caller
    ) -> c.AttendanceRef:
        access.require_manager(caller)
        attendee_id = request.attendee_id or uuid4()
        async with self.commands.db.transaction() as conn:
            await links.household(conn, caller, request.household_id)
        command = ws.RecordAttendance(
            attendee_id=attendee_id,
            household_id=request.household_id,
            member_id=request.member_id,
        )

        async def name(conn: AsyncConnection, _state: ws.Workshop) -> None:
            await save_attendee(conn, caller.municipality, workshop_id, attendee_id, request)

        async with client_id_guard("already_attended", request.attendee_id):
            await self._execute(workshop_id, command, caller, also=name)
        return c.AttendanceRef(workshop_id=workshop_id, attendee_id=attendee_id)

    async def certify(
        self, workshop_id: UUID, request: c.IssueCertificate, caller: Caller
    ) -> c.CertificateRef:
        access.require_manager(caller)
        certificate_id = request.certificate_id or uuid4()
        command = ws.IssueCertificate(
            certificate_id=certificate_id,
            attendee_id=request.attendee_id,
            issued_on=request.issued_on or today(),
            today=today(),
        )
        await self._execute(workshop_id, command, caller)
        return c.CertificateRef(
            workshop_id=workshop_id, certificate_id=certificate_id, attendee_id=request.attendee_id
        )

    async def get(self, workshop_id: UUID, caller: Caller) -> c.WorkshopView:
        state = await self._visible(workshop_id, caller)
        async with self.commands.db.read() as conn:
            names = await attendee_names(conn, workshop_id)
        assert state.provider and state.topic and state.held_on and state.site
        return c.WorkshopView(
            workshop_id=workshop_id,
            provider=state.provider,
            topic=state.topic,
            held_on=state.held_on,
            site=state.site,
            duration_minutes=state.duration_minutes,
            attendees=[
                c.AttendeeView(
                    attendee_id=a.attendee_id,
                    household_id=a.household_id,
                    given_name=names[a.attendee_id].given_name if a.attendee_id in names else None,
                    family_name=names[a.attendee_id].family_name
                    if a.attendee_id in names
                    else None,
                    certificate_id=a.certificate_id,
                    certificate_issued_on=a.certificate_issued_on,
                )
                for a in state.attendees
            ],
        )

    async def certificate(self, query: c.GetCertificate, caller: Caller) -> c.CertificateDocument:
        """The certificate as a PDF (German), with the name from the personal-data table,
        from the municipality's template (letters.py)."""
        pdf = await self._certificate_pdf(query, caller)
        return c.CertificateDocument(
            filename=_file_name(query.certificate_id),
            content_base64=base64.b64encode(pdf).decode("ascii"),
        )

    async def write_letter(self, request: WriteLetter, caller: Caller) -> LetterFile:
        """`WRITE_LETTER`: the certificate `about` of the workshop `subject_id`."""
        LETTERS.kind(request.kind)
        if request.about is None:
            raise FieldRefused(
                "about", "letter_about_missing", "Bitte die Teilnahmebestätigung wählen."
            )
        query = c.GetCertificate(workshop_id=request.subject_id, certificate_id=request.about)
        pdf = await self._certificate_pdf(query, caller)
        return letter_file(request.subject_id, request.kind, _file_name(request.about), pdf)

    async def _certificate_pdf(self, query: c.GetCertificate, caller: Caller) -> bytes:
        state = await self._visible(query.workshop_id, caller)
        attendee = state.certificate(query.certificate_id)
        if attendee is None or attendee.certificate_issued_on is None:
            raise NotFound("certificate", "Teilnahmebestätigung nicht gefunden.")
        async with self.commands.db.read() as conn:
            name = (await attendee_names(conn, query.workshop_id)).get(attendee.attendee_id)
            if name is None or not name.full:
                raise RuleViolation(
                    "name_erased",
                    "Die Daten der Person sind gelöscht; die Bestätigung kann nicht mehr "
                    "erstellt werden.",
                )
            assert state.provider and state.topic and state.held_on and state.site
            content = CertificateContent(
                certificate_id=query.certificate_id,
                name=name.full,
                birth_date=name.birth_date,
                topic=state.topic,
                held_on=state.held_on,
                duration_minutes=state.duration_minutes,
                site=state.site,
                provider=state.provider,
                municipality=caller.municipality,
                issued_on=attendee.certificate_issued_on,
            )
            text = await LETTERS.fill(
                conn, caller.municipality, CERTIFICATE.code, certificate_values(content)
            )
        return render_certificate(content, text)

    async def _visible(self, workshop_id: UUID, caller: Caller) -> ws.Workshop:
        access.require_reader(caller)
        state, _ = await self.commands.load(
            ws.workshop, ws.stream_id(caller.municipality, workshop_id)
        )
        if not state.held:
            raise NotFound("workshop", _NOT_FOUND)
        access.require_visible(caller, state.provider, "workshop", _NOT_FOUND)
        return state

    async def _execute(
        self,
        workshop_id: UUID,
        command: ws.Command,
        caller: Caller,
        also: Callable[[AsyncConnection, ws.Workshop], Awaitable[None]] | None = None,
    ) -> None:
        def visible(state: ws.Workshop) -> None:
            # Another provider's workshop is refused like one that does not exist; a create
            # with a taken id is refused by the decider alike for every owner.
            creating = isinstance(command, ws.HoldWorkshop)
            if state.held and not creating and not access.may_see(caller, state.provider):
                raise RuleViolation("workshop_unknown", ws.UNKNOWN)

        await self.commands.execute(
            guarded(ws.workshop, visible),
            ws.stream_id(caller.municipality, workshop_id),
            command,
            caller.command_context(),
            provider=lambda state: state.provider,
            also=also,
        )


def _file_name(certificate_id: UUID) -> str:
    return f"Teilnahmebestaetigung-{certificate_id}.pdf"
