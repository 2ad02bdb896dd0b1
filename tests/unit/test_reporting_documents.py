"""The figures as documents: CSV the way German Excel opens it, and the printable report
(HTML and PDF) with a title page, definitions and a chart per section."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from pypdf import PdfReader

from services.reporting.application.exports.documents import report_document
from shared.contracts import placement as pl
from shared.contracts.reporting import DocumentFormat, ReportDocumentQuery
from support.builders.reporting import COORDINATOR, day, guarantee, place, world


def query(format: DocumentFormat, **extra: object) -> ReportDocumentQuery:
    return ReportDocumentQuery(
        period_from=day("2025-01-01"), period_to=day("2025-12-31"), format=format, **extra
    )


async def test_the_csv_has_german_headers_semicolons_a_bom_and_decimal_commas(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        place(w, "2025-05-01", kind=pl.LandlordKind.private)
        guarantee(w, "2025-03-01", "2025-03-04", "jobcenter")
        guarantee(w, "2025-03-01", "2025-03-05", "jobcenter")
        await w.apply()
        document = await report_document(w.db, query(DocumentFormat.csv), COORDINATOR)
    body = document.body()
    assert body.startswith(b"\xef\xbb\xbf")
    assert document.filename == "kennzahlen_koeln_2025-01-01_2025-12-31.csv"
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Kommune", "Zeitraum von", "Zeitraum bis"]
    by_key = {(r[6], r[10]): r for r in rows[1:]}
    placed = by_key[("households_placed", "")]
    assert (placed[7], placed[11], placed[12]) == ("Vermittelte Haushalte", "1", "Anzahl")
    assert by_key[("households_placed", "private")][9] == "Privatvermieter/in"
    assert by_key[("guarantee_decision_days_median", "")][11] == "3,5"
    assert all(len(r) == len(rows[0]) for r in rows)
    # Names, not codes (the municipality's and, below, the provider's).
    assert {r[0] for r in rows[1:]} == {"Köln"} and {r[3] for r in rows[1:]} == {"alle Träger"}


async def test_the_printable_report_as_html_and_pdf(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        place(w, "2025-05-01", kind=pl.LandlordKind.municipal_housing_company, quota=True)
        await w.apply()
        html = (await report_document(w.db, query(DocumentFormat.html), COORDINATOR)).body()
        pdf = await report_document(
            w.db, query(DocumentFormat.pdf, provider="caritas"), COORDINATOR
        )
    text = html.decode()
    assert "Bericht für den Zeitraum 01.01.2025 – 31.12.2025" in text
    assert "Vermittelte Haushalte" in text and "Richtlinie Flü" in text
    assert text.count("<svg") == 5  # a chart for each of the five sections
    # Styled by the gateway's own file: its CSP (style-src 'self') refuses inline styles.
    assert "<style" not in text and "style=" not in text
    assert '<link rel="stylesheet" href="/ui/static/bericht-druck.css">' in text
    assert "<dt>Kommune</dt><dd>Köln</dd>" in text
    # A label stands on its own line above its bar (it ran into the bar beside it).
    rows = re.findall(r'<text x="0" y="(\d+)">[^<]*</text>\s*<rect x="0" y="(\d+)"', text)
    assert rows and all(int(label) < int(bar) for label, bar in rows)
    assert pdf.media_type == "application/pdf" and pdf.filename.endswith("_caritas.pdf")
    pages = PdfReader(io.BytesIO(pdf.body())).pages
    assert "Auszugsmanagement" in pages[0].extract_text()
    everything = " ".join(page.extract_text() for page in pages)
    assert "Vermittelte Haushalte" in everything and "Träger: Caritas Köln" in everything
    assert "Kommune: Köln" in everything
