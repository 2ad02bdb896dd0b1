"""Published events of the placement context. See the package docstring."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from pydantic import (
    Field,
)

from shared.contracts.catalog import CONTRACTS
from shared.contracts.placement.codes import (
    CONTEXT,
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


@CONTRACTS.event(CONTEXT, version=2)
class ViewingScheduled(DomainEvent):
    """A viewing was arranged on the day in `occurred_at`, to take place on `viewing_on`
    at `viewing_at` (local time; version 2 — a version 1 event had the day only, None)."""

    offer_id: UUID
    viewing_id: UUID
    household_id: UUID
    provider: str
    viewing_on: date
    viewing_at: time | None = None


@CONTRACTS.upcaster("ViewingScheduled", 1)
def _viewing_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 recorded the day only: the time was not recorded."""
    return {"viewing_at": None, **payload}


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


@CONTRACTS.event(CONTEXT, version=2)
class GuaranteeRequested(DomainEvent):
    """A guarantee was requested from an authority on the day in `occurred_at`.

    Version 2 added the amount requested (euros) and whether it was asked for as a loan or
    a grant; a version 1 event reads as "not recorded" (None) for both.
    """

    offer_id: UUID
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    amount: Decimal | None = None
    funding: GuaranteeFunding | None = None


@CONTRACTS.upcaster("GuaranteeRequested", 1)
def _guarantee_requested_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had neither amount nor loan or grant: not recorded."""
    return {"amount": None, "funding": None, **payload}


@CONTRACTS.event(CONTEXT, version=2)
class GuaranteeDecided(DomainEvent):
    """The authority decided a guarantee on the day in `occurred_at`.

    Kind, authority, request day and amount requested are repeated so the days an
    authority takes (and what it granted of what was asked) can be reported from this
    event alone. Version 2 added the amounts and, for an approval, whether it was granted
    as a loan or a grant (`granted_amount` and `funding` are None for a refusal); a
    version 1 event reads as "not recorded" (None).
    """

    offer_id: UUID
    guarantee_id: UUID
    household_id: UUID
    provider: str
    kind: GuaranteeKind
    requested_from: GuaranteeAuthority
    requested_on: date
    decision: GuaranteeDecision
    requested_amount: Decimal | None = None
    granted_amount: Decimal | None = None
    funding: GuaranteeFunding | None = None


@CONTRACTS.upcaster("GuaranteeDecided", 1)
def _guarantee_decided_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no amounts and no loan or grant: not recorded."""
    return {"requested_amount": None, "granted_amount": None, "funding": None, **payload}


@CONTRACTS.event(CONTEXT, version=2)
class PlacementCompleted(DomainEvent):
    """A household moved into a flat of its own. `occurred_at` is the day the lease was signed.

    Version 2 added what the lease says: the gross cold rent (cold rent plus cold running
    costs, what the Jobcenter's limits apply to), the warm rent if known, and the size in
    m². A version 1 event reads as "not recorded" (None) for all three.
    """

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
    gross_cold_rent: Decimal | None = None
    warm_rent: Decimal | None = None
    size_m2: Decimal | None = None

    @property
    def persons(self) -> int:
        return self.adults + self.minors


@CONTRACTS.upcaster("PlacementCompleted", 1)
def _placement_v1_to_v2(payload: dict[str, Any]) -> dict[str, Any]:
    """Version 1 recorded the dates only: rent and size not recorded."""
    return {"gross_cold_rent": None, "warm_rent": None, "size_m2": None, **payload}


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


# Written follow-ups (Wiedervorlagen) on an offer: the contract's bodies
# (shared/contracts/followups.py) under placement's names; the text stays in placement's
# table `follow_ups`. Reporting lists them by their base classes.
from shared.contracts.followups import (  # noqa: E402
    FollowUpCompleted,
    FollowUpPostponed,
    FollowUpReassigned,
    FollowUpScheduled,
)


@CONTRACTS.event(CONTEXT)
class PlacementFollowUpScheduled(FollowUpScheduled):
    """The coordination wrote a follow-up on an offer (the text is not here)."""


@CONTRACTS.event(CONTEXT)
class PlacementFollowUpReassigned(FollowUpReassigned):
    """A written follow-up on an offer has another assignee (None: the coordination)."""


@CONTRACTS.event(CONTEXT)
class PlacementFollowUpPostponed(FollowUpPostponed):
    """A written follow-up on an offer is due on another day."""


@CONTRACTS.event(CONTEXT)
class PlacementFollowUpCompleted(FollowUpCompleted):
    """A written follow-up on an offer is done; it changes no more."""
