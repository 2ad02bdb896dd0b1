"""The rules page rendered by the real gateway app, with placement's answers faked (see
test_ui_offers_pages.py): German amounts, the form only for the coordination and sent as
a whole, errors at the row's field with the typing kept, a caseworker refused."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from support.ui.placement import app
from support.ui_app import TOKEN, as_role

__all__ = ["app"]  # the fixture, shared with the landlord and stalled pages' tests


def test_the_rules_read_as_german_amounts_and_only_the_coordination_gets_the_form(
    app: tuple[TestClient, Any],
) -> None:
    client, _ = app
    worker = client.get("/ui/wohnungen/regeln", headers=as_role("caseworker"))
    assert worker.status_code == 200 and "1.234,50 €" in worker.text and "640,00 €" in worker.text
    assert (
        'name="rent_1"' not in worker.text and "Die Regeln ändert die Koordination" in worker.text
    )
    form = client.get("/ui/wohnungen/regeln", headers=as_role("coordinator")).text
    assert 'name="rent_1" value="1.234,50"' in form and 'name="size_1" value="50"' in form
    assert 'name="rent_6" value=""' in form and 'name="proposal_stall_days"' not in form
    # The days after which a proposal or a guarantee is chased are the due list's.
    assert 'href="/ui/fristen"' in form and 'href="/ui/fristen"' in worker.text


def test_the_rules_form_is_sent_as_a_whole_with_german_amounts(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "extra_person_rent": "158,00",
        "rent_1": "1.234,50 €",
        "size_1": "50",
        "rent_3": "800",
    }
    done = client.post("/ui/wohnungen/regeln", data=form, headers=as_role("coordinator"))
    assert (
        done.status_code == 303 and done.headers["location"] == "/ui/wohnungen/regeln?gespeichert=1"
    )
    name, body = fake.calls[-1]
    assert name == "replace_rules" and body["extra_person_rent"] == "158.00"
    assert "proposal_stall_days" not in body
    assert [
        (r["persons"], r["max_gross_cold_rent"], r["max_size_m2"]) for r in body["rent_limits"]
    ] == [
        (1, "1234.50", "50"),
        (3, "800", None),
    ]


def test_a_wrong_rules_value_is_named_at_its_field_and_the_typing_kept(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "extra_person_m2": "-1",
        "size_2": "60",
        "rent_7": "viel",
    }
    page = client.post("/ui/wohnungen/regeln", data=form, headers=as_role("coordinator"))
    assert page.status_code == 422 and not [c for c in fake.calls if c[0] == "replace_rules"]
    assert 'id="fehler-extra_person_m2"' in page.text
    assert 'id="fehler-rent_2"' in page.text and "Bitte ausfüllen." in page.text
    assert (
        'id="fehler-rent_7"' in page.text
        and 'value="viel"' in page.text
        and 'name="rent_8"' in page.text
    )


def test_a_caseworker_cannot_post_the_rules(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "extra_person_rent": "158,00"}
    page = client.post("/ui/wohnungen/regeln", data=form, headers=as_role("caseworker"))
    assert page.status_code == 403 and "Nur die Koordination darf die Regeln" in page.text
    assert not fake.calls
