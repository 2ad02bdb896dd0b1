"""The certificate document (Teilnahmebestätigung) as a PDF, rendered with fpdf2.

Names of refugees are often not Latin-1 (Đorđević, Ağa): the fonts and the fallback are
the letters' (shared/casework/letters.py, `add_fonts` and `printable`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from fpdf import FPDF

from services.volunteer.adapters import certificate_texts as texts
from shared.casework.letters import add_fonts, printable
from shared.contracts.volunteer import WorkshopTopic

TITLE = "Teilnahmebestätigung"


@dataclass(frozen=True)
class CertificateContent:
    certificate_id: UUID
    name: str
    birth_date: date | None
    topic: WorkshopTopic
    held_on: date
    duration_minutes: int
    site: str
    provider: str
    municipality: str
    issued_on: date


def render_certificate(content: CertificateContent) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_lang("de")
    pdf.set_creator("Auszug")
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    font = add_fonts(pdf)
    write = _Writer(pdf, font)
    topic, contents = texts.TOPICS[content.topic]
    city = texts.municipality_name(content.municipality)
    provider = texts.provider_name(content.provider, content.municipality)

    write(f"{provider} · Auszugsmanagement {city}", size=10)
    pdf.ln(18)
    write(TITLE, size=22, bold=True, align="C")
    pdf.ln(14)
    write("Hiermit bestätigen wir, dass")
    pdf.ln(4)
    write(content.name, size=15, bold=True, align="C")
    if content.birth_date is not None:
        write(f"geboren am {_de(content.birth_date)}", align="C")
    pdf.ln(4)
    write(f"am {_de(content.held_on)} an dem Workshop")
    pdf.ln(2)
    write(f"„{topic}“", size=14, bold=True, align="C")
    pdf.ln(2)
    write(
        f"teilgenommen hat. Der Workshop dauerte {texts.duration(content.duration_minutes)} "
        f"und fand statt in: {content.site}."
    )
    pdf.ln(4)
    write("Inhalte des Workshops:", bold=True)
    for line in contents:
        write(f"•  {line}")
    pdf.ln(4)
    write(
        f"Der Workshop gehört zum Auszugsmanagement der Stadt {city}. Es bereitet "
        "Geflüchtete darauf vor, eine eigene Wohnung zu finden und dauerhaft "
        "eigenverantwortlich zu bewohnen."
    )
    pdf.ln(14)
    write(f"{city}, den {_de(content.issued_on)}")
    pdf.ln(16)
    write("______________________________")
    write(provider, size=10)
    pdf.ln(10)
    write(f"Nummer der Bestätigung: {content.certificate_id}", size=8)
    return bytes(pdf.output())


class _Writer:
    """Writes one paragraph in the certificate's font, full width."""

    def __init__(self, pdf: FPDF, font: str) -> None:
        self.pdf, self.font = pdf, font

    def __call__(self, text: str, *, size: int = 11, bold: bool = False, align: str = "L") -> None:
        self.pdf.set_font(self.font, "B" if bold else "", size)
        self.pdf.multi_cell(
            0, size * 0.55, printable(self.font, text), align=align, new_x="LMARGIN", new_y="NEXT"
        )


def _de(day: date) -> str:
    return day.strftime("%d.%m.%Y")
