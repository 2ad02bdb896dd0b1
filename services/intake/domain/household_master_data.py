"""Keeping a household current: rectify its personal data (Art. 16 DSGVO), change the
needs placement's matching uses. Pure: no I/O, no personal data.

A rectification is decided on which fields differ (the application compares the typed
values with intake's tables); its event names those fields, never a value. Personal data
can be rectified as long as they exist: also after deregistration (the record is still
kept and must be right), not once erased, and not while processing is restricted (the
restriction may be exactly about the accuracy being contested: lift it to rectify).
"""

from __future__ import annotations

from services.intake.domain.household_commands import ChangeNeeds, CorrectPersonalData
from services.intake.domain.household_rules import (
    german_day,
    require_active,
    require_day,
    require_registered,
)
from services.intake.domain.household_state import Event, Household
from shared.clock import business_time
from shared.contracts.intake import HouseholdNeedsChanged, PersonalDataCorrected
from shared.decider import RuleViolation

MasterDataCommand = CorrectPersonalData | ChangeNeeds


def decide_master_data(command: MasterDataCommand, state: Household) -> list[Event]:
    match command:
        case CorrectPersonalData():
            return _correct(command, state)
        case ChangeNeeds():
            return _change_needs(command, state)


def _correct(command: CorrectPersonalData, state: Household) -> list[Event]:
    require_registered(state)
    assert state.household_id
    if state.erased:
        raise RuleViolation(
            "erased",
            "Die personenbezogenen Daten dieses Haushalts sind gelöscht; "
            "es gibt nichts mehr zu berichtigen.",
        )
    if state.restricted:
        raise RuleViolation(
            "restricted",
            "Die Verarbeitung dieses Haushalts ist eingeschränkt. Um die Daten zu "
            "berichtigen, bitte zuerst die Einschränkung aufheben.",
        )
    erased = [m for m in command.member_ids if state.member_erased_on(m) is not None]
    if erased:
        raise RuleViolation(
            "member_erased",
            "Die Daten einer der Personen wurden gelöscht; sie können nicht berichtigt werden.",
        )
    if not command.fields:
        raise RuleViolation(
            "nothing_changed",
            "Es wurde nichts geändert: alle Angaben stimmen mit den gespeicherten überein.",
        )
    return [
        PersonalDataCorrected(
            household_id=state.household_id,
            fields=tuple(dict.fromkeys(command.fields)),
            occurred_at=business_time(command.today),
        )
    ]


def _change_needs(command: ChangeNeeds, state: Household) -> list[Event]:
    require_active(state)
    require_day(state, command.changed_on, command.today)
    assert state.household_id
    if state.needs_changed_on is not None and command.changed_on < state.needs_changed_on:
        raise RuleViolation(
            "before_last_needs_change",
            f"Der Bedarf wurde zuletzt zum {german_day(state.needs_changed_on)} geändert; "
            "eine Änderung kann nicht vorher gelten.",
        )
    wbs_valid_until = command.wbs_valid_until if command.wbs else None
    unchanged = (
        command.wbs == state.wbs
        and wbs_valid_until == state.wbs_valid_until
        and command.accessible_flat_needed == state.accessible_flat_needed
        and command.preferred_districts == state.preferred_districts
        and command.languages == state.languages
        and command.residence_outlook is state.residence_outlook
    )
    if unchanged:
        raise RuleViolation(
            "needs_unchanged", "Es wurde nichts geändert: der Bedarf ist so schon erfasst."
        )
    return [
        HouseholdNeedsChanged(
            household_id=state.household_id,
            wbs=command.wbs,
            wbs_valid_until=wbs_valid_until,
            accessible_flat_needed=command.accessible_flat_needed,
            preferred_districts=command.preferred_districts,
            languages=command.languages,
            residence_outlook=command.residence_outlook,
            occurred_at=business_time(command.changed_on),
        )
    ]
