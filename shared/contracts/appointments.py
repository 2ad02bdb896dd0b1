"""Appointments (*Termine*): a home visit, a viewing, a consultation at a time and a place.

Each owning context keeps its own appointments (prevention: home visits) and answers the
ONE query declared here, `APPOINTMENTS` in its operations.py, with the appointments of a
window of days that the caller may see (provider and restriction as on every list). The
gateway merges the owners' answers into the page "Termine" and the caller's iCalendar
feed.

An appointment is *mine* for the person who attends it (`attendee`, their pseudonymous
user id): by default whoever made it. The place is free text (an address may be a
private landlord's or the household's own): it stays in the owner's table and reaches
no event; erasure removes it, restriction hides it, the Art. 15 export lists it. The
answer carries no name: `reference` is the pseudonymous short reference ("Fall
3f2a9c1b"), which the gateway's page replaces by the household's title for staff and
the feed keeps.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.contracts.followups import SubjectKind
from shared.contracts.inputs import QueryDay

# The longest window one query answers: a bounded list instead of paging (the feed asks
# for 30 days back and 180 ahead, the page for a few weeks).
MAX_WINDOW_DAYS = 400
# More appointments than this in one window is not one person's calendar: the list says
# it was cut (`complete`).
MAX_APPOINTMENTS = 500
PLACE_MAX = 300
DEFAULT_MINUTES = 60


class AppointmentKind(StrEnum):
    home_visit = "home_visit"
    viewing = "viewing"
    consultation = "consultation"


class AppointmentQuery(BaseModel):
    """Appointments from `from_day` to `to_day` (both included), ordered by day and time;
    `mine`: only those the caller attends."""

    model_config = ConfigDict(extra="forbid")

    from_day: QueryDay
    to_day: QueryDay
    mine: bool = True

    @model_validator(mode="after")
    def _window(self) -> AppointmentQuery:
        if self.to_day < self.from_day:
            raise ValueError("Der letzte Tag darf nicht vor dem ersten liegen.")
        if self.to_day - self.from_day > timedelta(days=MAX_WINDOW_DAYS):
            raise ValueError(f"Höchstens {MAX_WINDOW_DAYS} Tage auf einmal.")
        return self


class Appointment(BaseModel):
    appointment_id: UUID
    kind: AppointmentKind
    day: date
    at: time | None = Field(description="Uhrzeit; leer: nur der Tag ist vereinbart")
    minutes: int = Field(ge=1, description="Dauer in Minuten")
    place: str | None = Field(description="Ort, wie festgehalten (personenbezogen)")
    attendee: str = Field(description="Pseudonyme Kennung der Person, die hingeht")
    subject_kind: SubjectKind
    subject_id: UUID
    household_id: UUID | None = None
    # A consultation's tandem (volunteer programme), so it can be recorded as arranged.
    tandem_id: UUID | None = None
    provider: str | None = None
    reference: str = Field(description="Kurzzeichen ohne Namen, z. B. „Fall 3f2a9c1b“")


class AppointmentList(BaseModel):
    appointments: list[Appointment]
    # False when more than MAX_APPOINTMENTS fell into the window (the first ones are given).
    complete: bool = True


def short_reference(prefix: str, subject_id: UUID) -> str:
    """ "Fall 3f2a9c1b": the subject's kind in German and the first 8 hex of its id."""
    return f"{prefix} {subject_id.hex[:8]}"
