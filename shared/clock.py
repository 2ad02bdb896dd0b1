"""Business time and system time.

Business facts in Auszug are mostly *days* (the day a lease was signed, the day a
household was registered). A day is turned into an aware timestamp at midnight in
the municipality's time zone, so that reports which count by calendar year never
shift a 31 December fact into the next year by converting it to UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("Europe/Berlin")


def utcnow() -> datetime:
    return datetime.now(UTC)


def business_time(day: date) -> datetime:
    """The start of `day` in the business time zone, as an aware timestamp."""
    return datetime.combine(day, time.min, tzinfo=BUSINESS_TZ)


def business_day(moment: datetime) -> date:
    """The calendar day `moment` falls on in the business time zone."""
    if moment.tzinfo is None:
        raise ValueError("business_day needs an aware timestamp")
    return moment.astimezone(BUSINESS_TZ).date()


def today() -> date:
    return business_day(utcnow())
