"""Commands on an offer. Each carries `today` so that no rule reads a clock.

What the offer needs to know about a household (its provider, size, WBS, whether it is
still in move-out management) comes from placement's read model of intake's events and
travels in `Candidate`, so the rules about households stay pure and testable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from uuid import UUID

from shared.contracts.placement import (
    GuaranteeAuthority,
    GuaranteeDecision,
    GuaranteeFunding,
    GuaranteeKind,
    LandlordDecision,
    LandlordKind,
    OfferSource,
    RetractionReason,
    ViewingOutcome,
    WithdrawalReason,
)


@dataclass(frozen=True)
class Candidate:
    """A household as placement knows it from intake's events."""

    household_id: UUID
    provider: str
    adults: int
    minors: int
    has_wbs: bool | None
    deregistered: bool = False
    placed_elsewhere: bool = False
    restricted: bool = False


@dataclass(frozen=True)
class ReceiveOffer:
    offer_id: UUID
    landlord_id: UUID
    landlord_kind: LandlordKind
    district: str
    rooms: Decimal
    size_m2: Decimal
    cold_rent: Decimal
    running_costs: Decimal
    available_from: date
    wbs_required: bool
    refugee_quota: bool
    accessible: bool
    source: OfferSource
    received_on: date
    today: date


@dataclass(frozen=True)
class WithdrawOffer:
    reason: WithdrawalReason
    withdrawn_on: date
    today: date


@dataclass(frozen=True)
class ExpireOffer:
    expired_on: date
    today: date


@dataclass(frozen=True)
class ProposeHouseholds:
    households: tuple[Candidate, ...]
    proposed_on: date
    today: date


@dataclass(frozen=True)
class RecordLandlordDecision:
    household_id: UUID
    decision: LandlordDecision
    decided_on: date
    today: date


@dataclass(frozen=True)
class ScheduleViewing:
    viewing_id: UUID
    household_id: UUID
    viewing_on: date
    today: date
    viewing_at: time | None = None


@dataclass(frozen=True)
class RecordViewing:
    viewing_id: UUID
    held_on: date
    outcome: ViewingOutcome
    accompanied_by_tandem: bool
    tandem_id: UUID | None
    today: date


@dataclass(frozen=True)
class RequestGuarantee:
    guarantee_id: UUID
    household_id: UUID
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    today: date
    amount: Decimal | None = None
    funding: GuaranteeFunding | None = None


@dataclass(frozen=True)
class DecideGuarantee:
    guarantee_id: UUID
    decision: GuaranteeDecision
    decided_on: date
    today: date
    # For an approval; None: as requested.
    granted_amount: Decimal | None = None
    funding: GuaranteeFunding | None = None


@dataclass(frozen=True)
class CompletePlacement:
    """`gross_cold_rent` and `size_m2` None: the offer's. `rent_limit` is the municipality's
    guideline value for the household's size (None: it has none), looked up by the use case
    so that the plausibility rule stays pure."""

    household: Candidate
    lease_signed_on: date
    moved_on: date
    today: date
    gross_cold_rent: Decimal | None = None
    warm_rent: Decimal | None = None
    size_m2: Decimal | None = None
    rent_limit: Decimal | None = None
    rent_confirmed: bool = False


@dataclass(frozen=True)
class RetractPlacement:
    reason: RetractionReason
    retracted_on: date
    today: date


Command = (
    ReceiveOffer
    | WithdrawOffer
    | ExpireOffer
    | ProposeHouseholds
    | RecordLandlordDecision
    | ScheduleViewing
    | RecordViewing
    | RequestGuarantee
    | DecideGuarantee
    | CompletePlacement
    | RetractPlacement
)
