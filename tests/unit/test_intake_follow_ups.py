"""Intake's written follow-ups against a real SQLite database: written on a household or
an inquiry, reassigned, postponed, completed, listed with their history; a retry writes
nothing twice; another provider's caseworker, an admin, a restricted or an erased
household get what access.py says; the texts query gives only what the caller may see;
erasure purges the texts (the events never had them), the Art. 15 export lists them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from services.intake.application.follow_ups import intake_follow_ups
from services.intake.application.inquiries import InquiryInbox
from services.intake.application.privacy import Privacy
from shared.application import CommandExecutor
from shared.casework.followups import FollowUps, stream_id
from shared.clock import today
from shared.contracts.followups import (
    FollowUpAction,
    FollowUpTextsQuery,
    PostponeFollowUp,
    ReassignFollowUp,
    ScheduleFollowUp,
    SubjectFollowUps,
    SubjectFollowUpsQuery,
    SubjectKind,
)
from shared.contracts.intake import (
    EraseHousehold,
    ExportHousehold,
    InquiryChannel,
    ReceiveInquiry,
    RestrictionReason,
    RestrictProcessing,
    SenderKind,
)
from shared.decider import DomainError, Forbidden, NotFound, RuleViolation
from shared.identity import Caller, Role
from shared.validation import IdUnavailable
from support.builders.intake import CARITAS, COORDINATOR, DRK, caller, intake_commands, register

TEXT = "Jobcenter wegen Mietübernahme anrufen Zqwv"
ADMIN = caller(Role.admin)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


def new(subject_id: UUID, **changes: object) -> ScheduleFollowUp:
    values: dict[str, object] = {
        "subject_kind": SubjectKind.household,
        "subject_id": subject_id,
        "due_on": today() + timedelta(days=3),
        "assignee": "caseworker-1",
        "text": TEXT,
    }
    return ScheduleFollowUp.model_validate(values | changes)


def files_contain(directory: Path, text: str) -> list[str]:
    return [p.name for p in directory.iterdir() if text.encode() in p.read_bytes()]


async def listed(
    follow_ups: FollowUps,
    subject_id: UUID,
    who: Caller = CARITAS,
    kind: SubjectKind = SubjectKind.household,
) -> SubjectFollowUps:
    query = SubjectFollowUpsQuery(subject_kind=kind, subject_id=subject_id)
    return await follow_ups.of_subject(query, who)


async def test_written_changed_completed_and_listed_with_history(
    commands: CommandExecutor,
) -> None:
    follow_ups = intake_follow_ups(commands)
    household = await register(commands)
    ref = await follow_ups.schedule(new(household), CARITAS)
    fid = ref.follow_up_id
    later = today() + timedelta(days=10)
    await follow_ups.reassign(fid, ReassignFollowUp(assignee=None), COORDINATOR)
    await follow_ups.postpone(fid, PostponeFollowUp(due_on=later), CARITAS)

    shown = await listed(follow_ups, household)
    assert [v.follow_up_id for v in shown.open] == [fid] and shown.done == []
    item = shown.open[0]
    assert (item.text, item.due_on, item.assignee, item.household_id) == (
        TEXT,
        later,
        None,
        household,
    )
    assert [s.action for s in item.history] == [
        FollowUpAction.scheduled,
        FollowUpAction.reassigned,
        FollowUpAction.postponed,
    ]
    assert [s.actor for s in item.history] == ["caseworker-1", "coordinator-1", "caseworker-1"]

    await follow_ups.complete(fid, CARITAS)
    shown = await listed(follow_ups, household)
    assert shown.open == [] and [v.follow_up_id for v in shown.done] == [fid]
    assert shown.done[0].completed_at is not None
    with pytest.raises(RuleViolation) as done_twice:
        await follow_ups.complete(fid, CARITAS)
    assert done_twice.value.code == "follow_up_completed"
    # No text in any event: the history is ids, days and pseudonyms.
    async with commands.db.read() as conn:
        events = await commands.store.load(conn, stream_id("koeln", fid))
    assert [e.envelope.event_type for e in events] == [
        "IntakeFollowUpScheduled",
        "IntakeFollowUpReassigned",
        "IntakeFollowUpPostponed",
        "IntakeFollowUpCompleted",
    ]
    assert all("Zqwv" not in str(e.envelope.payload) for e in events)
    assert {e.envelope.provider for e in events} == {"caritas"}


async def test_a_retried_create_writes_nothing_twice(commands: CommandExecutor) -> None:
    follow_ups = intake_follow_ups(commands)
    household = await register(commands)
    fid = uuid4()
    first = await follow_ups.schedule(new(household, follow_up_id=fid), CARITAS)
    again = await follow_ups.schedule(new(household, follow_up_id=fid), CARITAS)
    assert first == again
    async with commands.db.read() as conn:
        assert len(await commands.store.load(conn, stream_id("koeln", fid))) == 1
    assert len((await listed(follow_ups, household)).open) == 1
    # The same id for another follow-up is taken.
    other = new(household, follow_up_id=fid, due_on=today() + timedelta(days=9))
    with pytest.raises(IdUnavailable):
        await follow_ups.schedule(other, CARITAS)


async def test_a_past_day_is_refused_and_today_is_accepted(commands: CommandExecutor) -> None:
    follow_ups = intake_follow_ups(commands)
    household = await register(commands)
    with pytest.raises(DomainError) as past:
        await follow_ups.schedule(new(household, due_on=today() - timedelta(days=1)), CARITAS)
    assert past.value.code == "due_in_past"
    await follow_ups.schedule(new(household, due_on=today()), CARITAS)


async def test_another_providers_caseworker_finds_nothing(commands: CommandExecutor) -> None:
    follow_ups = intake_follow_ups(commands)
    household = await register(commands)
    fid = (await follow_ups.schedule(new(household), CARITAS)).follow_up_id
    with pytest.raises(NotFound):
        await follow_ups.schedule(new(household), DRK)
    with pytest.raises(NotFound):
        await listed(follow_ups, household, DRK)
    for change in (
        follow_ups.complete(fid, DRK),
        follow_ups.reassign(fid, ReassignFollowUp(assignee=None), DRK),
        follow_ups.postpone(fid, PostponeFollowUp(due_on=today()), DRK),
    ):
        with pytest.raises(NotFound) as hidden:
            await change
        assert hidden.value.code == "follow_up"  # as if it did not exist
    with pytest.raises(NotFound):
        await follow_ups.complete(uuid4(), CARITAS)
    texts = await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), DRK)
    assert texts.texts == {}
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), CARITAS)).texts == {fid: TEXT}
    # Another municipality's coordinator neither.
    other_city = caller(city="bergisch-gladbach")
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), other_city)).texts == {}


async def test_an_admin_reads_but_writes_nothing(commands: CommandExecutor) -> None:
    follow_ups = intake_follow_ups(commands)
    household = await register(commands)
    fid = (await follow_ups.schedule(new(household), CARITAS)).follow_up_id
    assert len((await listed(follow_ups, household, ADMIN)).open) == 1
    with pytest.raises(Forbidden):
        await follow_ups.schedule(new(household), ADMIN)
    with pytest.raises(Forbidden):
        await follow_ups.complete(fid, ADMIN)


async def test_a_restricted_household_hides_its_follow_ups(commands: CommandExecutor) -> None:
    follow_ups = intake_follow_ups(commands)
    household = await register(commands)
    fid = (await follow_ups.schedule(new(household), CARITAS)).follow_up_id
    restrict = RestrictProcessing(household_id=household, reason=RestrictionReason.retention_duty)
    await Privacy(commands).restrict(restrict, COORDINATOR)
    with pytest.raises(NotFound):
        await listed(follow_ups, household, CARITAS)
    with pytest.raises(NotFound):
        await follow_ups.complete(fid, CARITAS)
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), CARITAS)).texts == {}
    # The coordination still sees it.
    assert len((await listed(follow_ups, household, COORDINATOR)).open) == 1
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), COORDINATOR)).texts == {fid: TEXT}


async def test_erasure_purges_the_texts_and_the_export_lists_them(
    commands: CommandExecutor, tmp_path: Path
) -> None:
    follow_ups = intake_follow_ups(commands)
    inbox = InquiryInbox(commands)
    household = await register(commands)
    fid = (await follow_ups.schedule(new(household), CARITAS)).follow_up_id
    inquiry = await inbox.receive(
        ReceiveInquiry(
            sender_kind=SenderKind.resident, channel=InquiryChannel.phone, text="Anfrage"
        ),
        COORDINATOR,
    )
    on_inquiry = new(
        inquiry.inquiry_id, subject_kind=SubjectKind.inquiry, text="Rückruf Zqwi", assignee=None
    )
    await follow_ups.schedule(on_inquiry, COORDINATOR)

    exported = await Privacy(commands).export(ExportHousehold(household_id=household), COORDINATOR)
    assert [r["text"] for r in exported.personal_data["follow_ups"]] == [TEXT]
    assert files_contain(tmp_path, "Zqwv")

    await Privacy(commands).erase(EraseHousehold(household_id=household), COORDINATOR)
    assert files_contain(tmp_path, "Zqwv") == []
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), COORDINATOR)).texts == {}
    assert (await listed(follow_ups, household, COORDINATOR)).open == []
    with pytest.raises(RuleViolation) as erased:
        await follow_ups.schedule(new(household), COORDINATOR)
    assert erased.value.code == "household_erased"
    # An inquiry not opened as the household's case keeps its follow-up.
    shown = await listed(follow_ups, inquiry.inquiry_id, COORDINATOR, SubjectKind.inquiry)
    assert [v.text for v in shown.open] == ["Rückruf Zqwi"]


async def test_an_inquirys_follow_ups_are_the_coordinations(commands: CommandExecutor) -> None:
    follow_ups = intake_follow_ups(commands)
    inquiry = await InquiryInbox(commands).receive(
        ReceiveInquiry(
            sender_kind=SenderKind.resident, channel=InquiryChannel.phone, text="Anfrage"
        ),
        COORDINATOR,
    )
    on_inquiry = new(inquiry.inquiry_id, subject_kind=SubjectKind.inquiry, assignee=None)
    fid = (await follow_ups.schedule(on_inquiry, COORDINATOR)).follow_up_id
    with pytest.raises(Forbidden):
        await follow_ups.schedule(on_inquiry, CARITAS)
    with pytest.raises(Forbidden):
        await follow_ups.complete(fid, CARITAS)
    assert (await follow_ups.texts(FollowUpTextsQuery(ids=[fid]), CARITAS)).texts == {}
    with pytest.raises(NotFound):
        await follow_ups.schedule(new(uuid4(), subject_kind=SubjectKind.inquiry), COORDINATOR)
    with pytest.raises(NotFound):
        await follow_ups.schedule(new(uuid4(), subject_kind=SubjectKind.offer), COORDINATOR)
