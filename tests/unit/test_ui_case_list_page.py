"""The case list (`/ui`) through the real app with reporting faked: "Meine Fälle" as the
caseworker's start, filters kept in the URL, a refused filter as a message at its field,
names instead of codes and pseudonyms; each role's start page; the refusal page keeps the
navigation and leads to the role's start page."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.adapters.users import Account, add_user
from services.gateway.settings import GatewaySettings
from shared.contracts.reporting import CaseboardQuery
from shared.db import Database
from shared.identity import Role
from support.ui_app import FakeRpc, as_role, ui_client, visible

HOUSEHOLD = uuid4()
COLLEAGUE = uuid4()


def last_board_query(fake: FakeRpc) -> Any:
    """The case list's last question to reporting (the page then asks intake for titles)."""
    return [body for name, body in fake.calls if name == "caseboard"][-1]


def board(body: CaseboardQuery) -> dict[str, Any]:
    case = {
        "household_id": str(HOUSEHOLD),
        "provider": "caritas",
        "registered_on": "2026-01-05",
        "persons": 5,
        "stage": "registered",
        "stage_label": "Aufgenommen",
        "stage_since": "2026-01-05",
        "days_in_stage": 64,
        "next_step": "Wohnfähigkeit einschätzen",
        "offer_id": None,
        "caseworker": str(COLLEAGUE),
    }
    return {
        "municipality": "koeln",
        "on": "2026-03-10",
        "by_stage": {"registered": 1},
        "cases": [case],
        "page": {"page": body.page, "per_page": body.per_page, "total": 1628},
    }


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeRpc]:
    fake = FakeRpc({"caseboard": board})
    client = ui_client(tmp_path, monkeypatch, fake)
    colleague = Account(
        user_id=COLLEAGUE,
        login="m.muster",
        password_hash="x",
        role=Role.caseworker,
        municipality="koeln",
        provider="caritas",
        display_name="Maria Muster",
    )

    async def add() -> None:
        db = Database(GatewaySettings().gateway_database)
        async with db.transaction() as conn:
            await add_user(conn, colleague, datetime.now(UTC))
        await db.dispose()

    asyncio.run(add())
    return client, fake


def test_a_caseworker_starts_on_my_cases(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    page = client.get("/ui", headers=as_role("caseworker"))
    assert page.status_code == 200
    assert "<h1>Meine Fälle</h1>" in page.text
    assert last_board_query(fake)["responsible"] == "mine"
    text = visible(page.text)
    assert "Alle Fälle meines Trägers" in text
    assert "Haushalt " + HOUSEHOLD.hex[:8] in text
    assert "Caritas" in text and "Maria Muster" in text
    assert str(COLLEAGUE) not in page.text
    assert "1.628 Fälle" in text and "Seite 1 von 33" in text


def test_all_cases_of_the_provider_and_the_coordinators_default(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, fake = app
    client.get("/ui?responsible=alle", headers=as_role("caseworker"))
    assert last_board_query(fake)["responsible"] is None
    page = client.get("/ui", headers=as_role("coordinator"))
    assert "<h1>Fälle</h1>" in page.text
    assert last_board_query(fake)["responsible"] is None
    assert '<option value="drk"' in page.text  # the provider dropdown, names shown


def test_filters_sorting_and_the_page_travel_in_the_url(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    url = "/ui?provider=drk&stage=ready&min_days_in_stage=30&sort=persons&descending=false&page=2"
    page = client.get(url, headers=as_role("coordinator"))
    sent = last_board_query(fake)
    assert (sent["provider"], sent["stage"], sent["min_days_in_stage"]) == ("drk", "ready", 30)
    assert (sent["sort"], sent["descending"], sent["page"]) == ("persons", False, 2)
    assert '<option value="ready" selected' in page.text
    # The pager's links keep the filters.
    assert "provider=drk&amp;stage=ready&amp;min_days_in_stage=30" in page.text
    assert "page=3" in page.text


def test_a_refused_filter_is_a_message_at_its_field(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    page = client.get("/ui?min_days_in_stage=viele&stage=ready", headers=as_role("coordinator"))
    assert page.status_code == 200
    assert 'id="fehler-min_days_in_stage"' in page.text
    assert "Bitte eine ganze Zahl von Tagen angeben, z. B. 30." in page.text
    assert "min_days_in_stage." not in visible(page.text)
    sent = last_board_query(fake)
    assert sent["stage"] == "ready" and sent["min_days_in_stage"] is None


@pytest.mark.parametrize(
    ("role", "start"),
    [
        ("volunteer", "/ui/tandems"),
        ("housing_office", "/ui/heute"),
        ("analyst", "/ui/bericht"),
    ],
)
def test_each_role_lands_on_its_start_page(
    app: tuple[TestClient, FakeRpc], role: str, start: str
) -> None:
    client, fake = app
    answer = client.get("/ui", headers=as_role(role))
    assert (answer.status_code, answer.headers["location"]) == (303, start)
    assert fake.calls == []


def test_the_refusal_page_keeps_navigation_and_leads_to_the_start_page(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, _ = app
    page = client.get("/ui/wohnungen", headers=as_role("volunteer"))
    assert page.status_code == 403
    assert 'href="/ui/tandems">Meine Tandems' in page.text
    assert 'action="/ui/abmelden"' in page.text
    assert '<a href="/ui/tandems">Zur Übersicht</a>' in page.text
