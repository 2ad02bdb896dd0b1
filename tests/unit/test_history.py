"""Who changed what (shared/casework/history.py, shared/contracts/history.py, the gateway's
words in services/gateway/history/): every event type of the four subjects' streams has
its German word; an entry carries only the listed facts, never a personal datum even if
an event held one; intake's use case pages a household's stream newest first, scoped
like the household's page (another provider, another town, restriction: not found); and
prevention's and volunteer's answer whoever sees the case or the volunteer."""

from __future__ import annotations

import typing
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import pytest

import support.builders.intake as ib
import support.builders.prevention as pb
import support.builders.volunteer as vb
from services.gateway.history import labels as words
from services.gateway.history.pages import Actors, details
from services.intake.application.history import HISTORY as HOUSEHOLD_FACTS
from services.intake.application.history import HouseholdHistory
from services.intake.application.households import Households
from services.intake.application.master_data import MasterData
from services.intake.application.privacy import Privacy
from services.intake.domain.household_state import Event as HouseholdEvent
from services.placement.domain.offer_state import Event as OfferEvent
from services.prevention.application.history import CaseHistory
from services.prevention.domain.case_state import Event as CaseEvent
from services.volunteer.application.history import VolunteerHistory
from services.volunteer.domain.volunteer import Event as VolunteerEvent
from shared.application import CommandExecutor
from shared.casework.history import facts_of
from shared.contracts.history import HistoryQuery
from shared.contracts.intake import GetHousehold, RestrictionReason, RestrictProcessing
from shared.contracts.intake.master_data import CorrectPersonalData
from shared.decider import Forbidden, NotFound
from shared.identity import Role

CANARY = "Zqxwvkanarienvogel"
STREAMS = {
    "household": HouseholdEvent,
    "offer": OfferEvent,
    "case": CaseEvent,
    "volunteer": VolunteerEvent,
}


@pytest.mark.parametrize("subject", sorted(STREAMS))
def test_every_event_type_of_the_stream_has_a_german_word(subject: str) -> None:
    types = [cls.event_type for cls in typing.get_args(STREAMS[subject])]
    assert types, "the stream's Event union lists its types"
    assert [t for t in types if t not in words.EVENT_TYPES] == []


def test_an_entry_shows_only_the_listed_facts_and_only_codes() -> None:
    payload = {
        "household_id": str(uuid4()),
        "fields": ["birth_date", "family_name"],
        # Should an event ever carry more, the history still shows only what is listed.
        "family_name": CANARY,
        "note": CANARY,
    }
    shown = {"PersonalDataCorrected": ("fields", "count")}
    facts = facts_of("PersonalDataCorrected", payload | {"count": 3}, shown)
    assert facts == {"fields": ["birth_date", "family_name"]}
    assert CANARY not in repr(facts)
    # An event type without listed facts shows none, whatever it carries.
    assert facts_of("HouseholdRegistered", payload, shown) == {}
    # A listed key that holds no code (a mapping, a list of mappings) is left out.
    assert facts_of("X", {"fields": [{"name": CANARY}]}, {"X": ("fields",)}) == {}


def test_the_facts_read_as_words() -> None:
    assert details({"fields": ["birth_date", "phone"]}, "koeln") == "Geburtsdatum, Telefon"
    handed = {"from_provider": "caritas", "to_provider": "drk"}
    assert details(handed, "koeln") == "von Caritas Köln an DRK Köln"
    assert details({}, "koeln") == ""


def test_who_is_named_for_the_coordination_and_by_role_for_everyone_else() -> None:
    named = Actors({"u-1": "Anna Berger"}, {}, by_name=True)
    assert (named.who("u-1"), named.name("u-1")) == ("Anna Berger", "Anna Berger")
    assert named.who("gone") == "unbekannt"
    assert (named.who("system:intake"), named.name("system:intake")) == ("automatisch", None)
    by_role = Actors({}, {"u-1": Role.caseworker, "u-2": Role.coordinator}, by_name=False)
    assert by_role.who("u-1") == "Fachkraft (Träger)"
    assert by_role.who("u-2") == "Koordination"
    assert by_role.name("u-1") is None
    assert by_role.who("gone") == "unbekannt"


# ---------------------------------------------------------------- intake: a household


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with ib.intake_commands(tmp_path) as executor:
        yield executor


async def correct_birth_date(commands: CommandExecutor, household_id: UUID) -> None:
    view = await Households(commands).get(GetHousehold(household_id=household_id), ib.CARITAS)
    head = view.members[0]
    body = {
        "household_id": str(household_id),
        "expected_version": view.version,
        "members": [
            {
                "member_id": str(head.member_id),
                "given_name": head.given_name,
                "family_name": CANARY,
                "birth_date": "1981-02-01",
            }
        ],
    }
    await MasterData(commands).correct(CorrectPersonalData.model_validate(body), ib.CARITAS)


