"""The office hour's quick entry: a date, a provider and several consultation rows at once,
as one request to the volunteer service (all rows or none), and its errors back on the row.

Rows left empty are skipped; an error names the row sent (`consultations.1.topic`), which
is mapped back to the row on the tablet it was typed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ROWS = 6
MAX_ROWS = 30
ROW_FIELDS = ("channel", "visitor", "topic", "duration_minutes", "household_id", "tandem_id")
# A row counts as typed once any of these is; the channel alone has a default choice.
TYPED = ("visitor", "topic", "duration_minutes", "household_id", "tandem_id")
TOP_FIELDS = ("provider", "held_on", "duration_minutes")


def row_count(requested: str | int | None) -> int:
    """How many rows to show: at least ROWS, at most MAX_ROWS."""
    try:
        wanted = int(requested or ROWS)
    except ValueError:
        wanted = ROWS
    return max(ROWS, min(MAX_ROWS, wanted))


def field_names(rows: int, *, top: bool = True) -> list[str]:
    """The form's field names: the office hour's own, then each row's."""
    names = list(TOP_FIELDS) if top else []
    for i in range(rows):
        names += [f"consultations.{i}.{f}" for f in ROW_FIELDS]
    return names


def consultations(values: Mapping[str, str], rows: int) -> tuple[list[dict[str, Any]], list[int]]:
    """The typed rows as request items (empty fields left out), and the row each came from."""
    items: list[dict[str, Any]] = []
    sent_from: list[int] = []
    for i in range(rows):
        row = {f: values.get(f"consultations.{i}.{f}", "") for f in ROW_FIELDS}
        if not any(row[f] for f in TYPED):
            continue
        items.append({f: v for f, v in row.items() if v})
        sent_from.append(i)
    return items, sent_from


def hold_body(values: Mapping[str, str], rows: int) -> tuple[dict[str, Any], list[int]]:
    """The body of `hold_office_hour`: the office hour with its consultations."""
    items, sent_from = consultations(values, rows)
    body: dict[str, Any] = {f: values[f] for f in TOP_FIELDS if values.get(f)}
    body["provider"] = values.get("provider", "")
    body["consultations"] = items
    return body, sent_from


def on_rows(errors: Mapping[str, str], sent_from: list[int]) -> dict[str, str]:
    """Field messages with the index of the item sent replaced by the form's row."""
    result: dict[str, str] = {}
    for name, message in errors.items():
        parts = name.split(".")
        if parts[0] == "consultations" and len(parts) >= 2 and parts[1].isdigit():
            index = int(parts[1])
            parts[1] = str(sent_from[index] if index < len(sent_from) else index)
        result.setdefault(".".join(parts), message)
    return result
