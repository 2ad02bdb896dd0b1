"""A matching check's reason in the request's language (the Jinja global `check_reason`):
placement fills in the German text itself; for another language the gateway fills in the
translated template with the values written as that language writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import numbers

from services.gateway.web import i18n
from shared.contracts.placement import Check
from shared.contracts.placement.reasons import Writing, fill, template_of


def _persons(count: int) -> str:
    return i18n.ngettext("%(num)s Person", "%(num)s Personen", count) % {"num": count}


def _number(value: Decimal) -> str:
    return i18n.format_number(value.normalize())


def _euro(value: Decimal) -> str:
    return numbers.format_currency(value, "EUR", locale="en_GB")


def _day(value: date) -> str:
    return i18n.format_date(value)


ENGLISH = Writing(persons=_persons, number=_number, euro=_euro, day=_day)


def check_reason(check: Check) -> str:
    """German: placement's own text; otherwise the template translated and filled in (a
    reason without its template, from an older placement, as its catalogue entry)."""
    if i18n.current_locale() == i18n.GERMAN:
        return check.reason
    if check.reason_code is None:
        return i18n.translated(check.reason)
    return fill(i18n.gettext(template_of(check.reason_code)), check.values, ENGLISH)
