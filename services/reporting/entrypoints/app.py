"""Composition root of the reporting service."""

from __future__ import annotations

from pathlib import Path

from faststream.asgi import AsgiFastStream

from services.reporting.adapters.tables import clear_facts, clear_registrations
from services.reporting.application import figures as uc
from services.reporting.application.caseboard import caseboard_view
from services.reporting.application.changes import figure_changes
from services.reporting.application.exports.documents import report_document
from services.reporting.application.projection import CONSUMER, FiguresProjection
from services.reporting.application.projections import FACTS_CONSUMER, FactsProjection
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
from shared.identity import Caller
from shared.messaging import NatsLogin
from shared.rebuild import drop_read_model
from shared.service import ServiceHost
from shared.settings import ServiceSettings, service_settings

SERVICE = "reporting"
MIGRATIONS = Path(__file__).resolve().parents[1] / "adapters" / "migrations"
ReportingSettings = service_settings(SERVICE, default_port=8105)
# Each consumer and what it fills: a rebuild empties both and replays both.
READ_MODELS = ((CONSUMER, clear_registrations), (FACTS_CONSUMER, clear_facts))


def build(settings: ServiceSettings | None = None) -> AsgiFastStream:
    host = ServiceHost(SERVICE, settings or ReportingSettings(), MIGRATIONS)
    host.consume(CONSUMER, FiguresProjection())
    host.consume(FACTS_CONSUMER, FactsProjection())
    db = host.db

    @host.rpc.handle("figures", FiguresQuery)
    async def get_figures(body: FiguresQuery, caller: Caller) -> Figures:
        return await uc.figures(db, body, caller)

    @host.rpc.handle("stock", StockQuery)
    async def get_stock(body: StockQuery, caller: Caller) -> Stock:
        return await uc.stock(db, body, caller)

    @host.rpc.handle("figure_cases", FigureCasesQuery)
    async def get_figure_cases(body: FigureCasesQuery, caller: Caller) -> FigureCases:
        return await uc.figure_cases(db, body, caller)

    @host.rpc.handle("stock_cases", StockCasesQuery)
    async def get_stock_cases(body: StockCasesQuery, caller: Caller) -> FigureCases:
        return await uc.stock_cases(db, body, caller)

    @host.rpc.handle("figure_changes", FigureChangesQuery)
    async def get_figure_changes(body: FigureChangesQuery, caller: Caller) -> FigureChanges:
        return await figure_changes(db, body, caller)

    @host.rpc.handle("caseboard", CaseboardQuery)
    async def get_caseboard(body: CaseboardQuery, caller: Caller) -> Caseboard:
        return await caseboard_view(db, body, caller)

    @host.rpc.handle("report_document", ReportDocumentQuery)
    async def get_report_document(body: ReportDocumentQuery, caller: Caller) -> ReportDocument:
        return await report_document(db, body, caller)

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
