"""The household's state as rebuilt from its events (`evolve`). Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared.clock import business_day
from shared.contracts.intake import (
    AccommodationChanged,
    AccommodationKind,
    CaseworkerAssigned,
    ConsentPurpose,
    CriterionRating,
    DeregistrationReason,
    DuplicateDecisionRevoked,
    DuplicateDismissed,
    DuplicateStatus,
    ErasureSubject,
    HouseholdCompositionChanged,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
    HouseholdDeregistered,
    HouseholdDeregistrationRevoked,
    HouseholdHandedOver,
    HouseholdNeedsChanged,
    HouseholdRegistered,
    HouseholdsLinkedAsDuplicate,
    HousingReadinessAssessed,
    PersonalDataCorrected,
    PersonalDataErased,
    PossibleDuplicateFlagged,
    ProcessingRestricted,
    ReadinessCriterion,
    ReadinessResult,
    ResidenceOutlook,
    RestrictionLifted,
    RestrictionReason,
)

Event = (
    HouseholdRegistered
    | HouseholdCompositionChanged
    | AccommodationChanged
    | HouseholdHandedOver
    | HouseholdDeregistered
    | HouseholdDeregistrationRevoked
    | HousingReadinessAssessed
    | PossibleDuplicateFlagged
    | HouseholdsLinkedAsDuplicate
    | DuplicateDismissed
    | DuplicateDecisionRevoked
    | PersonalDataErased
    | ProcessingRestricted
    | RestrictionLifted
    | HouseholdConsentGiven
    | HouseholdConsentWithdrawn
    | CaseworkerAssigned
    | PersonalDataCorrected
    | HouseholdNeedsChanged
)


@dataclass(frozen=True)
class Assessment:
    assessment_id: UUID
    assessed_on: date
    criteria: tuple[tuple[ReadinessCriterion, CriterionRating], ...]
    result: ReadinessResult


@dataclass(frozen=True)
class ConsentRecord:
    consent_id: UUID
    purpose: ConsentPurpose
    given_on: date
    withdrawn_on: date | None = None

    def valid_on(self, day: date) -> bool:
        """Given on or before `day`, not withdrawn on or before it (withdrawal counts from
        its day on)."""
        return self.given_on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)


@dataclass(frozen=True)
class HandOver:
    """A disclosure to another provider and the consent it rested on."""

    handed_over_on: date
    from_provider: str
    to_provider: str
    consent_id: UUID | None


@dataclass(frozen=True)
class Household:
    registered: bool = False
    household_id: UUID | None = None
    provider: str | None = None
    registered_on: date | None = None
    accommodation_kind: AccommodationKind | None = None
    adults: int = 0
    minors: int = 0
    wbs: bool = False
    wbs_valid_until: date | None = None
    residence_outlook: ResidenceOutlook = ResidenceOutlook.unknown
    languages: tuple[str, ...] = ()
    consent_given: bool = False
    deregistered_on: date | None = None
    deregistration_reason: DeregistrationReason | None = None
    # The offer whose placement caused the deregistration in force (see the event).
    deregistered_via_offer: UUID | None = None
    readiness: tuple[Assessment, ...] = ()
    duplicates: tuple[tuple[UUID, DuplicateStatus], ...] = ()
    erased_on: date | None = None
    restriction: RestrictionReason | None = None
    restricted_on: date | None = None
    consents: tuple[ConsentRecord, ...] = ()
    handovers: tuple[HandOver, ...] = ()
    # Members whose personal data were erased, and on which day.
    erased_members: tuple[tuple[UUID, date], ...] = ()
    # The responsible member of staff („zuständig“), by the pseudonym services know them by.
    caseworker: str | None = None
    accessible_flat_needed: bool | None = None
    preferred_districts: tuple[str, ...] = ()
    # The day the needs last changed (None: as registered).
    needs_changed_on: date | None = None

    def consent(self, consent_id: UUID) -> ConsentRecord | None:
        return next((c for c in self.consents if c.consent_id == consent_id), None)

    def consent_valid_on(self, purpose: ConsentPurpose, day: date) -> ConsentRecord | None:
        """The consent for `purpose` in force on `day`; of several the latest given."""
        valid = [c for c in self.consents if c.purpose is purpose and c.valid_on(day)]
        return max(valid, key=lambda c: c.given_on) if valid else None

    def consents_given_on(self, *, without: UUID | None = None) -> dict[ConsentPurpose, date]:
        """Per purpose, the day the consent in force from now on was given (not withdrawn;
        of several the latest given), leaving out consent `without`."""
        days: dict[ConsentPurpose, date] = {}
        for c in self.consents:
            if c.withdrawn_on is None and c.consent_id != without:
                days[c.purpose] = max(c.given_on, days.get(c.purpose, c.given_on))
        return days

    @property
    def persons(self) -> int:
        return self.adults + self.minors

    @property
    def deregistered(self) -> bool:
        return self.deregistered_on is not None

    @property
    def erased(self) -> bool:
        return self.erased_on is not None

    def member_erased_on(self, member_id: UUID) -> date | None:
        return dict(self.erased_members).get(member_id)

    @property
    def restricted(self) -> bool:
        return self.restriction is not None

    @property
    def current_readiness(self) -> ReadinessResult | None:
        """The result of the assessment with the latest day (recorded last on a tie)."""
        if not self.readiness:
            return None
        latest = max(enumerate(self.readiness), key=lambda ia: (ia[1].assessed_on, ia[0]))
        return latest[1].result

    def duplicate_status(self, other: UUID) -> DuplicateStatus | None:
        return dict(self.duplicates).get(other)

    def with_duplicate(self, other: UUID, status: DuplicateStatus) -> Household:
        pairs = dict(self.duplicates)
        pairs[other] = status
        return replace(self, duplicates=tuple(pairs.items()))


def evolve(state: Household, event: Event) -> Household:
    match event:
        case HouseholdRegistered():
            return Household(
                registered=True,
                household_id=event.household_id,
                provider=event.provider,
                registered_on=business_day(event.occurred_at),
                accommodation_kind=event.accommodation_kind,
                adults=event.adults,
                minors=event.minors,
                wbs=event.wbs,
                wbs_valid_until=event.wbs_valid_until,
                residence_outlook=event.residence_outlook,
                languages=event.languages,
                consent_given=event.consent_given,
                accessible_flat_needed=event.accessible_flat_needed,
                preferred_districts=event.preferred_districts,
            )
        case HouseholdNeedsChanged():
            return replace(
                state,
                wbs=event.wbs,
                wbs_valid_until=event.wbs_valid_until,
                accessible_flat_needed=event.accessible_flat_needed,
                preferred_districts=event.preferred_districts,
                languages=event.languages,
                residence_outlook=event.residence_outlook,
                needs_changed_on=business_day(event.occurred_at),
            )
        case HouseholdCompositionChanged():
            return replace(state, adults=event.adults, minors=event.minors)
        case AccommodationChanged():
            return replace(state, accommodation_kind=event.accommodation_kind)
        case HouseholdHandedOver():
            handover = HandOver(
                handed_over_on=business_day(event.occurred_at),
                from_provider=event.from_provider,
                to_provider=event.to_provider,
                consent_id=event.consent_id,
            )
            # The new provider says who of its staff is responsible.
            return replace(
                state,
                provider=event.to_provider,
                handovers=(*state.handovers, handover),
                caseworker=None,
            )
        case HouseholdConsentGiven():
            record = ConsentRecord(event.consent_id, event.purpose_code, event.given_on)
            return replace(state, consents=(*state.consents, record))
        case HouseholdConsentWithdrawn():
            consents = tuple(
                replace(c, withdrawn_on=event.withdrawn_on)
                if c.consent_id == event.consent_id
                else c
                for c in state.consents
            )
            return replace(state, consents=consents)
        case HouseholdDeregistered():
            return replace(
                state,
                deregistered_on=business_day(event.occurred_at),
                deregistration_reason=event.reason,
                deregistered_via_offer=event.offer_id,
            )
        case HouseholdDeregistrationRevoked():
            return replace(
                state,
                deregistered_on=None,
                deregistration_reason=None,
                deregistered_via_offer=None,
            )
        case HousingReadinessAssessed():
            assessment = Assessment(
                assessment_id=event.assessment_id,
                assessed_on=business_day(event.occurred_at),
                criteria=tuple(event.criteria.items()),
                result=event.result,
            )
            return replace(state, readiness=(*state.readiness, assessment))
        case PossibleDuplicateFlagged() | DuplicateDecisionRevoked():
            return state.with_duplicate(event.other_household_id, DuplicateStatus.open)
        case HouseholdsLinkedAsDuplicate():
            return state.with_duplicate(event.other_household_id, DuplicateStatus.linked)
        case DuplicateDismissed():
            return state.with_duplicate(event.other_household_id, DuplicateStatus.dismissed)
        case PersonalDataErased() if event.subject_kind is ErasureSubject.member:
            erased = (event.subject_id, business_day(event.occurred_at))
            return replace(state, erased_members=(*state.erased_members, erased))
        case PersonalDataErased():
            return replace(state, erased_on=business_day(event.occurred_at))
        case ProcessingRestricted():
            return replace(
                state, restriction=event.reason, restricted_on=business_day(event.occurred_at)
            )
        case RestrictionLifted():
            return replace(state, restriction=None, restricted_on=None)
        case CaseworkerAssigned():
            return replace(state, caseworker=event.caseworker)
        case _:
            return state
