"""Published events of the intake context. See the package docstring."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import (
    Field,
)

from shared.contracts.catalog import CONTRACTS
from shared.contracts.intake.codes import (
    CONTEXT,
    AccommodationKind,
    CompositionChange,
    ConsentPurpose,
    CorrectedField,
    CriterionRating,
    DeregistrationReason,
    DuplicateStatus,
    ErasureGround,
    ErasureScope,
    ErasureSubject,
    ForwardTarget,
    InquiryChannel,
    ReadinessCriterion,
    ReadinessResult,
    ResidenceOutlook,
    RestrictionReason,
    SenderKind,
    TriageOutcome,
)
from shared.envelope import DomainEvent


@CONTRACTS.event(CONTEXT, version=2)
class HouseholdRegistered(DomainEvent):
    """A household was taken into move-out management on the day in `occurred_at`.

    Version 2 added WBS, residence outlook, languages and whether consent was given;
    the defaults are what a version 1 event is upcast to ("not recorded").
    `accessible_flat_needed` and `preferred_districts` came later as optional fields
    (no new version: an event without them reads as "not recorded", None and none).
    """

    household_id: UUID
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    accommodation_kind: AccommodationKind
    wbs: bool = False
    wbs_valid_until: date | None = None
    residence_outlook: ResidenceOutlook = ResidenceOutlook.unknown
    languages: tuple[str, ...] = ()
    consent_given: bool = False
    accessible_flat_needed: bool | None = None
    preferred_districts: tuple[str, ...] = ()

    @property
    def persons(self) -> int:
        return self.adults + self.minors


@CONTRACTS.upcaster("HouseholdRegistered", 1)
def _registered_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 did not record WBS, outlook, languages or consent: upcast as not recorded."""
    defaults: dict[str, Any] = {
        "wbs": False,
        "wbs_valid_until": None,
        "residence_outlook": ResidenceOutlook.unknown.value,
        "languages": [],
        "consent_given": False,
    }
    return {**defaults, **payload}


@CONTRACTS.event(CONTEXT)
class HouseholdCompositionChanged(DomainEvent):
    """Someone was born, joined or moved away; `adults`/`minors` count after the change."""

    household_id: UUID
    change: CompositionChange
    persons_changed: int = Field(ge=1, description="how many persons joined or left")
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)


@CONTRACTS.event(CONTEXT)
class AccommodationChanged(DomainEvent):
    """The household moved to another accommodation on the day in `occurred_at`."""

    household_id: UUID
    accommodation_kind: AccommodationKind
    previous_accommodation_kind: AccommodationKind


@CONTRACTS.event(CONTEXT)
class HouseholdHandedOver(DomainEvent):
    """Another provider (Träger) is responsible from the day in `occurred_at`.

    `consent_id`/`consent_given_on` name the `provider_handover` consent in force that
    day (empty on hand-overs recorded before consents were checked).
    """

    household_id: UUID
    from_provider: str
    to_provider: str
    consent_id: UUID | None = None
    consent_given_on: date | None = None


@CONTRACTS.event(CONTEXT)
class HouseholdDeregistered(DomainEvent):
    """The household left move-out management; `adults`/`minors` as on that day.

    `offer_id` names the offer whose placement moved the household out (reason
    `moved_out_via_placement`, written by intake's placement policy): a retraction of
    exactly that placement revokes this deregistration. Empty on every other one.
    """

    household_id: UUID
    reason: DeregistrationReason
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    offer_id: UUID | None = None


