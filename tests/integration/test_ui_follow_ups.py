"""Written follow-ups (Wiedervorlagen) against the running system, with real accounts
signed in: a caseworker writes one on a household for a colleague by name (a past day is
refused at its field, the form sent twice writes it once), reassigns it to the team,
postpones and completes it, each with its confirmation; a second completion is refused;
another provider's caseworker neither sees nor settles it; the JSON API does the same by
login; the coordination writes one on an inquiry; a restriction hides them, the Art. 15
export lists their texts, erasure takes them. A prevention case has them too."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.accounts import add_users, signed_in
from support.form_browser import Browser
from support.system import System, wait_until

T = today()
TEXT = "Beim Jobcenter wegen der Kaution nachfragen"
REGISTRATION = {
    "provider": "caritas",
    "registered_on": (T - timedelta(days=30)).isoformat(),
    "accommodation.kind": "shelter",
    "members.0.role": "head",
    "members.0.age_band": "27-64",
    "members.0.given_name": "Amal",
    "members.0.family_name": "Haddad",
}


def day(days: int) -> str:
    return (T + timedelta(days=days)).isoformat()


def german(days: int) -> str:
    return (T + timedelta(days=days)).strftime("%d.%m.%Y")


def post_form(client: httpx.Client, path: str, form: dict[str, str]) -> httpx.Response:
    token = client.cookies["auszug_csrf"]
    return client.post(path, data={"csrf_token": token, **form}, follow_redirects=False)


def new_id(page: str) -> str:
    found = re.search(r'name="follow_up_id" value="([0-9a-f-]{36})"', page)
    assert found, "the form carries the new follow-up's id"
    return found.group(1)


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def test_a_follow_up_written_reassigned_postponed_and_completed(system: System) -> None:
    add_users(
        system,
        ("anna", "caseworker", "koeln", "caritas"),
        ("tim", "caseworker", "koeln", "caritas"),
        ("dirk", "caseworker", "koeln", "drk"),
        ("kora", "coordinator", "koeln", None),
    )
    anna, tim, dirk, kora = (signed_in(system, n) for n in ("anna", "tim", "dirk", "kora"))
    tim_id = tim.get("/api/session").json()["user_id"]
    dirk_id = dirk.get("/api/session").json()["user_id"]
    registered = post_form(anna, "/ui/haushalte/neu", REGISTRATION)
    assert registered.status_code == 303, registered.text
    page = registered.headers["location"]
    hid = page.rsplit("/", 1)[1]

    shown = anna.get(page).text
    assert '<h2 id="wiedervorlagen">Wiedervorlagen</h2>' in shown
    assert "Keine offene Wiedervorlage." in shown
    assert f'<option value="{tim_id}">tim</option>' in shown
    assert f'value="{dirk_id}"' not in shown  # another provider's caseworker is no choice
    fid = new_id(shown)
    form = {"follow_up_id": fid, "due_time": "10:30", "assignee": tim_id, "text": TEXT}

    # A day in the past is refused at its field; what was typed stays.
    past = post_form(anna, f"{page}/wiedervorlagen", {**form, "due_on": day(-1)})
    assert past.status_code == 409, past.text  # a rule of the service: 409, at the field
    assert 'id="fehler-neu-due_on">Bitte heute oder einen späteren Tag wählen.</span>' in past.text
    assert f"{TEXT}</textarea>" in past.text and f'value="{fid}"' in past.text
    # So is a colleague of another provider, and an empty text.
    wrong = post_form(
        anna, f"{page}/wiedervorlagen", {**form, "due_on": day(2), "assignee": dirk_id, "text": ""}
    )
    assert wrong.status_code == 422
    assert (
        'id="fehler-neu-assignee">Bitte „Team“ oder eine Person aus der Liste wählen.' in wrong.text
    )
    assert 'id="fehler-neu-text">Bitte ausfüllen.' in wrong.text

    # Written for Tim; the same form sent twice writes it once.
    for _ in range(2):
        saved = post_form(anna, f"{page}/wiedervorlagen", {**form, "due_on": day(2)})
        assert saved.status_code == 303, saved.text
        assert saved.headers["location"].endswith("?hinweis=wiedervorlage#wiedervorlagen")
    shown = anna.get(saved.headers["location"]).text
    assert "Die Wiedervorlage ist gespeichert." in shown
    assert shown.count(f'<p class="freitext">{TEXT}</p>') == 1
    assert f"{german(2)}, 10:30 Uhr" in shown and "Zuständig: tim" in shown
    base = f"{page}/wiedervorlagen/{fid}"

    # Reassigned to the team, postponed (not into the past), each confirmed.
    done = post_form(anna, f"{base}/zuweisen", {"assignee": ""})
    assert done.headers["location"].endswith("?hinweis=wiedervorlage-zugewiesen#wiedervorlagen")
    assert "Zuständig: Team" in anna.get(done.headers["location"]).text
    refused = post_form(anna, f"{base}/verschieben", {"due_on": day(-3)})
    assert refused.status_code == 409
    assert f'id="fehler-{fid}-verschieben-due_on">Bitte heute oder' in refused.text
    done = post_form(tim, f"{base}/verschieben", {"due_on": day(5), "due_time": ""})
    assert done.headers["location"].endswith("?hinweis=wiedervorlage-verschoben#wiedervorlagen")
    shown = anna.get(done.headers["location"]).text
    assert "Die Wiedervorlage ist verschoben." in shown and f"<h3>{german(5)}</h3>" in shown

    # Another provider's caseworker neither sees nor settles it.
    assert dirk.get(page).status_code == 404
    assert post_form(dirk, f"{base}/erledigt", {}).status_code == 404
    assert dirk.get(f"/api/households/{hid}/follow-ups").status_code == 404

    # Completed once; a second time is refused with the reason, at the follow-up.
    done = post_form(anna, f"{base}/erledigt", {})
    assert done.headers["location"].endswith("?hinweis=wiedervorlage-erledigt#wiedervorlagen")
    shown = anna.get(done.headers["location"]).text
    assert "Die Wiedervorlage ist erledigt." in shown and "Keine offene Wiedervorlage." in shown
    assert "Erledigt am" in shown and "angelegt: fällig am" in shown
    again = post_form(anna, f"{base}/erledigt", {})
    assert again.status_code == 409
    assert "schon erledigt" in again.text

    # The API: by login, a retry with the same id writes nothing twice.
    body = {
        "follow_up_id": new_id(shown),
        "due_on": day(1),
        "assignee_login": "tim",
        "text": "Rückruf",
    }
    first = ok(anna.post(f"/api/households/{hid}/follow-ups", json=body), 201)
    assert ok(anna.post(f"/api/households/{hid}/follow-ups", json=body), 201) == first
    bad = anna.post(f"/api/households/{hid}/follow-ups", json={**body, "assignee_login": "dirk"})
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"][0]["field"] == "assignee_login"
    listed = ok(anna.get(f"/api/households/{hid}/follow-ups"))
    assert [f["text"] for f in listed["open"]] == ["Rückruf"]
    assert listed["open"][0]["assignee"] == tim_id
    assert [s["action"] for s in listed["done"][0]["history"]] == [
        "scheduled",
        "reassigned",
        "postponed",
        "completed",
    ]
    second = first["follow_up_id"]
    moved = anna.post(
        f"/api/households/{hid}/follow-ups/{second}/postponement", json={"due_on": day(3)}
    )
    assert ok(moved)["follow_up_id"] == second
    ok(anna.post(f"/api/households/{hid}/follow-ups/{second}/reassignment", json={}))

    # The coordination writes one on an inquiry of the inbox.
    inquiry = {"sender_kind": "resident", "channel": "phone", "text": "Bitte um Rückruf"}
    iid = ok(kora.post("/api/inquiries", json=inquiry), 201)["inquiry_id"]
    inquiry_page = kora.get(f"/ui/anfragen/{iid}").text
    answer = post_form(
        kora,
        f"/ui/anfragen/{iid}/wiedervorlagen",
        {
            "follow_up_id": new_id(inquiry_page),
            "due_on": day(0),
            "assignee": "",
            "text": "Zurückrufen",
        },
    )
    assert answer.status_code == 303, answer.text
    shown = kora.get(answer.headers["location"]).text
    assert "Zurückrufen" in shown and "Zuständig: Team" in shown
    assert anna.get(f"/api/inquiries/{iid}/follow-ups").status_code == 403
    # Reporting lists it on Heute as due today for the team, with its text from intake;
    # a caseworker's Heute does not show the inbox's follow-ups.
    wait_until(lambda: "Zurückrufen" in kora.get("/ui/heute").text, what="it on Heute")
    assert "Zurückrufen" not in anna.get("/ui/heute").text

    # A restriction hides them from the caseworker; the coordination still sees them.
    restriction = {"reason": "retention_duty", "note": "Aufbewahrung"}
    ok(kora.post(f"/api/households/{hid}/restriction", json=restriction))
    assert anna.get(f"/api/households/{hid}/follow-ups").status_code == 404
    assert len(ok(kora.get(f"/api/households/{hid}/follow-ups"))["done"]) == 1
    ok(kora.delete(f"/api/households/{hid}/restriction"))

    # The Art. 15 export lists their texts; erasure takes them.
    exported = ok(kora.get(f"/api/households/{hid}/export"))
    texts = {r["text"] for r in exported["intake"]["personal_data"]["follow_ups"]}
    assert texts == {TEXT, "Rückruf"}
    ok(kora.post(f"/api/households/{hid}/erasure"))
    assert ok(kora.get(f"/api/households/{hid}/follow-ups")) == {"open": [], "done": []}
    exported = ok(kora.get(f"/api/households/{hid}/export"))
    assert exported["intake"]["personal_data"]["follow_ups"] == []


SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "w-7"}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-8"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "h-1"}


def test_a_follow_up_on_a_prevention_case(system: System) -> None:
    """The provider's caseworker writes one on the case's page, the housing office
    completes it by the API; another provider's caseworker finds neither."""
    referral = {
        "provider": "skm",
        "received_on": day(-10),
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
    }
    created = system.http.post(f"{system.gateway}/api/prevention/cases", json=referral, headers=SKM)
    case_id = ok(created, 201)["case_id"]
    worker, other = Browser(system, SKM), Browser(system, CARITAS)
    page = f"/ui/praevention/{case_id}"
    shown = worker.get(page)
    assert "Keine offene Wiedervorlage." in shown
    form = {"follow_up_id": new_id(shown), "due_on": day(1), "text": "Hausbesuch vorbereiten"}
    saved = worker.post(f"{page}/wiedervorlagen", form)
    assert saved.headers["location"].endswith("?hinweis=wiedervorlage#wiedervorlagen")
    shown = worker.get(saved.headers["location"])
    assert "Hausbesuch vorbereiten" in shown and "Zuständig: Team" in shown

    api = f"{system.gateway}/api/prevention/cases/{case_id}/follow-ups"
    listed = ok(system.http.get(api, headers=OFFICE))
    follow_up_id = listed["open"][0]["follow_up_id"]
    other.get(page, status=404)
    assert system.http.get(api, headers=CARITAS).status_code == 404
    completion = f"{api}/{follow_up_id}/completion"
    assert system.http.post(completion, headers=CARITAS).status_code == 404
    ok(system.http.post(completion, headers=OFFICE))
    assert ok(system.http.get(api, headers=SKM))["open"] == []
    assert "Keine offene Wiedervorlage." in worker.get(page)
