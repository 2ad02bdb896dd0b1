"""Published events of the placement context. See the package docstring."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from pydantic import (
    Field,
)

from shared.contracts.catalog import CONTRACTS
from shared.contracts.placement.codes import (
    CONTEXT,
    GuaranteeAuthority,
    GuaranteeDecision,
    GuaranteeKind,
    LandlordDecision,
    LandlordKind,
    OfferSource,
    RetractionReason,
    ViewingOutcome,
    WithdrawalReason,
)
from shared.envelope import DomainEvent


@CONTRACTS.event(CONTEXT)
class LandlordRegistered(DomainEvent):
    """A landlord was taken on; `occurred_at` is the day. Name and contact stay in tables."""

    landlord_id: UUID
    kind: LandlordKind
    cooperation_agreement: bool
    cooperation_agreed_on: date | None = None


@CONTRACTS.event(CONTEXT)
class CooperationAgreementConcluded(DomainEvent):
    """A landlord signed a cooperation agreement on the day in `occurred_at`."""

    landlord_id: UUID


@CONTRACTS.event(CONTEXT)
class OfferReceived(DomainEvent):
    """A flat was offered on the day in `occurred_at`. The street address stays in tables.

    `running_costs` are the cold running costs (kalte Nebenkosten, without heating):
    cold rent plus running costs is the gross cold rent the Jobcenter's limits apply to.
    """

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
    refugee_quota: bool = Field(description="allocated under the refugee guideline")
    accessible: bool
    source: OfferSource


@CONTRACTS.event(CONTEXT)
class OfferWithdrawn(DomainEvent):
    """The offer was withdrawn on the day in `occurred_at`."""

    offer_id: UUID
    reason: WithdrawalReason


@CONTRACTS.event(CONTEXT)
class OfferExpired(DomainEvent):
    """The offer ran out without a placement on the day in `occurred_at`."""

    offer_id: UUID


@CONTRACTS.event(CONTEXT)
class HouseholdProposed(DomainEvent):
    """A household was proposed to the landlord for the offer on the day in `occurred_at`."""

    offer_id: UUID
    household_id: UUID
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)


@CONTRACTS.event(CONTEXT)
class LandlordDecided(DomainEvent):
    """The landlord accepted or declined a proposed household on the day in `occurred_at`."""

    offer_id: UUID
    household_id: UUID
    provider: str
    decision: LandlordDecision
    proposed_on: date = Field(description="so the landlord's answer time can be reported")


@CONTRACTS.event(CONTEXT)
class ViewingScheduled(DomainEvent):
    """A viewing was arranged on the day in `occurred_at`, to take place on `viewing_on`."""

    offer_id: UUID
    viewing_id: UUID
    household_id: UUID
    provider: str
    viewing_on: date


@CONTRACTS.event(CONTEXT)
class ViewingHeld(DomainEvent):
    """A viewing took place (or did not) on the day in `occurred_at`."""

    offer_id: UUID
    viewing_id: UUID
    household_id: UUID
    provider: str
    outcome: ViewingOutcome
    accompanied_by_tandem: bool
    tandem_id: UUID | None = None


@CONTRACTS.event(CONTEXT)
class GuaranteeRequested(DomainEvent):
    """A guarantee was requested from an authority on the day in `occurred_at`."""

    offer_id: UUID
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority


@CONTRACTS.event(CONTEXT)
class GuaranteeDecided(DomainEvent):
    """The authority decided a guarantee on the day in `occurred_at`.

    Kind, authority and request day are repeated so the days an authority takes can be
    reported from this event alone.
    """

    offer_id: UUID
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    decision: GuaranteeDecision


@CONTRACTS.event(CONTEXT)
class PlacementCompleted(DomainEvent):
    """A household moved into a flat of its own. `occurred_at` is the day the lease was signed."""

    household_id: UUID
    offer_id: UUID
    landlord_id: UUID
    landlord_kind: LandlordKind
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    refugee_quota: bool = Field(
        description="allocated under the refugee guideline (Richtlinie Flü)"
    )
    volunteer_supported: bool = Field(
        description="a volunteer tandem accompanied the viewing (not the figure of "
        "volunteer-supported placements: that is PlacementSupportConfirmed, a tandem "
        "active on the lease day)"
    )
    wbs_required: bool
    household_had_wbs: bool
    moved_on: date

    @property
    def persons(self) -> int:
        return self.adults + self.minors


@CONTRACTS.event(CONTEXT)
class PlacementRetracted(DomainEvent):
    """A placement recorded by mistake is taken back: the flat is open again and the
    placement no longer counts. `occurred_at` is the day of the correction; the retracted
    placement's facts are repeated so that every consumer can undo what it counted
    without looking anything up (a figure is corrected on the lease day's year, from the
    day the correction was recorded)."""

    household_id: UUID
    offer_id: UUID
    landlord_kind: LandlordKind
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    refugee_quota: bool
    volunteer_supported: bool
    household_had_wbs: bool
    lease_signed_on: date
    reason: RetractionReason
