"""The inquiry inbox in English (`?lang=en`), rendered by the real gateway app with intake's
answers faked: English headings, labels, code words and service messages, and no German
label left over."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from support.ui_app import TOKEN, FakeRpc, ui_client, visible

INQUIRY, HOUSEHOLD = uuid4(), uuid4()
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "kora"}
SUMMARY: dict[str, Any] = {
    "inquiry_id": str(INQUIRY),
    "sender_kind": "landlord",
    "channel": "letter",
    "received_at": "2026-03-02T09:15:00+01:00",
    "first_triaged_at": "2026-03-03T10:00:00+01:00",
    "last_outcome": "forwarded",
}
VIEW: dict[str, Any] = {
    **SUMMARY,
    "municipality": "koeln",
    "sender_name": None,
    "contact": None,
    "text": "Wohnung frei",
    "triage": [
        {
            "outcome": "forwarded",
            "triaged_at": "2026-03-03T10:00:00+01:00",
            "forwarded_to_kind": "provider",
            "forwarded_to": "caritas",
            "household_id": None,
            "note": None,
        }
    ],
    "version": 2,
}
GERMAN = re.compile(
    r"Anfrage|Posteingang|Eingang|Wer fragt|Vermieter|Brief|weitergeleitet|Träger|Weg|"
    r"bitte wählen|Haushalt|Anliegen|Notiz|Absender|Telefon|Ergebnis|Stand|beantwortet|Zurück"
)


def the_inquiry(body: Any) -> dict[str, Any]:
    assert UUID(str(body.inquiry_id)) == INQUIRY
    return VIEW


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    other = {**SUMMARY, "inquiry_id": str(uuid4()), "last_outcome": None}
    listed = {
        "items": [SUMMARY, {**other, "first_triaged_at": None}],
        "page": {"page": 1, "per_page": 50, "total": 2},
    }
    fake = FakeRpc({"list_inquiries": listed, "get_inquiry": the_inquiry})
    return ui_client(tmp_path, monkeypatch, fake)


def test_the_inbox_speaks_english(client: TestClient) -> None:
    page = client.get("/ui/anfragen?lang=en", headers=COORDINATOR)
    assert page.status_code == 200
    text = visible(page.text)
    assert "<h1>Inbox</h1>" in page.text and "2 inquiries" in text
    assert "<td>Landlord</td><td>Letter</td>" in page.text and "<td>forwarded</td>" in page.text
    assert "<td>open</td>" in page.text and "none yet" in text and "3 Mar 2026, 10:00" in text
    assert "Record inquiry" in text and "Who is asking" in text and "– please choose –" in text
    assert not GERMAN.search(text), GERMAN.findall(text)


def test_an_inquiry_and_its_refused_triage_speak_english(client: TestClient) -> None:
    page = client.get(f"/ui/anfragen/{INQUIRY}?lang=en", headers=COORDINATOR)
    assert page.status_code == 200
    text = visible(page.text)
    assert "Inquiry of 2 Mar 2026, 09:15" in text and "forwarded – to Provider caritas" in text
    assert "Triage inquiry" in text and "opened as a household case" in text
    form = {"csrf_token": TOKEN, "outcome": "forwarded"}
    refused = client.post(f"/ui/anfragen/{INQUIRY}/bearbeitung", data=form, headers=COORDINATOR)
    assert refused.status_code == 422
    assert "Please state where it was forwarded to." in refused.text
    assert "Please check the marked fields. Nothing has been saved." in refused.text
    # Without the text "Wohnung frei" the household asked with (it stays as written).
    assert not GERMAN.search(visible(refused.text).replace("Wohnung frei", ""))