@CONTRACTS.event(CONTEXT, version=2)
class HouseholdDeregistrationRevoked(DomainEvent):
    """The deregistration of `deregistered_on` (for `reason`) no longer holds: the
    placement that caused it was retracted. The household is in move-out management
    again, with its provider and members; `adults`/`minors` as the revoked deregistration
    counted them. `occurred_at` is the day of the correction.

    Version 2 added the days the follow-ups of an active household count from, as they
    stand again: the last day of its WBS (None: no WBS or no day known) and, per purpose,
    the day the consent in force was given (reporting's rule-made follow-ups reopen from
    them; services/reporting/domain/follow_ups/intake.py) and `caseworker`, who was responsible
    when the household was deregistered and so is responsible again: the caseboard, which
    dropped the closed case, reopens it with them (see `CaseworkerAssigned` for the value;
    None in version 1).
    """

    household_id: UUID
    deregistered_on: date
    reason: DeregistrationReason
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    wbs_valid_until: date | None = None
    consents_given_on: dict[ConsentPurpose, date] = Field(default_factory=dict)
    caseworker: str | None = Field(default=None, min_length=1, max_length=120)


@CONTRACTS.upcaster("HouseholdDeregistrationRevoked", 1)
def _revoked_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 did not carry the WBS or consent days: upcast as not known (nothing
    reopens from it)."""
    return {"wbs_valid_until": None, "consents_given_on": {}, "caseworker": None, **payload}


@CONTRACTS.event(CONTEXT)
class HousingReadinessAssessed(DomainEvent):
    """A housing-readiness assessment (Wohnfähigkeit) made on the day in `occurred_at`."""

    household_id: UUID
    assessment_id: UUID
    criteria: dict[ReadinessCriterion, CriterionRating]
    result: ReadinessResult


@CONTRACTS.event(CONTEXT)
class PossibleDuplicateFlagged(DomainEvent):
    """On registration, `household_id` looked like `other_household_id` (same person data)."""

    household_id: UUID
    other_household_id: UUID


@CONTRACTS.event(CONTEXT)
class HouseholdsLinkedAsDuplicate(DomainEvent):
    """A coordinator confirmed: both records describe the same household."""

    household_id: UUID
    other_household_id: UUID


@CONTRACTS.event(CONTEXT)
class DuplicateDismissed(DomainEvent):
    """A coordinator decided: different households, keep them apart."""

    household_id: UUID
    other_household_id: UUID


@CONTRACTS.event(CONTEXT)
class DuplicateDecisionRevoked(DomainEvent):
    """A link or dismissal was undone; the pair is an open question again."""

    household_id: UUID
    other_household_id: UUID
    revoked: DuplicateStatus


@CONTRACTS.event(CONTEXT)
class InquiryReceived(DomainEvent):
    """An inquiry reached the central inbox at the moment in `occurred_at`."""

    inquiry_id: UUID
    sender_kind: SenderKind
    channel: InquiryChannel


@CONTRACTS.event(CONTEXT)
class InquiryTriaged(DomainEvent):
    """An inquiry was answered, forwarded or opened as a case at the moment in `occurred_at`.

    `first` marks the first triage: the time from `InquiryReceived` to it is the time to
    first answer.
    """

    inquiry_id: UUID
    outcome: TriageOutcome
    first: bool
    forwarded_to_kind: ForwardTarget | None = None
    forwarded_to: str | None = None
    household_id: UUID | None = None


@CONTRACTS.event(CONTEXT)
class PersonalDataErased(DomainEvent):
    """The personal data of a subject were erased on the day in `occurred_at`.

    Carries no personal data itself: every service holding personal data keyed by
    `subject_id` deletes its rows when it sees this event; counts and codes stay, so
    every figure is unchanged.
    """

    subject_kind: ErasureSubject
    subject_id: UUID
    scope: ErasureScope
    ground: ErasureGround
    # The member's household when `subject_kind` is `member`; None for a household.
    household_id: UUID | None = None


@CONTRACTS.event(CONTEXT)
class ProcessingRestricted(DomainEvent):
    """Processing of a household was restricted (Art. 18 DSGVO, §84 SGB X) instead of
    erasing it: only a coordinator reads it; it is left out of every list and search."""

    household_id: UUID
    reason: RestrictionReason


@CONTRACTS.event(CONTEXT)
class RestrictionLifted(DomainEvent):
    """The restriction of a household ended; it is processed normally again."""

    household_id: UUID


@CONTRACTS.event(CONTEXT)
class HouseholdConsentGiven(DomainEvent):
    """The household consented to `purpose_code` on `given_on` (= the day in `occurred_at`).

    Who consented and any wording stay in intake's personal-data tables.
    """

    household_id: UUID
    consent_id: UUID
    purpose_code: ConsentPurpose
    given_on: date


@CONTRACTS.event(CONTEXT, version=2)
class HouseholdConsentWithdrawn(DomainEvent):
    """The consent `consent_id` no longer holds from `withdrawn_on` on (Art. 7 (3) DSGVO):
    disclosures before that day stay lawful, none may follow.

    Version 2 added `remaining_given_on`: the day the consent for the same purpose that
    stays in force was given, while the household is in move-out management (None: no
    other consent for the purpose holds, or the household has left it). The renewal
    follow-up of the purpose counts from it instead of ending.
    """

    household_id: UUID
    consent_id: UUID
    purpose_code: ConsentPurpose
    withdrawn_on: date
    remaining_given_on: date | None = None


@CONTRACTS.upcaster("HouseholdConsentWithdrawn", 1)
def _withdrawn_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 did not say whether another consent for the purpose remained: upcast as
    none (its renewal follow-up ends, as it did before)."""
    return {"remaining_given_on": None, **payload}


