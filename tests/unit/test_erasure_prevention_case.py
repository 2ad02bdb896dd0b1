"""A prevention case's erasure (Art. 17 DSGVO) on the case decider: given, when, then."""

from __future__ import annotations

from services.prevention.domain import case_commands as cmd
from services.prevention.domain.case import case
from shared.clock import business_time
from shared.contracts.intake import ErasureGround
from shared.contracts.prevention import (
    CaseOutcome,
    CasePersonalDataErased,
    CaseStatus,
    HousingSituation,
)
from shared.decider import NotFound, RuleViolation
from shared.testing import given
from support.builders.prevention import CID, REFERRED, RUNNING, TODAY, closed_with

ERASE = cmd.ErasePersonalData(ground=ErasureGround.data_subject_request, today=TODAY)
ERASED = CasePersonalDataErased(
    case_id=CID, ground=ErasureGround.data_subject_request, occurred_at=business_time(TODAY)
)


def test_erasing_records_the_case_and_the_ground_only() -> None:
    given(case, REFERRED).when(ERASE).then(ERASED)
    assert set(CasePersonalDataErased.model_fields) == {"occurred_at", "case_id", "ground"}


def test_a_running_case_and_a_closed_one_can_both_be_erased() -> None:
    given(case, *RUNNING).when(ERASE).then(ERASED)
    closed = closed_with(CaseOutcome.tenancy_kept, HousingSituation.requisitioned_flat)
    given(case, *RUNNING, closed).when(ERASE).then(ERASED)


def test_an_unknown_case_is_not_found() -> None:
    given(case).when(ERASE).then_error(NotFound, "case")


def test_erasing_twice_is_refused_with_the_day_of_the_first() -> None:
    error = given(case, REFERRED, ERASED).when(ERASE).then_error(RuleViolation, "already_erased")
    assert "bereits am 30.06.2025 gelöscht" in error.message


def test_erasure_keeps_status_counts_and_codes() -> None:
    before = case.fold(RUNNING)
    after = case.fold([*RUNNING, ERASED])
    assert after.erased_on == TODAY
    assert (after.status, after.adults, after.minors) == (CaseStatus.admitted, 2, 2)
    assert (after.target_group, after.ends_on) == (before.target_group, before.ends_on)
