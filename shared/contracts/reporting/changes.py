"""What changed in a period's figures since a report was sent: then (as known on that day)
and now, for every figure and breakdown item that differs."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.reporting.figures import FiguresQuery, Value


class FigureChangesQuery(FiguresQuery):
    """Was sich seit dem Stand eines Tages an den Kennzahlen des Zeitraums geändert hat."""

    model_config = ConfigDict(extra="forbid")

    as_known_on: date = Field(description="Stand vom: der Tag, an dem der Bericht erstellt wurde")


class FigureChange(BaseModel):
    key: str
    label: str
    item: str | None = Field(
        default=None, description="Aufschlüsselung und Wert, z. B. `landlord_kind:private`"
    )
    item_label: str | None = None
    then: Value
    now: Value


class FigureChanges(BaseModel):
    municipality: str
    period_from: date
    period_to: date
    provider: str | None
    as_known_on: date
    changes: list[FigureChange]
