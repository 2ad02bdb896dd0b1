"""Events of the prevention context: a Wohnintegrationshilfe case and aftercare offers.

Events carry ids, counts, codes and days only (docs/architecture.md, invariant 6). Names, the
address, contact data, who referred in person, and every note stay in prevention's
personal-data tables. `occurred_at` is the business day the fact happened on.
"""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

from pydantic import Field

from shared.contracts.catalog import CONTRACTS
from shared.contracts.intake.codes import ErasureGround
from shared.contracts.placement import LandlordKind
from shared.contracts.prevention.codes import (
    CONTEXT,
    AftercareDeclineReason,
    AftercareWithdrawalReason,
    CaseOutcome,
    ComparableHelp,
    HousingSituation,
    MediationOutcome,
    MediationParty,
    MediationTopic,
    NegotiationResult,
    ReferralOutKind,
    ReferralSource,
    RejectionReason,
    TargetGroup,
    VisitFinding,
)
from shared.envelope import DomainEvent


class _CaseEvent(DomainEvent):
    case_id: UUID


@CONTRACTS.event(CONTEXT)
class ReferralReceived(_CaseEvent):
    """A household was referred to the help (by itself or a third party).

    `household_id` links an intake household when there is one; most prevention
    households are not in move-out management.
    """

    provider: str = Field(description="the provider (Träger) running the help, e.g. skm")
    source: ReferralSource
    target_group: TargetGroup
    housing_situation: HousingSituation
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    household_id: UUID | None = None

    @property
    def with_children(self) -> bool:
        return self.minors > 0


@CONTRACTS.event(CONTEXT)
class EligibilityChecked(_CaseEvent):
    """Whether a comparable help is installed already; eligible only if none is."""

    comparable_help: tuple[ComparableHelp, ...] = ()
    eligible: bool


@CONTRACTS.event(CONTEXT)
class CaseAdmitted(_CaseEvent):
    """The housing office (Fachstelle Wohnen) granted the help until `ends_on`."""

    provider: str
    target_group: TargetGroup
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    ends_on: date


@CONTRACTS.event(CONTEXT)
class CaseRejected(_CaseEvent):
    """The housing office refused the help."""

    reason: RejectionReason


@CONTRACTS.event(CONTEXT)
class ConsentRecorded(_CaseEvent):
    """The household agreed to the (voluntary) outreach help."""


@CONTRACTS.event(CONTEXT)
class ConsentWithdrawn(_CaseEvent):
    """The household withdrew its consent; a `CaseClosed` follows at once."""


@CONTRACTS.event(CONTEXT)
class VisitRhythmPlanned(_CaseEvent):
    """Home visits every `every_days` days; the next one is due on `next_visit_due`."""

    every_days: int = Field(ge=1)
    next_visit_due: date


@CONTRACTS.event(CONTEXT)
class HomeVisitDone(_CaseEvent):
    """A home visit took place. `due_on` was the day it was due (None: none was due)."""

    visit_id: UUID
    findings: tuple[VisitFinding, ...] = Field(min_length=1)
    due_on: date | None = None
    next_visit_due: date


@CONTRACTS.event(CONTEXT)
class MediationRecorded(_CaseEvent):
    """Mediation between the household and a landlord, the Jobcenter or another office."""

    mediation_id: UUID
    party: MediationParty
    topic: MediationTopic
    # Added later: a mediation recorded before has no outcome (None reads as unknown).
    outcome: MediationOutcome | None = None


@CONTRACTS.event(CONTEXT)
class LandlordNegotiationRecorded(_CaseEvent):
    """A negotiation with a potential landlord (precarious housing situations only)."""

    negotiation_id: UUID
    landlord_kind: LandlordKind
    result: NegotiationResult


@CONTRACTS.event(CONTEXT)
class ReferredOut(_CaseEvent):
    """The household was referred to another help (debt counselling, addiction help …)."""

    referral_id: UUID
    kind: ReferralOutKind


@CONTRACTS.event(CONTEXT)
class CaseExtended(_CaseEvent):
    """The housing office moved the end of the help from `previous_ends_on` to `ends_on`."""

    previous_ends_on: date
    ends_on: date


