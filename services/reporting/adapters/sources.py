"""Period sources: the facts of one kind in a period, grouped for a figure or one by one
with their ids for a drill-down (see `domain.figures.model`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import intake_tables as i
from services.reporting.adapters import placement_tables as p
from services.reporting.adapters import prevention_tables as w
from services.reporting.adapters import volunteer_tables as v
from services.reporting.adapters.cube import grouped
from services.reporting.adapters.facts import registrations
from services.reporting.adapters.period import in_period, known_by, linked_duplicates, retracted
from services.reporting.domain.figures import Row
from shared.contracts.reporting import FiguresQuery

Where = tuple[str, object]  # only facts whose column has this value


@dataclass(frozen=True)
class FactSource:
    table: Table
    dims: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    persons: bool = False
    where: Where | None = None
    # Household records confirmed as duplicates are left out (a correction): such a
    # source is counted from its facts, every other one from the daily counts.
    households: bool = False
    # Facts of a placement that a later correction took back are left out (as known on).
    retractable: bool = False

    def takes(self, row: Mapping[str, Any]) -> bool:
        return self.where is None or row[self.where[0]] == self.where[1]


def _is(column: str, value: object) -> Where:
    return column, value


SOURCES: dict[str, FactSource] = {
    "registrations": FactSource(
        registrations, ids=("household_id",), persons=True, households=True
    ),
    "deregistrations": FactSource(
        i.household_changes,
        ("reason",),
        ("household_id",),
        persons=True,
        where=_is("change", "deregistered"),
        households=True,
    ),
    "readiness": FactSource(i.readiness_assessments, ("result",), ("household_id",)),
    "inquiries": FactSource(i.inquiries, ("sender_kind", "channel"), ("inquiry_id",)),
    "first_triages": FactSource(
        i.inquiry_triages, ("outcome", "hours"), ("inquiry_id",), where=_is("first", True)
    ),
    "placements": FactSource(
        p.placements,
        ("landlord_kind", "refugee_quota", "volunteer_supported", "household_had_wbs"),
        ("household_id", "offer_id"),
        persons=True,
        retractable=True,
    ),
    "offers": FactSource(p.offers, ("landlord_kind", "source", "refugee_quota"), ("offer_id",)),
    "offer_closures": FactSource(p.offer_closures, ("outcome", "reason"), ("offer_id",)),
    "proposals": FactSource(p.proposals, (), ("household_id", "offer_id"), persons=True),
    "landlord_decisions": FactSource(p.landlord_decisions, ("decision",), ("household_id",)),
    "viewings": FactSource(
        p.viewings, ("outcome", "accompanied_by_tandem"), ("household_id", "offer_id")
    ),
    "guarantee_requests": FactSource(
        p.guarantee_requests, ("kind", "requested_from"), ("household_id", "guarantee_id")
    ),
    "guarantee_decisions": FactSource(
        p.guarantee_decisions,
        ("kind", "requested_from", "decision", "days"),
        ("household_id", "guarantee_id"),
    ),
    "referrals": FactSource(w.referrals, ("source", "target_group"), ("case_id",), persons=True),
    "admissions": FactSource(
        w.admissions, ("target_group", "with_children"), ("case_id",), persons=True
    ),
    "rejections": FactSource(w.rejections, ("reason",), ("case_id",)),
    "home_visits": FactSource(w.home_visits, ("late",), ("case_id",)),
    "mediations": FactSource(w.mediations, ("party",), ("case_id",)),
    "referrals_out": FactSource(w.referrals_out, ("kind",), ("case_id",)),
    "case_closures": FactSource(
        w.case_closures,
        ("outcome", "with_children", "admitted", "length_days"),
        ("case_id",),
        persons=True,
    ),
    "aftercare": FactSource(w.aftercare, ("status", "reason"), ("household_id",)),
    "volunteer_registrations": FactSource(
        v.volunteer_changes, (), ("volunteer_id",), where=_is("change", "registered")
    ),
    "tandems": FactSource(v.tandem_changes, ("change", "reason"), ("tandem_id", "household_id")),
    "office_hours": FactSource(v.office_hours, (), ("office_hour_id",)),
    "consultations": FactSource(
        v.consultations, ("channel", "visitor", "appointment"), ("consultation_id",)
    ),
    "workshops": FactSource(v.workshops, ("topic",), ("workshop_id",)),
    "workshop_attendances": FactSource(v.workshop_attendances, (), ("workshop_id", "attendee_id")),
    "certificates": FactSource(v.certificates, ("topic",), ("certificate_id",)),
    "placement_supports": FactSource(
        v.placement_supports, (), ("household_id", "tandem_id"), persons=True, retractable=True
    ),
}


async def fact_rows(
    conn: AsyncConnection,
    name: str,
    municipality: str,
    query: FiguresQuery,
    *,
    with_ids: bool,
) -> list[Row]:
    """The source's facts in the period: grouped by its dimensions (from the daily counts),
    or one by one with their ids (from the facts)."""
    source = SOURCES[name]
    if not with_ids:
        counted = (await grouped(conn, {name: source.dims}, municipality, query))[name]
        return await corrected(conn, name, municipality, query, counted)
    clauses = _clauses(source, municipality, query)
    if source.households:
        t = source.table
        clauses.append(t.c.household_id.not_in(linked_duplicates(municipality, query.as_known_on)))
    if source.retractable:
        clauses.append(~retracted(source.table, query.as_known_on))
    return await _select(conn, source, clauses, with_ids=True)


async def without_retracted(
    conn: AsyncConnection,
    name: str,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less the facts of placements retracted as known on the day (few):
    the correction lands on the lease day's figures, from the day it was recorded."""
    source = SOURCES[name]
    if not source.retractable or not await _any_retraction(conn, municipality, query):
        return list(counted)
    clauses = [*_clauses(source, municipality, query), retracted(source.table, query.as_known_on)]
    return _subtract(counted, await _select(conn, source, clauses, with_ids=False), source)


