"""The iCalendar document of a person's appointments (RFC 5545), built with `icalendar`.

Times are local times in Europe/Berlin with the zone's VTIMEZONE, so a calendar shows a
14:30 visit at 14:30 also across the change to and from summer time. Each event's UID is
the appointment's id: a moved appointment replaces itself in the subscriber's calendar
instead of appearing twice. The summary names the kind and the pseudonymous short
reference only ("Hausbesuch · Fall 3f2a9c1b"): a calendar is synchronised to phones and
third-party servers, so no household's name goes into it; the place is given as recorded
(the caseworker needs it to get there).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from shared.contracts.appointments import Appointment, AppointmentKind
from shared.contracts.followups import SubjectKind

BERLIN = ZoneInfo("Europe/Berlin")
PRODID = "-//Auszug//Termine//DE"
KIND_NAMES: Mapping[AppointmentKind, str] = {
    AppointmentKind.home_visit: "Hausbesuch",
    AppointmentKind.viewing: "Besichtigung",
    AppointmentKind.consultation: "Beratung",
}
SUBJECT_PAGES: Mapping[SubjectKind, str] = {
    SubjectKind.household: "/ui/haushalte/{id}",
    SubjectKind.offer: "/ui/wohnungen/{id}",
    SubjectKind.prevention_case: "/ui/praevention/{id}",
    SubjectKind.inquiry: "/ui/anfragen/{id}",
    SubjectKind.volunteer: "/ui/ehrenamt/ehrenamtliche/{id}",
}


def summary(appointment: Appointment) -> str:
    return f"{KIND_NAMES[appointment.kind]} · {appointment.reference}"


# An individual consultation is moved, cancelled and recorded on the programme's overview,
# where its open appointments are listed (it may name no household at all).
CONSULTATIONS_PAGE = "/ui/ehrenamt#einzeltermine-offen"


def page_path(appointment: Appointment) -> str:
    if appointment.kind is AppointmentKind.consultation:
        return CONSULTATIONS_PAGE
    return SUBJECT_PAGES[appointment.subject_kind].format(id=appointment.subject_id)


def uid(appointment: Appointment) -> str:
    return f"{appointment.appointment_id}@auszug"


def calendar(appointments: Sequence[Appointment], *, base_url: str, now: datetime) -> bytes:
    """The feed: one VEVENT per appointment, with VTIMEZONE for Europe/Berlin."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Auszug – Termine")
    cal.add("x-wr-timezone", "Europe/Berlin")
    # Calendars ask again after this long (RFC 7986 REFRESH-INTERVAL and the common X-).
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    for a in appointments:
        event = Event()
        event.add("uid", uid(a))
        event.add("dtstamp", now)
        if a.at is None:
            # Only the day is agreed (a viewing without a time): an all-day event.
            event.add("dtstart", a.day)
            event.add("dtend", a.day + timedelta(days=1))
        else:
            start = datetime.combine(a.day, a.at, tzinfo=BERLIN)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=a.minutes))
        event.add("summary", summary(a))
        if a.place:
            event.add("location", a.place)
        event.add("url", base_url.rstrip("/") + page_path(a))
        event.add("class", "PRIVATE")
        cal.add_component(event)
    # The zone's rules for the years the feed can reach, not since 1970.
    first = min((a.day for a in appointments), default=now.date())
    last = max((a.day for a in appointments), default=now.date())
    cal.add_missing_timezones(
        first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1)
    )
    document: bytes = cal.to_ical()
    return document
