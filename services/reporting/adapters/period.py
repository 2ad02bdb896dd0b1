"""Conditions every period query shares: tenant, business days, provider, "as known on"."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from sqlalchemy import ColumnElement, FromClause, Select, exists, select

from services.reporting.adapters.intake_tables import (
    REVOKED,
    duplicate_decisions,
    household_changes,
)
from services.reporting.adapters.placement_tables import placement_retractions
from services.reporting.adapters.prevention_tables import WITHDRAWN, aftercare
from shared.clock import business_time


def known_by(table: FromClause, as_known_on: date | None) -> list[ColumnElement[bool]]:
    """Only what was recorded by the end of `as_known_on` (business time zone)."""
    if as_known_on is None:
        return []
    return [table.c.recorded_at < business_time(as_known_on + timedelta(days=1))]


def in_period(
    table: FromClause,
    municipality: str,
    period_from: date,
    period_to: date,
    provider: str | None,
    as_known_on: date | None,
) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [
        table.c.municipality == municipality,
        table.c.occurred_on >= period_from,
        table.c.occurred_on <= period_to,
        *known_by(table, as_known_on),
    ]
    if provider is not None:
        clauses.append(table.c.provider == provider)
    return clauses


def linked_duplicates(municipality: str, as_known_on: date | None) -> Select[UUID]:
    """Households whose record was confirmed as a duplicate of another (newest decision
    per pair, as known on the day): a correction, so it follows "as known on"."""
    d = duplicate_decisions.alias("d")
    later = duplicate_decisions.alias("later")
    newer = exists().where(
        later.c.household_id == d.c.household_id,
        later.c.other_household_id == d.c.other_household_id,
        later.c.stream_version > d.c.stream_version,
        *known_by(later, as_known_on),
    )
    return select(d.c.household_id).where(
        d.c.municipality == municipality, d.c.linked, *known_by(d, as_known_on), ~newer
    )


def retracted(table: FromClause, as_known_on: date | None) -> ColumnElement[bool]:
    """A fact of `table` (a placement, or the support a tandem gave it) belongs to a
    placement that a correction known on the day took back: same offer, household and
    lease day. A support may be recorded after the correction (volunteer derives it
    later); it is left out all the same."""
    r = placement_retractions
    return exists().where(
        r.c.municipality == table.c.municipality,
        r.c.offer_id == table.c.offer_id,
        r.c.household_id == table.c.household_id,
        r.c.occurred_on == table.c.occurred_on,
        *known_by(r, as_known_on),
    )


def withdrawn(table: FromClause, as_known_on: date | None) -> ColumnElement[bool]:
    """An aftercare fact of `table` (an offer or its acceptance) that a withdrawal known on
    the day took back: same household, the withdrawal recorded later. A household placed
    again after a withdrawal is offered anew, and that offer counts."""
    w = aftercare.alias("withdrawal")
    return exists().where(
        w.c.municipality == table.c.municipality,
        w.c.household_id == table.c.household_id,
        w.c.status == WITHDRAWN,
        # At the same instant too: a withdrawal always follows what it takes back.
        w.c.recorded_at >= table.c.recorded_at,
        table.c.status != WITHDRAWN,
        *known_by(w, as_known_on),
    )


def revoked(table: FromClause, as_known_on: date | None) -> ColumnElement[bool]:
    """A deregistration of `table` (household changes) that a revocation known on the day
    took back: same household and day, recorded later in the household's stream (between a
    deregistration and its revocation no other deregistration can be recorded)."""
    r = household_changes.alias("revocation")
    return exists().where(
        r.c.municipality == table.c.municipality,
        r.c.household_id == table.c.household_id,
        r.c.change == REVOKED,
        r.c.occurred_on == table.c.occurred_on,
        r.c.stream_version > table.c.stream_version,
        *known_by(r, as_known_on),
    )
