"""Answering a figures query: the numbers, each with its definition."""

from __future__ import annotations

from services.reporting.adapters.facts import registration_totals
from services.reporting.domain import figures as f
from shared.contracts.reporting import Figure, Figures, FiguresQuery
from shared.db import Database
from shared.decider import Forbidden
from shared.identity import Caller, Role

MAY_READ_FIGURES = {
    Role.coordinator,
    Role.analyst,
    Role.admin,
    Role.caseworker,
    Role.housing_office,
}


def _figure(definition: f.FigureDefinition, value: int) -> Figure:
    return Figure(
        key=definition.key, label=definition.label, definition=definition.definition, value=value
    )


async def figures(db: Database, query: FiguresQuery, caller: Caller) -> Figures:
    if caller.role not in MAY_READ_FIGURES:
        raise Forbidden("role", "Ihre Rolle darf keine Kennzahlen abrufen.")
    async with db.read() as conn:
        households, adults, minors = await registration_totals(conn, caller.municipality, query)
    return Figures(
        municipality=caller.municipality,
        period_from=query.period_from,
        period_to=query.period_to,
        provider=query.provider,
        as_known_on=query.as_known_on,
        figures=[
            _figure(f.HOUSEHOLDS_REGISTERED, households),
            _figure(f.PERSONS_REGISTERED, adults + minors),
            _figure(f.ADULTS_REGISTERED, adults),
            _figure(f.MINORS_REGISTERED, minors),
        ],
    )
