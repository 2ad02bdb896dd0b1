"""Keeping a household current in intake: the decider of rectification (Art. 16 DSGVO)
and of needs (given events, when a command, then events or an error), and the use cases
against a real SQLite database: the history of corrections, the plausibility of a
corrected birth date, a stale form, erasure, restriction and the Art. 15 export."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from sqlalchemy import select

from services.intake.application.households import Households
from services.intake.application.master_data import MasterData
from services.intake.application.privacy import Privacy
from services.intake.domain.household import household
from services.intake.domain.household_commands import ChangeNeeds, CorrectPersonalData
from shared.application import CommandExecutor
from shared.clock import business_time, today
from shared.contracts.intake import (
    CorrectedField,
    DeregistrationReason,
    EraseHousehold,
    ExportHousehold,
    GetHousehold,
    HouseholdDeregistered,
    HouseholdNeedsChanged,
    HouseholdView,
    PersonalDataCorrected,
    ResidenceOutlook,
    RestrictionReason,
    RestrictProcessing,
)
from shared.contracts.intake.master_data import ChangeNeeds as ChangeNeedsRequest
from shared.contracts.intake.master_data import CorrectPersonalData as CorrectRequest
from shared.contracts.intake.privacy import EraseMember
from shared.decider import NotFound, RuleViolation
from shared.eventstore.schema import events, outbox
from shared.testing import given
from support.builders.household import DAY, HID, TODAY, erased, registered, restricted
from support.builders.intake import CARITAS, COORDINATOR, DRK, intake_commands, register

MEMBER = UUID("00000000-0000-4000-8000-00000000a001")


def correct(*fields: CorrectedField, members: tuple[UUID, ...] = ()) -> CorrectPersonalData:
    return CorrectPersonalData(fields=fields, member_ids=members, today=TODAY)


def needs(**changes: object) -> ChangeNeeds:
    values: dict[str, object] = {
        "changed_on": DAY,
        "today": TODAY,
        "wbs": True,
        "wbs_valid_until": date(2021, 6, 30),
        "accessible_flat_needed": True,
        "preferred_districts": ("kalk",),
        "languages": ("ar",),
        "residence_outlook": ResidenceOutlook.good,
    }
    values.update(changes)
    return ChangeNeeds(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the decider


def test_a_correction_names_the_changed_fields_and_no_value() -> None:
    given(household, registered()).when(
        correct(CorrectedField.birth_date, CorrectedField.phone, members=(MEMBER,))
    ).then(
        PersonalDataCorrected(
            household_id=HID,
            fields=(CorrectedField.birth_date, CorrectedField.phone),
            occurred_at=business_time(TODAY),
        )
    )


def test_a_correction_that_changes_nothing_is_refused() -> None:
    given(household, registered()).when(correct()).then_error(RuleViolation, code="nothing_changed")


def test_a_deregistered_household_can_still_be_corrected() -> None:
    gone = HouseholdDeregistered(
        household_id=HID,
        reason=DeregistrationReason.moved_on_own,
        adults=2,
        minors=2,
        occurred_at=business_time(DAY),
    )
    (event,) = household.decide(correct(CorrectedField.note), household.fold([registered(), gone]))
    assert isinstance(event, PersonalDataCorrected)


def test_erased_or_restricted_data_are_not_corrected() -> None:
    given(household, registered(), erased()).when(correct(CorrectedField.note)).then_error(
        RuleViolation, code="erased"
    )
    given(household, registered(), restricted()).when(correct(CorrectedField.note)).then_error(
        RuleViolation, code="restricted"
    )


def test_an_unknown_household_is_not_corrected() -> None:
    given(household).when(correct(CorrectedField.note)).then_error(NotFound, code="household")


def test_a_needs_change_is_the_whole_set_from_its_day() -> None:
    given(household, registered()).when(needs()).then(
        HouseholdNeedsChanged(
            household_id=HID,
            wbs=True,
            wbs_valid_until=date(2021, 6, 30),
            accessible_flat_needed=True,
            preferred_districts=("kalk",),
            languages=("ar",),
            residence_outlook=ResidenceOutlook.good,
            occurred_at=business_time(DAY),
        )
    )


def test_the_state_follows_the_needs_change() -> None:
    state = household.fold(
        [registered(), *household.decide(needs(), household.fold([registered()]))]
    )
    assert (state.wbs, state.accessible_flat_needed, state.preferred_districts) == (
        True,
        True,
        ("kalk",),
    )
    assert state.needs_changed_on == DAY


def test_needs_as_they_are_already_recorded_are_no_change() -> None:
    unchanged = needs(
        wbs=False,
        wbs_valid_until=None,
        accessible_flat_needed=None,
        preferred_districts=(),
        languages=(),
        residence_outlook=ResidenceOutlook.unknown,
    )
    given(household, registered()).when(unchanged).then_error(RuleViolation, code="needs_unchanged")


def test_a_validity_without_wbs_is_not_recorded() -> None:
    (event,) = household.decide(needs(wbs=False), household.fold([registered()]))
    assert isinstance(event, HouseholdNeedsChanged) and event.wbs_valid_until is None


def test_needs_do_not_change_before_the_last_change_nor_of_a_deregistered_household() -> None:
    first = household.decide(needs(), household.fold([registered()]))
    earlier = needs(changed_on=date(2020, 1, 5), languages=("ti",))
    given(household, registered(), *first).when(earlier).then_error(
        RuleViolation, code="before_last_needs_change"
    )
    gone = HouseholdDeregistered(
        household_id=HID,
        reason=DeregistrationReason.moved_on_own,
        adults=2,
        minors=2,
        occurred_at=business_time(DAY),
    )
    given(household, registered(), gone).when(needs()).then_error(
        RuleViolation, code="deregistered"
    )


# ---------------------------------------------------------------- the use cases


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


async def view_of(commands: CommandExecutor, household_id: UUID) -> HouseholdView:
    return await Households(commands).get(GetHousehold(household_id=household_id), COORDINATOR)


def correction(view: HouseholdView, **body: object) -> CorrectRequest:
    return CorrectRequest.model_validate(
        {"household_id": view.household_id, "expected_version": view.version, **body}
    )


def person(view: HouseholdView, index: int, **changes: object) -> dict[str, object]:
    m = view.members[index]
    return {
        "member_id": str(m.member_id),
        "given_name": m.given_name,
        "family_name": m.family_name,
        "birth_date": m.birth_date.isoformat() if m.birth_date else None,
        **changes,
    }


async def test_a_corrected_birth_date_is_stored_with_its_history(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, contact={"phone": "0221 1"}, note="alt")
    before = await view_of(commands, household_id)
    request = correction(
        before,
        members=[person(before, 0, birth_date="1981-02-01"), person(before, 2)],
        contact={"phone": "0221 2", "email": None},
    )
    await MasterData(commands).correct(request, CARITAS)
    after = await view_of(commands, household_id)
    assert after.members[0].birth_date == date(1981, 2, 1)
    assert after.contact is not None and after.contact.phone == "0221 2"
    assert after.note == "alt"  # not named: unchanged
    history = {(c.field, c.old_value, c.new_value, c.member_id, c.actor) for c in after.corrections}
    assert history == {
        (
            CorrectedField.birth_date,
            "1980-02-01",
            "1981-02-01",
            before.members[0].member_id,
            "caseworker-1",
        ),
        (CorrectedField.phone, "0221 1", "0221 2", None, "caseworker-1"),
    }
    # The event names the fields; not one value travels in an event or the outbox.
    async with commands.db.read() as conn:
        payloads = [str(p) for (p,) in await conn.execute(select(events.c.payload))]
        payloads += [str(tuple(r)) for r in await conn.execute(select(outbox))]
    corrected = [p for p in payloads if "birth_date" in p and "phone" in p]
    assert corrected and not any("1981-02-01" in p or "0221 " in p for p in payloads)


async def test_a_correction_on_an_outdated_page_is_refused(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    view = await view_of(commands, household_id)
    first = correction(view, note={"text": "neu"})
    await MasterData(commands).correct(first, CARITAS)
    with pytest.raises(RuleViolation) as refused:
        await MasterData(commands).correct(correction(view, note={"text": "anders"}), CARITAS)
    assert refused.value.code == "stale_version"
    assert (await view_of(commands, household_id)).note == "neu"


async def test_a_birth_date_against_the_age_band_is_refused_for_that_person(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    view = await view_of(commands, household_id)
    child = view.members[2]
    request = correction(view, members=[person(view, 2, birth_date="1970-05-01")])
    with pytest.raises(RuleViolation) as refused:
        await MasterData(commands).correct(request, CARITAS)
    assert refused.value.code == f"birth_date.{child.member_id}"
    assert refused.value.message == (
        "Nach dem Geburtsdatum war die Person schon am Tag der Aufnahme (01.03.2025) 54 Jahre "
        "alt — das passt nicht zur Altersgruppe „6–17 Jahre“."
    )
    too_young = correction(view, members=[person(view, 0, birth_date=today().isoformat())])
    with pytest.raises(RuleViolation) as refused:
        await MasterData(commands).correct(too_young, CARITAS)
    assert "ist die Person heute erst 0 Jahre alt" in refused.value.message
    assert (await view_of(commands, household_id)).corrections == []


async def test_another_providers_caseworker_hears_not_found(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    view = await view_of(commands, household_id)
    with pytest.raises(NotFound):
        await MasterData(commands).correct(correction(view, note={"text": "x"}), DRK)


async def test_a_person_of_another_household_is_not_corrected(commands: CommandExecutor) -> None:
    household_id = await register(commands)
    other = await view_of(commands, await register(commands))
    view = await view_of(commands, household_id)
    stranger = person(other, 0, given_name="Fremd")
    with pytest.raises(NotFound):
        await MasterData(commands).correct(correction(view, members=[stranger]), CARITAS)


async def test_export_lists_the_corrections_and_erasure_takes_them(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    view = await view_of(commands, household_id)
    request = correction(view, members=[person(view, 1, given_name="Zqxwvname")])
    await MasterData(commands).correct(request, CARITAS)
    privacy = Privacy(commands)
    exported = await privacy.export(ExportHousehold(household_id=household_id), COORDINATOR)
    (row,) = exported.personal_data["personal_data_corrections"]
    assert (row["field"], row["old_value"], row["new_value"]) == ("given_name", None, "Zqxwvname")
    await privacy.erase(EraseHousehold(household_id=household_id), COORDINATOR)
    exported = await privacy.export(ExportHousehold(household_id=household_id), COORDINATOR)
    assert exported.personal_data["personal_data_corrections"] == []
    assert (await view_of(commands, household_id)).corrections == []


async def test_erasing_a_person_takes_their_corrections_and_keeps_the_others(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    view = await view_of(commands, household_id)
    request = correction(view, members=[person(view, 1, given_name="Rana")], note={"text": "Notiz"})
    await MasterData(commands).correct(request, CARITAS)
    erase = EraseMember(household_id=household_id, member_id=view.members[1].member_id)
    await Privacy(commands).erase_member(erase, COORDINATOR)
    left = (await view_of(commands, household_id)).corrections
    assert [c.field for c in left] == [CorrectedField.note]


async def test_a_restricted_household_shows_no_corrections_and_takes_none(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands)
    view = await view_of(commands, household_id)
    await MasterData(commands).correct(correction(view, note={"text": "n"}), CARITAS)
    restrict = RestrictProcessing(household_id=household_id, reason=RestrictionReason.legal_claims)
    await Privacy(commands).restrict(restrict, COORDINATOR)
    restricted_view = await view_of(commands, household_id)
    assert restricted_view.corrections == []
    with pytest.raises(RuleViolation) as refused:
        await MasterData(commands).correct(
            correction(restricted_view, note={"text": "m"}), COORDINATOR
        )
    assert refused.value.code == "restricted"


async def test_needs_change_through_the_use_case_and_the_view_follows(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, accessible_flat_needed=False)
    assert (await view_of(commands, household_id)).accessible_flat_needed is False
    request = ChangeNeedsRequest.model_validate(
        {
            "household_id": household_id,
            "changed_on": today().isoformat(),
            "wbs": True,
            "accessible_flat_needed": True,
            "preferred_districts": ["kalk", "ehrenfeld"],
            "languages": ["ar"],
            "residence_outlook": "good",
        }
    )
    await MasterData(commands).change_needs(request, CARITAS)
    view = await view_of(commands, household_id)
    assert view.accessible_flat_needed is True and view.preferred_districts == ["kalk", "ehrenfeld"]
    assert (view.wbs, view.languages, view.residence_outlook) == (
        True,
        ["ar"],
        ResidenceOutlook.good,
    )
    typo = request.model_copy(update={"preferred_districts": ["klak"]})
    with pytest.raises(RuleViolation) as refused:
        await MasterData(commands).change_needs(typo, CARITAS)
    assert refused.value.code == "unknown_district" and "klak" in refused.value.message
