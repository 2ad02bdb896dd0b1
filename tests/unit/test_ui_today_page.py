"""The "Heute" page and the days per rule through the real app with reporting faked: three
lists, each asked with its own filters and paged by its own URL parameters; each row
says what is due in German, names its subject and links to the form that settles it; a
written follow-up reads "Wiedervorlage" and its text from the owner; the days' page
refuses a wrong value at its field and is read-only for everyone but the coordination."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from shared.contracts.followups import DEFAULT_DAYS, FollowUpQuery, FollowUpRules
from support.ui_app import TOKEN, FakeRpc, as_role, ui_client, visible

OFFER, HOUSEHOLD, CASE, WRITTEN = uuid4(), uuid4(), uuid4(), uuid4()


def item(
    kind: str, subject_kind: str, subject: Any, household: Any, overdue: int
) -> dict[str, Any]:
    return {
        "follow_up_id": str(uuid4() if kind != "written" else WRITTEN),
        "kind": kind,
        "subject_kind": subject_kind,
        "subject_id": str(subject),
        "household_id": str(household) if household else None,
        "provider": "caritas",
        "anchor_on": "2026-11-01",
        "due_on": "2026-11-20",
        "due_time": "09:30:00" if kind == "written" else None,
        "assignee": None,
        "days_overdue": overdue,
    }


def follow_ups(body: FollowUpQuery) -> dict[str, Any]:
    if body.rule_made:
        items = [
            item("viewing_unrecorded", "offer", OFFER, HOUSEHOLD, 3),
            item("time_limit_ending", "prevention_case", CASE, None, 0),
            item("wbs_expiring", "household", HOUSEHOLD, HOUSEHOLD, 20),
            item("proposal_unanswered", "offer", OFFER, HOUSEHOLD, 2),
        ]
        total = 120
    elif body.unassigned:
        items = [item("written", "household", HOUSEHOLD, HOUSEHOLD, 1)]
        total = 1
    else:
        items, total = [], 0
    page = {"page": body.page, "per_page": body.per_page, "total": total}
    return {"as_of": "2026-12-07", "items": items, "page": page}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeRpc]:
    fake = FakeRpc(
        {
            "follow_ups": follow_ups,
            "get_follow_up_rules": {"days": {k.value: v for k, v in DEFAULT_DAYS.items()}},
            "replace_follow_up_rules": lambda body: body,
            # The owner (intake) names the written one's text; markup in it stays text.
            "follow_up_texts": {"texts": {str(WRITTEN): "Frau Ö. <b>zurückrufen</b>"}},
        }
    )
    return ui_client(tmp_path, monkeypatch, fake), fake


def test_three_lists_each_with_its_own_filters_and_pages(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    page = client.get("/ui/heute?s_page=2&m_sort=kind", headers=as_role("caseworker"))
    assert page.status_code == 200, page.text
    asked = [body for name, body in fake.calls if name == "follow_ups"]
    assert [
        (q["mine"], q["not_mine"], q["unassigned"], q["kind"], q["rule_made"]) for q in asked
    ] == [
        (True, False, False, "written", False),
        (False, True, True, "written", False),
        (False, False, False, None, True),
    ]
    assert [q["page"] for q in asked] == [1, 1, 2]
    assert asked[0]["sort"] == "kind"
    text = visible(page.text)
    assert "Heute ist für Sie nichts fällig." in text
    assert "Ergebnis der Besichtigung eintragen" in text
    assert "seit 3 Tagen überfällig" in text and "heute fällig" in text
    assert "Wiedervorlage" in text and "09:30" in text
    # The written one's text comes from its owner, asked once for the page's written ids.
    assert [b["ids"] for name, b in fake.calls if name == "follow_up_texts"] == [[str(WRITTEN)]]
    assert "Frau Ö. &lt;b&gt;zurückrufen&lt;/b&gt;" in page.text
    assert f'href="/ui/wohnungen/{OFFER}#besichtigung-ergebnis"' in page.text
    assert f'href="/ui/praevention/{CASE}"' in page.text
    # A written one is settled in its subject's "Wiedervorlagen", a WBS in "Bedarf ändern".
    assert f'href="/ui/haushalte/{HOUSEHOLD}#wiedervorlagen"' in page.text
    assert f'href="/ui/haushalte/{HOUSEHOLD}#bedarf"' in page.text
    # The landlord's answer is the coordination's to record: the caseworker sees the step on
    # her household, with a link to look, but no "Erledigen" that leads to no form.
    assert text.count("trägt die Koordination ein") == 1
    assert page.text.count(">Erledigen</a>") == 4
    assert f"Wohnintegrationshilfe {CASE.hex[:8]}" in text
    assert f"Haushalt {HOUSEHOLD.hex[:8]}" in text
    # The steps' pager keeps the other lists' parameters and moves only its own.
    assert "s_page=3" in page.text and "m_sort=kind" in page.text
    assert "viewing_unrecorded" not in text


def test_the_coordination_settles_the_landlords_answer(app: tuple[TestClient, FakeRpc]) -> None:
    client, _ = app
    page = client.get("/ui/heute", headers=as_role("coordinator"))
    assert "trägt die Koordination ein" not in visible(page.text)
    assert f'href="/ui/wohnungen/{OFFER}#vermieter-entscheidung">Erledigen</a>' in page.text


def test_the_days_per_rule_for_the_coordination_and_for_everyone_else(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, fake = app
    read_only = client.get("/ui/fristen", headers=as_role("caseworker"))
    assert read_only.status_code == 200
    assert 'name="proposal_unanswered"' not in read_only.text
    assert "Die Fristen ändert die Koordination." in visible(read_only.text)
    refused = client.post("/ui/fristen", data={"csrf_token": TOKEN}, headers=as_role("caseworker"))
    assert refused.status_code == 403

    form = {rule.value: "10" for rule in DEFAULT_DAYS}
    wrong = client.post(
        "/ui/fristen",
        data={"csrf_token": TOKEN, **form, "viewing_unrecorded": "-1"},
        headers=as_role("coordinator"),
    )
    assert wrong.status_code == 422
    assert 'id="fehler-viewing_unrecorded"' in wrong.text
    assert 'value="-1"' in wrong.text
    assert not [name for name, _ in fake.calls if name == "replace_follow_up_rules"]

    done = client.post(
        "/ui/fristen", data={"csrf_token": TOKEN, **form}, headers=as_role("coordinator")
    )
    assert (done.status_code, done.headers["location"]) == (
        303,
        "/ui/fristen?hinweis=fristen-gespeichert",
    )
    [sent] = [body for name, body in fake.calls if name == "replace_follow_up_rules"]
    assert FollowUpRules.model_validate(sent).days == dict.fromkeys(DEFAULT_DAYS, 10)


@pytest.mark.parametrize(
    ("given", "sent"), [("written", "written"), ("lease_missing", "lease_missing")]
)
def test_the_api_filters_by_kind_a_rule_or_written(
    app: tuple[TestClient, FakeRpc], given: str, sent: str
) -> None:
    client, fake = app
    answer = client.get(
        f"/api/follow-ups?kind={given}&upcoming=true", headers=as_role("caseworker")
    )
    assert answer.status_code == 200, answer.text
    [asked] = [body for name, body in fake.calls if name == "follow_ups"]
    assert (asked["kind"], asked["upcoming"]) == (sent, True)


def test_the_api_refuses_an_unknown_kind_in_german(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    answer = client.get("/api/follow-ups?kind=irgendwas", headers=as_role("caseworker"))
    assert answer.status_code == 422
    assert "Bitte einen der vorgesehenen Werte wählen" in answer.text
    assert not fake.calls


def test_the_api_takes_an_empty_kind_as_no_filter(app: tuple[TestClient, FakeRpc]) -> None:
    client, fake = app
    answer = client.get("/api/follow-ups?kind=", headers=as_role("caseworker"))
    assert answer.status_code == 200, answer.text
    [asked] = [body for name, body in fake.calls if name == "follow_ups"]
    assert asked["kind"] is None


def test_an_unknown_kind_is_one_german_message_at_its_field_listing_the_kinds(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, _ = app
    answer = client.get("/api/follow-ups?kind=karitas", headers=as_role("caseworker"))
    assert answer.status_code == 422
    [error] = answer.json()["error"]["fields"]
    assert error["field"] == "kind"
    assert error["message"].startswith("Bitte einen der vorgesehenen Werte wählen: ")
    assert "'lease_missing'" in error["message"] and "'written'" in error["message"]
    assert "str-enum" not in answer.text
