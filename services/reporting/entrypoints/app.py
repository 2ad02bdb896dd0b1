"""Composition root of the reporting service."""

from __future__ import annotations

from pathlib import Path

from faststream.asgi import AsgiFastStream
from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.reporting.adapters.tables import clear_facts, clear_registrations
from services.reporting.application import figures as uc
from services.reporting.application import follow_ups
from services.reporting.application.caseboard import caseboard_view
from services.reporting.application.changes import figure_changes
from services.reporting.application.exports.documents import report_document
from services.reporting.application.projection import CONSUMER, FiguresProjection
from services.reporting.application.projections import FACTS_CONSUMER, FactsProjection
from services.reporting.domain.figures import small_cells
from shared.contracts.followups import (
    FollowUpList,
    FollowUpQuery,
    FollowUpRules,
    GetFollowUpRules,
)
from shared.contracts.reporting import (
    Caseboard,
    CaseboardQuery,
    FigureCases,
    FigureCasesQuery,
    FigureChanges,
    FigureChangesQuery,
    Figures,
    FiguresQuery,
    ReportDocument,
    ReportDocumentQuery,
    Stock,
    StockCasesQuery,
    StockQuery,
)
from shared.contracts.reporting import operations as ops
from shared.identity import Caller
from shared.messaging import NatsLogin
from shared.rebuild import drop_read_model
from shared.service import ServiceHost
from shared.settings import ServiceSettings

SERVICE = "reporting"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"


class ReportingSettings(ServiceSettings):
    """`AUSZUG_REPORTING_*`; `AUSZUG_REPORTING_MIN_CELL`: the smallest count an analyst
    sees as it is (smaller ones, from 1, read "< MIN_CELL"), per deployment."""

    model_config = SettingsConfigDict(env_prefix="AUSZUG_REPORTING_", extra="ignore")
    http_port: int = 8105
    min_cell: int = Field(default=small_cells.DEFAULT_MINIMUM, ge=1)


# Each consumer and what it fills: a rebuild empties both and replays both.
READ_MODELS = ((CONSUMER, clear_registrations), (FACTS_CONSUMER, clear_facts))


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    settings = settings or ReportingSettings()
    host = ServiceHost(SERVICE, settings, MIGRATIONS)
    min_cell = (
        settings.min_cell
        if isinstance(settings, ReportingSettings)
        else small_cells.DEFAULT_MINIMUM
    )
    host.consume(CONSUMER, FiguresProjection())
    host.consume(FACTS_CONSUMER, FactsProjection())
    db = host.db

    @host.rpc.handle(ops.FIGURES)
    async def get_figures(body: FiguresQuery, caller: Caller) -> Figures:
        return await uc.figures(db, body, caller, min_cell)

    @host.rpc.handle(ops.STOCK)
    async def get_stock(body: StockQuery, caller: Caller) -> Stock:
        return await uc.stock(db, body, caller, min_cell)

    @host.rpc.handle(ops.FIGURE_CASES)
    async def get_figure_cases(body: FigureCasesQuery, caller: Caller) -> FigureCases:
        return await uc.figure_cases(db, body, caller)

    @host.rpc.handle(ops.STOCK_CASES)
    async def get_stock_cases(body: StockCasesQuery, caller: Caller) -> FigureCases:
        return await uc.stock_cases(db, body, caller)

    @host.rpc.handle(ops.FIGURE_CHANGES)
    async def get_figure_changes(body: FigureChangesQuery, caller: Caller) -> FigureChanges:
        return await figure_changes(db, body, caller, min_cell)

    @host.rpc.handle(ops.CASEBOARD)
    async def get_caseboard(body: CaseboardQuery, caller: Caller) -> Caseboard:
        return await caseboard_view(db, body, caller)

    @host.rpc.handle(ops.REPORT_DOCUMENT)
    async def get_report_document(body: ReportDocumentQuery, caller: Caller) -> ReportDocument:
        return await report_document(db, body, caller, min_cell)

    @host.rpc.handle(ops.FOLLOW_UPS)
    async def get_follow_ups(body: FollowUpQuery, caller: Caller) -> FollowUpList:
        return await follow_ups.follow_up_list(db, body, caller)

    @host.rpc.handle(ops.GET_FOLLOW_UP_RULES)
    async def get_follow_up_rules(body: GetFollowUpRules, caller: Caller) -> FollowUpRules:
        return await follow_ups.get_rules(db, caller)

    @host.rpc.handle(ops.REPLACE_FOLLOW_UP_RULES)
    async def replace_follow_up_rules(body: FollowUpRules, caller: Caller) -> FollowUpRules:
        return await follow_ups.replace_rules(db, body, caller)

    return host.app()


async def rebuild(settings: ServiceSettings | None = None) -> None:
    """Drop every read model so the next start replays them from the stream."""
    settings = settings or ReportingSettings()
    for durable, clear in READ_MODELS:
        await drop_read_model(
            database_url=settings.database(SERVICE),
            migrations=MIGRATIONS,
            nats=NatsLogin.of(settings.platform, SERVICE),
            durable=durable,
            clear=clear,
        )
