"""Written follow-ups and notes on an offer against the running system: the coordination
writes one of each on the offer's page (each form sent twice stores one), completes the
follow-up, lists both by the API; a caseworker reads the offer but neither section, and
the API refuses them (403); erasing a household proposed for the offer clears the notes and
the follow-up's text (its day stays due)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx

from services.placement.application.notes import ERASED_TEXT
from shared.clock import today
from support.due_list import Api, offer_with_a_ready_household
from support.form_browser import Browser
from support.system import System, wait_until

T = today()
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "k-9"}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "cw-9"}
TEXT = "Frau Brandt (Hausverwaltung) wegen der Schlüssel anrufen"
NOTE = "Telefonat mit Herrn Kaya: Besichtigung nur vormittags"


def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def hidden(page: str, name: str, form: str) -> str:
    """The value of the hidden field `name` in the form posting to `…/{form}`."""
    start = page.index(f'/{form}"')
    found = re.search(rf'name="{name}" value="([0-9a-f-]{{36}})"', page[start:])
    assert found, f"the form {form} carries its {name}"
    return found.group(1)


def test_the_coordination_keeps_follow_ups_and_notes_on_an_offer(system: System) -> None:
    api = Api(system)
    hid, oid = offer_with_a_ready_household(api, system)
    api.post(f"/offers/{oid}/proposals", {"household_ids": [hid]})
    kora, anna = Browser(system, COORDINATOR), Browser(system, CARITAS)
    page = f"/ui/wohnungen/{oid}"

    shown = kora.get(page)
    assert '<h2 id="wiedervorlagen">Wiedervorlagen</h2>' in shown
    assert '<h2 id="notizen">Notizen</h2>' in shown
    due = (T + timedelta(days=2)).isoformat()
    follow_up = {"follow_up_id": hidden(shown, "follow_up_id", "wiedervorlagen")}
    follow_up |= {"due_on": due, "text": TEXT}
    saved = kora.post(f"{page}/wiedervorlagen", follow_up)
    assert saved.headers["location"].endswith("?hinweis=wiedervorlage#wiedervorlagen")
    kora.post(f"{page}/wiedervorlagen", follow_up)  # sent twice: one follow-up
    note = {"note_id": hidden(shown, "note_id", "notizen"), "kind": "phone_call", "text": NOTE}
    saved = kora.post(f"{page}/notizen", note)
    assert saved.headers["location"].endswith("#notizen")
    kora.post(f"{page}/notizen", note)  # sent twice: one note
    # A day ahead is refused at its field, in German.
    refused = kora.post(
        f"{page}/notizen", {"kind": "visit", "text": "x", "written_on": due}, status=422
    )
    assert "bitte einen Tag bis heute angeben" in refused.text

    shown = kora.get(page)
    assert TEXT in shown and NOTE in shown
    follow_ups = f"{system.gateway}/api/offers/{oid}/follow-ups"
    notes = f"{system.gateway}/api/offers/{oid}/notes"
    listed = ok(system.http.get(follow_ups, headers=COORDINATOR))
    assert [f["text"] for f in listed["open"]] == [TEXT]
    fid = listed["open"][0]["follow_up_id"]
    assert [n["text"] for n in ok(system.http.get(notes, headers=COORDINATOR))["notes"]] == [NOTE]

    # The caseworker reads the offer, not what the coordination writes down about it.
    theirs = anna.get(page)
    assert 'id="wiedervorlagen"' not in theirs and 'id="notizen"' not in theirs
    assert TEXT not in theirs and NOTE not in theirs
    assert system.http.get(follow_ups, headers=CARITAS).status_code == 403
    assert system.http.get(notes, headers=CARITAS).status_code == 403
    assert system.http.post(f"{follow_ups}/{fid}/completion", headers=CARITAS).status_code == 403
    anna.post(f"{page}/notizen", {"kind": "visit", "text": "Notiz"}, status=403)
    anna.post(f"{page}/wiedervorlagen/{fid}/erledigt", {}, status=403)

    saved = kora.post(f"{page}/wiedervorlagen/{fid}/erledigt", {})
    assert saved.headers["location"].endswith("?hinweis=wiedervorlage-erledigt#wiedervorlagen")
    listed = ok(system.http.get(follow_ups, headers=COORDINATOR))
    assert (listed["open"], [f["follow_up_id"] for f in listed["done"]]) == ([], [fid])

    # The household proposed for the offer is erased: what could name it goes.
    ok(system.http.post(f"{system.gateway}/api/households/{hid}/erasure", headers=COORDINATOR))

    def cleared() -> bool:
        return bool(ok(system.http.get(notes, headers=COORDINATOR))["notes"] == [])

    wait_until(cleared, what="placement clears the offer's notes")
    listed = ok(system.http.get(follow_ups, headers=COORDINATOR))
    assert [f["text"] for f in listed["done"]] == [ERASED_TEXT]
    assert TEXT not in kora.get(page)
