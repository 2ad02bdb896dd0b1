"""How numbers, days and names of a report are written in German documents."""

from __future__ import annotations

from datetime import date

from shared.contracts import places
from shared.contracts.reporting import BreakdownItem, Figure, Figures, Value


def number(value: Value) -> str:
    """`1234` → `1234`, `10.5` → `10,5`, nothing → empty (German Excel reads the comma)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def cell(cell: Figure | BreakdownItem) -> str:
    """A figure's or a breakdown item's value as written; a suppressed one as its marker."""
    if cell.suppressed:
        return cell.display or ""
    return number(cell.value)


def day(value: date | None) -> str:
    return "" if value is None else value.strftime("%d.%m.%Y")


def period(figures: Figures) -> str:
    return f"{day(figures.period_from)} – {day(figures.period_to)}"


def municipality(figures: Figures) -> str:
    """`koeln` → "Köln": a document names the municipality, not its code."""
    return places.municipality_name(figures.municipality)


def provider(figures: Figures) -> str:
    """`caritas` → "Caritas Köln", or "alle Träger"."""
    if not figures.provider:
        return "alle Träger"
    return places.provider_name(figures.provider, figures.municipality)


def filename(figures: Figures, extension: str) -> str:
    """E.g. `kennzahlen_koeln_2025-01-01_2025-12-31_caritas_stand-2026-01-05.csv`."""
    parts = ["kennzahlen", figures.municipality, str(figures.period_from), str(figures.period_to)]
    if figures.provider:
        parts.append(figures.provider)
    if figures.as_known_on:
        parts.append(f"stand-{figures.as_known_on}")
    return "_".join(parts) + f".{extension}"
