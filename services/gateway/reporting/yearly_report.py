"""The report page: the figures of a year, a quarter or any period, for all providers or
one, "as known on" a day; every figure with its definition and breakdowns, a link to the
cases behind each figure the caller may open, and the same report as PDF, CSV and print.

The form is a plain GET form, so a report is a URL that can be bookmarked and sent. Its
fields are read here rather than by FastAPI's query validation, so that a wrong entry is
a German message at its field on this page, not an error page that loses the form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.web.i18n import N_
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts import places
from shared.contracts.reporting import Figures, FiguresQuery, Stock, StockQuery
from shared.contracts.reporting import operations as reporting
from shared.identity import Caller, Role

router = APIRouter(prefix="/ui", include_in_schema=False)

FIRST_YEAR = 2000
LAST_YEAR = 2100
QUARTERS = {
    "1": N_("1. Quartal"),
    "2": N_("2. Quartal"),
    "3": N_("3. Quartal"),
    "4": N_("4. Quartal"),
}
BAD_YEAR = N_("Bitte ein Jahr zwischen 2000 und 2100 wählen.")
BAD_QUARTER = N_("Bitte ein Quartal aus der Liste wählen.")
BAD_PROVIDER = N_("Bitte einen Träger aus der Liste wählen.")
BAD_DAY = N_("Bitte ein Datum im Format TT.MM.JJJJ eingeben, z. B. 01.03.2026.")
NEED_BOTH = N_("Für einen freien Zeitraum bitte Anfang und Ende angeben.")
ORDER = N_("Das Ende des Zeitraums liegt vor seinem Anfang.")


@dataclass
class ReportForm:
    """What the form asked for, as typed (to show it again), and what it means."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    query: FiguresQuery | None = None
    year: int = 0
    quarter: str = ""

    @property
    def free(self) -> bool:
        return bool(self.values["von"] or self.values["bis"])


def last_complete_year() -> int:
    return today().year - 1


def default_provider(caller: Caller) -> str:
    """A caseworker opens on their own provider: the cases behind those figures are theirs."""
    return caller.provider or "" if caller.role is Role.caseworker else ""


def providers(caller: Caller) -> dict[str, str]:
    """The providers the dropdown offers: the municipality's, and always the caller's own
    (a provider the registry does not name yet still reports on itself)."""
    offered = dict(places.providers_of(caller.municipality))
    if caller.provider and caller.provider not in offered:
        offered[caller.provider] = places.provider_name(caller.provider, caller.municipality)
    return offered


def read_form(params: dict[str, str], caller: Caller) -> ReportForm:
    """The report asked for; a field that cannot be read gets its message instead."""
    values = {
        "jahr": params.get("jahr", "").strip() or str(last_complete_year()),
        "quartal": params.get("quartal", "").strip(),
        "von": params.get("von", "").strip(),
        "bis": params.get("bis", "").strip(),
        "traeger": params.get("traeger", default_provider(caller)).strip(),
        "stand": params.get("stand", "").strip(),
    }
    form = ReportForm(values)
    errors = form.errors
    year = int(values["jahr"]) if values["jahr"].isdigit() else 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        errors["jahr"] = BAD_YEAR
    if values["quartal"] and values["quartal"] not in QUARTERS:
        errors["quartal"] = BAD_QUARTER
    provider = values["traeger"] or None
    if provider is not None and provider not in providers(caller):
        errors["traeger"] = BAD_PROVIDER
    days = {name: _day(values[name], name, errors) for name in ("von", "bis", "stand")}
    if form.free and not errors:
        for name in ("von", "bis"):
            if days[name] is None:
                errors[name] = NEED_BOTH
    start, end = days["von"], days["bis"]
    if start and end and end < start:
        errors["bis"] = ORDER
    if errors:
        return form
    form.year, form.quarter = year, values["quartal"]
    if not (start and end):
        start, end = period_of(year, values["quartal"])
    form.query = FiguresQuery(
        period_from=start, period_to=end, provider=provider, as_known_on=days["stand"]
    )
    return form


