"""Report documents: the figures as a file (CSV for Excel, printable HTML, PDF)."""

from __future__ import annotations

import base64
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.reporting.figures import FiguresQuery


class DocumentFormat(StrEnum):
    csv = "csv"
    html = "html"
    pdf = "pdf"


class ReportDocumentQuery(FiguresQuery):
    """Die Kennzahlen eines Zeitraums als Datei."""

    model_config = ConfigDict(extra="forbid")

    format: DocumentFormat = Field(default=DocumentFormat.csv, description="Dateiformat")


class ReportDocument(BaseModel):
    filename: str
    media_type: str
    encoding: Literal["text", "base64"]
    content: str

    @classmethod
    def of_bytes(cls, filename: str, media_type: str, data: bytes) -> ReportDocument:
        return cls(
            filename=filename,
            media_type=media_type,
            encoding="base64",
            content=base64.b64encode(data).decode("ascii"),
        )

    def body(self) -> bytes:
        if self.encoding == "base64":
            return base64.b64decode(self.content)
        return self.content.encode("utf-8")
