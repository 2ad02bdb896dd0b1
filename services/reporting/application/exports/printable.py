"""The printable report in German, shaped like the providers' joint yearly report: title
page, period, every figure with its definition, a chart per section; as HTML (Jinja2) and
as PDF (fpdf2, see `pdf.py`)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from services.reporting.application.exports import pdf as pdf_file
from services.reporting.application.exports.layout import layout
from shared.contracts.reporting import Figures

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)


def html(figures: Figures) -> str:
    return TEMPLATES.get_template("report.html").render(report=layout(figures))


def pdf(figures: Figures) -> bytes:
    return pdf_file.render(layout(figures))
