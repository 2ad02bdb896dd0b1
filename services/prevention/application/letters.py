"""Prevention's letters (shared/casework/letters.py): the appointment for a home visit,
sent to the household itself.

**Who.** The coordination edits the template; the letter is written by the caseworker of
the provider who runs the case and visits (like recording a home visit). The case's page
offers it while the case is open.

**What it says.** It goes to the household, so it carries the household's own contact
name and address (prevention's personal-data tables) — to nobody else. The day and time
are typed when printing (an appointment is not kept as such yet); the day defaults to the
day the next visit is due. The letter is kept with the case as a document (kind „Brief
aus Auszug“, application/documents.py), in the same transaction that renders it.
"""

from __future__ import annotations

from datetime import date, time

from services.prevention.adapters.restrictions import restricted_among
from services.prevention.adapters.tables import letter_templates
from services.prevention.application import access
from services.prevention.application.cases import Cases
from services.prevention.application.documents import archive
from shared.application import CommandExecutor
from shared.casework.letters import (
    Letter,
    LetterBook,
    LetterKind,
    german_day,
    keep_letter,
    letter_pdf,
    placeholder,
)
from shared.clock import today
from shared.contracts import places
from shared.contracts.letters import (
    LetterFile,
    LetterTemplateRef,
    LetterTemplates,
    LetterTemplatesQuery,
    SaveLetterTemplate,
    WriteLetter,
)
from shared.contracts.prevention import operations as ops
from shared.contracts.prevention import requests as rq
from shared.contracts.prevention.codes import CaseStatus
from shared.decider import FieldRefused, Forbidden, NotFound, RuleViolation
from shared.identity import Caller, Role
from shared.rpc import RpcRouter

HOME_VISIT = LetterKind(
    code="home_visit",
    title="Termin für einen Hausbesuch",
    purpose="Ankündigung eines Hausbesuchs an den Haushalt, mit Tag und Uhrzeit",
    subject_line="Unser Hausbesuch am {{ tag }} um {{ uhrzeit }}",
    body="""Guten Tag {{ name }},

wie besprochen besuchen wir Sie am {{ wochentag }}, {{ tag }}, um {{ uhrzeit }} in Ihrer Wohnung {{ anschrift }}.

Bitte legen Sie, wenn vorhanden, neue Post Ihres Vermieters, des Jobcenters oder anderer Stellen bereit, damit wir sie gemeinsam ansehen können.

Wenn Ihnen der Termin nicht passt, rufen Sie uns bitte an; wir vereinbaren dann gern einen anderen.""",  # noqa: E501
    placeholders=(
        placeholder("name", "Name der Ansprechperson des Haushalts", "Frau Haddad"),
        placeholder("tag", "Tag des Besuchs", "14.12.2026"),
        placeholder("wochentag", "Wochentag des Besuchs", "Montag"),
        placeholder("uhrzeit", "Uhrzeit des Besuchs", "10:30 Uhr"),
        placeholder("anschrift", "Anschrift der Wohnung", "Kalker Hauptstraße 12"),
        placeholder("traeger", "Träger, der den Fall führt", "SKM Köln"),
        placeholder("stadt", "Kommune", "Köln"),
    ),
)
LETTERS = LetterBook("prevention", letter_templates, (HOME_VISIT,))
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def _coordination(caller: Caller) -> None:
    if caller.role is not Role.coordinator:
        raise Forbidden("role", "Nur die Koordination darf Briefvorlagen bearbeiten.")


def clock_time(at: time) -> str:
    return f"{at:%H:%M} Uhr"


class PreventionLetters:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands
        self.cases = Cases(commands)

    async def templates(self, caller: Caller) -> LetterTemplates:
        _coordination(caller)
        async with self.commands.db.read() as conn:
            return await LETTERS.templates(conn, caller.municipality)

    async def save(self, request: SaveLetterTemplate, caller: Caller) -> LetterTemplateRef:
        _coordination(caller)
        async with self.commands.db.transaction() as conn:
            return await LETTERS.save(conn, caller.municipality, request, caller.user_id)

    async def write(self, request: WriteLetter, caller: Caller) -> LetterFile:
        kind = LETTERS.kind(request.kind)
        access.require(caller, access.PROVIDER, "Hausbesuche ankündigen")
        case = await self.cases.get(rq.GetCase(case_id=request.subject_id), caller)
        if case.household_id is not None:
            # A restricted household is the coordination's alone (Art. 18), who visits none.
            async with self.commands.db.read() as conn:
                if await restricted_among(conn, caller.municipality, [case.household_id]):
                    raise NotFound("case", "Fall nicht gefunden.")
        if case.status is not CaseStatus.admitted:
            raise RuleViolation(
                "case_not_running", "Hausbesuche werden nur in einem laufenden Fall angekündigt."
            )
        day: date | None = request.appointment_on or case.next_visit_due
        if day is None:
            raise FieldRefused(
                "appointment_on", "day_missing", "Bitte den Tag des Besuchs angeben."
            )
        if day < today():
            raise FieldRefused(
                "appointment_on", "day_past", "Der Besuch wird angekündigt: bitte ab heute."
            )
        if request.appointment_at is None:
            raise FieldRefused(
                "appointment_at", "time_missing", "Bitte die Uhrzeit des Besuchs angeben."
            )
        if case.contact is None:
            raise RuleViolation("contact_erased", "Die Kontaktdaten des Haushalts sind gelöscht.")
        city = places.municipality_name(caller.municipality)
        provider = places.provider_name(case.provider, caller.municipality)
        address = case.street_address or ""
        values = {
            "name": case.contact.name,
            "tag": german_day(day),
            "wochentag": WEEKDAYS[day.weekday()],
            "uhrzeit": clock_time(request.appointment_at),
            "anschrift": address or "(Anschrift nicht erfasst)",
            "traeger": provider,
            "stadt": city,
        }
        name = f"Hausbesuch-{day.isoformat()}.pdf"
        async with self.commands.db.transaction() as conn:
            filled = await LETTERS.fill(conn, caller.municipality, kind.code, values)
            pdf = letter_pdf(
                Letter(
                    title=kind.title,
                    sender=(provider, f"Wohnintegrationshilfe {city}"),
                    recipient=(case.contact.name, *((address,) if address else ())),
                    place=city,
                    day=today(),
                    subject_line=filled.subject_line,
                    body=filled.body,
                    signature=f"{provider}, Wohnintegrationshilfe",
                )
            )
            # Kept with the case like an uploaded document (application/documents.py):
            # listed in its section „Unterlagen“, erased with it, in the Art. 15 export.
            return await keep_letter(
                archive(self.commands.db),
                conn,
                caller.municipality,
                request.subject_id,
                kind.code,
                name,
                pdf,
                caller.user_id,
            )


def register(rpc: RpcRouter, commands: CommandExecutor) -> None:
    """Answer prevention's three letter operations."""
    letters = PreventionLetters(commands)

    @rpc.handle(ops.LETTER_TEMPLATES)
    async def templates(body: LetterTemplatesQuery, caller: Caller) -> LetterTemplates:
        return await letters.templates(caller)

    @rpc.handle(ops.SAVE_LETTER_TEMPLATE)
    async def save(body: SaveLetterTemplate, caller: Caller) -> LetterTemplateRef:
        return await letters.save(body, caller)

    @rpc.handle(ops.WRITE_LETTER)
    async def write(body: WriteLetter, caller: Caller) -> LetterFile:
        return await letters.write(body, caller)
