"""Report documents on request: the figures of a period rendered as the asked format."""

from __future__ import annotations

import asyncio

from services.reporting.application.exports import csv_file, printable
from services.reporting.application.exports import formatting as fmt
from services.reporting.application.figures import figures
from services.reporting.domain.figures import small_cells
from shared.contracts.reporting import DocumentFormat, ReportDocument, ReportDocumentQuery
from shared.db import Database
from shared.identity import Caller


async def report_document(
    db: Database,
    query: ReportDocumentQuery,
    caller: Caller,
    min_cell: int = small_cells.DEFAULT_MINIMUM,
) -> ReportDocument:
    """The period's figures as CSV, HTML or PDF; the same access rules (and, for an
    analyst, the same suppressed cells) as the figures."""
    report = await figures(db, query, caller, min_cell)
    if query.format is DocumentFormat.csv:
        return ReportDocument(
            filename=fmt.filename(report, "csv"),
            media_type="text/csv; charset=utf-8",
            encoding="text",
            content=csv_file.render(report),
        )
    if query.format is DocumentFormat.html:
        return ReportDocument(
            filename=fmt.filename(report, "html"),
            media_type="text/html; charset=utf-8",
            encoding="text",
            content=printable.html(report),
        )
    # Rendering takes most of a second of CPU: off the event loop, so the service's
    # consumers and other requests are not held up meanwhile.
    pdf = await asyncio.to_thread(printable.pdf, report)
    return ReportDocument.of_bytes(fmt.filename(report, "pdf"), "application/pdf", pdf)
