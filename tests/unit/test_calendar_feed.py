"""The iCalendar feed built from appointments (services/gateway/calendar/ics.py): it parses
back with `icalendar`, its times are Berlin wall-clock times on both sides of the change
to and from summer time (with the zone's VTIMEZONE), its UIDs are stable, and it names no
household: only the kind and the short reference."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from icalendar import Calendar

from services.gateway.adapters.calendar_feeds import digest, new_token
from services.gateway.calendar.ics import calendar
from shared.contracts.appointments import Appointment, AppointmentKind
from shared.contracts.followups import SubjectKind

BERLIN = ZoneInfo("Europe/Berlin")
CASE = UUID("3f2a9c1b-0000-4000-8000-000000000001")
NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
# A name that must never reach a calendar (it is no part of an appointment anyway).
CANARY = "Kanarienvogel-Öztürk"


def appointment(n: int, day: date, at: time, place: str | None = "Hauptstraße 5") -> Appointment:
    return Appointment(
        appointment_id=UUID(int=n),
        kind=AppointmentKind.home_visit,
        day=day,
        at=at,
        minutes=45,
        place=place,
        attendee="caseworker-skm",
        subject_kind=SubjectKind.prevention_case,
        subject_id=CASE,
        reference="Fall 3f2a9c1b",
    )


# The Saturday before and the Monday after the change to summer time (28 March 2027),
# and a day after the change back (31 October 2027).
WINTER = appointment(1, date(2027, 3, 27), time(14, 30))
SUMMER = appointment(2, date(2027, 3, 29), time(14, 30), place=None)
AUTUMN = appointment(3, date(2027, 11, 2), time(9, 0))


def parsed(*appointments: Appointment) -> Calendar:
    document = calendar(appointments, base_url="https://auszug.example/", now=NOW)
    return Calendar.from_ical(document)


def test_the_feed_parses_back_with_one_event_per_appointment() -> None:
    cal = parsed(WINTER, SUMMER, AUTUMN)
    events = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"{UUID(int=n)}@auszug" for n in (1, 2, 3)]
    first = events[0]
    assert str(first["SUMMARY"]) == "Hausbesuch · Fall 3f2a9c1b"
    assert str(first["LOCATION"]) == "Hauptstraße 5"
    assert str(first["URL"]) == f"https://auszug.example/ui/praevention/{CASE}"
    # No place recorded: no LOCATION, rather than an empty one.
    assert "LOCATION" not in events[1]


def test_times_are_berlin_wall_clock_across_the_change_to_and_from_summer_time() -> None:
    cal = parsed(WINTER, SUMMER, AUTUMN)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    starts = [e.decoded("DTSTART") for e in cal.walk("VEVENT")]
    ends = [e.decoded("DTEND") for e in cal.walk("VEVENT")]
    # 14:30 local both sides of the change, which are 13:30 and 12:30 UTC.
    assert [s.astimezone(BERLIN).time() for s in starts] == [time(14, 30), time(14, 30), time(9)]
    assert [s.astimezone(UTC).hour for s in starts] == [13, 12, 8]
    assert all(e - s == timedelta(minutes=45) for s, e in zip(starts, ends, strict=True))
    assert all(e["DTSTART"].params["TZID"] == "Europe/Berlin" for e in cal.walk("VEVENT"))


def test_the_same_appointment_keeps_its_uid_when_moved() -> None:
    moved = WINTER.model_copy(update={"day": date(2027, 4, 2)})
    before, after = parsed(WINTER).walk("VEVENT")[0], parsed(moved).walk("VEVENT")[0]
    assert before["UID"] == after["UID"]


def test_the_feed_names_no_household_only_the_short_reference() -> None:
    document = calendar([WINTER, SUMMER], base_url="https://auszug.example/", now=NOW)
    text = document.decode()
    assert CANARY not in text
    assert "Fall 3f2a9c1b" in text
    # The place is the one free text the feed carries (the caseworker needs it).
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(document).walk("VEVENT")]
    assert all(s.startswith("Hausbesuch · ") for s in summaries)


def test_an_empty_feed_is_still_a_calendar() -> None:
    cal = parsed()
    assert cal.walk("VEVENT") == []
    assert str(cal["VERSION"]) == "2.0"


def test_tokens_are_long_random_and_kept_only_as_their_hash() -> None:
    token, other = new_token(), new_token()
    assert token != other and len(token) >= 43
    assert digest(token) == digest(token) != digest(other)
    assert token not in digest(token) and len(digest(token)) == 64


def test_a_viewing_agreed_for_a_day_only_is_an_all_day_event() -> None:
    viewing = appointment(4, date(2027, 3, 28), time(0)).model_copy(
        update={"kind": AppointmentKind.viewing, "at": None, "subject_kind": SubjectKind.offer}
    )
    (event,) = parsed(viewing).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2027, 3, 28)
    assert event.decoded("DTEND") == date(2027, 3, 29)
    assert str(event["SUMMARY"]).startswith("Besichtigung · ")
    assert str(event["URL"]) == f"https://auszug.example/ui/wohnungen/{CASE}"
