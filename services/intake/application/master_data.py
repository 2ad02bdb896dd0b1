"""Keeping a household current: rectify its personal data (Art. 16 DSGVO) and change the
needs placement's matching uses.

A rectification compares the typed values with intake's tables; what differs is written
with its history row in the transaction that appends `PersonalDataCorrected` (the names
of the changed fields only). The request carries the version of the household it was made
on, and the stored values are compared again inside the transaction: a correction made
on an outdated page is refused instead of silently undoing a colleague's.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters import master_data as rows
from services.intake.adapters.directory import sync_directory
from services.intake.application import access
from services.intake.domain import household as hh
from services.intake.domain import household_commands as cmd
from shared.access import guarded
from shared.application import CommandExecutor
from shared.clock import today, utcnow
from shared.contracts.intake import CorrectedField, HouseholdRef
from shared.contracts.intake.master_data import ChangeNeeds, CorrectPersonalData
from shared.contracts.intake.requests import birth_date_problem_between
from shared.contracts.places import districts_of
from shared.decider import NotFound, RuleViolation
from shared.identity import Caller

STALE = (
    "Der Haushalt wurde inzwischen geändert. Bitte die Seite neu laden und die "
    "Berichtigung noch einmal eingeben."
)


def birth_date_rule(member_id: UUID) -> str:
    """The rule code of an implausible birth date of one person (the form puts the
    message at that person's field)."""
    return f"birth_date.{member_id}"


def _clean(value: rows.Value) -> rows.Value:
    """Typed text as stored: surrounding spaces dropped, an empty field is no value."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def changes_of(request: CorrectPersonalData, stored: rows.Stored) -> list[rows.Change]:
    """The fields whose corrected value differs from the stored one (of the persons, the
    contact and the note the request names: what it leaves out stays as it is)."""
    changes: list[rows.Change] = []

    def compare(
        member_id: UUID | None, field: CorrectedField, old: rows.Value, typed: rows.Value
    ) -> None:
        new = _clean(typed)
        if new != old:
            changes.append(rows.Change(member_id, field, old, new))

    for member in request.members:
        known = stored.members.get(member.member_id)
        if known is None:
            raise NotFound("member", "Diese Person gehört nicht zu diesem Haushalt.")
        for field in rows.MEMBER_FIELDS:
            compare(member.member_id, field, known.values[field], getattr(member, field.value))
    if request.contact is not None:
        for field in (CorrectedField.phone, CorrectedField.email):
            compare(None, field, stored.details[field], getattr(request.contact, field.value))
    if request.note is not None:
        note = CorrectedField.note
        compare(None, note, stored.details[note], request.note.text)
    return changes


def _plausible(changes: list[rows.Change], stored: rows.Stored, registered_on: date) -> None:
    """A corrected birth date must fit the person's age band on a day between the
    registration and today (the band was recorded on one of them)."""
    for change in changes:
        if change.field is not CorrectedField.birth_date or change.member_id is None:
            continue
        assert isinstance(change.new, date) or change.new is None
        if change.new is None:
            continue
        band = stored.members[change.member_id].age_band
        problem = birth_date_problem_between(change.new, band, registered_on, today())
        if problem is not None:
            raise RuleViolation(birth_date_rule(change.member_id), problem)


class MasterData:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def correct(self, request: CorrectPersonalData, caller: Caller) -> HouseholdRef:
        access.require_staff(caller)
        household_id = request.household_id
        stream = hh.stream_id(caller.municipality, household_id)
        state, version = await self.commands.load(hh.household, stream)
        # Visible first: whether the household or a person exists must not leak.
        access.require_visible(caller, state)
        if version != request.expected_version:
            raise RuleViolation("stale_version", STALE)
        async with self.commands.db.read() as conn:
            before = await rows.stored(conn, household_id)
        changes = changes_of(request, before)
        assert state.registered_on is not None
        _plausible(changes, before, state.registered_on)
        command = cmd.CorrectPersonalData(
            fields=tuple(c.field for c in changes),
            member_ids=tuple(dict.fromkeys(c.member_id for c in changes if c.member_id)),
            today=today(),
        )

        async def write(conn: AsyncConnection, after: hh.Household) -> None:
            if await rows.stored(conn, household_id) != before:
                raise RuleViolation("stale_version", STALE)
            await rows.write_changes(conn, household_id, changes, caller.user_id, utcnow())
            # The directory's sort name follows a corrected family name of the head.
            await sync_directory(conn, caller.municipality, after)

        await self.commands.execute(
            guarded(hh.household, lambda s: access.require_visible(caller, s)),
            stream,
            command,
            caller.command_context(),
            provider=lambda s: s.provider,
            also=write,
        )
        return HouseholdRef(household_id=household_id)

    async def change_needs(self, request: ChangeNeeds, caller: Caller) -> HouseholdRef:
        access.require_staff(caller)
        known = districts_of(caller.municipality)
        unknown = [d for d in request.preferred_districts if known and d not in known]
        if unknown:
            raise RuleViolation(
                "unknown_district",
                f"Diesen Stadtteil gibt es in der Kommune nicht: {', '.join(unknown)}. "
                "Bitte aus der Liste wählen.",
            )
        command = cmd.ChangeNeeds(
            changed_on=request.changed_on,
            today=today(),
            wbs=request.wbs,
            wbs_valid_until=request.wbs_valid_until,
            accessible_flat_needed=request.accessible_flat_needed,
            preferred_districts=tuple(request.preferred_districts),
            languages=tuple(request.languages),
            residence_outlook=request.residence_outlook,
        )
        await self.commands.execute(
            guarded(hh.household, lambda s: access.require_visible(caller, s)),
            hh.stream_id(caller.municipality, request.household_id),
            command,
            caller.command_context(),
            provider=lambda s: s.provider,
        )
        return HouseholdRef(household_id=request.household_id)
