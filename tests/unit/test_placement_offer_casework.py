"""Written follow-ups and notes on an offer (placement) against a real SQLite database:
the coordination writes, lists, settles them; a caseworker, who reads the offer, is refused
both; an unknown offer or another town's is not found; a household's erasure removes the
notes and blanks the follow-up texts of the offers it was proposed for, and no other's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import insert

from services.placement.adapters.tables import proposals
from services.placement.application.follow_ups import placement_follow_ups
from services.placement.application.landlords import Landlords
from services.placement.application.notes import ERASED_TEXT, OfferNotes, erase_household_texts
from services.placement.application.offers import Offers
from services.placement.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.casework.followups import FollowUps
from shared.clock import today, utcnow
from shared.contracts import placement as c
from shared.contracts.followups import (
    FollowUpTextsQuery,
    ScheduleFollowUp,
    SubjectFollowUpsQuery,
    SubjectKind,
)
from shared.contracts.notes import ListNotes, NoteKind, WriteNote
from shared.contracts.placement.events import PlacementFollowUpScheduled
from shared.db import Database
from shared.decider import Forbidden, NotFound
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on

TEXT = "Frau Brandt von der GAG zurückrufen Xqwe"
NOTE = "Telefonat mit Herrn Kaya, Hausverwaltung: Schlüssel ab Montag Yzpo"
HID = UUID("00000000-0000-4000-8000-0000000000c1")


def caller(role: Role, provider: str | None = None, city: str = "koeln") -> Caller:
    return Caller(
        user_id=f"{role}-1", role=role, municipality=city, provider=provider, correlation_id=uuid4()
    )


COORDINATOR = caller(Role.coordinator)
CASEWORKER = caller(Role.caseworker, "caritas")


@dataclass
class Setup:
    commands: CommandExecutor
    follow_ups: FollowUps
    notes: OfferNotes

    async def offer(self) -> UUID:
        landlord = await Landlords(self.commands).register(
            c.RegisterLandlord(kind=c.LandlordKind.private, name="Haus Brandt"), COORDINATOR
        )
        received = c.ReceiveOffer.model_validate(
            {
                "landlord_id": landlord.landlord_id,
                "district": "kalk",
                "rooms": 3,
                "size_m2": 70,
                "cold_rent": 600,
                "running_costs": 150,
                "available_from": today().isoformat(),
                "wbs_required": False,
                "source": "private_landlord",
            }
        )
        return (await Offers(self.commands).receive(received, COORDINATOR)).offer_id


@pytest.fixture
async def s(tmp_path: Path) -> AsyncIterator[Setup]:
    url = f"sqlite+aiosqlite:///{tmp_path}/placement.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    commands = executor_on(db)
    try:
        yield Setup(commands, placement_follow_ups(commands), OfferNotes(commands))
    finally:
        await db.dispose()


def schedule(offer_id: UUID, text: str = TEXT) -> ScheduleFollowUp:
    return ScheduleFollowUp(
        subject_kind=SubjectKind.offer,
        subject_id=offer_id,
        due_on=today() + timedelta(days=3),
        text=text,
    )


def of_offer(offer_id: UUID) -> SubjectFollowUpsQuery:
    return SubjectFollowUpsQuery(subject_kind=SubjectKind.offer, subject_id=offer_id)


async def test_the_coordination_keeps_follow_ups_on_an_offer(s: Setup) -> None:
    offer_id = await s.offer()
    fid = (await s.follow_ups.schedule(schedule(offer_id), COORDINATOR)).follow_up_id
    # Sent again (a retry), it is the same follow-up.
    again = schedule(offer_id).model_copy(update={"follow_up_id": fid})
    assert (await s.follow_ups.schedule(again, COORDINATOR)).follow_up_id == fid

    shown = await s.follow_ups.of_subject(of_offer(offer_id), COORDINATOR)
    assert [(v.follow_up_id, v.text, v.household_id) for v in shown.open] == [(fid, TEXT, None)]
    await s.follow_ups.complete(fid, COORDINATOR)
    shown = await s.follow_ups.of_subject(of_offer(offer_id), COORDINATOR)
    assert (shown.open, [v.follow_up_id for v in shown.done]) == ([], [fid])

    # The event carries no text, and no provider: only the coordination sees it due.
    async with s.commands.db.read() as conn:
        scheduled = (await s.commands.store.load(conn, f"follow_up:koeln:{fid}"))[0]
    assert isinstance(scheduled.event, PlacementFollowUpScheduled)
    assert scheduled.envelope.provider is None
    assert TEXT not in scheduled.event.model_dump_json()


async def test_a_caseworker_reads_the_offer_but_not_its_follow_ups_or_notes(s: Setup) -> None:
    offer_id = await s.offer()
    fid = (await s.follow_ups.schedule(schedule(offer_id), COORDINATOR)).follow_up_id
    with pytest.raises(Forbidden):
        await s.follow_ups.of_subject(of_offer(offer_id), CASEWORKER)
    with pytest.raises(Forbidden):
        await s.follow_ups.schedule(schedule(offer_id), CASEWORKER)
    with pytest.raises(Forbidden):
        await s.follow_ups.complete(fid, CASEWORKER)
    assert (await s.follow_ups.texts(FollowUpTextsQuery(ids=[fid]), CASEWORKER)).texts == {}
    with pytest.raises(Forbidden):
        await s.notes.listing(ListNotes(subject_id=offer_id), CASEWORKER)
    with pytest.raises(Forbidden):
        await s.notes.write(offer_id, WriteNote(kind=NoteKind.phone_call, text=NOTE), CASEWORKER)


async def test_an_unknown_or_another_towns_offer_is_not_found(s: Setup) -> None:
    offer_id = await s.offer()
    bonn = caller(Role.coordinator, city="bonn")
    for who, subject in ((COORDINATOR, uuid4()), (bonn, offer_id)):
        with pytest.raises(NotFound):
            await s.follow_ups.schedule(schedule(subject), who)
        with pytest.raises(NotFound):
            await s.notes.write(subject, WriteNote(kind=NoteKind.visit, text=NOTE), who)
        with pytest.raises(NotFound):
            await s.notes.listing(ListNotes(subject_id=subject), who)


async def test_notes_on_an_offer_are_written_once_and_listed_newest_first(s: Setup) -> None:
    offer_id = await s.offer()
    first = WriteNote(note_id=uuid4(), kind=NoteKind.phone_call, text=NOTE)
    ref = await s.notes.write(offer_id, first, COORDINATOR)
    assert (await s.notes.write(offer_id, first, COORDINATOR)) == ref
    older = WriteNote(
        kind=NoteKind.letter,
        text="Brief an die Hausverwaltung",
        written_on=date.today() - timedelta(days=1),
    )
    await s.notes.write(offer_id, older, COORDINATOR)
    listed = await s.notes.listing(ListNotes(subject_id=offer_id), COORDINATOR)
    assert [(n.kind, n.text) for n in listed.notes] == [
        (NoteKind.phone_call, NOTE),
        (NoteKind.letter, "Brief an die Hausverwaltung"),
    ]
    assert listed.page.total == 2


async def test_a_households_erasure_clears_the_texts_of_the_offers_it_was_proposed_for(
    s: Setup,
) -> None:
    proposed_for, other = await s.offer(), await s.offer()
    async with s.commands.db.transaction() as conn:
        await conn.execute(
            insert(proposals).values(
                offer_id=proposed_for,
                household_id=HID,
                municipality="koeln",
                provider="caritas",
                proposed_on=today(),
            )
        )
    fid = (await s.follow_ups.schedule(schedule(proposed_for), COORDINATOR)).follow_up_id
    kept = (await s.follow_ups.schedule(schedule(other), COORDINATOR)).follow_up_id
    note = WriteNote(kind=NoteKind.phone_call, text=NOTE)
    await s.notes.write(proposed_for, note, COORDINATOR)
    await s.notes.write(other, note, COORDINATOR)
    erased_at = utcnow()
    async with s.commands.db.transaction() as conn:
        # Another town's household of the same id touches nothing in Köln.
        await erase_household_texts(conn, "bonn", HID, erased_at)
        await erase_household_texts(conn, "koeln", HID, erased_at)
    # Written after the erasure (a replay of it must leave this note alone).
    await s.notes.write(
        proposed_for, WriteNote(kind=NoteKind.visit, text="Besichtigung"), COORDINATOR
    )
    async with s.commands.db.transaction() as conn:
        await erase_household_texts(conn, "koeln", HID, erased_at)

    listed = await s.notes.listing(ListNotes(subject_id=proposed_for), COORDINATOR)
    assert [n.text for n in listed.notes] == ["Besichtigung"]
    assert [
        n.text for n in (await s.notes.listing(ListNotes(subject_id=other), COORDINATOR)).notes
    ] == [NOTE]
    texts = await s.follow_ups.texts(FollowUpTextsQuery(ids=[fid, kept]), COORDINATOR)
    assert texts.texts == {fid: ERASED_TEXT, kept: TEXT}
    # The follow-up stays due (its day and history are no personal data).
    shown = await s.follow_ups.of_subject(of_offer(proposed_for), COORDINATOR)
    assert [v.follow_up_id for v in shown.open] == [fid]
