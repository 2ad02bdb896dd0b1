"""Written follow-ups and case notes on a volunteer against the running system, with real
accounts signed in: a caseworker writes a follow-up on her provider's volunteer for a
colleague (the form sent twice writes it once), it shows on that colleague's Heute page
and not on another provider's; she writes a note (a retry stores it once); she completes
the follow-up; another provider's caseworker neither sees nor settles anything; the
volunteer themself reads none of it; the coordination's erasure of the volunteer takes
every text and leaves no form to write new ones."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.accounts import add_users, signed_in
from support.system import System, wait_until

T = today()
TEXT = "Führungszeugnis anfordern Wqzu"
NOTE = "Telefonat: kann ab März mittwochs Xjvb"


def post_form(client: httpx.Client, path: str, form: dict[str, str]) -> httpx.Response:
    token = client.cookies["auszug_csrf"]
    return client.post(path, data={"csrf_token": token, **form}, follow_redirects=False)


def hidden(page: str, name: str, after: str) -> str:
    start = page.index(after)
    found = re.search(rf'name="{name}" value="([0-9a-f-]{{36}})"', page[start:])
    assert found, f"the form carries {name}"
    return found.group(1)


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def test_staff_keep_follow_ups_and_notes_on_a_volunteer(system: System) -> None:
    add_users(
        system,
        ("anna", "caseworker", "koeln", "caritas"),
        ("tim", "caseworker", "koeln", "caritas"),
        ("dirk", "caseworker", "koeln", "drk"),
        ("kora", "coordinator", "koeln", None),
        ("vera", "volunteer", "koeln", "caritas"),
    )
    anna, tim, dirk, kora, vera = (
        signed_in(system, n) for n in ("anna", "tim", "dirk", "kora", "vera")
    )
    tim_id = tim.get("/api/session").json()["user_id"]
    volunteer = {
        "provider": "caritas",
        "user_id": "vera",
        "given_name": "Vera",
        "family_name": "Vogel",
        "registered_on": (T - timedelta(days=10)).isoformat(),
    }
    vid = ok(anna.post("/api/volunteers", json=volunteer), 201)["volunteer_id"]
    page = f"/ui/ehrenamt/ehrenamtliche/{vid}"
    api = f"/api/volunteers/{vid}"

    shown = anna.get(page).text
    assert '<h2 id="wiedervorlagen">Wiedervorlagen</h2>' in shown
    assert '<h2 id="notizen">Notizen</h2>' in shown
    assert f'<option value="{tim_id}">tim</option>' in shown
    form = {
        "follow_up_id": hidden(shown, "follow_up_id", 'id="wiedervorlagen"'),
        "due_on": T.isoformat(),
        "assignee": tim_id,
        "text": TEXT,
    }
    # A day in the past is refused at its field; sent twice, it is written once.
    past = post_form(anna, f"{page}/wiedervorlagen", {**form, "due_on": "2020-01-01"})
    assert past.status_code == 409, past.text
    assert "Bitte heute oder einen späteren Tag wählen." in past.text
    for _ in range(2):
        saved = post_form(anna, f"{page}/wiedervorlagen", form)
        assert saved.status_code == 303, saved.text
        assert saved.headers["location"].endswith("?hinweis=wiedervorlage#wiedervorlagen")
    shown = anna.get(saved.headers["location"]).text
    assert "Die Wiedervorlage ist gespeichert." in shown
    assert shown.count(TEXT) == 1 and "Zuständig: tim" in shown

    # A note, sent twice with the form's id: one note.
    note = {
        "note_id": hidden(shown, "note_id", 'id="notizen"'),
        "kind": "phone_call",
        "written_on": T.isoformat(),
        "text": NOTE,
    }
    for _ in range(2):
        written = post_form(anna, f"{page}/notizen", note)
        assert written.status_code == 303, written.text
    shown = anna.get(written.headers["location"]).text
    assert "Die Notiz ist gespeichert." in shown and shown.count(NOTE) == 1
    empty = post_form(anna, f"{page}/notizen", {**note, "text": ""})
    assert empty.status_code == 422 and "Bitte die markierten Felder prüfen." in empty.text

    # Reporting lists it on the Heute page of Tim (the volunteer's provider's caseworker),
    # with its text from volunteer; another provider's Heute does not show it.
    wait_until(lambda: TEXT in tim.get("/ui/heute").text, what="the follow-up on Heute")
    assert TEXT not in dirk.get("/ui/heute").text

    # Another provider's caseworker: neither the volunteer nor anything about them.
    listed = ok(anna.get(f"{api}/follow-ups"))
    fid = listed["open"][0]["follow_up_id"]
    assert dirk.get(page).status_code == 404
    assert dirk.get(f"{api}/follow-ups").status_code == 404
    assert dirk.get(f"{api}/notes").status_code == 404
    assert dirk.post(f"{api}/follow-ups/{fid}/completion").status_code == 404
    assert post_form(dirk, f"{page}/wiedervorlagen/{fid}/erledigt", {}).status_code == 404
    # The volunteer themself reads none of what staff write about them.
    for path in (page, f"{api}/follow-ups", f"{api}/notes"):
        assert vera.get(path).status_code == 403

    # Completed on the page; the API lists it done, the note by the coordination too.
    done = post_form(anna, f"{page}/wiedervorlagen/{fid}/erledigt", {})
    assert done.headers["location"].endswith("?hinweis=wiedervorlage-erledigt#wiedervorlagen")
    assert ok(anna.get(f"{api}/follow-ups"))["open"] == []
    assert [n["text"] for n in ok(kora.get(f"{api}/notes"))["notes"]] == [NOTE]
    second = {"due_on": T.isoformat(), "text": "Nachfassen"}
    ok(anna.post(f"{api}/follow-ups", json=second), 201)

    # The coordination erases the volunteer: every text goes, no form offers a new one.
    ok(kora.post(f"{api}/erasure", json={}))
    assert ok(kora.get(f"{api}/follow-ups")) == {"open": [], "done": []}
    assert ok(kora.get(f"{api}/notes"))["notes"] == []
    shown = kora.get(page).text
    assert f"{page}/notizen" not in shown and 'name="follow_up_id"' not in shown
    refused = anna.post(f"{api}/notes", json={"kind": "visit", "text": "x"})
    assert refused.status_code == 409, refused.text
