"""The record of a generated year: what was planned, plus the ids the API handed out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from services.reporting.demo.names import People

PROVIDERS = ("caritas", "drk", "fluechtlingsrat")
PREVENTION_PROVIDER = "skm"


@dataclass
class Landlord:
    kind: str
    name: str
    landlord_id: str = ""


@dataclass
class Offer:
    landlord: Landlord
    received_on: date
    source: str
    refugee_quota: bool
    wbs_required: bool
    # ("withdrawn", day, reason) or ("expired", day, None); None: open or let.
    end: tuple[str, date, str | None] | None = None
    tried: bool = False  # a household was declined for it, then it was withdrawn
    offer_id: str = ""


@dataclass
class Guarantee:
    kind: str
    authority: str
    requested_on: date
    decided_on: date
    decision: str
    guarantee_id: str = ""


@dataclass
class Placement:
    offer: Offer
    proposed_on: date
    decided_on: date
    viewing_on: date
    accompanied: bool
    guarantees: list[Guarantee]
    lease_on: date
    moved_on: date
    # A flat whose landlord said no before: (offer, proposed, declined, withdrawn).
    declined: tuple[Offer, date, date, date] | None = None
    # ("accepted" | "declined", day, reason of a decline)
    aftercare: tuple[str, date, str | None] | None = None


@dataclass
class Volunteer:
    provider: str
    registered_on: date
    agreement_on: date
    left_on: date | None = None
    volunteer_id: str = ""


@dataclass
class Tandem:
    volunteer: Volunteer
    formed_on: date
    ended: tuple[date, str] | None = None
    tandem_id: str = ""


@dataclass
class Household:
    provider: str
    registered_on: date
    adults: int
    minors: int
    kind: str
    wbs: bool
    readiness: tuple[date, str] | None = None
    flat_on: date | None = None  # moved from a shelter into a city-rented flat
    birth_on: date | None = None
    tandem: Tandem | None = None
    placement: Placement | None = None
    handover: tuple[date, str] | None = None
    deregistration: tuple[date, str] | None = None
    household_id: str = ""
    # Names, birth dates and contact (names.py); given after planning, they decide nothing.
    people: People | None = None


@dataclass
class Case:
    provider: str
    referred_on: date
    source: str
    target_group: str
    situation: str
    adults: int
    minors: int
    rejected: tuple[date, str] | None = None
    admitted_on: date | None = None
    ends_on: date | None = None
    consent_on: date | None = None
    every_days: int = 30
    first_due: date | None = None
    visits: list[date] = field(default_factory=list)
    mediations: list[tuple[date, str, str]] = field(default_factory=list)
    referrals_out: list[tuple[date, str]] = field(default_factory=list)
    closed: tuple[date, str] | None = None
    case_id: str = ""

    def due_dates(self) -> list[date]:
        """The day each visit was due: the planned first, then one rhythm after the last."""
        assert self.first_due is not None
        return [
            self.first_due,
            *(v.fromordinal(v.toordinal() + self.every_days) for v in self.visits),
        ]


@dataclass
class OfficeHour:
    provider: str
    held_on: date
    consultations: list[tuple[str, str, str]]  # (channel, visitor, topic)


@dataclass
class Appointment:
    provider: str
    held_on: date
    channel: str
    visitor: str
    topic: str


@dataclass
class Workshop:
    provider: str
    topic: str
    held_on: date
    attendees: int
    certificates: int
    certificates_on: date


@dataclass
class Inquiry:
    sender: str
    channel: str
    received_at: datetime
    triage: tuple[str, datetime] | None = None


@dataclass
class Year:
    year: int
    seed: int
    municipality: str
    landlords: list[Landlord] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    volunteers: list[Volunteer] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    office_hours: list[OfficeHour] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    workshops: list[Workshop] = field(default_factory=list)
    inquiries: list[Inquiry] = field(default_factory=list)

    @property
    def first(self) -> date:
        return date(self.year, 1, 1)

    @property
    def last(self) -> date:
        return date(self.year, 12, 31)