async def test_a_household_history_is_its_stream_newest_first_in_pages(
    commands: CommandExecutor,
) -> None:
    household_id = await ib.register(commands, ib.CARITAS)
    other = await ib.register(commands)
    await correct_birth_date(commands, household_id)
    history = HouseholdHistory(commands)

    first = await history.page(HistoryQuery(subject_id=household_id, per_page=1), ib.COORDINATOR)
    (newest,) = first.entries
    assert newest.event_type == "PersonalDataCorrected"
    assert sorted(newest.facts["fields"]) == ["birth_date", "family_name"]
    assert newest.actor == ib.CARITAS.user_id
    assert newest.occurred_at.date() <= date.today() and newest.recorded_at is not None
    assert CANARY not in first.model_dump_json()
    total = first.page.total
    assert total >= 2 and first.page.pages == total

    last = await history.page(
        HistoryQuery(subject_id=household_id, per_page=1, page=total), ib.CARITAS
    )
    assert [e.event_type for e in last.entries] == ["HouseholdRegistered"]
    oldest_first = await history.page(
        HistoryQuery(subject_id=household_id, descending=False), ib.CARITAS
    )
    assert oldest_first.entries[0].event_type == "HouseholdRegistered"
    assert len(oldest_first.entries) == total
    # The other household's stream is not part of it.
    theirs = await history.page(HistoryQuery(subject_id=other), ib.COORDINATOR)
    assert all(e.event_type != "PersonalDataCorrected" for e in theirs.entries)
    assert HOUSEHOLD_FACTS.shown["PersonalDataCorrected"] == ("fields",)


async def test_the_history_is_scoped_like_the_household_page(commands: CommandExecutor) -> None:
    household_id = await ib.register(commands, ib.CARITAS)
    history = HouseholdHistory(commands)
    query = HistoryQuery(subject_id=household_id)
    for foreign in (ib.DRK, ib.caller(city="bergisch-gladbach")):
        with pytest.raises(NotFound):
            await history.page(query, foreign)
    with pytest.raises(NotFound):
        await history.page(HistoryQuery(subject_id=uuid4()), ib.COORDINATOR)
    for role in (Role.admin, Role.volunteer, Role.analyst, Role.housing_office):
        with pytest.raises(Forbidden):
            await history.page(query, ib.caller(role, "caritas"))

    restrict = RestrictProcessing(household_id=household_id, reason=RestrictionReason.legal_claims)
    await Privacy(commands).restrict(restrict, ib.COORDINATOR)
    with pytest.raises(NotFound):
        await history.page(query, ib.CARITAS)
    seen = await history.page(query, ib.COORDINATOR)
    assert seen.entries[0].event_type == "ProcessingRestricted"


# ---------------------------------------------------------------- prevention, volunteer


async def test_a_case_history_is_for_whoever_sees_the_case(tmp_path: Path) -> None:
    async with pb.prevention_setup(tmp_path) as s:
        case_id = await pb.running_case(s)
        history = CaseHistory(s.commands)
        query = HistoryQuery(subject_id=case_id)
        for reader in (pb.SKM, pb.OFFICE, pb.COORDINATOR):
            seen = await history.page(query, reader)
            assert [e.event_type for e in seen.entries] == [
                "VisitRhythmPlanned",
                "ConsentRecorded",
                "CaseAdmitted",
                "EligibilityChecked",
                "ReferralReceived",
            ]
        assert {e.actor for e in seen.entries} == {pb.SKM.user_id, pb.OFFICE.user_id}
        # The referral's contact and address are no part of it.
        assert "Yilmaz" not in seen.model_dump_json()
        assert "Venloer" not in seen.model_dump_json()
        with pytest.raises(NotFound):
            await history.page(query, pb.caller(Role.caseworker, "caritas"))
        with pytest.raises(NotFound):
            await history.page(HistoryQuery(subject_id=uuid4()), pb.COORDINATOR)
        with pytest.raises(Forbidden):
            await history.page(query, pb.caller(Role.volunteer))


async def test_a_volunteer_history_is_for_staff_of_the_provider(tmp_path: Path) -> None:
    async with vb.volunteer_commands(tmp_path) as commands:
        volunteer_id = await vb.ready_volunteer(commands)
        history = VolunteerHistory(commands)
        query = HistoryQuery(subject_id=volunteer_id)
        for reader in (vb.CARITAS, vb.COORDINATOR, vb.caller(Role.admin)):
            seen = await history.page(query, reader)
            assert [e.event_type for e in seen.entries] == [
                "VolunteerOnboarded",
                "VolunteerRegistered",
            ]
        assert "Schmitz" not in seen.model_dump_json()
        with pytest.raises(NotFound):
            await history.page(query, vb.DRK)
        with pytest.raises(Forbidden):
            await history.page(query, vb.MARIA)
