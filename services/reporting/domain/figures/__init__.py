"""The figures the council papers ask for, each with the definition shown next to it.

A definition says what counts and what does not, in the words a committee reads.
`REGISTRATIONS` are the four figures every report starts with; `SECTIONS` the rest of a
period's report, in the order it is printed; `STOCK` the figures on a single day.
"""

from __future__ import annotations

from services.reporting.domain.figures.inbox import INBOX
from services.reporting.domain.figures.model import (
    Count,
    Dimension,
    FigureDefinition,
    Median,
    Row,
    Section,
    Spec,
    figure_of,
    select_rows,
    weighted_median,
)
from services.reporting.domain.figures.pipeline import PIPELINE
from services.reporting.domain.figures.placements import PLACEMENTS
from services.reporting.domain.figures.prevention import PREVENTION
from services.reporting.domain.figures.registrations import (
    ADULTS_REGISTERED,
    HOUSEHOLDS_REGISTERED,
    MINORS_REGISTERED,
    PERSONS_REGISTERED,
    REGISTRATIONS,
)
from services.reporting.domain.figures.stock import STOCK
from services.reporting.domain.figures.volunteer import VOLUNTEER

SECTIONS: tuple[Section, ...] = (PLACEMENTS, PIPELINE, VOLUNTEER, PREVENTION, INBOX)
PERIOD_SPECS: dict[str, Spec] = {
    s.figure.key: s for s in (*REGISTRATIONS, *(x for sec in SECTIONS for x in sec.specs))
}
STOCK_SPECS: dict[str, Spec] = {s.figure.key: s for s in STOCK}
PREVENTION_KEYS = frozenset(s.figure.key for s in PREVENTION.specs)

__all__ = [
    "ADULTS_REGISTERED",
    "HOUSEHOLDS_REGISTERED",
    "MINORS_REGISTERED",
    "PERIOD_SPECS",
    "PERSONS_REGISTERED",
    "PREVENTION_KEYS",
    "REGISTRATIONS",
    "SECTIONS",
    "STOCK",
    "STOCK_SPECS",
    "Count",
    "Dimension",
    "FigureDefinition",
    "Median",
    "Row",
    "Section",
    "Spec",
    "figure_of",
    "select_rows",
    "weighted_median",
]
