"""Contracts of the reporting context: the figures, drill-downs and the caseboard it
answers with. It publishes no events."""

from __future__ import annotations

from shared.contracts.reporting.caseboard import Caseboard, CaseboardQuery, CaseCardView, Stage
from shared.contracts.reporting.changes import FigureChange, FigureChanges, FigureChangesQuery
from shared.contracts.reporting.documents import (
    DocumentFormat,
    ReportDocument,
    ReportDocumentQuery,
)
from shared.contracts.reporting.drilldown import FigureCases, FigureCasesQuery, StockCasesQuery
from shared.contracts.reporting.figures import (
    Breakdown,
    BreakdownItem,
    Figure,
    Figures,
    FigureSection,
    FiguresQuery,
    Stock,
    StockQuery,
    Unit,
    Value,
)

__all__ = [
    "Breakdown",
    "BreakdownItem",
    "CaseCardView",
    "Caseboard",
    "CaseboardQuery",
    "DocumentFormat",
    "Figure",
    "FigureCases",
    "FigureCasesQuery",
    "FigureChange",
    "FigureChanges",
    "FigureChangesQuery",
    "FigureSection",
    "Figures",
    "FiguresQuery",
    "ReportDocument",
    "ReportDocumentQuery",
    "Stage",
    "Stock",
    "StockCasesQuery",
    "StockQuery",
    "Unit",
    "Value",
]
