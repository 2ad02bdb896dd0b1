"""The offers pages in English (`?lang=en`), rendered by the real gateway app with
placement's answers faked: headings, labels, code words, amounts and the service's
common messages are English, and no German label is left in the page's content."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from support.ui_app import FakeRpc, ui_client

LANDLORD, OFFER, HOUSEHOLD = uuid4(), uuid4(), uuid4()
OFFER_VIEW: dict[str, Any] = {
    "offer_id": str(OFFER),
    "landlord_id": str(LANDLORD),
    "landlord_kind": "municipal_housing_company",
    "district": "ehrenfeld",
    "rooms": "2.5",
    "size_m2": "65",
    "cold_rent": "1000.50",
    "running_costs": "234.00",
    "available_from": "2026-03-01",
    "wbs_required": False,
    "refugee_quota": True,
    "accessible": False,
    "source": "housing_company_quota",
    "received_on": "2026-02-01",
    "status": "open",
    "street_address": None,
    "note": None,
    "closed_on": None,
    "let_to": None,
    "proposals": [
        {
            "household_id": str(HOUSEHOLD),
            "provider": "caritas",
            "proposed_on": "2026-02-03",
            "decision": None,
            "decided_on": None,
        }
    ],
    "viewings": [],
    "guarantees": [],
    "version": 2,
}
MATCH: dict[str, Any] = {
    "household_id": str(HOUSEHOLD),
    "provider": "caritas",
    "adults": 2,
    "minors": 1,
    "registered_on": "2025-01-09",
    "fits": True,
    "misfits": 0,
    "unknowns": 0,
    "already_proposed": True,
    "checks": [
        {"criterion": "wbs", "verdict": "fits", "reason": "Kein Wohnberechtigungsschein nötig."}
    ],
}
RULES: dict[str, Any] = {
    "rent_limits": [{"persons": 1, "max_gross_cold_rent": "1234.50", "max_size_m2": "50"}],
    "extra_person_rent": None,
    "extra_person_m2": None,
}
# German words of these pages that must not survive in the English content.
GERMAN = (
    "Zimmer", "Bruttokaltmiete", "Vorschläge", "Vorschlagen", "Nächste Schritte", "Vermieter",
    "bitte wählen", "Wohnfläche", "Haushalt", "passt", "noch offen", "Stand", "Regeln",
    "Tagen", "Person", "speichern", "Zurück", "Übernahme", "Besichtigung", "nötig", " am ",
)  # fmt: skip


ANSWERS: dict[str, Any] = {
    "get_offer": OFFER_VIEW,
    "offer_matches": {
        "offer_id": str(OFFER),
        "matches": [MATCH],
        "page": {"page": 1, "per_page": 50, "total": 1},
        "fitting": 1,
    },
    "get_landlord": {
        "landlord_id": str(LANDLORD),
        "kind": "municipal_housing_company",
        "name": "GAG",
        "contact_person": None,
        "cooperation_agreement": True,
        "cooperation_agreed_on": "2018-01-01",
        "registered_on": "2018-01-01",
    },
    "get_rules": RULES,
}


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    return ui_client(tmp_path, monkeypatch, FakeRpc(ANSWERS))


def content(html: str) -> str:
    """The page's own text (no navigation, no markup)."""
    main = html.split('<main id="inhalt"', 1)[1].split("</main>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_an_offer_reads_in_english(client: TestClient) -> None:
    page = client.get(f"/ui/wohnungen/{OFFER}?lang=en")
    assert page.status_code == 200
    text = content(page.text)
    assert "Flat in Ehrenfeld, 2.5 rooms" in text and "Gross cold rent €1,234.50" in text
    assert "Municipal housing company" in text and "Refugee quota yes" in text
    assert "Households looking for a flat" in text and "already proposed" in text
    assert "Housing eligibility certificate (WBS): fits – No housing eligibility" in text
    assert "Record the landlord's decision" in text and "– please choose –" in text
    assert "Caritas Köln 2 adults, 1 minors" in text
    # A household whose name the fake intake does not give keeps its short id, in English.
    assert f"Household {HOUSEHOLD.hex[:8]}" in text
    for word in GERMAN:
        assert word not in text, word


def test_the_rules_read_in_english(client: TestClient) -> None:
    text = content(client.get("/ui/wohnungen/regeln?lang=en").text)
    assert "Municipality's rules" in text and "Jobcentre rent limits" in text
    assert "Maximum gross cold rent (€)" in text and "1 person" in text and "6 persons" in text
    assert "Save rules" in text
    page = client.get("/ui/wohnungen/regeln?lang=en").text
    assert 'name="rent_1" value="1234.50"' in page
    for word in GERMAN:
        assert word not in text, word
