"""Commands of the household aggregate: what staff (or a policy) ask intake to do.

Commands carry ids, codes, counts and days only. The application resolves personal
data (which member leaves, whether the head is among them) before it builds one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from shared.contracts.intake import (
    AccommodationKind,
    AgeBand,
    CompositionChange,
    ConsentPurpose,
    CorrectedField,
    CriterionRating,
    DeregistrationReason,
    ErasureGround,
    ReadinessCriterion,
    ReadinessResult,
    ResidenceOutlook,
    RestrictionReason,
)


@dataclass(frozen=True)
class RegisterHousehold:
    household_id: UUID
    provider: str
    registered_on: date
    accommodation_kind: AccommodationKind
    age_bands: tuple[AgeBand, ...]
    today: date
    wbs: bool = False
    wbs_valid_until: date | None = None
    residence_outlook: ResidenceOutlook = ResidenceOutlook.unknown
    languages: tuple[str, ...] = ()
    consent_given: bool = False
    accessible_flat_needed: bool | None = None
    preferred_districts: tuple[str, ...] = ()
    # The registration's consent becomes a `data_processing` consent with this id.
    consent_id: UUID | None = None
    consent_given_on: date | None = None
    consent_withdrawn_on: date | None = None
    # Households whose personal data look like this one's (found by the application).
    possible_duplicates: tuple[UUID, ...] = ()
    # Who is responsible from the start: the caseworker who registers it (a coordinator
    # registering leaves it to the provider to say).
    caseworker: str | None = None


@dataclass(frozen=True)
class ChangeComposition:
    change: CompositionChange
    changed_on: date
    joining: tuple[AgeBand, ...]
    leaving: tuple[AgeBand, ...]
    today: date
    head_leaves: bool = False
    new_head_named: bool = False


@dataclass(frozen=True)
class ChangeAccommodation:
    accommodation_kind: AccommodationKind
    moved_on: date
    today: date


@dataclass(frozen=True)
class HandOverHousehold:
    to_provider: str
    handed_over_on: date
    today: date


@dataclass(frozen=True)
class AssignCaseworker:
    caseworker: str | None
    today: date


@dataclass(frozen=True)
class DeregisterHousehold:
    reason: DeregistrationReason
    deregistered_on: date
    today: date
    # Set by the placement policy: the offer whose placement moved the household out.
    offer_id: UUID | None = None


@dataclass(frozen=True)
class RevokeDeregistration:
    """Undo the deregistration a placement caused, because that placement was retracted."""

    offer_id: UUID
    revoked_on: date
    today: date


@dataclass(frozen=True)
class AssessHousingReadiness:
    assessment_id: UUID
    assessed_on: date
    criteria: tuple[tuple[ReadinessCriterion, CriterionRating], ...]
    result: ReadinessResult
    today: date


@dataclass(frozen=True)
class LinkAsDuplicate:
    other_household_id: UUID
    today: date


@dataclass(frozen=True)
class DismissDuplicate:
    other_household_id: UUID
    today: date


@dataclass(frozen=True)
class RevokeDuplicateDecision:
    other_household_id: UUID
    today: date


@dataclass(frozen=True)
class ErasePersonalData:
    ground: ErasureGround
    today: date


@dataclass(frozen=True)
class EraseMemberPersonalData:
    member_id: UUID
    ground: ErasureGround
    today: date
    # Found by the application: the member is a person of this household.
    member_found: bool = True


@dataclass(frozen=True)
class RestrictProcessing:
    reason: RestrictionReason
    today: date


@dataclass(frozen=True)
class LiftRestriction:
    today: date


@dataclass(frozen=True)
class RecordConsent:
    consent_id: UUID
    purpose: ConsentPurpose
    given_on: date
    today: date


@dataclass(frozen=True)
class WithdrawConsent:
    consent_id: UUID
    withdrawn_on: date
    today: date


@dataclass(frozen=True)
class CorrectPersonalData:
    """Rectify personal data (Art. 16 DSGVO). The values stay in the application; the
    decider learns which fields differ from what is stored, and of which persons."""

    fields: tuple[CorrectedField, ...]
    member_ids: tuple[UUID, ...]
    today: date


@dataclass(frozen=True)
class ChangeNeeds:
    changed_on: date
    today: date
    wbs: bool
    wbs_valid_until: date | None
    accessible_flat_needed: bool | None
    preferred_districts: tuple[str, ...]
    languages: tuple[str, ...]
    residence_outlook: ResidenceOutlook


Command = (
    RegisterHousehold
    | ChangeComposition
    | ChangeAccommodation
    | HandOverHousehold
    | DeregisterHousehold
    | RevokeDeregistration
    | AssessHousingReadiness
    | LinkAsDuplicate
    | DismissDuplicate
    | RevokeDuplicateDecision
    | ErasePersonalData
    | EraseMemberPersonalData
    | RestrictProcessing
    | LiftRestriction
    | RecordConsent
    | WithdrawConsent
    | AssignCaseworker
    | CorrectPersonalData
    | ChangeNeeds
)
