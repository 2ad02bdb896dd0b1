"""The readable Art. 15 export as a PDF (fpdf2), for a person to take home or file.

DejaVu Sans (Debian `fonts-dejavu-core`, installed by scripts/bootstrap) prints every
name as given (Đorđević, Ağa); the PDF is refused rather than printed with letters lost
when the font is missing, because a disclosure must show the data exactly as stored.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from services.gateway.households.exports.document import INTRO, Document

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TITLE = "Auskunft über gespeicherte Daten (Art. 15 DSGVO)"


class FontMissing(RuntimeError):
    """DejaVu Sans is not installed on this machine."""


def render_disclosure(doc: Document) -> bytes:
    """The document as PDF bytes; FontMissing without DejaVu Sans."""
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_lang("de")
    pdf.set_creator("Auszug")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    _fonts(pdf)
    pdf.add_page()
    _text(pdf, TITLE, 16, bold=True)
    _text(
        pdf,
        f"Haushalt {doc.household_id}, Kommune {doc.municipality}, Stand {doc.exported_on}.",
        10,
    )
    _text(pdf, INTRO, 10)
    for part in doc.parts:
        pdf.ln(4)
        _text(pdf, part.title, 15, bold=True)
        for note in part.notes:
            _text(pdf, note, 9)
        for section in part.sections:
            pdf.ln(2)
            _text(pdf, section.title, 12, bold=True)
            if not section.records:
                _text(pdf, "Keine Einträge.", 10)
            for record in section.records:
                _pairs(pdf, record)
        pdf.ln(2)
        _text(pdf, f"Verlauf: {part.title}", 12, bold=True)
        if not part.history:
            _text(pdf, "Keine Einträge.", 10)
        for happening in part.history:
            _text(pdf, f"{happening.on}: {happening.what}", 10, bold=True)
            _pairs(pdf, happening.details)
    return bytes(pdf.output())


def _fonts(pdf: FPDF) -> None:
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        raise FontMissing(f"{regular} fehlt (Debian-Paket fonts-dejavu-core)")
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))


def _text(pdf: FPDF, text: str, size: int, *, bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _pairs(pdf: FPDF, pairs: list[tuple[str, str]]) -> None:
    pdf.set_font("DejaVu", "", 9)
    with pdf.table(col_widths=(35, 65), first_row_as_headings=False, line_height=5) as table:
        for label, value in pairs:
            row = table.row()
            row.cell(label)
            row.cell(value)
    pdf.ln(2)
