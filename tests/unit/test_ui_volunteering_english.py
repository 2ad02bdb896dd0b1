"""The volunteer programme's pages in English (`?lang=en`), rendered by the real gateway app
with the volunteer service's answers faked: English headings, labels and code words, and
no German label left over."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.households.titles import neutral_title
from support.ui_app import FakeRpc, ui_client, visible

OFFICE_HOUR, TANDEM, VOLUNTEER, HOUSEHOLD = uuid4(), uuid4(), uuid4(), uuid4()
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "ute"}
MARIA = {"x-auszug-role": "volunteer", "x-auszug-user": "maria.s"}
TANDEM_VIEW: dict[str, Any] = {
    "tandem_id": str(TANDEM),
    "volunteer_id": str(VOLUNTEER),
    "household_id": str(HOUSEHOLD),
    "provider": "caritas",
    "formed_on": "2025-02-01",
    "ended_on": None,
    "end_reason": None,
    "support": [{"support_id": str(uuid4()), "kind": "office", "supported_on": "2025-06-01"}],
    "supported_placements": 0,
}
ANSWERS: dict[str, Any] = {
    "list_volunteers": {"volunteers": [], "page": {"page": 1, "per_page": 50, "total": 0}},
    "list_tandems": {"tandems": [TANDEM_VIEW], "page": {"page": 1, "per_page": 50, "total": 1}},
    "list_consultations": {
        "consultations": [],
        "page": {"page": 1, "per_page": 50, "total": 0},
    },
    "appointments": {"appointments": []},
    "get_tandem": TANDEM_VIEW,
    "get_tandem_household": {
        "household_id": str(HOUSEHOLD),
        "provider": "caritas",
        "adults": 2,
        "minors": 3,
        "persons": 5,
        "accommodation_kind": "shelter",
        "tandem_id": str(TANDEM),
        "tandem_since": "2025-02-01",
    },
    "get_office_hour": {
        "office_hour_id": str(OFFICE_HOUR),
        "provider": "caritas",
        "held_on": "2025-03-05",
        "duration_minutes": 120,
        "consultations": [
            {
                "consultation_id": str(uuid4()),
                "channel": "phone",
                "visitor": "refugee_alone",
                "topic": "tenancy",
                "duration_minutes": 20,
                "tandem_id": None,
                "household_id": None,
            }
        ],
        "by_channel": {"phone": 1},
    },
}
# German words of these pages that must not be left in the English text.
GERMAN = re.compile(
    r"Ehrenamtliche|Träger|Beratung|Sprechstunde|bitte wählen|Thema|Minuten|Wer kam|"
    r"Telefon|Persönlich|Zurück|erfassen|Haushalt|Unterstützung|Seit|Tandem seit|Personen"
)


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    return ui_client(tmp_path, monkeypatch, FakeRpc(ANSWERS))


def test_the_overview_speaks_english(client: TestClient) -> None:
    page = client.get("/ui/ehrenamt?lang=en", headers=CARITAS)
    assert page.status_code == 200
    text = visible(page.text)
    assert (
        "<h1>Volunteering</h1>" in page.text and '<h2 id="tandems">Active tandems</h2>' in page.text
    )
    assert "1 active tandem" in text and "0 volunteers" in text and "No volunteers." in text
    assert "Record a consultation outside an office hour" in text
    assert "Individual appointment by arrangement" in text and "– please choose –" in text
    assert '<option value="tenancy" >Tenancy agreement, rights and duties</option>' in page.text
    assert "Volunteer stops" in text and "End tandem" in text
    # A household's title is the directory's (households/titles.py), not this page's text.
    text = text.replace(neutral_title(UUID(TANDEM_VIEW["household_id"])), "")
    assert not GERMAN.search(text), GERMAN.findall(text)


def test_an_office_hour_speaks_english(client: TestClient) -> None:
    page = client.get(f"/ui/ehrenamt/sprechstunden/{OFFICE_HOUR}?lang=en", headers=CARITAS)
    assert page.status_code == 200
    text = visible(page.text)
    assert "<h1>Open office hour on 5 Mar 2025</h1>" in page.text
    assert "<dt>of which Phone</dt><dd>1</dd>" in page.text and "120 minutes" in text
    assert "<td>Refugees alone</td>" in page.text and "Consultation 6" in text
    assert not GERMAN.search(text), GERMAN.findall(text)


def test_a_volunteers_own_tandems_speak_english(client: TestClient) -> None:
    page = client.get(f"/ui/tandems/{TANDEM}?lang=en", headers=MARIA)
    assert page.status_code == 200
    text = visible(page.text)
    assert "Tandem since 1 Feb 2025" in text and "5 (adults: 2, minors: 3)" in text
    assert "Visit to an authority" in text and "What did you help with?" in text
    assert not GERMAN.search(text), GERMAN.findall(text)
