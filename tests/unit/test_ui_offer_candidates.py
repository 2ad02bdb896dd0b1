"""The offer page at scale, with placement faked at the RPC: the open offer's steps come
before the candidates, the candidates are the page placement answered (the URL's page,
sort and "nur passende" sent as the query), each row proposes its household with one
button, and a refused date is said at its field."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from shared.rpc import ErrorKind, RpcError
from support.ui.placement import LANDLORD, LANDLORD_VIEW, OFFER, OFFER_FACTS, FakePlacement
from support.ui_app import TOKEN, FakeRpc, as_role, ui_client, visible

HOUSEHOLD, VIEWING = uuid4(), uuid4()
OTHERS = [uuid4() for _ in range(3)]
# The offer as placement shows it: one proposal still undecided, one viewing still open.
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
            "decision": None,
            "decided_on": None,
        }
    ],
    "viewings": [
        {
            "viewing_id": str(VIEWING),
            "household_id": str(HOUSEHOLD),
            "viewing_on": "2026-12-08",
            "held_on": None,
            "outcome": None,
            "accompanied_by_tandem": False,
        }
    ],
}


def match(household: UUID, **changes: Any) -> dict[str, Any]:
    return {
        "household_id": str(household),
        "provider": "caritas",
        "adults": 2,
        "minors": 1,
        "registered_on": "2025-01-09",
        "fits": True,
        "misfits": 0,
        "unknowns": 0,
        "already_proposed": False,
        "checks": [{"criterion": "wbs", "verdict": "fits", "reason": "Kein WBS nötig."}],
    } | changes


def matches(query: Any) -> dict[str, Any]:
    rows = [match(h) for h in OTHERS]
    rows.append(
        match(
            HOUSEHOLD,
            fits=False,
            misfits=1,
            checks=[{"criterion": "rooms", "verdict": "does_not_fit", "reason": "Zu klein."}],
        )
    )
    return {
        "offer_id": str(OFFER),
        "matches": rows,
        "page": {"page": query.page, "per_page": query.per_page, "total": 160},
        "fitting": 3,
    }


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeRpc]:
    answers = {
        "get_offer": OFFER_WITH_VIEWING,
        "get_landlord": LANDLORD_VIEW,
        "offer_matches": matches,
    }
    fake = FakeRpc(answers | {"propose_households": {"offer_id": str(OFFER), "version": 3}})
    return ui_client(tmp_path, monkeypatch, fake), fake


def test_the_steps_come_before_the_candidates(app: tuple[TestClient, FakeRpc]) -> None:
    client, _ = app
    page = client.get(f"/ui/wohnungen/{OFFER}", headers=as_role("coordinator")).text
    steps, candidates = page.index('id="schritte"'), page.index('id="kandidaten"')
    assert steps < page.index('action="/ui/wohnungen/' + str(OFFER) + '/vermieter-entscheidung"')
    assert page.index("/vermieter-entscheidung") < candidates
    assert "Zu den suchenden Haushalten (3 passend)" in visible(page)
    assert "Reihenfolge: zuerst die Haushalte, bei denen alle Kriterien passen" in page


def test_each_row_proposes_its_household_with_one_button(app: tuple[TestClient, FakeRpc]) -> None:
    client, _ = app
    page = client.get(f"/ui/wohnungen/{OFFER}", headers=as_role("caseworker")).text
    for household in OTHERS:
        assert f'name="household_ids" value="{household}"' in page
    # Enter in the date field proposes nobody: the first submit button is disabled.
    form = page.split(f'action="/ui/wohnungen/{OFFER}/vorschlag"', 1)[1]
    assert form.index("disabled hidden") < form.index('name="household_ids"')
    text = visible(page)
    assert "Caritas Köln" in text and "caritas" not in text.replace("Caritas", "")
    assert "passt nicht (1 Kriterium)" in text and "alle Kriterien passen" in text
    assert "1–50 von 160" in text and "Seite 1 von 4" in text


def test_the_url_asks_placement_for_its_page_and_order(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    url = f"/ui/wohnungen/{OFFER}?page=3&sort=waiting&descending=true&fits_only=false"
    assert client.get(url, headers=as_role("caseworker")).status_code == 200
    sent = [body for name, body in fake.calls if name == "offer_matches"][-1]
    assert (sent["page"], sent["sort"], sent["descending"], sent["fits_only"]) == (
        3, "waiting", True, False,
    )  # fmt: skip
    # A hand-edited URL falls back to the defaults instead of an error page.
    bad = f"/ui/wohnungen/{OFFER}?page=x&sort=name&per_page=9999"
    assert client.get(bad, headers=as_role("caseworker")).status_code == 200
    sent = [body for name, body in fake.calls if name == "offer_matches"][-1]
    assert (sent["page"], sent["sort"], sent["per_page"], sent["fits_only"]) == (
        1, "rank", 50, True,
    )  # fmt: skip


def test_a_proposal_from_a_row_confirms_and_goes_to_the_proposals(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "proposed_on": "2026-02-03", "household_ids": str(OTHERS[0])}
    done = client.post(f"/ui/wohnungen/{OFFER}/vorschlag", data=form, headers=as_role("caseworker"))
    assert done.status_code == 303
    assert done.headers["location"] == f"/ui/wohnungen/{OFFER}?hinweis=vorgeschlagen#vorschlaege"
    assert fake.calls[-1][1]["body"]["household_ids"] == [str(OTHERS[0])]


def test_a_proposal_from_the_household_page_goes_back_there(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, _ = app
    form = {"csrf_token": TOKEN, "household_ids": str(HOUSEHOLD), "zurueck": "haushalt"}
    done = client.post(f"/ui/wohnungen/{OFFER}/vorschlag", data=form, headers=as_role("caseworker"))
    assert done.status_code == 303
    assert done.headers["location"] == (
        f"/ui/haushalte/{HOUSEHOLD}?hinweis=vorgeschlagen#wohnungsangebote"
    )
    # Any other value is no way elsewhere: back to the offer.
    form["zurueck"] = "https://example.org"
    other = client.post(
        f"/ui/wohnungen/{OFFER}/vorschlag", data=form, headers=as_role("caseworker")
    )
    assert other.headers["location"].startswith(f"/ui/wohnungen/{OFFER}?")


def test_a_viewing_before_its_appointment_is_said_at_the_day(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, fake = app
    reason = "Die Besichtigung liegt vor dem vereinbarten Termin (08.12.2026)."
    fake.refuse["record_viewing"] = RpcError(
        kind=ErrorKind.conflict, code="held_before_scheduled", message=reason
    )
    form = {
        "csrf_token": TOKEN,
        "viewing_id": str(VIEWING),
        "held_on": "2026-11-01",
        "outcome": "household_interested",
    }
    refused = client.post(
        f"/ui/wohnungen/{OFFER}/besichtigung-ergebnis", data=form, headers=as_role("caseworker")
    )
    assert refused.status_code == 409
    assert f'<span class="feldfehler" id="fehler-besichtigung-ergebnis-held_on">{reason}' in (
        refused.text
    )
    assert 'value="2026-11-01"' in refused.text
    # The candidates' pager still leads to the offer's page, not to the step's POST route.
    assert f'href="/ui/wohnungen/{OFFER}?page=2&amp;' in refused.text
    assert "besichtigung-ergebnis?page" not in refused.text


def test_the_offers_for_a_household_propose_it_and_name_the_district(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakePlacement()
    fitting = {"offer": OFFER_FACTS, "fits": True, "already_proposed": False, "checks": []}
    fake.answers["household_offers"] = {"household_id": str(HOUSEHOLD), "offers": [fitting]}
    client = ui_client(tmp_path, monkeypatch, fake)
    page = client.get(f"/ui/wohnungen?haushalt={HOUSEHOLD}", headers=as_role("caseworker"))
    assert page.status_code == 200, page.text
    assert "Ehrenfeld" in visible(page.text)
    assert f'action="/ui/wohnungen/{OFFER}/vorschlag"' in page.text
    assert 'name="zurueck" value="haushalt"' in page.text


def test_the_offers_list_sends_its_filters_and_order_and_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakePlacement()
    client = ui_client(tmp_path, monkeypatch, fake)
    url = f"/ui/wohnungen?stand=alle&district=kalk&landlord_id={LANDLORD}&sort=rent&descending=true"
    page = client.get(url, headers=as_role("coordinator"))
    assert page.status_code == 200, page.text
    sent = [body for name, body in fake.calls if name == "list_offers"][-1]
    assert (sent["status"], sent["district"], sent["landlord_id"], sent["sort"]) == (
        None, "kalk", str(LANDLORD), "rent",
    )  # fmt: skip
    assert sent["descending"] and sent["per_page"] == 50
    # Filters are choices with names: the district and the landlord keep their selection.
    assert '<option value="kalk" selected>Kalk</option>' in page.text
    assert f'<option value="{LANDLORD}" selected>Hausverwaltung Rhein' in page.text
    assert 'aria-sort="descending"' in page.text and "1–1 von 1" in visible(page.text)
