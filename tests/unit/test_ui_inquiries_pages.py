"""The inquiry inbox rendered by the real gateway app, with intake's answers faked: open
inquiries first with their first-answer flag, a recorded inquiry sent as typed, triage
errors beside their field with the typed values kept, and a case linking its household."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from shared.rpc import ErrorKind, RpcError
from support.ui_app import TOKEN, FakeRpc, directory_of, ui_client

OPEN, DONE, HOUSEHOLD = uuid4(), uuid4(), uuid4()
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "kora"}


def summary(inquiry_id: UUID, outcome: str | None) -> dict[str, Any]:
    return {
        "inquiry_id": str(inquiry_id),
        "sender_kind": "landlord",
        "channel": "phone",
        "received_at": "2026-03-02T09:15:00+01:00",
        "first_triaged_at": "2026-03-03T10:00:00+01:00" if outcome else None,
        "last_outcome": outcome,
    }


def view(inquiry_id: UUID, triage: list[dict[str, Any]]) -> dict[str, Any]:
    last = triage[-1]["outcome"] if triage else None
    return {
        **summary(inquiry_id, last),
        "municipality": "koeln",
        "sender_name": "Hausverwaltung Becker",
        "contact": {"phone": "0221 123456", "email": None},
        "text": "Wohnung frei ab April",
        "triage": triage,
        "version": 1 + len(triage),
    }


CASE_TRIAGE = {
    "outcome": "opened_as_case",
    "triaged_at": "2026-03-03T10:00:00+01:00",
    "forwarded_to_kind": None,
    "forwarded_to": None,
    "household_id": str(HOUSEHOLD),
    "note": None,
}


def the_inquiry(body: Any) -> dict[str, Any]:
    inquiry_id = UUID(str(body.inquiry_id))
    return view(inquiry_id, [CASE_TRIAGE] if inquiry_id == DONE else [])


class FakeIntake(FakeRpc):
    """Answers like intake's inquiry RPCs; `refuse` makes the named one fail."""

    def __init__(self) -> None:
        # The service sorts and pages (open first); the page shows its order.
        listed = {
            "items": [summary(OPEN, None), summary(DONE, "answered")],
            "page": {"page": 1, "per_page": 50, "total": 2},
        }
        answers = {
            "list_inquiries": listed,
            "get_inquiry": the_inquiry,
            "search_households": directory_of(HOUSEHOLD),
        }
        super().__init__(answers, default={"inquiry_id": str(OPEN)})


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeIntake]:
    fake = FakeIntake()
    return ui_client(tmp_path, monkeypatch, fake), fake


def test_the_inbox_shows_open_inquiries_first_with_their_first_answer(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    page = client.get("/ui/anfragen", headers=COORDINATOR)
    assert page.status_code == 200
    assert page.text.index(f"/ui/anfragen/{OPEN}") < page.text.index(f"/ui/anfragen/{DONE}")
    assert "<td>offen</td>" in page.text and "<strong>noch keine</strong>" in page.text
    assert "<td>beantwortet</td>" in page.text and "03.03.2026, 10:00 Uhr" in page.text
    name, sent = fake.calls[0]
    assert name == "list_inquiries"
    assert (sent["open_only"], sent["sort"], sent["page"]) == (False, "status", 1)


def test_a_recorded_inquiry_is_sent_as_typed_and_opens(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "sender_kind": "resident",
        "channel": "letter",
        "received_at": "2026-03-02T09:15",
        "contact.email": "a@example.org",
        "text": "Wir suchen eine Wohnung.",
    }
    done = client.post("/ui/anfragen", data=form, headers=COORDINATOR)
    assert done.status_code == 303 and done.headers["location"] == f"/ui/anfragen/{OPEN}"
    name, body = fake.calls[-1]
    assert name == "receive_inquiry" and body["received_at"] == "2026-03-02T09:15:00+01:00"
    assert body["contact"] == {"phone": None, "email": "a@example.org"}
    assert body["sender_name"] is None and body["text"] == "Wir suchen eine Wohnung."


def test_a_missing_text_is_shown_at_the_field_with_the_values_kept(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "sender_kind": "landlord",
        "channel": "phone",
        "sender_name": "Becker",
    }
    page = client.post("/ui/anfragen", data=form, headers=COORDINATOR)
    assert page.status_code == 422
    assert 'id="fehler-text">Bitte ausfüllen.' in page.text
    assert 'value="Becker"' in page.text and '<option value="landlord" selected>' in page.text
    assert not [n for n, _ in fake.calls if n == "receive_inquiry"]


def test_a_forward_without_target_is_refused_beside_the_target(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "outcome": "forwarded", "note": "an Caritas"}
    page = client.post(f"/ui/anfragen/{OPEN}/bearbeitung", data=form, headers=COORDINATOR)
    assert page.status_code == 422
    assert 'id="fehler-forwarded_to">Bitte angeben, wohin weitergeleitet wurde.' in page.text
    assert 'value="forwarded" checked' in page.text and "an Caritas</textarea>" in page.text
    assert "triage_inquiry" not in [name for name, _ in fake.calls]


def test_an_unknown_household_is_refused_at_its_field(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    reason = "Der angegebene Haushalt ist nicht aufgenommen."
    fake.refuse["triage_inquiry"] = RpcError(
        kind=ErrorKind.rule, code="unknown_household", message=reason
    )
    form = {"csrf_token": TOKEN, "outcome": "opened_as_case", "household_id": str(HOUSEHOLD)}
    page = client.post(f"/ui/anfragen/{OPEN}/bearbeitung", data=form, headers=COORDINATOR)
    assert page.status_code == 409
    assert f'id="fehler-household_id">{reason}' in page.text and str(HOUSEHOLD) in page.text
    sent = [body for name, body in fake.calls if name == "triage_inquiry"]
    assert len(sent) == 1 and sent[0]["id"] == str(OPEN)


def test_an_inquiry_opened_as_a_case_links_its_household_and_has_no_form(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, _ = app
    page = client.get(f"/ui/anfragen/{DONE}", headers=COORDINATOR)
    assert page.status_code == 200
    assert f'href="/ui/haushalte/{HOUSEHOLD}"' in page.text
    assert "Hausverwaltung Becker" in page.text and "als Haushaltsfall eröffnet" in page.text
    assert "/bearbeitung" not in page.text


def test_a_caseworker_does_not_reach_the_inbox(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    page = client.get(
        "/ui/anfragen", headers={"x-auszug-role": "caseworker", "x-auszug-provider": "drk"}
    )
    assert page.status_code == 403 and not fake.calls
