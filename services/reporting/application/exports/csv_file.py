"""The figures as CSV the way German Excel opens it: `;` between fields, a decimal comma,
UTF-8 with a byte-order mark (without it Excel guesses a Windows code page and garbles
umlauts), one row per figure and one per breakdown item, each row complete in itself."""

from __future__ import annotations

import csv
import io

from services.reporting.application.exports import formatting as fmt
from shared.contracts.reporting import Figures

HEADER = (
    "Kommune",
    "Zeitraum von",
    "Zeitraum bis",
    "Träger",
    "Stand vom",
    "Abschnitt",
    "Schlüssel",
    "Kennzahl",
    "Aufschlüsselung",
    "Ausprägung",
    "Code",
    "Wert",
    "Einheit",
    "Definition",
)
BOM = "\ufeff"
# A cell starting like a formula is run by Excel (`=HYPERLINK(…)` in a provider typed
# into the report's link): such a text cell starts with an apostrophe, which Excel shows
# as text (OWASP "CSV injection"). The value column holds numbers only and stays as it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_START) else value


def render(figures: Figures, registrations_title: str = "Aufnahme") -> str:
    """The CSV text, starting with the byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    meta = (
        text(fmt.municipality(figures)),
        fmt.day(figures.period_from),
        fmt.day(figures.period_to),
        text(fmt.provider(figures)),
        fmt.day(figures.as_known_on) or "aktuell",
    )
    sections = [(registrations_title, figures.figures)] + [
        (s.title, s.figures) for s in figures.sections
    ]
    for title, shown in sections:
        for f in shown:
            unit = f.unit.german
            writer.writerow(
                (
                    *meta,
                    text(title),
                    f.key,
                    text(f.label),
                    "",
                    "",
                    "",
                    fmt.cell(f),
                    unit,
                    text(f.definition),
                )
            )
            for breakdown in f.breakdowns:
                for item in breakdown.items:
                    writer.writerow(
                        (
                            *meta,
                            text(title),
                            f.key,
                            text(f.label),
                            text(breakdown.label),
                            text(item.label),
                            text(item.code),
                            fmt.cell(item),
                            unit,
                            "",
                        )
                    )
    return BOM + out.getvalue()
