"""Period sources: the facts of one kind in a period, grouped for a figure or one by one
with their ids for a drill-down (see `domain.figures.model`)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import corrections
from services.reporting.adapters import intake_tables as i
from services.reporting.adapters import placement_tables as p
from services.reporting.adapters import prevention_tables as w
from services.reporting.adapters import volunteer_tables as v
from services.reporting.adapters.cube import grouped
from services.reporting.adapters.fact_source import FactSource, Where, clauses_of, select_facts
from services.reporting.adapters.facts import registrations
from services.reporting.adapters.period import linked_duplicates, retracted, revoked, withdrawn
from services.reporting.domain.figures import Row
from shared.contracts.reporting import FiguresQuery

__all__ = ["SOURCES", "FactSource", "corrected", "fact_rows"]


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
        revocable=True,
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
    "mediations": FactSource(w.mediations, ("party", "outcome"), ("case_id",)),
    "referrals_out": FactSource(w.referrals_out, ("kind",), ("case_id",)),
    "case_closures": FactSource(
        w.case_closures,
        ("outcome", "with_children", "admitted", "length_days"),
        ("case_id",),
        persons=True,
    ),
    "aftercare": FactSource(
        w.aftercare, ("status", "reason"), ("household_id",), withdrawable=True
    ),
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
    clauses = clauses_of(source, municipality, query)
    if source.households:
        t = source.table
        clauses.append(t.c.household_id.not_in(linked_duplicates(municipality, query.as_known_on)))
    if source.retractable:
        clauses.append(~retracted(source.table, query.as_known_on))
    if source.revocable:
        clauses.append(~revoked(source.table, query.as_known_on))
    if source.withdrawable:
        clauses.append(~withdrawn(source.table, query.as_known_on))
    return await select_facts(conn, source, clauses, with_ids=True)


async def corrected(
    conn: AsyncConnection,
    name: str,
    municipality: str,
    query: FiguresQuery,
    counted: Sequence[Row],
) -> list[Row]:
    """Daily counts of source `name` less what corrections known on the day took back."""
    return await corrections.corrected(conn, SOURCES[name], municipality, query, counted)