@CONTRACTS.event(CONTEXT)
class CaseClosed(_CaseEvent):
    """The help ended with `outcome`.

    Carries what the yearly report groups outcomes by (target group, housing situation,
    composition as on that day) and `admitted_on` (None: closed before admission, which
    only a withdrawn consent does), so case length needs no second event.
    """

    outcome: CaseOutcome
    target_group: TargetGroup
    housing_situation: HousingSituation
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    admitted_on: date | None = None


@CONTRACTS.event(CONTEXT)
class AftercareOffered(DomainEvent):
    """A household placed into its own flat was offered aftercare (Nachbetreuung).

    Caused by placement's `PlacementCompleted`; `offer_id` is the flat it moved into.
    """

    household_id: UUID
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    offer_id: UUID
    moved_on: date


@CONTRACTS.event(CONTEXT)
class AftercareAccepted(DomainEvent):
    household_id: UUID
    provider: str


@CONTRACTS.event(CONTEXT)
class AftercareDeclined(DomainEvent):
    household_id: UUID
    provider: str
    reason: AftercareDeclineReason


@CONTRACTS.event(CONTEXT)
class AftercareWithdrawn(DomainEvent):
    """Prevention took the household's aftercare offer back, on the day in `occurred_at`
    (the day of the correction): the placement that caused it was retracted, so the
    household never moved. `offer_id` is the retracted placement's flat."""

    household_id: UUID
    provider: str
    offer_id: UUID
    reason: AftercareWithdrawalReason


@CONTRACTS.event(CONTEXT)
class CasePersonalDataErased(_CaseEvent):
    """The case's personal data (contact person, address, who referred, every note) were
    erased (Art. 17 DSGVO) on the day in `occurred_at`; ids, counts, codes and days stay,
    so every figure is unchanged."""

    ground: ErasureGround


# Written follow-ups (Wiedervorlagen) on a prevention case: the contract's bodies
# (shared/contracts/followups.py) under prevention's names; the text stays in
# prevention's table `follow_ups`. Reporting lists them by their base classes.
from shared.contracts.followups import (  # noqa: E402
    FollowUpCompleted,
    FollowUpPostponed,
    FollowUpReassigned,
    FollowUpScheduled,
)


@CONTRACTS.event(CONTEXT)
class PreventionFollowUpScheduled(FollowUpScheduled):
    """Someone wrote a follow-up on a prevention case (the text is not here)."""


@CONTRACTS.event(CONTEXT)
class PreventionFollowUpReassigned(FollowUpReassigned):
    """A written follow-up on a case has another assignee (None: the team)."""


@CONTRACTS.event(CONTEXT)
class PreventionFollowUpPostponed(FollowUpPostponed):
    """A written follow-up on a case is due on another day."""


@CONTRACTS.event(CONTEXT)
class PreventionFollowUpCompleted(FollowUpCompleted):
    """A written follow-up on a case is done; it changes no more."""


# Appointments for home visits (shared/contracts/appointments.py): day, time, length and
# who attends (pseudonymous). The place is free text and stays in prevention's table
# `home_visit_appointments`. A case has at most one open appointment; `HomeVisitDone`
# settles it, closing or erasing the case ends it.
@CONTRACTS.event(CONTEXT)
class HomeVisitAppointed(_CaseEvent):
    """A home visit was arranged for `day` at `at`, for `minutes`, attended by `attendee`."""

    appointment_id: UUID
    day: date
    at: time
    minutes: int = Field(ge=1)
    attendee: str = Field(description="pseudonymous user id of who attends")


@CONTRACTS.event(CONTEXT)
class HomeVisitAppointmentMoved(_CaseEvent):
    """The open home visit appointment moved (day, time, length or who attends)."""

    appointment_id: UUID
    day: date
    at: time
    minutes: int = Field(ge=1)
    attendee: str


@CONTRACTS.event(CONTEXT)
class HomeVisitAppointmentCancelled(_CaseEvent):
    """The open home visit appointment will not take place."""

    appointment_id: UUID
