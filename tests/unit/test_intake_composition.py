"""Changing a household's composition: births, persons joining and moving away."""

from __future__ import annotations

from datetime import date

from services.intake.domain.household import household
from services.intake.domain.household_commands import ChangeComposition
from shared.clock import business_time
from shared.contracts.intake import (
    AgeBand,
    CompositionChange,
    DeregistrationReason,
    HouseholdCompositionChanged,
    HouseholdDeregistered,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.household import DAY, HID, TODAY, registered

ADULT, CHILD, BABY = AgeBand.age_27_64, AgeBand.age_6_17, AgeBand.under_6


def change(kind: CompositionChange, **overrides: object) -> ChangeComposition:
    values: dict[str, object] = {
        "change": kind,
        "changed_on": DAY,
        "joining": (),
        "leaving": (),
        "today": TODAY,
    }
    values.update(overrides)
    return ChangeComposition(**values)  # type: ignore[arg-type]


def changed(
    kind: CompositionChange, persons: int, adults: int, minors: int
) -> HouseholdCompositionChanged:
    return HouseholdCompositionChanged(
        household_id=HID,
        change=kind,
        persons_changed=persons,
        adults=adults,
        minors=minors,
        occurred_at=business_time(DAY),
    )


def test_a_birth_adds_a_minor_and_counts_after_the_change() -> None:
    given(household, registered()).when(change(CompositionChange.birth, joining=(BABY,))).then(
        changed(CompositionChange.birth, 1, adults=2, minors=3)
    )


def test_twins_count_as_two_persons_changed() -> None:
    given(household, registered()).when(change(CompositionChange.birth, joining=(BABY, BABY))).then(
        changed(CompositionChange.birth, 2, adults=2, minors=4)
    )


def test_a_newborn_is_in_the_youngest_age_band() -> None:
    given(household, registered()).when(
        change(CompositionChange.birth, joining=(CHILD,))
    ).then_error(RuleViolation, code="newborn_age_band")


def test_persons_joining_are_counted_by_their_age_band() -> None:
    given(household, registered()).when(
        change(CompositionChange.joined, joining=(ADULT, CHILD))
    ).then(changed(CompositionChange.joined, 2, adults=3, minors=3))


def test_someone_moving_away_is_subtracted() -> None:
    given(household, registered()).when(
        change(CompositionChange.moved_away, leaving=(ADULT,))
    ).then(changed(CompositionChange.moved_away, 1, adults=1, minors=2))


def test_the_state_follows_the_counts_after_the_change() -> None:
    state = household.fold([registered(), changed(CompositionChange.birth, 1, 2, 3)])
    assert (state.adults, state.minors, state.persons) == (2, 3, 5)


def test_nobody_can_be_left_behind() -> None:
    given(household, registered(adults=1, minors=0)).when(
        change(
            CompositionChange.moved_away, leaving=(ADULT,), head_leaves=True, new_head_named=True
        )
    ).then_error(RuleViolation, code="nobody_left")


def test_more_persons_of_an_age_group_cannot_leave_than_are_counted() -> None:
    given(household, registered(adults=2, minors=0)).when(
        change(CompositionChange.moved_away, leaving=(CHILD,))
    ).then_error(RuleViolation, code="more_leaving_than_present")


def test_when_the_head_moves_away_a_new_head_must_be_named() -> None:
    error = (
        given(household, registered())
        .when(change(CompositionChange.moved_away, leaving=(ADULT,), head_leaves=True))
        .then_error(RuleViolation, code="head_leaves")
    )
    assert "Haushaltsvorstand" in error.message


def test_the_head_moves_away_and_another_member_heads_the_household() -> None:
    given(household, registered()).when(
        change(
            CompositionChange.moved_away, leaving=(ADULT,), head_leaves=True, new_head_named=True
        )
    ).then(changed(CompositionChange.moved_away, 1, adults=1, minors=2))


def test_a_new_head_is_only_named_when_the_head_leaves() -> None:
    given(household, registered()).when(
        change(CompositionChange.moved_away, leaving=(CHILD,), new_head_named=True)
    ).then_error(RuleViolation, code="head_stays")


def test_a_change_before_the_registration_is_refused() -> None:
    given(household, registered()).when(
        change(CompositionChange.birth, joining=(BABY,), changed_on=date(2019, 12, 30))
    ).then_error(RuleViolation, code="before_registration")


def test_a_change_in_the_future_is_refused() -> None:
    given(household, registered()).when(
        change(CompositionChange.birth, joining=(BABY,), changed_on=date(2020, 1, 16))
    ).then_error(RuleViolation, code="in_future")


def test_an_unknown_household_is_not_found() -> None:
    given(household).when(change(CompositionChange.birth, joining=(BABY,))).then_error(
        NotFound, code="household"
    )


def test_a_deregistered_household_does_not_change() -> None:
    deregistered = HouseholdDeregistered(
        household_id=HID,
        reason=DeregistrationReason.moved_on_own,
        adults=2,
        minors=2,
        occurred_at=business_time(DAY),
    )
    given(household, registered(), deregistered).when(
        change(CompositionChange.birth, joining=(BABY,))
    ).then_error(RuleViolation, code="deregistered")
