"""One household member's erasure (Art. 17 DSGVO) on intake's household decider, and
how volunteer and the household view treat it."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from services.intake.adapters.personal_data import PersonalData
from services.intake.application.household_view import household_view
from services.intake.domain.household import household
from services.intake.domain.household_commands import EraseMemberPersonalData
from shared.clock import business_time
from shared.contracts.intake import (
    ERASED,
    AgeBand,
    ErasureGround,
    ErasureScope,
    ErasureSubject,
    MemberRole,
    MemberView,
    PersonalDataErased,
)
from shared.decider import NotFound, RuleViolation
from shared.identity import Caller, Role
from shared.testing import given
from support.builders.household import ERASE, HID, TODAY, erased, registered, restricted

MEMBER = UUID("00000000-0000-4000-8000-0000000000e1")
OTHER_MEMBER = UUID("00000000-0000-4000-8000-0000000000e2")


def erase_member(member_id: UUID = MEMBER, *, found: bool = True) -> EraseMemberPersonalData:
    return EraseMemberPersonalData(
        member_id=member_id,
        ground=ErasureGround.data_subject_request,
        today=TODAY,
        member_found=found,
    )


def member_erased(member_id: UUID = MEMBER) -> PersonalDataErased:
    return PersonalDataErased(
        subject_kind=ErasureSubject.member,
        subject_id=member_id,
        household_id=HID,
        scope=ErasureScope.all_personal_data,
        ground=ErasureGround.data_subject_request,
        occurred_at=business_time(TODAY),
    )


def test_erasing_a_member_names_the_member_and_its_household() -> None:
    given(household, registered()).when(erase_member()).then(member_erased())


def test_a_member_of_another_household_is_not_found() -> None:
    given(household, registered()).when(erase_member(found=False)).then_error(NotFound, "member")


def test_an_unknown_household_is_not_found() -> None:
    given(household).when(erase_member()).then_error(NotFound, "household")


def test_erasing_the_same_member_twice_is_refused_with_the_day() -> None:
    error = (
        given(household, registered(), member_erased())
        .when(erase_member())
        .then_error(RuleViolation, "member_already_erased")
    )
    assert "bereits am 15.01.2020 gelöscht" in error.message


def test_another_member_can_still_be_erased_after_the_first() -> None:
    given(household, registered(), member_erased()).when(erase_member(OTHER_MEMBER)).then(
        member_erased(OTHER_MEMBER)
    )


def test_no_member_of_an_erased_household_is_erased_again() -> None:
    given(household, registered(), erased()).when(erase_member()).then_error(
        RuleViolation, "already_erased"
    )


def test_no_member_of_a_restricted_household_is_erased() -> None:
    given(household, registered(), restricted()).when(erase_member()).then_error(
        RuleViolation, "restricted"
    )


def test_a_member_erasure_leaves_the_household_counts_and_the_household_erasure_open() -> None:
    state = household.fold([registered(), member_erased()])
    assert (state.adults, state.minors, state.erased) == (2, 2, False)
    assert state.member_erased_on(MEMBER) == TODAY
    assert state.member_erased_on(OTHER_MEMBER) is None
    given(household, registered(), member_erased()).when(ERASE).then(erased())


def test_an_old_erasure_event_without_household_id_still_reads() -> None:
    payload = erased().model_dump(mode="json")
    payload.pop("household_id")
    old = PersonalDataErased.model_validate(payload)
    assert old.household_id is None and old.subject_kind is ErasureSubject.household


def _member(member_id: UUID, role: MemberRole, given_name: str) -> MemberView:
    return MemberView(
        member_id=member_id,
        role=role,
        age_band=AgeBand.age_27_64,
        minor=False,
        given_name=given_name,
        family_name="Muster",
        birth_date=date(1980, 1, 2),
    )


def test_the_view_names_an_erased_head_of_household_geloescht_and_keeps_the_role() -> None:
    state = household.fold([registered(), member_erased()])
    personal = PersonalData(
        members=[
            _member(MEMBER, MemberRole.head, "Ada"),
            _member(OTHER_MEMBER, MemberRole.partner, "Bo"),
        ]
    )
    caller = Caller(
        user_id="u-1", role=Role.coordinator, municipality="koeln", correlation_id=uuid4()
    )
    shown = household_view(caller, state, 2, personal)
    head, partner = shown.members
    assert (head.role, head.given_name, head.family_name, head.birth_date) == (
        MemberRole.head,
        ERASED,
        None,
        None,
    )
    assert (partner.given_name, partner.family_name) == ("Bo", "Muster")
    assert shown.privacy is None and (shown.adults, shown.minors) == (2, 2)
