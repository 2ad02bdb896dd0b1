"""Written follow-ups and case notes on a volunteer (the kernels wired by volunteer) against
a real SQLite database migrated by Alembic: the coordination and the volunteer's provider
write and settle them, another provider finds nothing, the admin reads and changes
nothing, the volunteer themself reads none of what staff write about them, and the
volunteer's erasure (by the coordination or by retention) purges every text."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import func, select

from services.volunteer.adapters.tables import follow_ups as follow_up_rows
from services.volunteer.adapters.tables import volunteer_notes
from services.volunteer.application.follow_ups import volunteer_follow_ups
from services.volunteer.application.notes import VolunteerNotes
from services.volunteer.application.retention import Volunteers as RetainedVolunteers
from services.volunteer.application.volunteers import Volunteers
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts import volunteer as c
from shared.contracts.followups import (
    FollowUpTextsQuery,
    ReassignFollowUp,
    ScheduleFollowUp,
    SubjectFollowUpsQuery,
    SubjectKind,
)
from shared.contracts.intake import ErasureGround
from shared.contracts.notes import ListNotes, NoteKind, WriteNote
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.identity import Role
from support.builders.volunteer import (
    CARITAS,
    COORDINATOR,
    DRK,
    MARIA,
    all_payloads,
    caller,
    ready_volunteer,
    volunteer_commands,
)

TEXT = "Führungszeugnis nachfragen Qxvw"
NOTE = "Telefonat: möchte ab März mittwochs helfen Jzkr"


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


def files_contain(directory: Path, text: str) -> list[str]:
    return [p.name for p in directory.iterdir() if text.encode() in p.read_bytes()]


def new(volunteer_id: UUID) -> ScheduleFollowUp:
    return ScheduleFollowUp(
        subject_kind=SubjectKind.volunteer,
        subject_id=volunteer_id,
        due_on=today() + timedelta(days=3),
        text=TEXT,
    )


def of(volunteer_id: UUID) -> SubjectFollowUpsQuery:
    return SubjectFollowUpsQuery(subject_kind=SubjectKind.volunteer, subject_id=volunteer_id)


async def test_a_volunteer_follow_up_through_its_life(commands: CommandExecutor) -> None:
    follow_ups = volunteer_follow_ups(commands)
    vid = await ready_volunteer(commands)
    fid = (await follow_ups.schedule(new(vid), CARITAS)).follow_up_id
    await follow_ups.reassign(fid, ReassignFollowUp(assignee="coordinator-1"), COORDINATOR)
    shown = await follow_ups.of_subject(of(vid), caller(Role.admin))
    assert [(v.text, v.assignee, v.household_id) for v in shown.open] == [
        (TEXT, "coordinator-1", None)
    ]
    texts = await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), CARITAS)
    assert texts.texts == {fid: TEXT}
    # The text is no event's; the envelope carries the volunteer's provider (reporting's scope).
    assert "Qxvw" not in await all_payloads(commands)
    await follow_ups.complete(fid, CARITAS)
    done = await follow_ups.of_subject(of(vid), COORDINATOR)
    assert (done.open, [v.follow_up_id for v in done.done]) == ([], [fid])


async def test_who_may_act_on_a_volunteers_follow_ups(commands: CommandExecutor) -> None:
    follow_ups = volunteer_follow_ups(commands)
    vid = await ready_volunteer(commands)
    fid = (await follow_ups.schedule(new(vid), COORDINATOR)).follow_up_id
    # Another provider: as if neither the volunteer nor the follow-up existed.
    with pytest.raises(NotFound):
        await follow_ups.of_subject(of(vid), DRK)
    with pytest.raises(NotFound):
        await follow_ups.schedule(new(vid), DRK)
    with pytest.raises(NotFound):
        await follow_ups.complete(fid, DRK)
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), DRK)).texts == {}
    # The volunteer themself: nothing of what staff plan about them.
    with pytest.raises(Forbidden):
        await follow_ups.of_subject(of(vid), MARIA)
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), MARIA)).texts == {}
    # The admin reads, changes nothing; the housing office has no business here.
    with pytest.raises(Forbidden):
        await follow_ups.schedule(new(vid), caller(Role.admin))
    with pytest.raises(Forbidden):
        await follow_ups.complete(fid, caller(Role.admin))
    with pytest.raises(Forbidden):
        await follow_ups.of_subject(of(vid), caller(Role.housing_office))
    # An unknown volunteer is not found, for the coordination too.
    with pytest.raises(NotFound):
        await follow_ups.schedule(new(uuid4()), COORDINATOR)


async def test_notes_on_a_volunteer_are_staffs_alone(commands: CommandExecutor) -> None:
    notes = VolunteerNotes(commands)
    vid = await ready_volunteer(commands)
    note_id = uuid4()
    body = WriteNote(note_id=note_id, kind=NoteKind.phone_call, text=NOTE)
    await notes.write(vid, body, CARITAS)
    # Sent again (a retry): stored once.
    await notes.write(vid, body, CARITAS)
    listed = await notes.listing(ListNotes(subject_id=vid), caller(Role.admin))
    assert [(n.note_id, n.text, n.author) for n in listed.notes] == [
        (note_id, NOTE, CARITAS.user_id)
    ]
    assert "Jzkr" not in await all_payloads(commands)
    with pytest.raises(NotFound):
        await notes.listing(ListNotes(subject_id=vid), DRK)
    with pytest.raises(NotFound):
        await notes.write(vid, WriteNote(kind=NoteKind.visit, text="x"), DRK)
    with pytest.raises(Forbidden):
        await notes.listing(ListNotes(subject_id=vid), MARIA)
    with pytest.raises(Forbidden):
        await notes.write(vid, WriteNote(kind=NoteKind.visit, text="x"), caller(Role.admin))
    with pytest.raises(NotFound):
        await notes.listing(ListNotes(subject_id=uuid4()), COORDINATOR)


async def test_erasing_the_volunteer_purges_notes_and_follow_up_texts(
    commands: CommandExecutor, tmp_path: Path
) -> None:
    follow_ups = volunteer_follow_ups(commands)
    notes = VolunteerNotes(commands)
    vid = await ready_volunteer(commands)
    other = await ready_volunteer(commands, user="jonas.k")
    fid = (await follow_ups.schedule(new(vid), CARITAS)).follow_up_id
    await follow_ups.schedule(new(other).model_copy(update={"text": "bleibt"}), CARITAS)
    await notes.write(vid, WriteNote(kind=NoteKind.meeting, text=NOTE), CARITAS)
    await notes.write(other, WriteNote(kind=NoteKind.meeting, text="bleibt"), CARITAS)

    erase = c.EraseVolunteer(ground=ErasureGround.data_subject_request)
    await Volunteers(commands).erase(vid, erase, COORDINATOR)

    assert files_contain(tmp_path, "Qxvw") == files_contain(tmp_path, "Jzkr") == []
    assert (await notes.listing(ListNotes(subject_id=vid), COORDINATOR)).notes == []
    assert (await follow_ups.of_subject(of(vid), COORDINATOR)).open == []
    # The other volunteer's keep theirs.
    async with commands.db.read() as conn:
        assert await conn.scalar(select(func.count()).select_from(volunteer_notes)) == 1
        assert await conn.scalar(select(func.count()).select_from(follow_up_rows)) == 1
    # Nothing new is written on an erased volunteer; an open follow-up is still settled.
    with pytest.raises(RuleViolation) as refused:
        await follow_ups.schedule(new(vid), CARITAS)
    assert refused.value.code == "volunteer_erased"
    with pytest.raises(RuleViolation):
        await notes.write(vid, WriteNote(kind=NoteKind.visit, text="x"), CARITAS)
    await follow_ups.complete(fid, CARITAS)


async def test_retention_purges_the_texts_too(commands: CommandExecutor) -> None:
    follow_ups = volunteer_follow_ups(commands)
    vid = await ready_volunteer(commands)
    await follow_ups.schedule(new(vid), CARITAS)
    await VolunteerNotes(commands).write(vid, WriteNote(kind=NoteKind.letter, text=NOTE), CARITAS)
    await Volunteers(commands).leave(vid, c.RecordLeaving(left_on="2025-03-01"), COORDINATOR)
    job = caller(user="retention")
    await RetainedVolunteers(commands).erase(job, vid, today())
    async with commands.db.read() as conn:
        assert await conn.scalar(select(func.count()).select_from(volunteer_notes)) == 0
        assert await conn.scalar(select(func.count()).select_from(follow_up_rows)) == 0
