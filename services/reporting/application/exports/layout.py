"""The printed report laid out once, for HTML and PDF alike: a title page, then per section
its chart (the bars of one breakdown) and its figures with their definitions."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.reporting.application.exports import formatting as fmt
from services.reporting.domain.figures import SECTIONS
from shared.clock import today
from shared.contracts.reporting import BreakdownItem, Figure, Figures, Unit

TITLE = "Auszugsmanagement und Wohnintegrationshilfe"
INTRO = (
    "Alle Zahlen sind aus den Ereignissen der Fachverfahren berechnet, nicht von Hand "
    "gezählt. Gezählt wird nach dem Tag des Geschehens (z. B. der Unterschrift unter den "
    "Mietvertrag), nicht nach dem Tag der Erfassung. Neben jeder Zahl steht, was sie zählt "
    "und was nicht."
)
CHARTS = {s.key: s.chart for s in SECTIONS}


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    share: float  # of the longest bar, 0..1


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    definition: str
    items: list[tuple[str, str, str]] = field(default_factory=list)  # (breakdown, label, value)


@dataclass(frozen=True)
class Part:
    title: str
    lines: list[Line]
    chart_title: str | None = None
    bars: list[Bar] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    title: str
    period: str
    facts: list[tuple[str, str]]
    intro: str
    parts: list[Part]


def layout(figures: Figures) -> Report:
    parts = [Part("Aufnahme", [_line(f) for f in figures.figures])]
    for section in figures.sections:
        chart = next((f for f in section.figures if f.key == CHARTS.get(section.key)), None)
        title, bars = _chart(chart) if chart else (None, [])
        parts.append(Part(section.title, [_line(f) for f in section.figures], title, bars))
    facts = [
        ("Kommune", fmt.municipality(figures)),
        ("Träger", fmt.provider(figures)),
        ("Stand", fmt.day(figures.as_known_on) or f"aktuell ({fmt.day(today())})"),
        ("Erstellt am", fmt.day(today())),
    ]
    marker = _suppression_marker(figures)
    if marker:
        facts.append(("Kleine Zahlen", f"zum Schutz einzelner Haushalte als „{marker}“ gezeigt"))
    return Report(TITLE, f"Bericht für den Zeitraum {fmt.period(figures)}", facts, INTRO, parts)


def value_text(value: int | float | None, unit: Unit) -> str:
    if value is None:
        return "–"
    return fmt.number(value) if unit is Unit.number else f"{fmt.number(value)} {unit.german}"


def cell_text(cell: Figure | BreakdownItem, unit: Unit) -> str:
    """A value as printed; a suppressed one (analysts) as its marker, e.g. "< 5"."""
    return fmt.cell(cell) if cell.suppressed else value_text(cell.value, unit)


def _suppression_marker(figures: Figures) -> str | None:
    """How a suppressed cell reads (analysts only), if the report has one."""
    for f in figures.every_figure():
        cells: list[Figure | BreakdownItem] = [f, *(i for b in f.breakdowns for i in b.items)]
        for cell in cells:
            if cell.suppressed:
                return cell.display
    return None


def _line(f: Figure) -> Line:
    items = [
        (b.label, i.label, cell_text(i, f.unit))
        for b in f.breakdowns
        for i in b.items
        if i.value or i.suppressed
    ]
    return Line(f.label, cell_text(f, f.unit), f.definition, items)


def _chart(f: Figure) -> tuple[str | None, list[Bar]]:
    if not f.breakdowns:
        return None, []
    breakdown = f.breakdowns[0]
    top = max((float(i.value or 0) for i in breakdown.items), default=0.0) or 1.0
    bars = [Bar(i.label, cell_text(i, f.unit), float(i.value or 0) / top) for i in breakdown.items]
    return f"{f.label} {breakdown.label}", bars
