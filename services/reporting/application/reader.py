"""Reads the rows of the sources a report needs, each source once per request."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import cube, states
from services.reporting.adapters.period import linked_duplicates
from services.reporting.adapters.sources import SOURCES, corrected, fact_rows
from services.reporting.application.projections.balances import HOUSEHOLDS, INQUIRIES
from services.reporting.domain.figures import Row
from shared.contracts.reporting import FiguresQuery

# State sources that have a balance: counted from it, listed (drill-down) from the facts.
BALANCES = {"households_active": HOUSEHOLDS, "inquiries_open": INQUIRIES}


class FactReader:
    """Rows of every source for one tenant and one query (a stock query is a one-day period)."""

    def __init__(self, conn: AsyncConnection, municipality: str, query: FiguresQuery) -> None:
        self.conn = conn
        self.municipality = municipality
        self.query = query
        self._cache: dict[tuple[str, bool], list[Row]] = {}

    async def prefetch(self, sources: Iterable[str]) -> None:
        """Read the daily counts of every source in `sources` at once (one query)."""
        wanted = {name: SOURCES[name].dims for name in set(sources) if name in SOURCES}
        if wanted:
            found = await cube.grouped(self.conn, wanted, self.municipality, self.query)
            for name, rows in found.items():
                self._cache[(name, False)] = await corrected(
                    self.conn, name, self.municipality, self.query, rows
                )

    async def rows(self, source: str, *, with_ids: bool = False) -> list[Row]:
        key = (source, with_ids)
        if key not in self._cache:
            self._cache[key] = await self._read(source, with_ids)
        return self._cache[key]

    async def _read(self, source: str, with_ids: bool) -> list[Row]:
        q, conn, municipality = self.query, self.conn, self.municipality
        if source in SOURCES:
            return await fact_rows(conn, source, municipality, q, with_ids=with_ids)
        if not with_ids and source in BALANCES:
            return [{"n": await self._balance(source), "adults": 0, "minors": 0}]
        if source in ("households_active", "stock"):
            rows = await states.households_on(conn, municipality, q.period_to, q.as_known_on)
        elif source == "visits_overdue":
            rows = await states.visits_overdue(conn, municipality, q.period_to, q.as_known_on)
        elif source == "inquiries_open":
            rows = await states.inquiries_open(conn, municipality, q.period_to, q.as_known_on)
        elif source == "volunteers_active":
            rows = await states.volunteers_active(
                conn, municipality, q.period_from, q.period_to, q.as_known_on
            )
        else:
            raise LookupError(f"no source {source!r}")
        return self._own(rows)

    def _own(self, rows: list[Row]) -> list[Row]:
        provider = self.query.provider
        return rows if provider is None else [r for r in rows if r["provider"] == provider]

    async def _balance(self, source: str) -> int:
        """A state counted from its daily +1/−1 (see `projections.balances`)."""
        name = BALANCES[source]
        found = await cube.grouped(
            self.conn, {name: ()}, self.municipality, self.query, since_ever=True
        )
        total = sum(int(r["n"]) for r in found[name])
        if source == "households_active":
            # Confirmed duplicates still in the balance: counted once more, taken out here.
            known = self.query.as_known_on
            linked = list(
                (await self.conn.execute(linked_duplicates(self.municipality, known))).scalars()
            )
            if linked:
                day = self.query.period_to
                active = await states.households_on(
                    self.conn, self.municipality, day, known, linked
                )
                total -= len(self._own(active))
        return total
