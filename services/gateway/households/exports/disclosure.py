"""The readable German form of an Art. 15 export: the same data as the JSON, in sections
a person can read — what is stored about them, and what happened when. This module renders
intake's part and holds the rendering every service's part uses (see document.py).

Every stored value is shown (also derived search keys), labelled in German where the
label is known and by its technical name otherwise, so that nothing is left out of the
readable form that the machine-readable one holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from services.gateway.households.exports.intake_labels import (
    COLUMNS,
    EVENTS,
    REASONS,
    TABLES,
    VALUES,
)
from shared.clock import business_day
from shared.contracts import places
from shared.contracts.intake import HouseholdExport
from shared.contracts.intake.privacy import RecordedFact

BERLIN = ZoneInfo("Europe/Berlin")
Words = Mapping[str, str]


@dataclass(frozen=True)
class Section:
    title: str
    records: list[list[tuple[str, str]]]


@dataclass(frozen=True)
class Happening:
    on: str
    what: str
    details: list[tuple[str, str]]


@dataclass(frozen=True)
class Disclosure:
    household_id: str
    municipality: str
    exported_on: str
    sections: list[Section]
    history: list[Happening]


def disclosure(export: HouseholdExport) -> Disclosure:
    """Intake's part of the export, labelled in German, oldest happening first."""
    return Disclosure(
        household_id=str(export.household_id),
        municipality=export.municipality,
        exported_on=shown(export.exported_on),
        sections=sections(export.personal_data, TABLES, COLUMNS, VALUES),
        history=happenings(export.history, EVENTS, COLUMNS, VALUES, REASONS),
    )


def sections(
    tables: Mapping[str, Any], titles: Words, columns: Words, values: Mapping[str, Words]
) -> list[Section]:
    """One section per table, one record per row, every column labelled."""
    return [
        Section(
            titles.get(table, table),
            [[(columns.get(k, k), labelled(k, v, values)) for k, v in row.items()] for row in rows],
        )
        for table, rows in tables.items()
    ]


def happenings(
    facts: Iterable[RecordedFact],
    events: Words,
    columns: Words,
    values: Mapping[str, Words],
    by_event: Mapping[str, Mapping[str, Words]],
) -> list[Happening]:
    """Every event as a happening, oldest first; `by_event` words win over `values`."""
    return [
        Happening(
            # Business time is a day (docs/architecture.md, invariant 5): no "00:00 Uhr" on each.
            on=shown(business_day(fact.occurred_at)),
            what=events.get(fact.event_type, fact.event_type),
            details=[
                (columns.get(k, k), labelled(k, v, {**values, **by_event.get(fact.event_type, {})}))
                for k, v in fact.payload.items()
            ],
        )
        for fact in sorted(facts, key=lambda f: f.occurred_at)
    ]


PROVIDER_COLUMNS = frozenset({"provider", "to_provider", "from_provider"})


def labelled(column: str, value: Any, values: Mapping[str, Words]) -> str:
    """A code in German with the code itself kept in brackets; anything else `shown`."""
    words = values.get(column)
    if words is not None and isinstance(value, str) and value in words:
        return f"{words[value]} ({value})"
    # Places and organisations by name (shared/contracts/places.py), the code kept too.
    if column == "municipality" and isinstance(value, str):
        return f"{places.municipality_name(value)} ({value})"
    if column in PROVIDER_COLUMNS and isinstance(value, str):
        return f"{places.provider_name(value)} ({value})"
    return shown(value)


def shown(value: Any) -> str:
    """A value as a German reader expects it: dates as 21.11.2026, yes/no, "–" for none."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime):
        return value.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        # Dates and times in event payloads arrive as ISO text.
        try:
            parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return value
        return shown(parsed)
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) or "–"
    if isinstance(value, dict):
        return "; ".join(f"{COLUMNS.get(k, k)}: {shown(v)}" for k, v in value.items()) or "–"
    return str(value)
