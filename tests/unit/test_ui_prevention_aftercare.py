"""The aftercare page (Nachbetreuung) by the real gateway app with prevention faked: open
offers first, the household linked, the answer recorded by the roles the service allows,
and a refused answer shown at its offer with what was typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.households.titles import neutral_title
from shared.rpc import ErrorKind, RpcError
from support.ui.prevention import as_role, gateway, page_of
from support.ui_app import TOKEN

OPEN, DONE = uuid4(), uuid4()
PAGE = "/ui/praevention/nachbetreuung"


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, Any]:
    return gateway(tmp_path, monkeypatch)


def offer(household: UUID, status: str, **more: Any) -> dict[str, Any]:
    return {
        "household_id": str(household),
        "provider": "skm",
        "adults": 2,
        "minors": 1,
        "moved_on": "2026-03-01",
        "status": status,
        "decided_on": None,
        "decline_reason": None,
        **more,
    }


def offers(fake: Any) -> None:
    declined = offer(DONE, "declined", decided_on="2026-03-05", decline_reason="not_needed")
    found = [offer(OPEN, "offered"), declined]
    fake.answers["list_aftercare"] = {"offers": found, "page": page_of(2)}


def test_offers_show_their_household_by_title_and_forms(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    offers(fake)
    page = client.get(PAGE, headers=as_role("caseworker"))
    assert page.status_code == 200
    text = page.text
    assert text.index(f"/ui/haushalte/{OPEN}") < text.index(f"/ui/haushalte/{DONE}")
    assert f"{neutral_title(OPEN)}</a>" in text and "SKM Köln" in text and ">skm<" not in text
    assert "1–2 von 2" in text
    assert "Abgelehnt (05.03.2026): nicht nötig" in text and "Angeboten, offen" in text
    assert f"{PAGE}/{OPEN}/annahme" in text and f"{PAGE}/{OPEN}/ablehnung" in text
    assert f"{PAGE}/{DONE}/annahme" not in text


def test_the_housing_office_sees_the_offers_but_records_nothing(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    offers(fake)
    text = client.get(PAGE, headers=as_role("housing_office")).text
    assert neutral_title(OPEN) in text and f"{PAGE}/{OPEN}/annahme" not in text
    assert f"/ui/haushalte/{OPEN}" not in text


def test_an_answer_is_sent_for_the_household_and_leads_back(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    declined = {"household_id": str(OPEN), "status": "declined", "version": 2}
    fake.answers["decline_aftercare"] = declined
    form = {"csrf_token": TOKEN, "reason": "not_reachable", "declined_on": "2026-03-04"}
    done = client.post(f"{PAGE}/{OPEN}/ablehnung", data=form, headers=as_role("coordinator"))
    assert done.status_code == 303
    assert done.headers["location"] == f"{PAGE}?hinweis=nachbetreuung_abgelehnt"
    offers(fake)
    shown = client.get(done.headers["location"], headers=as_role("coordinator")).text
    assert "Die Ablehnung der Nachbetreuung ist festgehalten." in shown
    body = next(b for n, b in fake.calls if n == "decline_aftercare")
    assert UUID(body["id"]) == OPEN
    assert body["body"] == {"reason": "not_reachable", "declined_on": "2026-03-04"}


def test_a_refused_answer_comes_back_open_at_its_offer(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    offers(fake)
    reason = "Das Datum liegt in der Zukunft."
    fake.refuse["accept_aftercare"] = RpcError(kind=ErrorKind.rule, code="x", message=reason)
    form = {"csrf_token": TOKEN, "accepted_on": "2026-03-09"}
    page = client.post(f"{PAGE}/{OPEN}/annahme", data=form, headers=as_role("caseworker"))
    assert page.status_code == 409 and reason in page.text
    assert f'id="annahme-{OPEN}" open' in page.text and 'value="2026-03-09"' in page.text
    missing = client.post(f"{PAGE}/{OPEN}/ablehnung", data={"csrf_token": TOKEN, "reason": ""})
    assert missing.status_code == 422 and f'id="fehler-ablehnung-{OPEN}-reason"' in missing.text


def test_the_list_asks_for_the_page_sort_and_filters_of_its_url(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    offers(fake)
    url = f"{PAGE}?page=2&sort=status&descending=false&status=offered&provider=drk"
    client.get(url, headers=as_role("coordinator"))
    body = next(b for n, b in fake.calls if n == "list_aftercare")
    assert (body["page"], body["sort"], body["descending"]) == (2, "status", False)
    assert (body["status"], body["provider"]) == ("offered", "drk")
    # An empty choice is no filter; a value that does not fit is left out, not an error.
    page = client.get(f"{PAGE}?status=&page=x&sort=household", headers=as_role("coordinator"))
    body = [b for n, b in fake.calls if n == "list_aftercare"][-1]
    assert page.status_code == 200
    assert (body["page"], body["sort"], body["status"]) == (1, "moved_on", None)
