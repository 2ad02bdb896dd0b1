"""The landlords and stalled-cases pages rendered by the real gateway app, with
placement's answers faked (the fake and the app fixture serve test_ui_offers_rules.py
too): what each role sees, German amounts, and a caseworker refused at the
coordination's form."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from shared.rpc import ErrorKind, RpcError
from support.ui.placement import LANDLORD, OFFER, app
from support.ui_app import TOKEN, as_role, visible

__all__ = ["app"]  # the fixture, from the builders


def test_the_landlord_list_links_each_landlord(app: tuple[TestClient, Any]) -> None:
    client, _ = app
    page = client.get("/ui/wohnungen/vermieter", headers=as_role("caseworker"))
    assert page.status_code == 200
    assert f"/ui/wohnungen/vermieter/{LANDLORD}" in page.text and "GAG" in page.text
    assert "Hausverwaltung Rhein" in page.text and "/ui/wohnungen/vermieter/neu" not in page.text


def test_a_landlord_page_shows_only_their_offers_and_the_form_for_the_coordination(
    app: tuple[TestClient, Any],
) -> None:
    client, _ = app
    coordinator = client.get(f"/ui/wohnungen/vermieter/{LANDLORD}", headers=as_role("coordinator"))
    assert coordinator.status_code == 200
    assert "Ehrenfeld" in coordinator.text and "Kalk" not in coordinator.text
    assert "1.234,50 €" in coordinator.text and "Frau Kontakt" in coordinator.text
    assert f"{LANDLORD}/kooperation" in coordinator.text
    worker = client.get(f"/ui/wohnungen/vermieter/{LANDLORD}", headers=as_role("caseworker"))
    assert f"{LANDLORD}/kooperation" not in worker.text
    assert "hält die Koordination fest" in worker.text


def test_the_cooperation_is_sent_for_the_landlord_and_a_refusal_shown(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    path = f"/ui/wohnungen/vermieter/{LANDLORD}/kooperation"
    form = {"csrf_token": TOKEN, "agreed_on": "2026-02-01"}
    done = client.post(path, data=form, headers=as_role("coordinator"))
    assert (
        done.status_code == 303
        and done.headers["location"]
        == f"/ui/wohnungen/vermieter/{LANDLORD}?hinweis=kooperation#kooperation"
    )
    assert fake.calls[-1] == (
        "conclude_cooperation",
        {"id": str(LANDLORD), "body": {"agreed_on": "2026-02-01"}},
    )
    reason = "Mit diesem Vermieter besteht bereits eine Kooperationsvereinbarung."
    fake.refuse["conclude_cooperation"] = RpcError(kind=ErrorKind.rule, code="x", message=reason)
    refused = client.post(path, data=form, headers=as_role("coordinator"))
    assert refused.status_code == 409 and reason in refused.text
    wrong = client.post(
        path, data={"csrf_token": TOKEN, "agreed_on": "bald"}, headers=as_role("coordinator")
    )
    assert (
        wrong.status_code == 422
        and 'id="fehler-agreed_on"' in wrong.text
        and 'value="bald"' in wrong.text
    )
    assert client.post(path, data=form, headers=as_role("caseworker")).status_code == 403


def test_stalled_cases_are_the_due_lists_two_placement_rules_on_the_day_asked(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    page = client.get(
        "/ui/wohnungen/festgefahren?stichtag=2026-03-10", headers=as_role("caseworker")
    )
    assert page.status_code == 200, page.text
    asked = [body for name, body in fake.calls if name == "follow_ups"]
    assert [(q["kind"], q["as_of"]) for q in asked] == [
        ("proposal_unanswered", "2026-03-10"),
        ("guarantee_undecided", "2026-03-10"),
    ]
    assert "stalled_cases" not in {name for name, _ in fake.calls}
    text = visible(page.text)
    # The days are the due list's (the coordination's 10), not a threshold of placement's.
    assert "auf die der Vermieter 10 Tage nach dem Vorschlag" in text
    assert "Antwort des Vermieters auf den Vorschlag einholen" in text
    assert "seit 6 Tagen überfällig" in text
    assert f'href="/ui/wohnungen/{OFFER}#vermieter-entscheidung"' in page.text
    assert "Keine Übernahme wartet über ihre Frist hinaus auf eine Entscheidung." in text
    assert 'href="/ui/fristen"' in page.text


def test_stalled_cases_page_through_each_list_by_its_own_parameters(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    page = client.get(
        "/ui/wohnungen/festgefahren?u_page=2&v_sort=kind", headers=as_role("coordinator")
    )
    assert page.status_code == 200, page.text
    asked = [body for name, body in fake.calls if name == "follow_ups"]
    assert [(q["page"], q["sort"]) for q in asked[:2]] == [(1, "kind"), (2, "due_on")]


def test_a_wrong_day_on_the_stalled_cases_page_is_refused_in_german(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    page = client.get("/ui/wohnungen/festgefahren?stichtag=bald", headers=as_role("caseworker"))
    assert page.status_code == 422
    assert not fake.calls
