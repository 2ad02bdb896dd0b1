"""Comparing what reporting counted with what the plan says, figure by figure."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import httpx

from services.reporting.demo import expected
from services.reporting.demo.model import PREVENTION_PROVIDER, PROVIDERS, Year
from shared.contracts.reporting import Figures, Stock

Scope = tuple[str, str | None]


def wanted(y: Year) -> dict[Scope, expected.Flat]:
    """Every expectation: the year for the municipality and each provider, two stock days."""
    result: dict[Scope, expected.Flat] = {("year", None): expected.figures(y)}
    for provider in (*PROVIDERS, PREVENTION_PROVIDER):
        result[("year", provider)] = expected.figures(y, provider)
    for day in (date(y.year, 6, 30), y.last):
        result[(f"stock {day}", None)] = expected.stock(y, day)
    return result


def counted(y: Year, client: httpx.Client, scope: Scope) -> expected.Flat:
    what, provider = scope
    params: dict[str, Any] = {"provider": provider} if provider else {}
    headers = {"x-auszug-municipality": y.municipality}
    if what == "year":
        response = client.get(f"/api/reports/yearly/{y.year}", params=params, headers=headers)
        response.raise_for_status()
        return expected.flatten(Figures.model_validate(response.json()))
    params["on"] = what.removeprefix("stock ")
    response = client.get("/api/reports/stock", params=params, headers=headers)
    response.raise_for_status()
    return expected.flatten(Stock.model_validate(response.json()))


def differences(y: Year, gateway: str, timeout: float = 120.0) -> list[str]:
    """What differs once reporting has settled (empty: every figure as expected)."""
    goals = wanted(y)
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=gateway, timeout=30) as client:
        while True:
            found = {scope: counted(y, client, scope) for scope in goals}
            if found == goals or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    lines = []
    for scope, goal in goals.items():
        for key in sorted(set(goal) | set(found[scope])):
            if goal.get(key) != found[scope].get(key):
                lines.append(
                    f"{scope}: {key}: expected {goal.get(key)}, counted {found[scope].get(key)}"
                )
    return lines