def period_of(year: int, quarter: str) -> tuple[date, date]:
    """A year, or one of its quarters, as its first and last day."""
    if not quarter:
        return date(year, 1, 1), date(year, 12, 31)
    first_month = 3 * int(quarter) - 2
    start = date(year, first_month, 1)
    following = date(year + 1, 1, 1) if quarter == "4" else date(year, first_month + 3, 1)
    return start, following - timedelta(days=1)


def _day(text: str, name: str, errors: dict[str, str]) -> date | None:
    if not text:
        return None
    day = parse_day(text)
    if day is None:
        errors[name] = BAD_DAY
    return day


def parse_day(text: str) -> date | None:
    """A day as a date field sends it (2026-03-01) or as typed where there is none
    (01.03.2026, 1.3.2026); None if it is neither."""
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None


def parameters(query: FiguresQuery) -> dict[str, str]:
    """The report's query parameters as the API's documents and drill-downs read them."""
    params = {
        "period_from": query.period_from.isoformat(),
        "period_to": query.period_to.isoformat(),
    }
    if query.provider:
        params["provider"] = query.provider
    if query.as_known_on:
        params["as_known_on"] = query.as_known_on.isoformat()
    return params


def stock_day(query: FiguresQuery) -> date:
    """The day the stock is shown for: the period's end, or today while it runs."""
    return min(query.period_to, today())


@dataclass(frozen=True)
class Links:
    """Where the same report is as a document, and where its figures' cases are."""

    pdf: str
    csv: str
    printable: str
    figure_cases: str  # base of /ui/bericht/faelle/{key}?…
    stock_cases: str

    def cases(self, key: str, item: str | None = None) -> str:
        return _with_item(f"/ui/bericht/faelle/{key}?{self.figure_cases}", item)

    def stock(self, key: str, item: str | None = None) -> str:
        return _with_item(f"/ui/bericht/bestand/{key}?{self.stock_cases}", item)


def _with_item(url: str, item: str | None) -> str:
    return f"{url}&{urlencode({'item': item})}" if item else url


def links(query: FiguresQuery) -> Links:
    common = urlencode(parameters(query))
    on = {"on": stock_day(query).isoformat()}
    stock = {**on, **{k: v for k, v in parameters(query).items() if k != "period_from"}}
    stock.pop("period_to")
    return Links(
        pdf=f"/api/reports/report.pdf?{common}",
        csv=f"/api/reports/figures.csv?{common}",
        printable=f"/api/reports/report.html?{common}",
        figure_cases=common,
        stock_cases=urlencode(stock),
    )


def years(chosen: int) -> list[int]:
    """The years the dropdown offers: this one and the seven before, and the chosen one."""
    offered = set(range(today().year - 7, today().year + 1))
    if FIRST_YEAR <= chosen <= LAST_YEAR:
        offered.add(chosen)
    return sorted(offered, reverse=True)


@router.get("/bericht", response_class=HTMLResponse)
async def report(request: Request, caller: CurrentCaller, rpc: Rpc) -> HTMLResponse:
    """The report of the period asked for (by default the last complete year)."""
    form = read_form(dict(request.query_params), caller)
    figures: Figures | None = None
    stock: Stock | None = None
    if form.query is not None:
        figures = await rpc.send(reporting.FIGURES, form.query, caller)
        on = StockQuery(
            on=stock_day(form.query),
            provider=form.query.provider,
            as_known_on=form.query.as_known_on,
        )
        stock = await rpc.send(reporting.STOCK, on, caller)
    year = int(form.values["jahr"]) if form.values["jahr"].isdigit() else last_complete_year()
    context = {
        "form": form,
        "figures": figures,
        "stock": stock,
        "links": links(form.query) if form.query else None,
        "years": years(year),
        "quarters": QUARTERS,
        "providers": providers(caller),
    }
    return render(
        request, "reporting/report.html", context, status_code=422 if form.errors else 200
    )
