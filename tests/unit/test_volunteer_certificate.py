"""The certificate document: German, one page, the person's name exactly as given."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
from pypdf import PdfReader

from services.volunteer.adapters.certificate_pdf import CertificateContent, render_certificate
from shared.casework import letters
from shared.contracts.volunteer import WorkshopTopic

CONTENT = CertificateContent(
    certificate_id=UUID("00000000-0000-4000-8000-00000000c001"),
    name="Amal Đorđević",
    birth_date=None,
    topic=WorkshopTopic.heating_and_ventilation,
    held_on=date(2021, 11, 10),
    duration_minutes=90,
    site="Bürgerhaus Bergischer Löwe",
    provider="stadt",
    municipality="bergisch-gladbach",
    issued_on=date(2021, 11, 12),
)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


@pytest.mark.skipif(not (letters.FONT_DIR / "DejaVuSans.ttf").exists(), reason="fonts-dejavu-core")
def test_with_dejavu_every_letter_of_the_name_is_printed() -> None:
    text = text_of(render_certificate(CONTENT))
    for expected in (
        "Teilnahmebestätigung",
        "Amal Đorđević",
        "Richtig heizen und lüften, Energie sparen",
        "1 Stunde 30 Minuten",
        "Bergisch Gladbach, den 12.11.2021",
        "Schimmel vermeiden durch richtiges Lüften",
    ):
        assert expected in text


def test_without_dejavu_the_builtin_font_prints_the_nearest_letters(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(letters, "FONT_DIR", tmp_path)
    pdf = render_certificate(CONTENT)
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert "Teilnahmebestätigung" in text
    assert "Amal Dordevic" in text
