"""Accounts in the UI (issue 16) against the running system, on both backends: the admin
of Köln creates a caseworker, who signs in with the one-time password through the real
sign-in form; until she has chosen her own password she reaches nothing else, and the
one-time password signs in once only; the admin of Bergisch Gladbach neither lists nor
opens nor changes her (404); deactivating ends her open session at once; a new password
ends it too and only the new one signs in (once: it is due for replacement again); the
last admin of Köln cannot deactivate themselves or give up the role; every change is on
the account's page, by whom."""

from __future__ import annotations

import re

import httpx

from services.gateway.accounts import rules
from support.accounts import add_users, signed_in
from support.system import System

KONTEN = "/ui/konten"


def post_form(client: httpx.Client, path: str, form: dict[str, str]) -> httpx.Response:
    token = client.cookies["auszug_csrf"]
    return client.post(path, data={"csrf_token": token, **form}, follow_redirects=False)


def page_client(system: System) -> httpx.Client:
    """A browser without a session yet, holding the CSRF cookie of the sign-in page."""
    client = httpx.Client(base_url=system.gateway, timeout=30)
    assert client.get("/ui/anmelden").status_code == 200
    return client


def sign_in_with_form(system: System, login: str, password: str) -> tuple[httpx.Client, int]:
    client = page_client(system)
    answer = post_form(client, "/ui/anmelden", {"login": login, "password": password})
    return client, answer.status_code


def one_time_password(page: str) -> str:
    found = re.search(r'<code id="einmal-passwort">([^<]+)</code>', page)
    assert found, page
    return found.group(1)


def account_id(listing: str, login: str) -> str:
    found = re.search(rf'href="/ui/konten/([0-9a-f-]{{36}})">{re.escape(login)}</a>', listing)
    assert found, listing
    return found.group(1)


def escaped(text: str) -> str:
    """A German message as the page writes it (quotes escaped by Jinja)."""
    return text.replace('"', "&#34;")


OWN = "Rheinauhafen-Zimtstern-Kolleg"
CARLA = {
    "login": "carla",
    "role": "caseworker",
    "provider": "caritas",
    "display_name": "Carla Kolleg",
    "email": "carla@caritas-koeln.de",
}


