"""The report page rendered by the real gateway app with reporting's answers faked: it opens
on the last complete year, reads year, quarter, free period, provider and "Stand am" into
the query, writes numbers the German way, links the PDF, CSV and print version with the
same parameters, puts a drill-down link behind the figures the caller may open (only
those), names municipality and provider, and says what is wrong with a wrong entry at
its field."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.reporting.yearly_report import parse_day, period_of
from shared.clock import today
from support.ui_app import FakeRpc, ui_client

COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "kora"}
ANALYST = {"x-auszug-role": "analyst", "x-auszug-user": "ana"}
CASEWORKER = {
    "x-auszug-role": "caseworker",
    "x-auszug-user": "c.caritas",
    "x-auszug-provider": "caritas",
}


def figure(key: str, value: float | int, cases: bool, **more: Any) -> dict[str, Any]:
    label = key.replace("_", " ")
    shown = {"key": key, "label": label, "definition": "Zählt …", "value": value}
    return shown | {"cases": cases} | more


def answer(body: Any, cases: bool = True) -> dict[str, Any]:
    channels = {
        "dimension": "channel",
        "label": "nach Art",
        "items": [
            {"code": "phone", "label": "Telefon", "value": 1200},
            {"code": "email", "label": "E-Mail", "value": 0},
        ],
    }
    return {
        "municipality": "koeln",
        "period_from": str(body.period_from),
        "period_to": str(body.period_to),
        "provider": body.provider,
        "as_known_on": str(body.as_known_on) if body.as_known_on else None,
        "figures": [figure("households_registered", 1628, cases)],
        "sections": [
            {
                "key": "placements",
                "title": "Vermittlung",
                "figures": [
                    figure("days_to_lease", 15.0, cases, unit="days"),
                    figure("consultations", 1200, cases, breakdowns=[channels]),
                ],
            }
        ],
    }


def stock(body: Any, cases: bool = True) -> dict[str, Any]:
    return {
        "municipality": "koeln",
        "on": str(body.on),
        "provider": body.provider,
        "as_known_on": None,
        "figures": [figure("stock_households", 321, cases)],
    }


def answers_for(headers: dict[str, str]) -> dict[str, Any]:
    # Reporting marks what the caller may open; the analyst may open nothing.
    cases = headers is not ANALYST
    return {
        "figures": lambda body: answer(body, cases=cases),
        "stock": lambda body: stock(body, cases=cases),
    }


@pytest.fixture
def make(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    def client(headers: dict[str, str]) -> tuple[TestClient, FakeRpc]:
        fake = FakeRpc(answers_for(headers))
        return ui_client(tmp_path, monkeypatch, fake), fake

    return client


def test_the_page_opens_on_the_last_complete_year_with_german_numbers(make: Any) -> None:
    client, fake = make(COORDINATOR)
    page = client.get("/ui/bericht", headers=COORDINATOR)
    year = today().year - 1
    assert page.status_code == 200
    assert fake.calls[0] == (
        "figures",
        {
            "period_from": f"{year}-01-01",
            "period_to": f"{year}-12-31",
            "provider": None,
            "as_known_on": None,
        },
    )
    assert f"Jahresbericht {year}" in page.text
    assert ">1.628</a>" in page.text and ">15,0 Tage</a>" in page.text
    assert "Kommune Köln" in page.text and "koeln" not in page.text.split("<main")[1]
    assert "Bestand am 31.12." in page.text and ">321</a>" in page.text


def test_documents_and_drill_downs_carry_the_same_parameters(make: Any) -> None:
    client, _ = make(COORDINATOR)
    params = {"jahr": "2025", "quartal": "2", "traeger": "caritas", "stand": "2025-07-10"}
    page = client.get("/ui/bericht", params=params, headers=COORDINATOR)
    same = (
        "period_from=2025-04-01&amp;period_to=2025-06-30"
        "&amp;provider=caritas&amp;as_known_on=2025-07-10"
    )
    assert f'href="/api/reports/report.pdf?{same}"' in page.text
    assert f'href="/api/reports/figures.csv?{same}"' in page.text
    assert f'href="/api/reports/report.html?{same}"' in page.text
    assert f'href="/ui/bericht/faelle/households_registered?{same}"' in page.text
    # A breakdown's value opens its part; an empty one has no link.
    assert f'href="/ui/bericht/faelle/consultations?{same}&amp;item=phone"' in page.text
    assert "item=email" not in page.text
    stock_link = "/ui/bericht/bestand/stock_households?on=2025-06-30&amp;provider=caritas"
    assert stock_link in page.text
    assert "Bericht 2. Quartal 2025" in page.text and "Träger Caritas Köln" in page.text
    assert '<option value="caritas" selected>Caritas Köln</option>' in page.text


def test_a_free_period_wins_over_the_year(make: Any) -> None:
    client, fake = make(COORDINATOR)
    params = {"jahr": "2025", "von": "01.03.2025", "bis": "2025-03-15"}
    page = client.get("/ui/bericht", params=params, headers=COORDINATOR)
    assert page.status_code == 200
    assert fake.calls[0][1]["period_from"] == "2025-03-01"
    assert fake.calls[0][1]["period_to"] == "2025-03-15"
    assert "Bericht 01.03.2025 bis 15.03.2025" in page.text


def test_the_analyst_gets_figures_but_no_drill_down_link(make: Any) -> None:
    client, _ = make(ANALYST)
    page = client.get("/ui/bericht", params={"jahr": "2025"}, headers=ANALYST)
    assert page.status_code == 200
    assert "1.628" in page.text and "/ui/bericht/faelle/" not in page.text
    assert "/ui/bericht/bestand/" not in page.text
    assert "/api/reports/report.pdf?" in page.text


def test_a_caseworker_opens_on_their_own_provider(make: Any) -> None:
    client, fake = make(CASEWORKER)
    client.get("/ui/bericht", headers=CASEWORKER)
    assert fake.calls[0][1]["provider"] == "caritas"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"jahr": "1999"}, "jahr", "Bitte ein Jahr zwischen 2000 und 2100 wählen."),
        ({"jahr": "zwanzig"}, "jahr", "Bitte ein Jahr zwischen 2000 und 2100 wählen."),
        ({"quartal": "5"}, "quartal", "Bitte ein Quartal aus der Liste wählen."),
        ({"traeger": "karitas"}, "traeger", "Bitte einen Träger aus der Liste wählen."),
        ({"stand": "31.02.2025"}, "stand", "Bitte ein Datum im Format TT.MM.JJJJ eingeben"),
        ({"von": "2025-03-01"}, "bis", "Für einen freien Zeitraum bitte Anfang und Ende"),
        (
            {"von": "2025-03-01", "bis": "2025-02-01"},
            "bis",
            "Das Ende des Zeitraums liegt vor seinem Anfang.",
        ),
    ],
)
def test_a_wrong_entry_is_named_at_its_field_and_kept(
    make: Any, params: dict[str, str], field: str, message: str
) -> None:
    client, fake = make(COORDINATOR)
    page = client.get("/ui/bericht", params=params, headers=COORDINATOR)
    assert page.status_code == 422
    assert f'<span class="feldfehler" id="fehler-{field}">{message}' in page.text
    assert f'id="{field}" name="{field}"' in page.text and 'aria-invalid="true"' in page.text
    assert fake.calls == []


def test_the_page_in_english(make: Any) -> None:
    client, _ = make(COORDINATOR)
    page = client.get("/ui/bericht", params={"jahr": "2025", "lang": "en"}, headers=COORDINATOR)
    assert "1,628" in page.text and "15.0 days" in page.text
    assert "Report as PDF" in page.text


def test_periods_and_days() -> None:
    assert period_of(2025, "") == (period_of(2025, "1")[0], period_of(2025, "4")[1])
    assert period_of(2024, "1")[1].isoformat() == "2024-03-31"
    assert period_of(2025, "4")[1].isoformat() == "2025-12-31"
    assert parse_day("1.3.2026") == parse_day("2026-03-01") is not None
    assert parse_day("2026-13-01") is None and parse_day("1.3") is None


def drilled(ids: list[Any], subject: str = "household", withheld: int = 0) -> dict[str, Any]:
    return {
        "key": "households_registered",
        "label": "Aufgenommene Haushalte",
        "item": None,
        "subject": subject,
        "ids": [str(i) for i in ids],
        "withheld": withheld,
    }


def test_the_drill_down_pages_the_cases_with_their_titles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = sorted((uuid4() for _ in range(60)), key=str)
    fake = FakeRpc({"figure_cases": drilled(ids, withheld=2)})
    client = ui_client(tmp_path, monkeypatch, fake)
    url = "/ui/bericht/faelle/households_registered?period_from=2025-01-01&period_to=2025-12-31"
    page = client.get(url, headers=COORDINATOR)
    assert page.status_code == 200
    assert f'href="/ui/haushalte/{ids[0]}">Haushalt {ids[0].hex[:8]}</a>' in page.text
    assert str(ids[50]) not in page.text and "1–50 von 60" in page.text
    assert "2 weitere Haushalte sind nicht aufgeführt" in page.text
    second = client.get(url + "&page=2", headers=COORDINATOR)
    assert f"/ui/haushalte/{ids[50]}" in second.text and str(ids[0]) not in second.text
    assert (
        'href="/ui/bericht?von=2025-01-01&amp;bis=2025-12-31#kennzahl-households_registered"'
        in page.text
    )


def test_a_drill_down_to_ids_without_a_page_shows_their_short_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = uuid4()
    fake = FakeRpc({"stock_cases": drilled([one], subject="certificate")})
    client = ui_client(tmp_path, monkeypatch, fake)
    page = client.get("/ui/bericht/bestand/x_y?on=2025-06-30", headers=COORDINATOR)
    assert f"<li>{one.hex[:8]}</li>" in page.text


def test_a_provider_the_registry_does_not_name_still_reports_on_itself(make: Any) -> None:
    elsewhere = CASEWORKER | {"x-auszug-municipality": "bergisch-gladbach"}
    client, fake = make(elsewhere)
    page = client.get("/ui/bericht", headers=elsewhere)
    assert page.status_code == 200 and fake.calls[0][1]["provider"] == "caritas"
    assert '<option value="caritas" selected>' in page.text
