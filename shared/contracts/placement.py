"""Contracts of the placement context: landlords, offers, proposals, viewings, guarantees,
lease and move. Events carry ids, counts, codes and dates only (DESIGN.md, invariant 6).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from pydantic import Field

from shared.contracts.catalog import CONTRACTS
from shared.envelope import DomainEvent

CONTEXT = "placement"


class LandlordKind(StrEnum):
    municipal_housing_company = "municipal_housing_company"  # e.g. GAG in Köln
    housing_company = "housing_company"
    private = "private"


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
    volunteer_supported: bool = Field(description="a volunteer tandem supported this placement")
    wbs_required: bool
    household_had_wbs: bool
    moved_on: date

    @property
    def persons(self) -> int:
        return self.adults + self.minors