def test_an_admin_manages_the_accounts_of_its_municipality_only(system: System) -> None:
    add_users(
        system,
        ("ada", "admin", "koeln", None),
        ("bert", "admin", "bergisch-gladbach", None),
    )
    ada = signed_in(system, "ada")
    bert = signed_in(system, "bert")

    # Wrong input comes back at its fields, in German; nothing is created.
    missing = post_form(ada, f"{KONTEN}/neu", CARLA | {"provider": ""})
    assert missing.status_code == 422
    assert escaped(rules.PROVIDER_MISSING) in missing.text
    taken = post_form(ada, f"{KONTEN}/neu", CARLA | {"login": "bert"})
    assert taken.status_code == 422
    assert escaped(rules.LOGIN_TAKEN) in taken.text
    foreign = post_form(ada, f"{KONTEN}/neu", CARLA | {"provider": "kim"})
    assert foreign.status_code == 422
    assert escaped(rules.PROVIDER_UNKNOWN) in foreign.text

    # The municipality is the admin's own, whatever a hand-made form says.
    smuggled = CARLA | {"login": "dana", "municipality": "bergisch-gladbach"}
    assert post_form(ada, f"{KONTEN}/neu", smuggled).status_code == 201
    assert "dana" not in bert.get(KONTEN).text
    assert "dana" in ada.get(KONTEN).text

    created = post_form(ada, f"{KONTEN}/neu", CARLA)
    assert created.status_code == 201, created.text
    assert created.headers["cache-control"] == "no-store"
    password = one_time_password(created.text)

    # Carla signs in through the sign-in form with what the admin passed on; until she
    # has chosen her own password, that is all she can do.
    carla, status = sign_in_with_form(system, "carla", password)
    assert status == 303
    first = carla.get("/ui/heute", follow_redirects=False)
    assert (first.status_code, first.headers["location"]) == (303, "/ui/passwort")
    assert carla.get("/api/households").status_code == 403
    assert carla.get("/api/session").json()["login"] == "carla"
    weak = post_form(
        carla, "/ui/passwort", {"current": password, "new": "carla", "repeated": "carla"}
    )
    assert weak.status_code == 422
    chosen = post_form(carla, "/ui/passwort", {"current": password, "new": OWN, "repeated": OWN})
    assert chosen.status_code == 303
    own = carla.get("/ui/heute")
    assert own.status_code == 200 and "carla" in own.text
    assert carla.get(KONTEN).status_code == 403
    # The one-time password signed in once; her own one from now on.
    assert sign_in_with_form(system, "carla", password)[1] == 401
    password = OWN

    listing = ada.get(KONTEN, params={"role": "caseworker", "provider": "caritas"})
    assert listing.status_code == 200
    carla_id = account_id(listing.text, "carla")
    assert "Carla Kolleg" in listing.text and "Caritas Köln" in listing.text
    assert "carla" not in ada.get(KONTEN, params={"role": "coordinator"}).text
    # Bergisch Gladbach: not in its list, and her page and forms are "not found".
    assert "carla" not in bert.get(KONTEN).text
    assert bert.get(f"{KONTEN}/{carla_id}").status_code == 404
    for action in ("", "/deaktivieren", "/passwort"):
        assert post_form(bert, f"{KONTEN}/{carla_id}{action}", {}).status_code == 404
    assert carla.get("/ui/heute").status_code == 200

    # Deactivated: her open session is refused at the next request, the password too.
    assert post_form(ada, f"{KONTEN}/{carla_id}/deaktivieren", {}).status_code == 303
    assert carla.get("/api/session").status_code == 401
    assert sign_in_with_form(system, "carla", password)[1] == 401
    assert "carla" in ada.get(KONTEN, params={"active": "false"}).text
    assert "carla" not in ada.get(KONTEN, params={"active": "true"}).text

    # Reactivated and given a new password: the old one and its session end.
    assert post_form(ada, f"{KONTEN}/{carla_id}/reaktivieren", {}).status_code == 303
    carla, status = sign_in_with_form(system, "carla", password)
    assert status == 303
    reset = post_form(ada, f"{KONTEN}/{carla_id}/passwort", {})
    assert reset.status_code == 200
    new_password = one_time_password(reset.text)
    assert carla.get("/api/session").status_code == 401
    assert sign_in_with_form(system, "carla", password)[1] == 401
    carla, status = sign_in_with_form(system, "carla", new_password)
    assert status == 303
    # A reset password is a one-time password again.
    again = carla.get("/ui/heute", follow_redirects=False)
    assert again.headers["location"] == "/ui/passwort"

    # A caseworker has a provider; as a coordinator she has none.
    wrong = post_form(ada, f"{KONTEN}/{carla_id}", CARLA | {"role": "coordinator"})
    assert wrong.status_code == 422
    assert escaped(rules.PROVIDER_NOT_ALLOWED) in wrong.text
    changed = post_form(
        ada, f"{KONTEN}/{carla_id}", CARLA | {"role": "coordinator", "provider": ""}
    )
    assert changed.status_code == 303

    # The last admin of Köln stays: neither deactivated nor another role.
    ada_id = account_id(ada.get(KONTEN, params={"role": "admin"}).text, "ada")
    refused = post_form(ada, f"{KONTEN}/{ada_id}/deaktivieren", {})
    assert refused.status_code == 409
    assert escaped(rules.LAST_ADMIN) in refused.text
    demoted = post_form(
        ada, f"{KONTEN}/{ada_id}", {"role": "coordinator", "provider": "", "display_name": ""}
    )
    assert demoted.status_code == 409
    assert ada.get(KONTEN).status_code == 200

    # Who changed what, newest first, by the admin's name; never a password.
    history = ada.get(f"{KONTEN}/{carla_id}").text
    section = history[history.index('id="verlauf"') :]
    whats = re.findall(
        r"<td>([^<]*(?:angelegt|deaktiviert|aktiviert|zurückgesetzt|geändert|gewählt)[^<]*)</td>",
        section,
    )
    assert whats == [
        "Träger geändert",
        "Rolle geändert",
        "Passwort zurückgesetzt, Sitzungen beendet",
        "Konto wieder aktiviert",
        "Konto deaktiviert, Sitzungen beendet",
        "Eigenes Passwort gewählt",
        "Konto angelegt",
    ]
    assert section.count("<td>ada</td>") == 6
    assert section.count("<td>Carla Kolleg</td>") == 1
    assert password not in history and new_password not in history
