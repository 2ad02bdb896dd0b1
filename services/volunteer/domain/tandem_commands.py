"""Commands on a household's tandems, and the facts the application looks up for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from services.volunteer.domain.volunteer import Volunteer
from shared.contracts.volunteer import SupportKind, TandemEndReason


@dataclass(frozen=True)
class KnownHousehold:
    """Volunteer's picture of a household, built from intake's events."""

    provider: str
    registered_on: date
    deregistered_on: date | None = None


@dataclass(frozen=True)
class KnownConsent:
    """The household's `volunteer_tandem` consent in force, as intake's events told it."""

    consent_id: UUID
    given_on: date


@dataclass(frozen=True)
class Placement:
    """A completed placement of the household, as placement's event told it."""

    placement_event_id: UUID
    offer_id: UUID
    provider: str
    adults: int
    minors: int
    lease_signed_on: date


@dataclass(frozen=True)
class FormTandem:
    tandem_id: UUID
    household_id: UUID
    formed_on: date
    today: date
    volunteer: Volunteer
    household: KnownHousehold | None
    # Placements already known, for a tandem recorded after the lease was signed.
    placements: tuple[Placement, ...] = ()
    # The `volunteer_tandem` consent in force on `formed_on` (None: none known).
    consent: KnownConsent | None = None


@dataclass(frozen=True)
class EndTandem:
    tandem_id: UUID
    ended_on: date
    reason: TandemEndReason
    today: date


@dataclass(frozen=True)
class RecordSupport:
    support_id: UUID
    tandem_id: UUID
    kind: SupportKind
    supported_on: date
    today: date


@dataclass(frozen=True)
class ConfirmPlacementSupport:
    placement: Placement


@dataclass(frozen=True)
class EndOnConsentWithdrawn:
    """Intake recorded that the household withdrew consent `consent_id` on `withdrawn_on`."""

    consent_id: UUID
    withdrawn_on: date


Command = FormTandem | EndTandem | RecordSupport | ConfirmPlacementSupport | EndOnConsentWithdrawn
