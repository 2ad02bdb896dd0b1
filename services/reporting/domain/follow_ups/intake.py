"""Rule-made follow-ups from intake's events. Pure.

- `wbs_expiring` on a household: counts back from the last day of its WBS. Opened when the
  day is known (at registration or a change of needs) and opened again when it changes,
  which moves the row to the new day, so a renewed WBS is not due any more; it ends when
  the WBS or its day is removed, the household leaves move-out management (deregistration)
  or its personal data are erased (nobody can renew what cannot be edited). A revoked
  deregistration reopens it from the day the revocation carries.
- `consent_renewal` on a household, one per purpose (`key`, see `purpose_key`): counts back
  from the day the consent in force is due for renewal (intake's consents do not expire;
  `renewal_due_on`: a year after it was given). A new consent of the same purpose is the
  renewal and re-anchors it; a withdrawal re-anchors it on the consent that stays in force
  or ends it; deregistration and erasure end it, a revocation reopens it.
- `inquiry_unanswered` on an inquiry: counts (in working days) from the day it came in and
  ends with its first triage, whatever the outcome (answered, forwarded, opened as a case).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

from services.reporting.domain.follow_ups import Closed, Opened, Signal
from shared.clock import business_day
from shared.contracts.followups import Rule, SubjectKind
from shared.contracts.intake import (
    ConsentPurpose,
    ErasureSubject,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
    HouseholdNeedsChanged,
    HouseholdRegistered,
    InquiryReceived,
    InquiryTriaged,
    PersonalDataErased,
)
from shared.contracts.intake.consents import renewal_due_on
from shared.envelope import DomainEvent

_PURPOSES = uuid5(UUID("00000000-0000-0000-0000-000000000000"), "auszug/consent-purpose")


def purpose_key(purpose: ConsentPurpose) -> UUID:
    """The key of a household's renewal follow-up for `purpose`: one per purpose, whichever
    consent holds it, so a renewal replaces the row instead of adding one."""
    return uuid5(_PURPOSES, purpose.value)


def signals(event: DomainEvent, municipality: str, provider: str | None) -> list[Signal]:
    match event:
        case HouseholdRegistered(wbs=True, wbs_valid_until=date() as last_day):
            return [_wbs(event.household_id, last_day, event.provider)]
        case HouseholdNeedsChanged():
            if event.wbs and event.wbs_valid_until is not None:
                return [_wbs(event.household_id, event.wbs_valid_until, provider)]
            return [Closed(Rule.wbs_expiring, event.household_id)]
        case HouseholdConsentGiven():
            return [_consent(event.household_id, event.purpose_code, event.given_on, provider)]
        case HouseholdConsentWithdrawn(remaining_given_on=date() as given_on):
            return [_consent(event.household_id, event.purpose_code, given_on, provider)]
        case HouseholdConsentWithdrawn():
            return [
                Closed(Rule.consent_renewal, event.household_id, purpose_key(event.purpose_code))
            ]
        case HouseholdDeregistered():
            return _household_left(event.household_id)
        case PersonalDataErased(subject_kind=ErasureSubject.household):
            return _household_left(event.subject_id)
        case HouseholdDeregistrationRevoked():
            back: list[Signal] = [
                _consent(event.household_id, purpose, given_on, provider)
                for purpose, given_on in sorted(event.consents_given_on.items())
            ]
            if event.wbs_valid_until is not None:
                back.insert(0, _wbs(event.household_id, event.wbs_valid_until, provider))
            return back
        case InquiryReceived():
            return [
                Opened(
                    Rule.inquiry_unanswered,
                    SubjectKind.inquiry,
                    event.inquiry_id,
                    anchor_on=business_day(event.occurred_at),
                    provider=provider,
                )
            ]
        case InquiryTriaged():
            return [Closed(Rule.inquiry_unanswered, event.inquiry_id)]
    return []


def _wbs(household_id: UUID, last_day: date, provider: str | None) -> Opened:
    return Opened(
        Rule.wbs_expiring,
        SubjectKind.household,
        household_id,
        anchor_on=last_day,
        household_id=household_id,
        provider=provider,
    )


def _consent(
    household_id: UUID, purpose: ConsentPurpose, given_on: date, provider: str | None
) -> Opened:
    return Opened(
        Rule.consent_renewal,
        SubjectKind.household,
        household_id,
        anchor_on=renewal_due_on(given_on),
        key=purpose_key(purpose),
        household_id=household_id,
        provider=provider,
    )


def _household_left(household_id: UUID) -> list[Signal]:
    return [Closed(Rule.wbs_expiring, household_id), Closed(Rule.consent_renewal, household_id)]
