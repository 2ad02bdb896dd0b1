"""Balances: daily counts of +1 and −1 whose sum up to a day is a state on that day —
households in move-out management per provider, inquiries still open. A report reads a
sum over days instead of working out every household's state.

A hand-over moves a household from one provider's balance to the other's on its day;
intake refuses changes to a deregistered household, so the −1 of a deregistration is
always booked to the provider the household had then.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Table

from services.reporting.adapters.intake_tables import (
    REVOKED,
    household_changes,
    inquiries,
    inquiry_triages,
)

HOUSEHOLDS = "households_balance"
INQUIRIES = "inquiries_balance"
Booking = tuple[str, Mapping[str, Any], str, int]  # balance, fact row, provider, +1 / −1


def bookings(rows: Mapping[Table, list[dict[str, Any]]]) -> Iterator[Booking]:
    for row in rows.get(household_changes, ()):
        change = row["change"]
        if change == "registered":
            yield HOUSEHOLDS, row, row["provider"], 1
        elif change == "handed_over":
            yield HOUSEHOLDS, row, row["previous_provider"], -1
            yield HOUSEHOLDS, row, row["provider"], 1
        elif change == "deregistered":
            yield HOUSEHOLDS, row, row["provider"], -1
        elif change == REVOKED:
            # Booked on the revoked deregistration's day: its −1 no longer holds.
            yield HOUSEHOLDS, row, row["provider"], 1
    for row in rows.get(inquiries, ()):
        yield INQUIRIES, row, "", 1
    for row in rows.get(inquiry_triages, ()):
        if row["first"]:
            yield INQUIRIES, row, "", -1
