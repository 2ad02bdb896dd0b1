"""An analyst reads no single household out of the figures: through the gateway, a day
with one household is "< 5" for the analyst (JSON, CSV, report page) and 1 for a
coordinator."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx

from support.system import System, household, wait_until

DAY = {"period_from": "2026-11-02", "period_to": "2026-11-02", "provider": "caritas"}
ANALYST = {"x-auszug-role": "analyst", "x-auszug-user": "analyst-1"}
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "coordinator-1"}


def registered(client: httpx.Client, headers: dict[str, str]) -> dict[str, Any]:
    response = client.get("/api/reports/figures", params=DAY, headers=headers)
    assert response.status_code == 200, response.text
    figures = {f["key"]: f for f in response.json()["figures"]}
    figure: dict[str, Any] = figures["households_registered"]
    return figure


def test_an_analyst_sees_a_day_with_one_household_as_less_than_5(system: System) -> None:
    body = household("2026-11-02", provider="caritas", adults=1, minors=1)
    assert system.register(body, **COORDINATOR).status_code == 201
    with httpx.Client(base_url=system.gateway, timeout=30) as client:
        exact = wait_until(
            lambda: (f := registered(client, COORDINATOR))["value"] == 1 and f,
            timeout=60,
            what="the household counted",
        )
        assert exact["suppressed"] is False
        shown = registered(client, ANALYST)
        assert (shown["value"], shown["suppressed"], shown["display"]) == (None, True, "< 5")
        yearly = client.get("/api/reports/yearly/2026", headers=ANALYST).json()
        persons = {f["key"]: f for f in yearly["figures"]}["persons_registered"]
        assert (persons["value"], persons["display"]) == (None, "< 5")

        csv_body = client.get("/api/reports/figures.csv", params=DAY, headers=ANALYST)
        rows = list(csv.reader(io.StringIO(csv_body.content.decode("utf-8-sig")), delimiter=";"))
        assert {r[6]: r[11] for r in rows[1:] if not r[10]}["households_registered"] == "< 5"
        page = client.get("/ui/bericht", params={"jahr": 2026}, headers=ANALYST)
        assert page.status_code == 200 and "&lt; 5" in page.text
        coordinator_page = client.get("/ui/bericht", params={"jahr": 2026}, headers=COORDINATOR)
        assert "&lt; 5" not in coordinator_page.text
        # Drill-downs stay closed to analysts.
        cases = client.get(
            "/api/reports/figures/households_registered/cases", params=DAY, headers=ANALYST
        )
        assert cases.status_code == 403
