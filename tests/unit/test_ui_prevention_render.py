"""The Wohnintegrationshilfe pages rendered by the real gateway app, with prevention's
answers faked: which forms each role sees, overdue visits marked, and a refusal of the
service shown in German on the page it came from."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from shared.clock import today
from shared.rpc import ErrorKind, RpcError
from support.ui.prevention import CASE, SUMMARY, VIEW, as_role, gateway
from support.ui_app import TOKEN


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, Any]:
    return gateway(tmp_path, monkeypatch)


def test_the_list_marks_overdue_visits_and_passed_time_limits_in_words(
    app: tuple[TestClient, Any],
) -> None:
    client, _ = app
    page = client.get("/ui/praevention", headers=as_role("caseworker"))
    assert page.status_code == 200
    late = (today() - date.fromisoformat(SUMMARY["next_visit_due"])).days
    assert f"überfällig seit {late} Tagen" in page.text and f"/ui/praevention/{CASE}" in page.text
    # The fake's help ran until 10.07.2026 and still runs (finding 21).
    assert "Befristung abgelaufen seit 10.07.2026" in page.text
    assert "1 Hausbesuch ist überfällig" in page.text and "SKM Köln" in page.text
    case = client.get(f"/ui/praevention/{CASE}", headers=as_role("caseworker")).text
    assert "Befristung abgelaufen seit 10.07.2026" in case


def test_the_list_asks_for_the_page_sort_and_filters_of_its_url(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    url = "/ui/praevention?page=3&sort=ends_on&descending=false&status=admitted&overdue=true"
    assert client.get(url, headers=as_role("coordinator")).status_code == 200
    body = next(b for n, b in fake.calls if n == "list_cases")
    assert (body["page"], body["sort"], body["descending"]) == (3, "ends_on", False)
    assert (body["status"], body["overdue"], body["time_limit_passed"]) == ("admitted", True, False)
    text = client.get("/ui/praevention?provider=skm", headers=as_role("coordinator")).text
    assert '<option value="skm" selected>SKM Köln</option>' in text
    own = client.get("/ui/praevention", headers=as_role("caseworker")).text
    assert 'name="provider"' not in own


def test_each_role_is_offered_only_its_own_steps(app: tuple[TestClient, Any]) -> None:
    client, _ = app
    worker = client.get(f"/ui/praevention/{CASE}", headers=as_role("caseworker")).text
    office = client.get(f"/ui/praevention/{CASE}", headers=as_role("housing_office")).text
    coordinator = client.get(f"/ui/praevention/{CASE}", headers=as_role("coordinator")).text
    assert f"{CASE}/hausbesuche" in worker and f"{CASE}/verlaengerung" not in worker
    assert f"{CASE}/verlaengerung" in office and f"{CASE}/hausbesuche" not in office
    # The coordination takes no step of the help; it only erases (issue 8) and, like
    # everyone who reads the case, writes follow-ups and notes and files documents (issue 15).
    posts = {part.split('"')[0] for part in coordinator.split(f"/ui/praevention/{CASE}/")[1:]}
    assert posts == {"loeschung", "wiedervorlagen", "notizen", "unterlagen"}
    assert f"{CASE}/loeschung" not in worker + office
    assert "überfällig" in worker and "Familie Demir" in worker and "Keupstraße 9" in worker


def test_a_step_is_sent_with_the_case_and_leads_back_to_it(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "every_days": "14", "planned_on": "2026-02-01"}
    done = client.post(
        f"/ui/praevention/{CASE}/besuchsrhythmus", data=form, headers=as_role("caseworker")
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"/ui/praevention/{CASE}?hinweis=fall_schritt#verlauf"
    name, body = fake.calls[-1]
    assert name == "plan_visit_rhythm" and UUID(body["id"]) == CASE
    assert body["body"]["every_days"] == 14 and body["body"]["planned_on"] == "2026-02-01"


def test_a_refusal_comes_back_in_german_next_to_the_form(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    reason = "Die Hilfe ist bis 10.07.2026 befristet."
    fake.refuse["refer_out"] = RpcError(kind=ErrorKind.rule, code="x", message=reason)
    form = {"csrf_token": TOKEN, "kind": "debt_counselling", "note": "bitte bald"}
    page = client.post(
        f"/ui/praevention/{CASE}/weitervermittlung", data=form, headers=as_role("caseworker")
    )
    assert page.status_code == 409 and reason in page.text
    assert (
        'id="schritt-weitervermittlung" open' in page.text and "bitte bald</textarea>" in page.text
    )


def test_a_form_without_the_token_is_refused(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    form = {"csrf_token": "x" * 32, "outcome": "tenancy_kept"}
    page = client.post(
        f"/ui/praevention/{CASE}/abschluss", data=form, headers=as_role("caseworker")
    )
    assert page.status_code == 403 and not fake.calls


def test_a_caseworker_records_a_mediation_with_its_outcome(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    fake.answers["get_case"] = {**VIEW, "target_group": "re_admission"}
    page = client.get(f"/ui/praevention/{CASE}", headers=as_role("caseworker")).text
    assert f"{CASE}/vermittlung" in page and f"{CASE}/vermieterverhandlung" in page
    assert 'id="vermittlung-party"' in page and "Ratenzahlung der Mietrückstände" in page
    form = {"csrf_token": TOKEN, "party": "landlord", "topic": "rent_arrears"}
    form |= {"held_on": "2026-02-01", "note": "Raten vereinbart"}
    done = client.post(
        f"/ui/praevention/{CASE}/vermittlung", data=form, headers=as_role("caseworker")
    )
    assert done.status_code == 303
    name, body = fake.calls[-1]
    assert name == "record_mediation" and body["body"]["note"] == "Raten vereinbart"
    assert body["body"]["party"] == "landlord" and body["body"]["topic"] == "rent_arrears"


def test_a_negotiation_without_its_result_comes_back_at_the_field(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    fake.answers["get_case"] = {**VIEW, "target_group": "re_admission"}
    form = {"csrf_token": TOKEN, "landlord_kind": "private", "held_on": "2026-02-01"}
    page = client.post(
        f"/ui/praevention/{CASE}/vermieterverhandlung", data=form, headers=as_role("caseworker")
    )
    assert page.status_code == 422 and 'id="fehler-vermieterverhandlung-result"' in page.text
    assert 'value="private" selected' in page.text
    assert not [c for c in fake.calls if c[0] == "record_landlord_negotiation"]


def test_the_course_and_the_table_show_a_recorded_mediation(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    mediation = {"mediation_id": str(uuid4()), "held_on": "2026-02-02", "party": "jobcenter"}
    mediation |= {"topic": "benefits", "note": "Direktzahlung der Miete beantragt"}
    fake.answers["get_case"] = {**VIEW, "mediations": [mediation]}
    page = client.get(f"/ui/praevention/{CASE}", headers=as_role("housing_office")).text
    assert "Vermittlung mit Jobcenter: Leistungen (Bürgergeld" in page
    assert "Notiz: Direktzahlung der Miete beantragt" in page and 'id="vermittlungen"' in page
    assert f"{CASE}/vermittlung" not in page


def test_a_page_past_the_last_shows_the_last(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    page = client.get("/ui/praevention?page=7", headers=as_role("caseworker"))
    asked = [b["page"] for n, b in fake.calls if n == "list_cases"]
    # Asked for 7, answered "1 case on 1 page", so asked again for page 1 (then the counts).
    assert asked[:2] == [7, 1] and "Seite 1 von 1" in page.text
