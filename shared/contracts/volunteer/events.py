"""Events the volunteer context publishes (`auszug.volunteer.<EventType>`).

Ids, codes, counts and days only (docs/architecture.md, invariant 6): a volunteer's or an
attendee's name, contact data and login stay in volunteer's personal-data tables.
`occurred_at` is the business day: the day of registration, of the office hour, of the
workshop, of the lease (for `PlacementSupportConfirmed`).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import Field

from shared.contracts.catalog import CONTRACTS
from shared.contracts.intake.codes import ErasureGround
from shared.contracts.volunteer.codes import (
    CONTEXT,
    ConsultationChannel,
    ConsultationTopic,
    OnboardingStep,
    SupportKind,
    TandemEndReason,
    Visitor,
    WorkshopTopic,
)
from shared.envelope import DomainEvent

# ---------------------------------------------------------------- volunteers


@CONTRACTS.event(CONTEXT)
class VolunteerRegistered(DomainEvent):
    volunteer_id: UUID
    provider: str
    district: str | None = None
    languages: tuple[str, ...] = ()


@CONTRACTS.event(CONTEXT)
class VolunteerOnboarded(DomainEvent):
    """One onboarding step done on `occurred_at`."""

    volunteer_id: UUID
    step: OnboardingStep


@CONTRACTS.event(CONTEXT)
class VolunteerLeft(DomainEvent):
    volunteer_id: UUID


# ---------------------------------------------------------------- tandems


@CONTRACTS.event(CONTEXT)
class TandemFormed(DomainEvent):
    """`consent_id`/`consent_given_on`: the household's `volunteer_tandem` consent in
    force on the formation day (empty on tandems formed before consents were checked)."""

    tandem_id: UUID
    volunteer_id: UUID
    household_id: UUID
    provider: str
    consent_id: UUID | None = None
    consent_given_on: date | None = None


@CONTRACTS.event(CONTEXT)
class TandemEnded(DomainEvent):
    tandem_id: UUID
    volunteer_id: UUID
    household_id: UUID
    reason: TandemEndReason


@CONTRACTS.event(CONTEXT)
class TandemSupportRecorded(DomainEvent):
    """The volunteer of a tandem supported the household on `occurred_at`."""

    support_id: UUID
    tandem_id: UUID
    household_id: UUID
    kind: SupportKind


@CONTRACTS.event(CONTEXT)
class PlacementSupportConfirmed(DomainEvent):
    """A placement happened while a tandem of the household was active on the lease day.

    Derived by volunteer from placement's `PlacementCompleted`; `occurred_at` is the lease
    day, so the yearly figures count it in the year of the placement.
    """

    household_id: UUID
    tandem_id: UUID
    volunteer_id: UUID
    placement_event_id: UUID
    offer_id: UUID
    provider: str
    adults: int = Field(ge=0)
    minors: int = Field(ge=0)
    lease_signed_on: date

    @property
    def persons(self) -> int:
        return self.adults + self.minors


# ---------------------------------------------------------------- office hours


@CONTRACTS.event(CONTEXT)
class OfficeHourHeld(DomainEvent):
    """An open office hour (offene Sprechstunde) a provider held on `occurred_at`."""

    office_hour_id: UUID
    provider: str
    duration_minutes: int = Field(ge=1)


@CONTRACTS.event(CONTEXT)
class ConsultationHeld(DomainEvent):
    """One consultation: in an office hour, or on its own (`appointment`: an Einzeltermin)."""

    consultation_id: UUID
    provider: str
    channel: ConsultationChannel
    visitor: Visitor
    topic: ConsultationTopic
    duration_minutes: int = Field(ge=1)
    appointment: bool = False
    office_hour_id: UUID | None = None
    tandem_id: UUID | None = None
    household_id: UUID | None = None


# ---------------------------------------------------------------- workshops


@CONTRACTS.event(CONTEXT)
class WorkshopHeld(DomainEvent):
    workshop_id: UUID
    provider: str
    topic: WorkshopTopic
    site: str = Field(description="where it was held: a site code or the venue's name")
    duration_minutes: int = Field(ge=1)


@CONTRACTS.event(CONTEXT)
class WorkshopAttended(DomainEvent):
    """One person took part; `attendee_id` is a pseudonym, the name stays in a table."""

    workshop_id: UUID
    attendee_id: UUID
    household_id: UUID | None = None
    # The household member (intake's `member_id`) the attendee is, if staff named them:
    # intake erasing that member's personal data erases the attendee's too.
    member_id: UUID | None = None


@CONTRACTS.event(CONTEXT)
class CertificateIssued(DomainEvent):
    """A qualified participation certificate (Teilnahmebestätigung) for one attendee."""

    certificate_id: UUID
    workshop_id: UUID
    attendee_id: UUID
    household_id: UUID | None = None
    topic: WorkshopTopic


# ---------------------------------------------------------------- data protection


@CONTRACTS.event(CONTEXT)
class VolunteerPersonalDataErased(DomainEvent):
    """A volunteer's name, contact data, birth date and login were erased (Art. 17
    DSGVO) on the day in `occurred_at`; the volunteer's ids, codes and days stay, so every
    figure is unchanged and lists show „gelöscht“ instead of the name."""

    volunteer_id: UUID
    ground: ErasureGround


# Written follow-ups (Wiedervorlagen) on a volunteer: the contract's bodies
# (shared/contracts/followups.py) under volunteer's names; the text stays in volunteer's
# table `follow_ups`. Reporting lists them by their base classes.
from shared.contracts.followups import (  # noqa: E402
    FollowUpCompleted,
    FollowUpPostponed,
    FollowUpReassigned,
    FollowUpScheduled,
)


@CONTRACTS.event(CONTEXT)
class VolunteerFollowUpScheduled(FollowUpScheduled):
    """Someone wrote a follow-up on a volunteer (the text is not here)."""


@CONTRACTS.event(CONTEXT)
class VolunteerFollowUpReassigned(FollowUpReassigned):
    """A written follow-up on a volunteer has another assignee (None: the team)."""


@CONTRACTS.event(CONTEXT)
class VolunteerFollowUpPostponed(FollowUpPostponed):
    """A written follow-up on a volunteer is due on another day."""


@CONTRACTS.event(CONTEXT)
class VolunteerFollowUpCompleted(FollowUpCompleted):
    """A written follow-up on a volunteer is done; it changes no more."""


# Individual consultations by appointment (Einzeltermin nach Absprache,
# shared/contracts/appointments.py): arranged ahead in the stream of the consultation it
# becomes (`consultation:<municipality>:<id>`, the appointment's id is the consultation's),
# so recording the consultation settles it in one append. The place is personal data and
# stays in volunteer's table `consultation_appointments`; here ids, codes, days and times.
from datetime import time  # noqa: E402


@CONTRACTS.event(CONTEXT)
class ConsultationAppointed(DomainEvent):
    """An individual consultation was arranged for `day` at `at`, attended by `attendee`."""

    appointment_id: UUID
    provider: str
    day: date
    at: time
    minutes: int = Field(ge=1)
    attendee: str = Field(description="pseudonymous user id of who attends")
    tandem_id: UUID | None = None
    household_id: UUID | None = None


@CONTRACTS.event(CONTEXT)
class ConsultationAppointmentMoved(DomainEvent):
    """The open consultation appointment moved (day, time, length or who attends)."""

    appointment_id: UUID
    day: date
    at: time
    minutes: int = Field(ge=1)
    attendee: str


@CONTRACTS.event(CONTEXT)
class ConsultationAppointmentCancelled(DomainEvent):
    """The open consultation appointment will not take place."""

    appointment_id: UUID
