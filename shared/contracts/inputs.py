"""What a person may type into a command: plausible days and text without control bytes.

Every command model (requests of every context) takes its dates and free texts through
these types, so that one place decides what is plausible. Events and views keep plain
`date` and `str`: what is already stored stays readable whatever these rules become.

Days of the work (registration, held on, received on, lease, …) lie between 2000-01-01
— Auszug's data starts decades later, and 0001-01-01 once overflowed the event store —
and one year after today, so that an appointment or an offer can be entered ahead. A
deadline (a case's time limit, a WBS's validity, the next visit due) may lie up to five
years ahead. A birth date lies between 1900-01-01 and today. A day that only chooses
what a list shows ("as of", "from") lies between 1900 and 2999: any answer is harmless
there, but a day near the year 1 overflows the arithmetic behind it.

Texts refuse the C0 and C1 control characters, DEL and lone surrogates (PostgreSQL
cannot store a NUL byte, and none of them is ever typed on purpose); multi-line texts
(notes, an inquiry's text) keep tab, line feed and carriage return, which browsers send
for a line break.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime
from pydantic_core import PydanticCustomError

from shared.clock import today

EARLIEST_WORK_DAY = date(2000, 1, 1)
EARLIEST_BIRTH_DATE = date(1900, 1, 1)
LATEST_QUERY_DAY = date(2999, 12, 31)
WORK_DAYS_AHEAD = timedelta(days=366)
DEADLINE_DAYS_AHEAD = timedelta(days=5 * 366)

_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
_IN_TEXT = re.compile(f"[{_CONTROL}]")
_IN_LINE = re.compile(f"[{_CONTROL}\t\n\r]")


# The date rules' messages: German for the API; the staff UI finds the template of a
# message with days in it (`shared.validation.parameterised`) and says it in English.
DAY_TOO_EARLY = "Das Datum liegt vor dem {earliest}; bitte das Jahr prüfen."
DAY_TOO_LATE = "Das Datum liegt mehr als ein Jahr in der Zukunft; bitte prüfen."
DEADLINE_TOO_LATE = "Das Datum liegt mehr als fünf Jahre in der Zukunft; bitte prüfen."
DAY_OUT_OF_RANGE = "Bitte ein Datum zwischen {earliest} und {latest} angeben."
BIRTH_DATE_TOO_EARLY = "Das Geburtsdatum liegt vor dem {earliest}; bitte das Jahr prüfen."
BIRTH_DATE_FUTURE = "Das Geburtsdatum {day} liegt in der Zukunft; bitte das Jahr prüfen."
DATE_RULES = (
    DAY_TOO_EARLY,
    DAY_TOO_LATE,
    DEADLINE_TOO_LATE,
    DAY_OUT_OF_RANGE,
    BIRTH_DATE_TOO_EARLY,
    BIRTH_DATE_FUTURE,
)


def _german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _work_day(day: date) -> date:
    if day < EARLIEST_WORK_DAY:
        raise PydanticCustomError(
            "day_too_early",
            DAY_TOO_EARLY,
            {"earliest": _german(EARLIEST_WORK_DAY)},
        )
    if day > today() + WORK_DAYS_AHEAD:
        raise PydanticCustomError("day_too_late", DAY_TOO_LATE)
    return day


def _work_moment(moment: datetime) -> datetime:
    # The day in the moment's own offset: converting 0001-01-01 to UTC would overflow.
    _work_day(moment.date())
    return moment


def _deadline(day: date) -> date:
    if day < EARLIEST_WORK_DAY:
        return _work_day(day)
    if day > today() + DEADLINE_DAYS_AHEAD:
        raise PydanticCustomError("day_too_late", DEADLINE_TOO_LATE)
    return day


def _query_day(day: date) -> date:
    if not EARLIEST_BIRTH_DATE <= day <= LATEST_QUERY_DAY:
        raise PydanticCustomError(
            "day_out_of_range",
            DAY_OUT_OF_RANGE,
            {"earliest": _german(EARLIEST_BIRTH_DATE), "latest": _german(LATEST_QUERY_DAY)},
        )
    return day


def _birth_date(day: date) -> date:
    if day < EARLIEST_BIRTH_DATE:
        raise PydanticCustomError(
            "birth_date_too_early",
            BIRTH_DATE_TOO_EARLY,
            {"earliest": _german(EARLIEST_BIRTH_DATE)},
        )
    if day > today():
        raise PydanticCustomError(
            "birth_date_future",
            BIRTH_DATE_FUTURE,
            {"day": _german(day)},
        )
    return day


def _line(value: str) -> str:
    if _IN_LINE.search(value):
        raise PydanticCustomError(
            "text_control_character",
            "Bitte ohne Zeilenumbruch, Tabulator oder unsichtbare Steuerzeichen eingeben.",
        )
    return value


def _text(value: str) -> str:
    if _IN_TEXT.search(value):
        raise PydanticCustomError(
            "text_control_character",
            "Der Text enthält unsichtbare Steuerzeichen; bitte neu eingeben.",
        )
    return value


WorkDay = Annotated[date, AfterValidator(_work_day)]
"""A day something happened or is planned in the work: 2000-01-01 up to a year ahead."""

WorkMoment = Annotated[AwareDatetime, AfterValidator(_work_moment)]
"""A moment in the work (an inquiry received, triaged), on a day a `WorkDay` allows."""

Deadline = Annotated[date, AfterValidator(_deadline)]
"""A day until which something holds: 2000-01-01 up to five years ahead."""

QueryDay = Annotated[date, AfterValidator(_query_day)]
"""A day that chooses what a list or a query shows: 1900-01-01 up to 2999-12-31."""

BirthDate = Annotated[date, AfterValidator(_birth_date)]
"""A person's birth date: 1900-01-01 up to today."""

Line = Annotated[str, AfterValidator(_line)]
"""Single-line free text (a name, a site, an address): no control characters at all."""

Text = Annotated[str, AfterValidator(_text)]
"""Multi-line free text (a note): tab and line breaks allowed, other control characters not."""


def age_on(birth_date: date, day: date) -> int:
    """Completed years of a person born on `birth_date` on `day` (negative: not yet born)."""
    years = day.year - birth_date.year
    return years - 1 if (day.month, day.day) < (birth_date.month, birth_date.day) else years
