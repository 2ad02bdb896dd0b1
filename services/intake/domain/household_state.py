"""The household's state as rebuilt from its events (`evolve`). Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared.clock import business_day
from shared.contracts.intake import (
    AccommodationChanged,
    AccommodationKind,
    CriterionRating,
    DeregistrationReason,
    DuplicateDecisionRevoked,
    DuplicateDismissed,
    DuplicateStatus,
    HouseholdCompositionChanged,
    HouseholdDeregistered,
    HouseholdHandedOver,
    HouseholdRegistered,
    HouseholdsLinkedAsDuplicate,
    HousingReadinessAssessed,
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
    | HousingReadinessAssessed
    | PossibleDuplicateFlagged
    | HouseholdsLinkedAsDuplicate
    | DuplicateDismissed
    | DuplicateDecisionRevoked
    | PersonalDataErased
    | ProcessingRestricted
    | RestrictionLifted
)


@dataclass(frozen=True)
class Assessment:
    assessment_id: UUID
    assessed_on: date
    criteria: tuple[tuple[ReadinessCriterion, CriterionRating], ...]
    result: ReadinessResult


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
    readiness: tuple[Assessment, ...] = ()
    duplicates: tuple[tuple[UUID, DuplicateStatus], ...] = ()
    erased_on: date | None = None
    restriction: RestrictionReason | None = None
    restricted_on: date | None = None

    @property
    def persons(self) -> int:
        return self.adults + self.minors

    @property
    def deregistered(self) -> bool:
        return self.deregistered_on is not None

    @property
    def erased(self) -> bool:
        return self.erased_on is not None

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
            )
        case HouseholdCompositionChanged():
            return replace(state, adults=event.adults, minors=event.minors)
        case AccommodationChanged():
            return replace(state, accommodation_kind=event.accommodation_kind)
        case HouseholdHandedOver():
            return replace(state, provider=event.to_provider)
        case HouseholdDeregistered():
            return replace(
                state,
                deregistered_on=business_day(event.occurred_at),
                deregistration_reason=event.reason,
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
        case PersonalDataErased():
            return replace(state, erased_on=business_day(event.occurred_at))
        case ProcessingRestricted():
            return replace(
                state, restriction=event.reason, restricted_on=business_day(event.occurred_at)
            )
        case RestrictionLifted():
            return replace(state, restriction=None, restricted_on=None)
        case _:
            return state
