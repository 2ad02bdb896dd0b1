"""Data protection on the household aggregate: erase its personal data (Art. 17 DSGVO),
or one member's only, restrict its processing instead (Art. 18 DSGVO, §84 SGB X), lift
the restriction.

Erasure keeps the household's events: they hold ids, counts, codes and dates only, so
every figure stays as it was. An erased member stays a member with role and age band
(a head of household stays the head), shown as „gelöscht“. A restricted household
cannot be erased, not even one member: the restriction exists because a retention duty
forbids the erasure; lift it first.
"""

from __future__ import annotations

from services.intake.domain.household_commands import (
    EraseMemberPersonalData,
    ErasePersonalData,
    LiftRestriction,
    RestrictProcessing,
)
from services.intake.domain.household_rules import german_day, require_registered
from services.intake.domain.household_state import Event, Household
from shared.clock import business_time
from shared.contracts.intake import (
    ErasureScope,
    ErasureSubject,
    PersonalDataErased,
    ProcessingRestricted,
    RestrictionLifted,
)
from shared.decider import NotFound, RuleViolation

PrivacyCommand = ErasePersonalData | EraseMemberPersonalData | RestrictProcessing | LiftRestriction


def decide_privacy(command: PrivacyCommand, state: Household) -> list[Event]:
    require_registered(state)
    assert state.household_id
    match command:
        case ErasePersonalData():
            _require_erasable(state)
            return [
                PersonalDataErased(
                    subject_kind=ErasureSubject.household,
                    subject_id=state.household_id,
                    scope=ErasureScope.all_personal_data,
                    ground=command.ground,
                    occurred_at=business_time(command.today),
                )
            ]
        case EraseMemberPersonalData():
            _require_erasable(state)
            if not command.member_found:
                raise NotFound("member", "Diese Person gehört nicht zu diesem Haushalt.")
            erased_on = state.member_erased_on(command.member_id)
            if erased_on is not None:
                raise RuleViolation(
                    "member_already_erased",
                    "Die personenbezogenen Daten dieser Person wurden bereits am "
                    f"{german_day(erased_on)} gelöscht.",
                )
            return [
                PersonalDataErased(
                    subject_kind=ErasureSubject.member,
                    subject_id=command.member_id,
                    household_id=state.household_id,
                    scope=ErasureScope.all_personal_data,
                    ground=command.ground,
                    occurred_at=business_time(command.today),
                )
            ]
        case RestrictProcessing():
            _require_not_erased(state)
            if state.restricted:
                raise RuleViolation(
                    "already_restricted",
                    f"Der Haushalt ist bereits seit {german_day(state.restricted_on)} "
                    "eingeschränkt.",
                )
            return [
                ProcessingRestricted(
                    household_id=state.household_id,
                    reason=command.reason,
                    occurred_at=business_time(command.today),
                )
            ]
        case LiftRestriction():
            if not state.restricted:
                raise RuleViolation("not_restricted", "Der Haushalt ist nicht eingeschränkt.")
            return [
                RestrictionLifted(
                    household_id=state.household_id, occurred_at=business_time(command.today)
                )
            ]


def _require_erasable(state: Household) -> None:
    _require_not_erased(state)
    if state.restricted:
        raise RuleViolation(
            "restricted",
            "Der Haushalt ist eingeschränkt, weil er nicht gelöscht werden darf. "
            "Bitte zuerst die Einschränkung aufheben.",
        )


def _require_not_erased(state: Household) -> None:
    if state.erased:
        raise RuleViolation(
            "already_erased",
            "Die personenbezogenen Daten dieses Haushalts wurden bereits am "
            f"{german_day(state.erased_on)} gelöscht.",
        )
