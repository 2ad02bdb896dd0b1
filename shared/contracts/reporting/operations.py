"""What reporting answers over the bus (shared/contracts/operation.py)."""

from __future__ import annotations

from shared.contracts.followups import FollowUpList, FollowUpQuery, FollowUpRules, GetFollowUpRules
from shared.contracts.operation import Operations
from shared.contracts.reporting.caseboard import Caseboard, CaseboardQuery
from shared.contracts.reporting.changes import FigureChanges, FigureChangesQuery
from shared.contracts.reporting.documents import ReportDocument, ReportDocumentQuery
from shared.contracts.reporting.drilldown import FigureCases, FigureCasesQuery, StockCasesQuery
from shared.contracts.reporting.figures import Figures, FiguresQuery, Stock, StockQuery
from shared.identity import Role

C, W, H, A, ADM = (
    Role.coordinator,
    Role.caseworker,
    Role.housing_office,
    Role.analyst,
    Role.admin,
)
# Aggregates: every staff role; the volunteer sees no figure.
READS_FIGURES = {C, W, H, A, ADM}
# Case ids behind a figure: not the analyst (services/reporting/application/access.py).
READS_CASES = {C, W, H, ADM}

ops = Operations("reporting")

FIGURES = ops.query("figures", FiguresQuery, Figures, roles=READS_FIGURES)
STOCK = ops.query("stock", StockQuery, Stock, roles=READS_FIGURES)
FIGURE_CHANGES = ops.query("figure_changes", FigureChangesQuery, FigureChanges, roles=READS_FIGURES)
REPORT_DOCUMENT = ops.query(
    "report_document", ReportDocumentQuery, ReportDocument, roles=READS_FIGURES
)
FIGURE_CASES = ops.query("figure_cases", FigureCasesQuery, FigureCases, roles=READS_CASES)
STOCK_CASES = ops.query("stock_cases", StockCasesQuery, FigureCases, roles=READS_CASES)
CASEBOARD = ops.query("caseboard", CaseboardQuery, Caseboard, roles={C, W, ADM})

# The due list (issue 15): who sees cases sees their follow-ups, scoped like the caseboard;
# the housing office sees those of prevention cases. The analyst sees no case.
READS_FOLLOW_UPS = {C, W, H, ADM}
FOLLOW_UPS = ops.query("follow_ups", FollowUpQuery, FollowUpList, roles=READS_FOLLOW_UPS)
GET_FOLLOW_UP_RULES = ops.query(
    "get_follow_up_rules", GetFollowUpRules, FollowUpRules, roles=READS_FOLLOW_UPS
)
REPLACE_FOLLOW_UP_RULES = ops.command(
    "replace_follow_up_rules", FollowUpRules, FollowUpRules, roles={C}
)
