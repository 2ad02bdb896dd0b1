"""Which placements a household's tandems supported: active on the lease day (formed on
or before it, not ended before it), confirmed once. Given events, when a command, then."""

from __future__ import annotations

from datetime import date

import pytest

from services.volunteer.domain.tandem_commands import ConfirmPlacementSupport
from services.volunteer.domain.tandems import tandems
from shared.testing import given
from support.builders.volunteer import FORMED_ON, TID2, confirmed, ended, formed, placement


def confirm(lease: date) -> ConfirmPlacementSupport:
    return ConfirmPlacementSupport(placement(lease))


def test_a_placement_on_a_day_the_tandem_was_active_is_volunteer_supported() -> None:
    given(tandems, formed()).when(confirm(date(2019, 11, 20))).then(confirmed(date(2019, 11, 20)))


@pytest.mark.parametrize("lease", [FORMED_ON, date(2019, 10, 1)])
def test_the_first_and_the_last_day_of_a_tandem_count(lease: date) -> None:
    given(tandems, formed(), ended(date(2019, 10, 1))).when(confirm(lease)).then(confirmed(lease))


@pytest.mark.parametrize("lease", [date(2019, 9, 14), date(2019, 10, 2)])
def test_a_placement_outside_every_tandem_is_not_volunteer_supported(lease: date) -> None:
    given(tandems, formed(), ended(date(2019, 10, 1))).when(confirm(lease)).then()


def test_a_household_without_tandem_confirms_nothing() -> None:
    given(tandems).when(confirm(date(2019, 11, 20))).then()


def test_the_same_placement_is_confirmed_once() -> None:
    given(tandems, formed(), confirmed(date(2019, 11, 20))).when(confirm(date(2019, 11, 20))).then()


def test_on_the_day_one_tandem_ended_and_the_next_began_the_newer_one_counts() -> None:
    day = date(2019, 10, 1)
    history = (formed(), ended(day), formed(TID2, day))
    given(tandems, *history).when(confirm(day)).then(confirmed(day, TID2))
