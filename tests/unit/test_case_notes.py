"""Case notes (shared/casework/notes.py): the contract's rules on what a person types, the
kernel's rule of a retried write, and the use cases of intake (households) and prevention
(cases) against real SQLite databases: paged newest first, one note per retried id, scope
(another provider, restriction, erasure), the Art. 15 export — and never an event."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

import support.builders.intake as ib
import support.builders.prevention as pb
from services.intake.adapters.tables import household_notes
from services.intake.application.notes import HouseholdNotes
from services.intake.application.privacy import Privacy
from services.prevention.adapters import restrictions
from services.prevention.adapters.tables import case_file_notes
from services.prevention.application.erasure import CaseErasure
from services.prevention.application.household_export import export_household
from services.prevention.application.notes import CaseNotes
from shared.application import CommandExecutor
from shared.casework.notes import Draft, draft, is_retry
from shared.clock import today
from shared.contracts.intake import (
    EraseHousehold,
    ExportHousehold,
    RestrictionReason,
    RestrictProcessing,
)
from shared.contracts.notes import TEXT_MAX, ListNotes, NoteKind, WriteNote
from shared.contracts.prevention import EraseCase
from shared.contracts.prevention.household_export import ExportPreventionHousehold
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.eventstore.schema import events, outbox
from shared.identity import Role
from shared.validation import IdUnavailable, field_errors

SUBJECT = UUID("00000000-0000-4000-8000-0000000000a1")


def note(text: str = "Telefonat mit Frau Haddad", **extra: object) -> WriteNote:
    return WriteNote.model_validate({"kind": "phone_call", "text": text, **extra})


def messages(exc: ValidationError) -> list[str]:
    return [e["msg"] for e in exc.errors()]


# ---------------------------------------------------------------- what a person types


def test_a_note_without_a_day_is_of_today_and_its_text_is_trimmed() -> None:
    written = note("  Rückruf vereinbart.\nTermin am Montag.  ")
    drafted = draft(SUBJECT, written, "user-1", date(2026, 3, 2))
    assert drafted.written_on == date(2026, 3, 2)
    assert drafted.text == "Rückruf vereinbart.\nTermin am Montag."
    assert drafted.note_id is not None


def test_a_day_ahead_is_refused_in_german() -> None:
    with pytest.raises(ValidationError) as refused:
        note(written_on=(today() + timedelta(days=1)).isoformat())
    assert messages(refused.value) == [
        "Eine Notiz hält fest, was geschehen ist: bitte einen Tag bis heute angeben."
    ]
    assert note(written_on=today().isoformat()).written_on == today()


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_an_empty_text_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        note(text)
    (error,) = field_errors(refused.value.errors())
    assert error.field == "text" and error.message.startswith("Bitte")


def test_a_text_longer_than_the_limit_is_refused_and_the_limit_itself_taken() -> None:
    assert len(note("x" * TEXT_MAX).text) == TEXT_MAX
    with pytest.raises(ValidationError) as refused:
        note("x" * (TEXT_MAX + 1))
    (error,) = field_errors(refused.value.errors())
    assert (error.field, error.message) == ("text", "Bitte höchstens 4000 Zeichen eingeben.")


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValidationError):
        WriteNote.model_validate({"kind": "email", "text": "x"})


def test_a_retry_is_the_same_note_by_the_same_author_on_the_same_subject() -> None:
    stored = Draft(uuid4(), SUBJECT, "user-1", NoteKind.visit, date(2026, 3, 1), "Besuch")
    # Sent again the next morning without a day of its own: still the same note.
    assert is_retry(
        stored,
        Draft(stored.note_id, SUBJECT, "user-1", NoteKind.visit, date(2026, 3, 2), "Besuch"),
        day_given=False,
    )
    for other in (
        Draft(stored.note_id, uuid4(), "user-1", NoteKind.visit, stored.written_on, "Besuch"),
        Draft(stored.note_id, SUBJECT, "user-2", NoteKind.visit, stored.written_on, "Besuch"),
        Draft(stored.note_id, SUBJECT, "user-1", NoteKind.letter, stored.written_on, "Besuch"),
        Draft(stored.note_id, SUBJECT, "user-1", NoteKind.visit, stored.written_on, "Brief"),
        Draft(stored.note_id, SUBJECT, "user-1", NoteKind.visit, date(2026, 2, 1), "Besuch"),
    ):
        assert not is_retry(stored, other, day_given=True)


# ---------------------------------------------------------------- intake: households


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with ib.intake_commands(tmp_path) as executor:
        yield executor


async def count(commands: CommandExecutor, table: object) -> int:
    async with commands.db.read() as conn:
        return int(await conn.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


async def test_notes_are_listed_newest_day_first_in_pages(commands: CommandExecutor) -> None:
    household_id = await ib.register(commands)
    notes = HouseholdNotes(commands)
    for day in (3, 1, 2):
        await notes.write(
            household_id, note(f"Tag {day}", written_on=f"2026-01-0{day}"), ib.CARITAS
        )
    first = await notes.listing(ListNotes(subject_id=household_id, per_page=2), ib.CARITAS)
    assert [n.text for n in first.notes] == ["Tag 3", "Tag 2"]
    assert (first.page.total, first.page.pages) == (3, 2)
    second = await notes.listing(
        ListNotes(subject_id=household_id, per_page=2, page=2), ib.COORDINATOR
    )
    assert [n.text for n in second.notes] == ["Tag 1"]
    assert second.notes[0].author == ib.CARITAS.user_id
    assert second.notes[0].kind is NoteKind.phone_call


async def test_a_note_is_no_event(commands: CommandExecutor) -> None:
    household_id = await ib.register(commands)
    before = (await count(commands, events), await count(commands, outbox))
    await HouseholdNotes(commands).write(household_id, note(), ib.CARITAS)
    assert (await count(commands, events), await count(commands, outbox)) == before
    assert await count(commands, household_notes) == 1


async def test_a_retried_note_is_stored_once_and_a_taken_id_refused(
    commands: CommandExecutor,
) -> None:
    household_id = await ib.register(commands)
    notes = HouseholdNotes(commands)
    note_id = uuid4()
    first = await notes.write(household_id, note(note_id=str(note_id)), ib.CARITAS)
    again = await notes.write(household_id, note(note_id=str(note_id)), ib.CARITAS)
    assert first == again and first.note_id == note_id
    assert await count(commands, household_notes) == 1
    with pytest.raises(IdUnavailable):
        await notes.write(household_id, note("anders", note_id=str(note_id)), ib.CARITAS)
    with pytest.raises(IdUnavailable):
        await notes.write(household_id, note(note_id=str(note_id)), ib.COORDINATOR)


async def test_another_provider_and_other_roles_reach_no_note(commands: CommandExecutor) -> None:
    household_id = await ib.register(commands)
    notes = HouseholdNotes(commands)
    await notes.write(household_id, note(), ib.CARITAS)
    with pytest.raises(NotFound):
        await notes.write(household_id, note(), ib.DRK)
    with pytest.raises(NotFound):
        await notes.listing(ListNotes(subject_id=household_id), ib.DRK)
    with pytest.raises(NotFound):
        await notes.listing(ListNotes(subject_id=uuid4()), ib.COORDINATOR)
    with pytest.raises(NotFound):
        await notes.listing(ListNotes(subject_id=household_id), ib.caller(city="bergisch-gladbach"))
    for role in (Role.admin, Role.volunteer, Role.analyst, Role.housing_office):
        with pytest.raises(Forbidden):
            await notes.listing(ListNotes(subject_id=household_id), ib.caller(role, "caritas"))


async def test_restriction_hides_the_notes_and_stops_new_ones(commands: CommandExecutor) -> None:
    household_id = await ib.register(commands)
    notes = HouseholdNotes(commands)
    await notes.write(household_id, note(), ib.CARITAS)
    restrict = RestrictProcessing(household_id=household_id, reason=RestrictionReason.legal_claims)
    await Privacy(commands).restrict(restrict, ib.COORDINATOR)
    with pytest.raises(NotFound):
        await notes.listing(ListNotes(subject_id=household_id), ib.CARITAS)
    listed = await notes.listing(ListNotes(subject_id=household_id), ib.COORDINATOR)
    assert len(listed.notes) == 1
    with pytest.raises(RuleViolation) as refused:
        await notes.write(household_id, note(), ib.COORDINATOR)
    assert refused.value.code == "restricted"


async def test_export_lists_the_notes_and_erasure_takes_them(commands: CommandExecutor) -> None:
    household_id = await ib.register(commands)
    other = await ib.register(commands)
    notes = HouseholdNotes(commands)
    await notes.write(household_id, note("Zqxwvnotiz", kind="visit"), ib.CARITAS)
    await notes.write(other, note("bleibt"), ib.CARITAS)
    privacy = Privacy(commands)
    exported = await privacy.export(ExportHousehold(household_id=household_id), ib.COORDINATOR)
    (row,) = exported.personal_data["household_notes"]
    assert (row["text"], row["note_kind"], row["author"]) == (
        "Zqxwvnotiz",
        "visit",
        ib.CARITAS.user_id,
    )
    await privacy.erase(EraseHousehold(household_id=household_id), ib.COORDINATOR)
    exported = await privacy.export(ExportHousehold(household_id=household_id), ib.COORDINATOR)
    assert exported.personal_data["household_notes"] == []
    assert await count(commands, household_notes) == 1
    listed = await notes.listing(ListNotes(subject_id=household_id), ib.COORDINATOR)
    assert listed.notes == []
    with pytest.raises(RuleViolation) as refused:
        await notes.write(household_id, note(), ib.COORDINATOR)
    assert refused.value.code == "erased"


# ---------------------------------------------------------------- prevention: cases


@pytest.fixture
async def prevention(tmp_path: Path) -> AsyncIterator[pb.Setup]:
    async with pb.prevention_setup(tmp_path) as setup:
        yield setup


async def test_whoever_sees_the_case_writes_and_reads_its_notes(prevention: pb.Setup) -> None:
    case_id = await pb.running_case(prevention)
    notes = CaseNotes(prevention.commands)
    await notes.write(case_id, note("Hausbesuch, Mietrückstand besprochen"), pb.SKM)
    await notes.write(case_id, note("Brief ans Jobcenter", kind="letter"), pb.OFFICE)
    for reader in (pb.SKM, pb.OFFICE, pb.COORDINATOR):
        listed = await notes.listing(ListNotes(subject_id=case_id), reader)
        assert listed.page.total == 2
    other = pb.caller(Role.caseworker, "caritas")
    with pytest.raises(NotFound):
        await notes.listing(ListNotes(subject_id=case_id), other)
    with pytest.raises(NotFound):
        await notes.write(case_id, note(), other)
    with pytest.raises(Forbidden):
        await notes.listing(ListNotes(subject_id=case_id), pb.caller(Role.admin))


async def test_a_case_of_a_restricted_household_is_the_coordinations_alone(
    prevention: pb.Setup,
) -> None:
    household_id = uuid4()
    case_id = await pb.running_case(prevention, household_id=household_id)
    notes = CaseNotes(prevention.commands)
    await notes.write(case_id, note(), pb.SKM)
    async with prevention.commands.db.transaction() as conn:
        await restrictions.restrict(conn, "koeln", household_id, today())
    for reader in (pb.SKM, pb.OFFICE):
        with pytest.raises(NotFound):
            await notes.listing(ListNotes(subject_id=case_id), reader)
    assert (await notes.listing(ListNotes(subject_id=case_id), pb.COORDINATOR)).page.total == 1
    with pytest.raises(RuleViolation) as refused:
        await notes.write(case_id, note(), pb.COORDINATOR)
    assert refused.value.code == "restricted"


async def test_the_household_export_lists_a_cases_notes_and_erasure_takes_them(
    prevention: pb.Setup,
) -> None:
    household_id = uuid4()
    case_id = await pb.running_case(prevention, household_id=household_id)
    notes = CaseNotes(prevention.commands)
    await notes.write(case_id, note("Zqxwvfall"), pb.SKM)
    asked = ExportPreventionHousehold(household_id=household_id)
    exported = await export_household(prevention.commands, asked, pb.COORDINATOR)
    assert [r["text"] for r in exported.records["case_file_notes"]] == ["Zqxwvfall"]
    erase = EraseCase()
    await CaseErasure(prevention.commands).erase(case_id, erase, pb.COORDINATOR)
    exported = await export_household(prevention.commands, asked, pb.COORDINATOR)
    assert exported.records["case_file_notes"] == []
    assert await count(prevention.commands, case_file_notes) == 0
    with pytest.raises(RuleViolation) as refused:
        await notes.write(case_id, note(), pb.SKM)
    assert refused.value.code == "erased"
