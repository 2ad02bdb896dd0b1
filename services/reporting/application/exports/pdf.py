"""The report as PDF with fpdf2: DejaVu Sans where installed (umlauts, „quotes“, dashes),
else Helvetica with the text folded to Latin-1."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from fpdf import FPDF

from services.reporting.application.exports.layout import Part, Report

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BLUE = (31, 78, 121)
GREY = (85, 85, 85)


class _Document:
    def __init__(self) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=18)
        self.pdf.set_margins(16, 18, 16)
        self.font = _font(self.pdf)

    def text(self, text: str) -> str:
        return text if self.font == "DejaVu" else _latin1(text)

    def write(self, text: str, size: float = 10, bold: bool = False, grey: bool = False) -> None:
        self.pdf.set_font(self.font, "B" if bold else "", size)
        self.pdf.set_text_color(*(GREY if grey else (26, 26, 26)))
        self.pdf.multi_cell(
            0, size * 0.5, self.text(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )


def render(report: Report) -> bytes:
    doc = _Document()
    pdf = doc.pdf
    pdf.add_page()
    pdf.ln(60)
    doc.write(report.title, 20, bold=True)
    pdf.ln(3)
    doc.write(report.period, 13)
    pdf.ln(6)
    for name, value in report.facts:
        doc.write(f"{name}: {value}", 10)
    pdf.ln(6)
    doc.write(report.intro, 10)
    pdf.ln(6)
    doc.write("Inhalt", 12, bold=True)
    for number, part in enumerate(report.parts, start=1):
        doc.write(f"{number}. {part.title}", 10)
    for number, part in enumerate(report.parts, start=1):
        _part(doc, number, part)
    return bytes(pdf.output())


def _part(doc: _Document, number: int, part: Part) -> None:
    pdf = doc.pdf
    pdf.add_page()
    pdf.set_text_color(*BLUE)
    pdf.set_font(doc.font, "B", 14)
    pdf.multi_cell(0, 7, doc.text(f"{number}. {part.title}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if part.bars:
        doc.write(part.chart_title or "", 10, bold=True)
        for bar in part.bars:
            y = pdf.get_y() + 1
            pdf.set_font(doc.font, "", 8)
            pdf.set_text_color(26, 26, 26)
            pdf.set_xy(16, y)
            pdf.cell(70, 5, doc.text(bar.label[:48]))
            pdf.set_fill_color(*BLUE)
            width = max(bar.share * 80, 0.3)
            pdf.rect(88, y + 0.5, width, 4, style="F")
            pdf.set_xy(90 + width, y)
            pdf.cell(20, 5, doc.text(bar.value))
            pdf.set_y(y + 6)
        pdf.ln(4)
    for line in part.lines:
        pdf.set_font(doc.font, "B", 10)
        pdf.set_text_color(26, 26, 26)
        top = pdf.get_y()
        pdf.multi_cell(140, 5, doc.text(line.label), align="L", new_x="LMARGIN", new_y="NEXT")
        below = pdf.get_y()
        pdf.set_xy(156, top)
        pdf.cell(0, 5, doc.text(line.value), align="R")
        pdf.set_y(below)
        doc.write(line.definition, 8, grey=True)
        for breakdown, label, value in line.items:
            doc.write(f"   {breakdown}: {label} – {value}", 8)
        pdf.ln(2)


def _font(pdf: FPDF) -> str:
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return "DejaVu"
    return "Helvetica"


def _latin1(text: str) -> str:
    """What Helvetica can print: quotes and dashes plainly, other letters by their base."""
    text = text.replace("„", '"').replace("“", '"').replace("–", "-").replace("…", "...")
    out = []
    for char in text:
        if char.encode("latin-1", "ignore"):
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode()
            out.append(base or "?")
    return "".join(out)