async def _any_retraction(conn: AsyncConnection, municipality: str, query: FiguresQuery) -> bool:
    # Retractions are rare: without one the facts need not be read at all (at a million
    # events the period's placements cost 60-75 ms to check one by one).
    r = p.placement_retractions
    found = select(r.c.municipality).where(
        r.c.municipality == municipality,
        r.c.occurred_on <= query.period_to,
        *known_by(r, query.as_known_on),
    )
    return (await conn.execute(found.limit(1))).first() is not None


async def corrected(
    conn: AsyncConnection,
    name: str,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less what corrections known on the day took back: household records
    confirmed as duplicates, placements retracted."""
    counted = await without_duplicates(conn, name, municipality, query, counted)
    return await without_retracted(conn, name, municipality, query, counted)


async def without_duplicates(
    conn: AsyncConnection,
    name: str,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts less the facts of household records confirmed as duplicates (few)."""
    source = SOURCES[name]
    if not source.households:
        return list(counted)
    # The ids first: usually there are none, and then there is nothing to subtract.
    linked = list(
        (await conn.execute(linked_duplicates(municipality, query.as_known_on))).scalars()
    )
    if not linked:
        return list(counted)
    clauses = _clauses(source, municipality, query)
    clauses.append(source.table.c.household_id.in_(linked))
    return _subtract(counted, await _select(conn, source, clauses, with_ids=False), source)


def _subtract(counted: Sequence[Row], taken: Sequence[Row], source: FactSource) -> list[Row]:
    """`counted` (grouped by the source's dimensions) less the groups in `taken`."""
    if not taken:
        return list(counted)
    totals = {tuple(r[d] for d in source.dims): dict(r) for r in counted}
    for row in taken:
        total = totals.get(tuple(row[d] for d in source.dims))
        if total is not None:
            for measure in ("n", "adults", "minors"):
                total[measure] -= row[measure]
    return [row for row in totals.values() if row["n"]]


def _clauses(source: FactSource, municipality: str, query: FiguresQuery) -> list[Any]:
    t = source.table
    clauses = in_period(
        t, municipality, query.period_from, query.period_to, query.provider, query.as_known_on
    )
    if source.where is not None:
        clauses.append(t.c[source.where[0]] == source.where[1])
    return clauses


async def _select(
    conn: AsyncConnection, source: FactSource, clauses: list[Any], *, with_ids: bool
) -> list[Row]:
    t = source.table
    dims = [t.c[d] for d in source.dims]
    adults, minors = (t.c.adults, t.c.minors) if source.persons else (literal(0), literal(0))
    if with_ids:
        columns: list[Any] = [*(t.c[x] for x in source.ids), t.c.provider, *dims]
        statement = select(
            *columns, literal(1).label("n"), adults.label("adults"), minors.label("minors")
        )
    else:
        statement = select(
            *dims,
            func.count().label("n"),
            func.coalesce(func.sum(adults), 0).label("adults"),
            func.coalesce(func.sum(minors), 0).label("minors"),
        ).group_by(*dims)
    result = await conn.execute(statement.where(*clauses))
    return [dict(row._mapping) for row in result]
