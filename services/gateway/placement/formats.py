"""How placement's pages show numbers, amounts and yes/no in the request's language.

The words for placement's codes are shared/contracts/placement/labels.py (in templates
`placement_labels`).
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from services.gateway.web.i18n import ENGLISH, N_, current_locale, format_date, gettext

YES_NO = {"true": N_("ja"), "false": N_("nein")}


def number(value: Decimal | int | None) -> str:
    """Without needless decimals: 2,5 · 65 · 54,3 (English: 2.5 · 65 · 54.3)."""
    if value is None:
        return "–"
    text = f"{Decimal(value).normalize():f}"
    return text if current_locale() == ENGLISH else text.replace(".", ",")


def euro(value: Decimal | None) -> str:
    """An amount as a German reads it, 1.234,50 € (English: €1,234.50)."""
    if value is None:
        return "–"
    text = f"{value:,.2f}"
    if current_locale() == ENGLISH:
        return f"€{text}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") + " €"


def amount_input(value: Decimal | None) -> str:
    """An amount as a form shows it for editing: 1.234,50 (English: 1234.50, without a
    separator that forms.decimal_text would read as the German decimal comma)."""
    if value is None:
        return ""
    if current_locale() == ENGLISH:
        return f"{value:.2f}"
    return euro(value).removesuffix(" €")


def yes_no(value: bool) -> str:
    return gettext("ja") if value else gettext("nein")


def clock(value: time | None) -> str:
    """A time of day: 14:30 Uhr (English: 14:30); empty if not recorded."""
    if value is None:
        return ""
    text = value.strftime("%H:%M")
    return text if current_locale() == ENGLISH else f"{text} Uhr"


def appointment(day: date, at: time | None) -> str:
    """A day with its time if one was recorded: 12.01.2027, 14:30 Uhr."""
    return f"{format_date(day)}, {clock(at)}" if at is not None else format_date(day)


def time_input(value: time | None) -> str:
    """A time as a form shows it for editing: 14:30."""
    return "" if value is None else value.strftime("%H:%M")
