"""The household pages and the case list in English (`?lang=en`), through the real app
with the services' answers faked: English headings, labels, history and intake's reasons,
and none of the German labels left over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from shared.rpc import ErrorKind, RpcError
from support.ui.households import HOUSEHOLD, PAGE, FakeIntake
from support.ui_app import TOKEN, as_role, ui_client

BOARD: dict[str, Any] = {
    "municipality": "koeln",
    "on": "2026-03-10",
    "by_stage": {"registered": 1},
    "cases": [
        {
            "household_id": str(HOUSEHOLD),
            "provider": "caritas",
            "registered_on": "2026-01-05",
            "persons": 2,
            "stage": "registered",
            "stage_label": "Aufgenommen",
            "stage_since": "2026-01-05",
            "days_in_stage": 64,
            "next_step": "Wohnfähigkeit einschätzen",
            "offer_id": None,
        }
    ],
    "page": {"page": 1, "per_page": 50, "total": 1},
}


REGISTERED = {
    "key": "households_registered",
    "label": "Aufgenommene Haushalte",
    "definition": "Haushalte, deren Aufnahme ins Auszugsmanagement im Zeitraum liegt (Tag der "
    "Aufnahme, nicht Tag der Erfassung). Ein Datensatz, der als Doppelfall eines früher "
    "aufgenommenen Haushalts bestätigt wurde, zählt nicht (mehr).",
    "value": 12,
}
FIGURES: dict[str, Any] = {
    "municipality": "koeln",
    "period_from": "2026-01-01",
    "period_to": "2026-12-31",
    "provider": None,
    "as_known_on": None,
    "figures": [REGISTERED],
    "sections": [{"key": "inbox", "title": "Zentraler Posteingang", "figures": []}],
}

STOCK: dict[str, Any] = {
    "municipality": "koeln",
    "on": "2026-03-10",
    "provider": None,
    "as_known_on": None,
    "figures": [],
}


class FakeServices(FakeIntake):
    """Intake as in the actions' tests, and reporting's caseboard and figures."""

    def __init__(self) -> None:
        super().__init__()
        self.answers |= {"caseboard": BOARD, "figures": FIGURES, "stock": STOCK}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeIntake]:
    fake = FakeServices()
    return ui_client(tmp_path, monkeypatch, fake), fake


GERMAN_LEFT_OVER = (
    "Mitglieder",
    "Haushaltsvorstand",
    "Wohnfähigkeit",
    "Einwilligung",
    "Zugriffsprotokoll",
    "Zusammensetzung",
    "Aufbewahrungspflicht",
    "Städtische Unterkunft",
    "Aufgenommen beim Träger",
    "bitte wählen",
    "teilweise",
)


def test_the_household_page_speaks_english(app: tuple[TestClient, FakeIntake]) -> None:
    client, _ = app
    page = client.get(f"{PAGE}?lang=en", headers=as_role("coordinator"))
    assert page.status_code == 200
    text = page.text
    for english in (
        "Registered on 5 Jan 2026",
        '<h2 id="mitglieder">Members</h2>',
        "Head of household",
        "Registered with provider Caritas Köln, Municipal accommodation",
        "Housing readiness assessed: ready for housing with support",
        "Assess housing readiness",
        "Change composition",
        "Hand over to another provider",
        "Erase personal data",
        "I have checked that no retention duty prevents this",
        "Possible duplicates",
        "Access log",
    ):
        assert english in text, english
    for german in GERMAN_LEFT_OVER:
        assert german not in text, german


def test_intakes_reason_shows_in_english_at_the_form(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    fake.refuse["hand_over_household"] = RpcError(
        kind=ErrorKind.rule,
        code="consent_missing",
        message="Für die Übergabe an einen anderen Träger liegt keine gültige Einwilligung vor. "
        "Bitte zuerst die Einwilligung „Weitergabe an einen anderen Träger“ erfassen.",
    )
    form = {"to_provider": "drk", "handed_over_on": "2026-03-01", "csrf_token": TOKEN}
    page = client.post(f"{PAGE}/uebergabe?lang=en", data=form, headers=as_role("coordinator"))
    assert page.status_code == 409
    assert "There is no valid consent for the hand-over to another provider." in page.text


def test_the_case_list_speaks_english(app: tuple[TestClient, FakeIntake]) -> None:
    client, _ = app
    page = client.get("/ui?lang=en", headers=as_role("caseworker"))
    assert page.status_code == 200
    assert "<h1>My cases</h1>" in page.text and "1 case, as of 10 Mar 2026" in page.text
    assert "64 days (since 5 Jan 2026)" in page.text and "Responsible" in page.text
    assert "Fälle" not in page.text and "Nächster Schritt" not in page.text


def test_the_yearly_report_speaks_english(app: tuple[TestClient, FakeIntake]) -> None:
    client, _ = app
    page = client.get("/ui/bericht?jahr=2026&lang=en", headers=as_role("coordinator"))
    assert page.status_code == 200
    assert "<h1>Annual report 2026</h1>" in page.text and "Registered households" in page.text
    assert "Period 1 Jan 2026 to 31 Dec 2026,\n  municipality Köln" in page.text
    assert "Central inbox" in page.text and "Aufgenommene Haushalte" not in page.text
