"""Purpose-bound consents of a household (Art. 6 (1) a, Art. 7 DSGVO; §67b SGB X):
recorded, withdrawn, and required for each disclosure.

A consent is valid from its `given_on` up to the day before its withdrawal: a withdrawal
counts from its own day on and does not undo what was lawfully disclosed before it.
Who gave the consent and its wording never reach the decider.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.intake.domain.household_commands import RecordConsent, WithdrawConsent
from services.intake.domain.household_rules import german_day, require_active, require_registered
from services.intake.domain.household_state import ConsentRecord, Event, Household
from shared.clock import business_time
from shared.contracts.intake import (
    ConsentPurpose,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
)
from shared.decider import NotFound, RuleViolation

ConsentCommand = RecordConsent | WithdrawConsent

MISSING = {
    ConsentPurpose.provider_handover: (
        "Für die Übergabe an einen anderen Träger liegt keine gültige Einwilligung vor. "
        "Bitte zuerst die Einwilligung „Weitergabe an einen anderen Träger“ erfassen."
    ),
    ConsentPurpose.volunteer_tandem: (
        "Für die Weitergabe an ein ehrenamtliches Tandem liegt keine gültige Einwilligung vor."
    ),
    ConsentPurpose.data_processing: (
        "Für die Datenverarbeitung durch den Träger liegt keine gültige Einwilligung vor."
    ),
}


def decide_consent(command: ConsentCommand, state: Household) -> list[Event]:
    match command:
        case RecordConsent():
            return _record(command, state)
        case WithdrawConsent():
            return _withdraw(command, state)


def registration_consent(
    household_id: UUID, consent_id: UUID, given_on: date, withdrawn_on: date | None
) -> list[Event]:
    """The consent taken at registration is the one to processing by the provider
    (`data_processing`): it never covers a disclosure to a tandem or another provider."""
    consent = ConsentRecord(consent_id, ConsentPurpose.data_processing, given_on)
    events: list[Event] = [
        HouseholdConsentGiven(
            household_id=household_id,
            consent_id=consent_id,
            purpose_code=consent.purpose,
            given_on=given_on,
            occurred_at=business_time(given_on),
        )
    ]
    if withdrawn_on is not None:
        events.append(withdrawn(household_id, consent, withdrawn_on))
    return events


def require_consent(state: Household, purpose: ConsentPurpose, day: date) -> ConsentRecord:
    """The consent for `purpose` in force on `day`, or the rule a disclosure breaks."""
    consent = state.consent_valid_on(purpose, day)
    if consent is None:
        raise RuleViolation("consent_missing", MISSING[purpose])
    return consent


def _record(command: RecordConsent, state: Household) -> list[Event]:
    require_active(state)
    assert state.household_id
    if state.consent(command.consent_id) is not None:
        raise RuleViolation("consent_recorded", "Diese Einwilligung ist bereits erfasst.")
    if command.given_on > command.today:
        raise RuleViolation("in_future", "Das Datum der Einwilligung liegt in der Zukunft.")
    return [
        HouseholdConsentGiven(
            household_id=state.household_id,
            consent_id=command.consent_id,
            purpose_code=command.purpose,
            given_on=command.given_on,
            occurred_at=business_time(command.given_on),
        )
    ]


def _withdraw(command: WithdrawConsent, state: Household) -> list[Event]:
    # A withdrawal is the data subject's right: it is taken even while processing is
    # restricted or after deregistration, only not once everything is erased.
    require_registered(state)
    assert state.household_id
    consent = state.consent(command.consent_id)
    if consent is None:
        raise NotFound("consent", "Einwilligung nicht gefunden.")
    if consent.withdrawn_on is not None:
        raise RuleViolation(
            "consent_withdrawn",
            f"Die Einwilligung ist bereits seit {german_day(consent.withdrawn_on)} widerrufen.",
        )
    if command.withdrawn_on > command.today:
        raise RuleViolation("in_future", "Das Datum des Widerrufs liegt in der Zukunft.")
    if command.withdrawn_on < consent.given_on:
        raise RuleViolation(
            "withdrawn_before_given",
            f"Der Widerruf liegt vor der Einwilligung ({german_day(consent.given_on)}).",
        )
    # Another consent for the purpose may stay in force: its renewal is then still due.
    # A household out of move-out management has nothing left to renew.
    remaining = (
        None
        if state.deregistered or state.erased
        else state.consents_given_on(without=consent.consent_id).get(consent.purpose)
    )
    return [withdrawn(state.household_id, consent, command.withdrawn_on, remaining)]


def withdrawn(
    household_id: UUID, consent: ConsentRecord, day: date, remaining_given_on: date | None = None
) -> HouseholdConsentWithdrawn:
    return HouseholdConsentWithdrawn(
        household_id=household_id,
        consent_id=consent.consent_id,
        purpose_code=consent.purpose,
        withdrawn_on=day,
        remaining_given_on=remaining_given_on,
        occurred_at=business_time(day),
    )
