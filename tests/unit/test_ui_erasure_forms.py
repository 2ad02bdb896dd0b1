"""The erasure forms (issue 8) by the real gateway app with the services faked: only the
coordination is offered them, nothing is sent without the confirmation, the service's
refusal comes back at the form, and erased names read "gelöscht"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from shared.rpc import ErrorKind, RpcError
from support.ui.households import CHILD, HEAD, HOUSEHOLD, PAGE, FakeIntake, member, view
from support.ui.prevention import CASE, VIEW, gateway
from support.ui.volunteer import VOLUNTEER, VOLUNTEER_VIEW
from support.ui_app import TOKEN, FakeRpc, as_role, ui_client

CONFIRMED = {"csrf_token": TOKEN, "confirmed.yes": "1"}
VOLUNTEER_PAGE = f"/ui/ehrenamt/ehrenamtliche/{VOLUNTEER}"
NOT_CONFIRMED = "Bitte bestätigen, dass keine Aufbewahrungspflicht entgegensteht."


@pytest.fixture
def household(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeIntake]:
    fake = FakeIntake()
    return ui_client(tmp_path, monkeypatch, fake), fake


@pytest.fixture
def volunteer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeRpc]:
    fake = FakeRpc({"get_volunteer": VOLUNTEER_VIEW}, default={"volunteer_id": str(VOLUNTEER)})
    return ui_client(tmp_path, monkeypatch, fake), fake


def member_form(member_id: object) -> str:
    return f'action="{PAGE}/mitglieder/{member_id}/loeschung"'


def test_each_person_has_an_erasure_form_for_the_coordination_only(
    household: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = household
    coordinator = client.get(PAGE, headers=as_role("coordinator")).text
    worker = client.get(PAGE, headers=as_role("caseworker")).text
    assert member_form(HEAD) in coordinator and member_form(CHILD) in coordinator
    assert "/mitglieder/" not in worker
    assert f'<label for="mitglied-{HEAD}-bestaetigt">Ich habe geprüft' in coordinator
    fake.household = view(members=[member(HEAD, "head", "27-64", "Amal"), {
        **member(CHILD, "child", "6-17", None), "given_name": "gelöscht"}])  # fmt: skip
    page = client.get(PAGE, headers=as_role("coordinator")).text
    assert "<td>gelöscht</td>" in page and member_form(CHILD) not in page
    assert member_form(HEAD) in page


def test_a_person_is_erased_only_once_confirmed(household: tuple[TestClient, FakeIntake]) -> None:
    client, fake = household
    path = f"{PAGE}/mitglieder/{CHILD}/loeschung"
    unticked = client.post(path, data={"csrf_token": TOKEN}, headers=as_role("coordinator"))
    assert unticked.status_code == 422 and NOT_CONFIRMED in unticked.text
    assert f'id="fehler-mitglied-{CHILD}"' in unticked.text
    assert not [c for c in fake.calls if c[0] == "erase_member"]
    done = client.post(path, data=CONFIRMED, headers=as_role("coordinator"))
    assert done.status_code == 303 and done.headers["location"].startswith(PAGE)
    body = {"household_id": str(HOUSEHOLD), "member_id": str(CHILD)}
    assert fake.calls[-1] == ("erase_member", body)


def test_intakes_refusal_comes_back_at_the_persons_row(
    household: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = household
    reason = "Die Daten dieser Person sind bereits gelöscht."
    fake.refuse["erase_member"] = RpcError(kind=ErrorKind.rule, code="erased", message=reason)
    path = f"{PAGE}/mitglieder/{HEAD}/loeschung"
    page = client.post(path, data=CONFIRMED, headers=as_role("coordinator"))
    assert page.status_code == 409 and reason in page.text
    form = page.text.split(f'id="mitglied-{HEAD}"', 1)[1].split("</form>", 1)[0]
    assert reason in form and "checked" in form


def test_the_person_form_speaks_english(household: tuple[TestClient, FakeIntake]) -> None:
    client, _ = household
    page = client.get(f"{PAGE}?lang=en", headers=as_role("coordinator")).text
    assert "Erase this person&#39;s data" in page or "Erase this person's data" in page
    assert "Daten dieser Person" not in page


def test_a_volunteer_is_erased_by_the_coordination(volunteer: tuple[TestClient, FakeRpc]) -> None:
    client, fake = volunteer
    assert "/loeschung" not in client.get(VOLUNTEER_PAGE, headers=as_role("caseworker")).text
    page = client.get(VOLUNTEER_PAGE, headers=as_role("coordinator")).text
    assert f'action="{VOLUNTEER_PAGE}/loeschung"' in page
    unticked = client.post(
        f"{VOLUNTEER_PAGE}/loeschung", data={"csrf_token": TOKEN}, headers=as_role("coordinator")
    )
    assert unticked.status_code == 422 and NOT_CONFIRMED in unticked.text
    done = client.post(
        f"{VOLUNTEER_PAGE}/loeschung", data=CONFIRMED, headers=as_role("coordinator")
    )
    assert done.status_code == 303
    sent = {"id": str(VOLUNTEER), "body": {"ground": "data_subject_request"}}
    assert fake.calls[-1] == ("erase_volunteer", sent)


def test_the_volunteers_tandems_refusal_shows_at_the_erasure_form(
    volunteer: tuple[TestClient, FakeRpc],
) -> None:
    client, fake = volunteer
    reason = "Maria Schulte begleitet noch 2 Tandems; bitte diese zuerst beenden."
    fake.refuse["erase_volunteer"] = RpcError(kind=ErrorKind.rule, code="x", message=reason)
    page = client.post(
        f"{VOLUNTEER_PAGE}/loeschung", data=CONFIRMED, headers=as_role("coordinator")
    )
    assert page.status_code == 409
    assert reason in page.text.split('id="loeschung"', 1)[1]
    assert reason not in page.text.split('id="loeschung"', 1)[0]
    fake.answers["get_volunteer"] = {
        **VOLUNTEER_VIEW, "given_name": "gelöscht", "family_name": None, "erased_on": "2026-03-01"
    }  # fmt: skip
    erased = client.get(VOLUNTEER_PAGE, headers=as_role("coordinator")).text
    assert "<h1>gelöscht</h1>" in erased and "/loeschung" not in erased


def test_a_case_is_erased_by_the_coordination(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, fake = gateway(tmp_path, monkeypatch)
    coordinator = as_role("coordinator", "skm")
    page = f"/ui/praevention/{CASE}"
    assert "/loeschung" not in client.get(page, headers=as_role("caseworker", "skm")).text
    assert f'action="{page}/loeschung"' in client.get(page, headers=coordinator).text
    unticked = client.post(f"{page}/loeschung", data={"csrf_token": TOKEN}, headers=coordinator)
    assert unticked.status_code == 422 and NOT_CONFIRMED in unticked.text
    done = client.post(f"{page}/loeschung", data=CONFIRMED, headers=coordinator)
    assert done.status_code == 303
    sent: dict[str, Any] = {"id": str(CASE), "body": {"ground": "data_subject_request"}}
    assert fake.calls[-1] == ("erase_case", sent)
    fake.answers["get_case"] = {**VIEW, "contact": None, "erased_on": "2026-03-01"}
    erased = client.get(page, headers=coordinator).text
    assert "gelöscht" in erased and "/loeschung" not in erased
