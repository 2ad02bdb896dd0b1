"""Typed text in the report's documents (issue 12, finding 3.10): the provider of the
report's link is the one text a person can type that reaches them. In the CSV a value
starting like a formula (`=`, `+`, `-`, `@`) is written as text; the printable report
escapes markup; the PDF still renders."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from services.reporting.application.exports import csv_file
from services.reporting.application.exports.documents import report_document
from shared.contracts import placement as pl
from shared.contracts.reporting import DocumentFormat, ReportDocumentQuery
from support.builders.reporting import COORDINATOR, day, place, world

MARKUP = '<script>zq1()</script>"><img src=x onerror=zq1()><meta http-equiv="refresh">'
FORMULA = '=HYPERLINK("http://127.0.0.1:28999/phish";"Details")'


def query(format: DocumentFormat, provider: str) -> ReportDocumentQuery:
    return ReportDocumentQuery(
        period_from=day("2025-01-01"),
        period_to=day("2025-12-31"),
        format=format,
        provider=provider,
    )


@pytest.mark.parametrize("typed", [FORMULA, "+1+2", "-1+2", "@SUM(A1)", "\t=1", MARKUP])
async def test_a_formula_typed_as_provider_is_text_in_the_csv(tmp_path: Path, typed: str) -> None:
    async with world(tmp_path) as w:
        place(w, "2025-05-01", kind=pl.LandlordKind.private)
        await w.apply()
        document = await report_document(w.db, query(DocumentFormat.csv, typed), COORDINATOR)
    body = document.body().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    providers = {row[3] for row in rows[1:]}
    expected = typed if typed == MARKUP else f"'{typed}"
    assert providers == {expected}
    starts = {cell[:1] for row in rows[1:] for i, cell in enumerate(row) if i != 11}
    assert not starts & set(csv_file.FORMULA_START)


def test_plain_texts_stay_as_they_are() -> None:
    assert [csv_file.text(t) for t in ("caritas", "alle Träger", "", "'=x")] == [
        "caritas",
        "alle Träger",
        "",
        "'=x",
    ]


async def test_markup_typed_as_provider_is_text_in_the_report_and_the_pdf_renders(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        place(w, "2025-05-01", kind=pl.LandlordKind.private)
        await w.apply()
        html = await report_document(w.db, query(DocumentFormat.html, MARKUP), COORDINATOR)
        pdf = await report_document(w.db, query(DocumentFormat.pdf, MARKUP), COORDINATOR)
    text = html.body().decode()
    assert "<script>zq1" not in text and "<img src=x" not in text
    assert "&lt;script&gt;zq1()" in text
    pages = PdfReader(io.BytesIO(pdf.body())).pages
    assert len(pages) > 1 and "zq1()" in "".join(p.extract_text() for p in pages)
