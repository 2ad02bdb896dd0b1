"""The viewing result's tandem on the offer's page (finding 9), placement, intake and
volunteer faked at the RPC: the tandem named as people know it is sent by its id; a name
that fits several comes back at the field with the tandems to choose (escaped), and
nothing reaches placement; an id typed or chosen passes as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from support.ui.placement import LANDLORD_VIEW, OFFER, OFFER_FACTS
from support.ui_app import TOKEN, FakeRpc, as_role, directory_of, ui_client

HOUSEHOLD, VIEWING, T1, T2, V1 = (uuid4() for _ in range(5))
OFFER_WITH_VIEWING = OFFER_FACTS | {
    "street_address": None,
    "note": None,
    "closed_on": None,
    "let_to": None,
    "version": 2,
    "guarantees": [],
    "proposals": [
        {
            "household_id": str(HOUSEHOLD),
            "provider": "caritas",
            "proposed_on": "2026-02-03",
            "decision": "accepted",
            "decided_on": "2026-02-04",
        }
    ],
    "viewings": [
        {
            "viewing_id": str(VIEWING),
            "household_id": str(HOUSEHOLD),
            "viewing_on": "2026-02-08",
            "held_on": None,
            "outcome": None,
            "accompanied_by_tandem": False,
        }
    ],
}
MATCHES = {
    "offer_id": str(OFFER),
    "matches": [],
    "page": {"page": 1, "per_page": 50, "total": 0},
    "fitting": 0,
}


def tandem(tandem_id: Any) -> dict[str, Any]:
    return {
        "tandem_id": str(tandem_id),
        "volunteer_id": str(V1),
        "household_id": str(HOUSEHOLD),
        "provider": "caritas",
        "formed_on": "2026-01-10",
        "ended_on": None,
        "end_reason": None,
        "support": [],
        "supported_placements": 0,
    }


def found(*ids: Any) -> dict[str, Any]:
    return {
        "tandems": [tandem(i) for i in ids],
        "page": {"page": 1, "per_page": 10, "total": len(ids)},
        "volunteer_names": {str(V1): "Maria <i>Schulte</i>"},
    }


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeRpc]:
    answers = {
        "get_offer": OFFER_WITH_VIEWING,
        "get_landlord": LANDLORD_VIEW,
        "offer_matches": MATCHES,
        "search_households": directory_of(),
        "search_tandems": found(T1),
        "record_viewing": {"offer_id": str(OFFER), "version": 3},
    }
    fake = FakeRpc(answers)
    return ui_client(tmp_path, monkeypatch, fake), fake


FORM = {
    "csrf_token": TOKEN,
    "viewing_id": str(VIEWING),
    "held_on": "2026-02-08",
    "outcome": "household_interested",
    "accompanied_by_tandem": "on",
}
STEP = f"/ui/wohnungen/{OFFER}/besichtigung-ergebnis"


def test_the_field_asks_for_a_name(app: tuple[TestClient, FakeRpc]) -> None:
    client, _ = app
    page = client.get(f"/ui/wohnungen/{OFFER}", headers=as_role("caseworker")).text
    assert 'id="besichtigung-ergebnis-tandem_id" name="tandem_id" type="text"' in page
    assert "Begleitendes Tandem (optional)" in page and "Kennung des Tandems" not in page


def test_a_tandem_named_is_sent_by_its_id(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    done = client.post(STEP, data={**FORM, "tandem_id": "Schulte"}, headers=as_role("caseworker"))
    assert done.status_code == 303, done.text
    sent = [body for name, body in fake.calls if name == "record_viewing"]
    assert sent[0]["body"]["tandem_id"] == str(T1) and sent[0]["id"] == str(OFFER)
    assert sent[0]["body"]["accompanied_by_tandem"] is True


def test_several_tandems_come_back_to_choose_and_nothing_is_recorded(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, fake = app
    fake.answers["search_tandems"] = found(T1, T2)
    refused = client.post(STEP, data={**FORM, "tandem_id": "Ma"}, headers=as_role("caseworker"))
    assert refused.status_code == 422
    text = refused.text
    assert '<span class="feldfehler" id="fehler-besichtigung-ergebnis-tandem_id">' in text
    assert "Mehrere Tandems passen zu „Ma“." in text
    for tandem_id in (T1, T2):
        assert f'name="tandem_id_wahl" value="{tandem_id}"' in text
    assert "Maria &lt;i&gt;Schulte&lt;/i&gt; mit Haushalt" in text  # escaped, never markup
    assert 'value="2026-02-08"' in text and 'value="Ma"' in text  # the step's values kept
    assert "record_viewing" not in [name for name, _ in fake.calls]
    chosen = {**FORM, "tandem_id": "Ma", "tandem_id_wahl": str(T2)}
    done = client.post(STEP, data=chosen, headers=as_role("caseworker"))
    assert done.status_code == 303
    sent = [body for name, body in fake.calls if name == "record_viewing"]
    assert sent[0]["body"]["tandem_id"] == str(T2)


def test_no_tandem_named_sends_none(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    done = client.post(STEP, data=FORM, headers=as_role("caseworker"))
    assert done.status_code == 303
    calls = fake.calls
    assert "search_tandems" not in [name for name, _ in calls]
    sent = [body for name, body in calls if name == "record_viewing"]
    assert sent[0]["body"].get("tandem_id") is None
