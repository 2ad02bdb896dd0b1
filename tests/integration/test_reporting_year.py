"""A generated year, driven through the HTTP API, is counted exactly: every figure, for the
municipality and for each provider, and the stock on two days, equals what the generator's
own record says. The cases behind a figure, the CSV export and the caseboard answer from
the same facts; dropping the read model and replaying the stream gives the same answers."""

from __future__ import annotations

import asyncio
import csv
import io
import subprocess
import sys
from datetime import timedelta
from typing import Any

import httpx

from services.reporting.demo import check, drive, plan
from services.reporting.demo.model import Year
from shared.clock import today
from support.system import ROOT, System, wait_until

YEAR = today().year - 1
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
ANALYST = {"x-auszug-role": "analyst"}


def everything(system: System, y: Year) -> dict[Any, Any]:
    """Every answer a rebuild must reproduce: all figures of every scope and the caseboard."""
    with httpx.Client(base_url=system.gateway, timeout=30) as client:
        answers: dict[Any, Any] = {s: check.counted(y, client, s) for s in check.wanted(y)}
        answers["caseboard"] = client.get("/api/caseboard").json()
    return answers


def test_a_generated_year_is_counted_exactly_and_a_rebuild_counts_it_again(system: System) -> None:
    year = plan.generate(YEAR, households=40, seed=11)
    asyncio.run(drive.run(year, system.gateway))
    assert check.differences(year, system.gateway, timeout=60) == []

    cases_behind_a_figure(system, year)
    figures_as_documents(system, year)
    caseboard(system, year)
    # Recorded today: the report as known yesterday had none of it.
    yesterday = (today() - timedelta(days=1)).isoformat()
    assert system.figures(YEAR, as_known_on=yesterday)["households_registered"] == 0

    live = everything(system, year)
    system["reporting"].stop()
    rebuilt = subprocess.run(
        [sys.executable, "-m", "services.reporting", "rebuild"],
        cwd=ROOT,
        env=system["reporting"].env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    system["reporting"].start()
    wait_until(lambda: everything(system, year) == live, timeout=60, what="rebuilt equals live")


def cases_behind_a_figure(system: System, y: Year) -> None:
    url = f"{system.gateway}/api/reports/figures/households_placed/cases"
    period = {"period_from": f"{YEAR}-01-01", "period_to": f"{YEAR}-12-31"}
    placed = {h.household_id for h in y.households if h.placement}
    answer = system.http.get(url, params=period).json()
    assert set(answer["ids"]) == placed and answer["subject"] == "household"
    own = system.http.get(url, params=period, headers=CARITAS).json()
    assert set(own["ids"]) == {
        h.household_id for h in y.households if h.placement and h.provider == "caritas"
    }
    assert system.http.get(url, params=period, headers=ANALYST).status_code == 403
    theirs = system.http.get(url, params={**period, "provider": "drk"}, headers=CARITAS)
    assert theirs.status_code == 403


def figures_as_documents(system: System, y: Year) -> None:
    response = system.http.get(
        f"{system.gateway}/api/reports/figures.csv",
        params={"period_from": f"{YEAR}-01-01", "period_to": f"{YEAR}-12-31"},
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    placed = next(r for r in rows if r["Schlüssel"] == "households_placed" and not r["Code"])
    assert placed["Kennzahl"] == "Vermittelte Haushalte"
    assert int(placed["Wert"]) == sum(1 for h in y.households if h.placement)
    assert placed["Zeitraum von"] == f"01.01.{YEAR}"
    printable = system.http.get(
        f"{system.gateway}/api/reports/report.pdf",
        params={"period_from": f"{YEAR}-01-01", "period_to": f"{YEAR}-12-31"},
    )
    assert printable.status_code == 200 and printable.content.startswith(b"%PDF")


def caseboard(system: System, y: Year) -> None:
    still_open = [h for h in y.households if h.placement is None and h.deregistration is None]
    ready = [h for h in still_open if h.readiness and h.readiness[1] != "not_yet"]
    board = system.http.get(f"{system.gateway}/api/caseboard").json()
    assert len(board["cases"]) == len(still_open)
    assert (board["by_stage"]["ready"], board["by_stage"]["registered"]) == (
        len(ready),
        len(still_open) - len(ready),
    )
    own = system.http.get(f"{system.gateway}/api/caseboard", headers=CARITAS).json()
    mine = {
        h.household_id
        for h in still_open
        if (h.handover[1] if h.handover else h.provider) == "caritas"
    }
    assert {c["household_id"] for c in own["cases"]} == mine
    assert system.http.get(f"{system.gateway}/api/caseboard", headers=ANALYST).status_code == 403