@CONTRACTS.event(CONTEXT)
class CaseworkerAssigned(DomainEvent):
    """The staff member responsible for the household („zuständig“) from `occurred_at`;
    `caseworker` None: nobody any more.

    `caseworker` is the pseudonymous user id services know a member of staff by — the same
    value every event's envelope carries as its `actor` — not personal data of the
    household; the gateway alone knows the name behind it. A hand-over to another provider
    leaves the household without one (the caseworker belonged to the old provider).
    """

    household_id: UUID
    caseworker: str | None = Field(default=None, min_length=1, max_length=120)


@CONTRACTS.event(CONTEXT)
class PersonalDataCorrected(DomainEvent):
    """Personal data of the household were rectified (Art. 16 DSGVO) on the day in
    `occurred_at`. Names only WHICH fields changed, never a value: the old and the new
    values stay in intake's `personal_data_corrections` table, which erasure purges."""

    household_id: UUID
    fields: tuple[CorrectedField, ...] = Field(min_length=1)


@CONTRACTS.event(CONTEXT)
class HouseholdNeedsChanged(DomainEvent):
    """What the household needs of a flat, as known from the day in `occurred_at` on:
    the whole set after the change (placement's matching and reporting replace what they
    knew from `HouseholdRegistered` or an earlier change with it)."""

    household_id: UUID
    wbs: bool
    wbs_valid_until: date | None = None
    accessible_flat_needed: bool | None = None
    preferred_districts: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    residence_outlook: ResidenceOutlook


# Written follow-ups (Wiedervorlagen) on a household or an inquiry: the contract's bodies
# (shared/contracts/followups.py) under intake's names; the text stays in intake's table
# `follow_ups`. Reporting lists them by their base classes.
from shared.contracts.followups import (  # noqa: E402
    FollowUpCompleted,
    FollowUpPostponed,
    FollowUpReassigned,
    FollowUpScheduled,
)


@CONTRACTS.event(CONTEXT)
class IntakeFollowUpScheduled(FollowUpScheduled):
    """Someone wrote a follow-up on a household or an inquiry (the text is not here)."""


@CONTRACTS.event(CONTEXT)
class IntakeFollowUpReassigned(FollowUpReassigned):
    """A written follow-up has another assignee (None: the team)."""


@CONTRACTS.event(CONTEXT)
class IntakeFollowUpPostponed(FollowUpPostponed):
    """A written follow-up is due on another day."""


@CONTRACTS.event(CONTEXT)
class IntakeFollowUpCompleted(FollowUpCompleted):
    """A written follow-up is done; it changes no more."""
