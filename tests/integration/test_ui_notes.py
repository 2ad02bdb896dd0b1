"""Case notes against the running system, through the gateway as a browser and an API
client use it: a caseworker signed in with her account writes a note on a household's
page (confirmation, newest first, her name, the kind, the day, the text escaped with its
line breaks), sends the same form twice and still has one note, is told in German what is
wrong with an empty, a too long or a future note, pages through many notes; another
provider's caseworker neither reads nor writes them; the Wohnintegrationshilfe case's
notes likewise for whoever sees the case. Restriction, erasure (with the canary scan) and
the Art. 15 export: test_privacy_erasure*.py, test_privacy_canary.py,
test_privacy_export_all.py."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.accounts import add_users, signed_in
from support.form_browser import Browser
from support.system import System, household

T = today()
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "w-2"}
ADMIN = {"x-auszug-role": "admin", "x-auszug-user": "a-1"}
SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "w-3"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "f-1"}


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def note_form(page: str) -> dict[str, str]:
    """The hidden fields of the page's note form (its fresh note id)."""
    start = page.index('/notizen" class="formular"')
    form = page[start : page.index("</form>", start)]
    return {"note_id": re.search(r'name="note_id" value="([^"]+)"', form).group(1)}  # type: ignore[union-attr]


class Session:
    """A signed-in browser: the session cookie, and the CSRF token its forms repeat."""

    def __init__(self, system: System, login: str) -> None:
        self.client = signed_in(system, login)
        self.token = self.client.cookies["auszug_csrf"]

    def get(self, path: str, status: int = 200) -> str:
        response = self.client.get(path)
        assert response.status_code == status, response.text
        return response.text

    def post(self, path: str, form: dict[str, str], status: int = 303) -> httpx.Response:
        response = self.client.post(path, data={"csrf_token": self.token, **form})
        assert response.status_code == status, response.text
        return response


def test_a_caseworker_keeps_notes_on_a_household(system: System) -> None:
    add_users(system, ("m.keller", "caseworker", "koeln", "caritas"))
    worker, other = Session(system, "m.keller"), Browser(system, DRK)
    hid = ok(system.register(household(provider="caritas"), **CARITAS))["household_id"]
    page = f"/ui/haushalte/{hid}"
    shown = worker.get(page)
    assert "Noch keine Notiz." in shown
    form = note_form(shown) | {
        "kind": "phone_call",
        "written_on": T.isoformat(),
        "text": "Anruf bei <b>Frau</b> Öztürk.\nRückruf am Montag.",
    }

    saved = worker.post(f"{page}/notizen", form)
    assert saved.headers["location"] == f"{page}?hinweis=notiz#notizen"
    after = worker.get(saved.headers["location"])
    assert "Die Notiz ist gespeichert." in after
    section = after[after.index('id="notizen"') :]
    assert "Anruf bei &lt;b&gt;Frau&lt;/b&gt; Öztürk.\nRückruf am Montag." in section
    assert "<b>Frau</b>" not in after
    assert f"{T:%d.%m.%Y} · Telefonat · m.keller" in section
    # The same form sent again (a double click, a reload): one note.
    worker.post(f"{page}/notizen", form)
    api = f"/api/households/{hid}/notes"
    listed = ok(worker.client.get(api), 200)
    assert listed["page"]["total"] == 1
    (entry,) = listed["notes"]
    assert (entry["note_id"], entry["author_name"]) == (form["note_id"], "m.keller")
    assert entry["author"] != "m.keller"  # the services know her by a pseudonym

    # Refused in German at the field, with what was typed kept.
    empty = worker.post(f"{page}/notizen", form | {"note_id": "", "text": "  "}, status=422).text
    assert 'id="fehler-notiz-text"' in empty and "Bitte" in empty
    ahead = (T + timedelta(days=1)).isoformat()
    future = worker.post(f"{page}/notizen", form | {"written_on": ahead}, status=422).text
    assert "bitte einen Tag bis heute angeben" in future
    assert f'value="{ahead}"' in future
    long = worker.post(f"{page}/notizen", form | {"text": "x" * 4001}, status=422).text
    assert "Bitte höchstens 4000 Zeichen eingeben." in long
    assert ok(worker.client.get(api), 200)["page"]["total"] == 1

    # Many notes: a page at a time, the newest day first.
    for day in range(1, 21):
        body = {"kind": "visit", "written_on": (T - timedelta(days=day)).isoformat()}
        ok(worker.client.post(api, json=body | {"text": f"Besuch {day}"}))
    first = worker.get(page)
    assert "Seite 1 von 2" in first and "notizen_seite=2" in first
    older = worker.get(f"{page}?notizen_seite=2")
    section = older[older.index('id="notizen"') :]
    assert "Besuch 20" in section and "Besuch 19" not in section
    second = ok(worker.client.get(api, params={"page": 2}), 200)
    assert [n["text"] for n in second["notes"]] == ["Besuch 20"]

    # Retried through the API with its own id: stored once; the id with other text: 409.
    own = {"note_id": "6a1f3d2e-0000-4000-8000-000000000001", "kind": "letter", "text": "Brief"}
    assert ok(worker.client.post(api, json=own)) == ok(worker.client.post(api, json=own))
    taken = worker.client.post(api, json=own | {"text": "anders"})
    assert taken.status_code == 409, taken.text
    assert ok(worker.client.get(api), 200)["page"]["total"] == 22

    # Another provider's caseworker: as if there were no household; the admin: no notes.
    other.get(page, status=404)
    other.post(f"{page}/notizen", form, status=404)
    assert other.client.get(api).status_code == 404
    assert other.client.post(api, json=own | {"note_id": None}).status_code == 404
    admin = httpx.Client(base_url=system.gateway, headers=ADMIN, timeout=30)
    assert admin.get(api).status_code == 403
    assert 'id="notizen"' not in admin.get(page).text


def test_whoever_sees_a_prevention_case_keeps_its_notes(system: System) -> None:
    worker, office = Browser(system, SKM), Browser(system, OFFICE)
    http = httpx.Client(base_url=system.gateway, timeout=30)
    referral = {
        "provider": "skm",
        "received_on": (T - timedelta(days=3)).isoformat(),
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
    }
    cid = ok(http.post("/api/prevention/cases", json=referral, headers=SKM))["case_id"]
    page = f"/ui/praevention/{cid}"
    form = note_form(worker.get(page)) | {"kind": "visit", "text": "Hausbesuch:\nMiete gezahlt."}
    saved = worker.post(f"{page}/notizen", form)
    assert saved.headers["location"] == f"{page}?hinweis=notiz#notizen"
    shown = worker.get(saved.headers["location"])
    assert "Die Notiz ist gespeichert." in shown and "Hausbesuch:\nMiete gezahlt." in shown
    # The Fachstelle Wohnen sees the case, so its notes too, and adds one.
    office_page = office.get(page)
    assert "Hausbesuch:\nMiete gezahlt." in office_page
    office.post(f"{page}/notizen", note_form(office_page) | {"kind": "letter", "text": "Bescheid"})
    api = f"/api/prevention/cases/{cid}/notes"
    listed = ok(http.get(api, headers=SKM), 200)
    assert {n["text"] for n in listed["notes"]} == {"Hausbesuch:\nMiete gezahlt.", "Bescheid"}
    # Another provider's caseworker: not found.
    caritas = Browser(system, CARITAS)
    caritas.get(page, status=404)
    caritas.post(f"{page}/notizen", form, status=404)
    assert http.get(api, headers=CARITAS).status_code == 404
