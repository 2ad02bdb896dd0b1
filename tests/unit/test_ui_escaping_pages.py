"""The pages of finding 3.10 with the services faked: member names on the household page
(the composition form's "Wer zieht weg?" and "Künftiger Haushaltsvorstand", in German and
English), landlord names in the offer form's select, and a service's refusal that repeats
what was typed, all escaped. The running system is checked field by field in
tests/integration/test_ui_markup.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from shared.contracts.intake import labels as intake_labels
from shared.rpc import ErrorKind, RpcError
from support.ui.households import CHILD, HEAD, PAGE, FakeIntake, member, view
from support.ui.placement import LANDLORD_VIEW, FakePlacement
from support.ui_app import TOKEN, as_role, ui_client

META = '<meta http-equiv="refresh" content="0;url=/zq-{n}">'
SCRIPT = "<script>zq{n}()</script>"
BREAKER = '"><img src=x onerror=zq{n}()>'


def payload(n: int) -> str:
    return SCRIPT.format(n=n) + BREAKER.format(n=n) + META.format(n=n)


def assert_escaped(html: str, *numbers: int) -> None:
    """No payload as markup, each one shown as text."""
    raw = re.findall(r"<script>zq\d+|<img src=x onerror=zq\d+|<meta http-equiv=\"refresh\"", html)
    assert raw == []
    for n in numbers:
        assert f"&lt;script&gt;zq{n}()&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=zq{n}" in html


@pytest.fixture
def intake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeIntake]:
    fake = FakeIntake()
    head = member(HEAD, "head", "27-64", None) | {"given_name": payload(1)}
    child = member(CHILD, "child", "6-17", None) | {"family_name": payload(2)}
    fake.household = view(members=[head, child], note=payload(3))
    return ui_client(tmp_path, monkeypatch, fake), fake


@pytest.mark.parametrize("role", ["coordinator", "caseworker"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_member_names_in_the_composition_form_are_text(
    intake: tuple[TestClient, FakeIntake], role: str, lang: str
) -> None:
    client, _ = intake
    page = client.get(f"{PAGE}?lang={lang}", headers=as_role(role))
    assert page.status_code == 200
    assert_escaped(page.text, 1, 2)
    form = page.text[page.text.index('id="zusammensetzung"') :]
    # Both options of the head and the child: the ticks of who leaves, the new head.
    assert form.count("&lt;script&gt;zq1()") >= 2 and form.count("&lt;script&gt;zq2()") >= 2


def test_a_refusal_repeating_the_typed_text_shows_it_as_text(
    intake: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = intake
    fake.refuse["assess_housing_readiness"] = RpcError(
        kind=ErrorKind.rule, code="refused", message=f"Abgelehnt: {payload(4)}"
    )
    criteria = {f"criteria.{code}": "met" for code in intake_labels.READINESS_CRITERION}
    form = {**criteria, "result": "ready", "assessed_on": "2026-03-01", "note": payload(5)}
    answer = client.post(
        f"{PAGE}/wohnfaehigkeit", data={**form, "csrf_token": TOKEN}, headers=as_role("caseworker")
    )
    assert 400 <= answer.status_code < 500
    assert_escaped(answer.text, 1, 4, 5)


@pytest.fixture
def placement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    fake = FakePlacement()
    landlord: dict[str, Any] = {
        **LANDLORD_VIEW,
        "name": payload(6),
        "contact_person": {"name": payload(7), "phone": None, "email": None},
    }
    fake.answers["list_landlords"] = {"landlords": [landlord]}
    fake.answers["get_landlord"] = landlord
    client: TestClient = ui_client(tmp_path, monkeypatch, fake)
    return client


@pytest.mark.parametrize("lang", ["de", "en"])
def test_landlord_names_in_the_offer_form_are_text(placement: TestClient, lang: str) -> None:
    page = placement.get(f"/ui/wohnungen/neu?lang={lang}", headers=as_role("coordinator"))
    assert page.status_code == 200
    assert_escaped(page.text, 6)
    select = page.text[page.text.index('name="landlord_id"') :]
    assert "&lt;script&gt;zq6()" in select[: select.index("</select>")]


def test_the_landlord_pages_show_name_and_contact_as_text(placement: TestClient) -> None:
    listing = placement.get("/ui/wohnungen/vermieter", headers=as_role("coordinator"))
    one = placement.get(
        f"/ui/wohnungen/vermieter/{LANDLORD_VIEW['landlord_id']}", headers=as_role("coordinator")
    )
    assert (listing.status_code, one.status_code) == (200, 200)
    assert_escaped(listing.text, 6)
    assert_escaped(one.text, 6, 7)
