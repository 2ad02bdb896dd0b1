"""E-mail to staff against the running system and a real SMTP server on loopback
(aiosmtpd, issue 15): off while no host is set; a person sets their address on „Mein
Konto“ (a malformed one comes back at its field); a follow-up assigned to them arrives
once, also when the request is sent again with the same idempotency key or the form
twice, and not when they assign it to themselves, again when it is given back to
them; a server that answers 451 is tried
again with backoff, counted in the failure metric, while requests are served; the daily
overview lists what "Heute" lists for the person, once per day however often it runs;
no mail carries a household's name or a follow-up's text."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import httpx

from shared.clock import today
from support.accounts import add_users, signed_in
from support.canaries import Canaries
from support.smtp import body, smtp_server
from support.system import System, run_module, wait_until

T = today()
CANARY = Canaries("M")
TEXT = f"Rückruf bei Familie {CANARY.family_name} wegen der Kaution"
REGISTRATION = {
    "provider": "caritas",
    "registered_on": T.isoformat(),
    "accommodation.kind": "shelter",
    "members.0.role": "head",
    "members.0.age_band": "27-64",
    "members.0.given_name": CANARY.given_name,
    "members.0.family_name": CANARY.family_name,
}
BEN = "ben@caritas-koeln.de"
BASE = "https://auszug.stadt.example"


def post_form(client: httpx.Client, path: str, form: dict[str, str]) -> httpx.Response:
    token = client.cookies["auszug_csrf"]
    return client.post(path, data={"csrf_token": token, **form}, follow_redirects=False)


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def metric(system: System, name: str) -> float:
    return system["gateway"].metrics().get(name, 0.0)


def digest(system: System) -> str:
    """`python -m services.gateway.mail digest`: its last line (the log lines before it)."""
    return run_module(system, "gateway", "services.gateway.mail", "digest").splitlines()[-1]


def assigned(messages: list[EmailMessage]) -> list[EmailMessage]:
    return [m for m in messages if "Wiedervorlage für Sie" in m["Subject"]]


def test_assignments_and_the_daily_overview_arrive_once_without_personal_data(
    system: System,
) -> None:
    # Off while no SMTP host is set: the gateway says so once at start, the page too.
    assert "mail off: AUSZUG_GATEWAY_SMTP_HOST is not set" in system["gateway"].log_tail(500)
    add_users(
        system,
        ("anna", "caseworker", "koeln", "caritas"),
        ("ben", "caseworker", "koeln", "caritas"),
    )
    page = signed_in(system, "ben").get("/ui/konto")
    assert page.status_code == 200 and "Mein Konto" in page.text
    assert "Versand von E-Mails nicht eingerichtet" in page.text

    with smtp_server() as inbox:
        system["gateway"].env.update(inbox.env)
        system["gateway"].stop()
        system["gateway"].start()
        anna, ben = signed_in(system, "anna"), signed_in(system, "ben")
        ben_id = ben.get("/api/session").json()["user_id"]

        # Ben's address: a malformed one is refused at its field, nothing saved.
        bad = post_form(ben, "/ui/konto", {"email": "ben@caritas", "digest": "ja"})
        assert bad.status_code == 422, bad.text
        assert 'id="fehler-email">Bitte eine vollständige E-Mail-Adresse angeben' in bad.text
        assert 'value="ben@caritas"' in bad.text
        saved = post_form(ben, "/ui/konto", {"email": BEN, "digest": "ja"})
        assert saved.status_code == 303, saved.text
        shown = ben.get(saved.headers["location"]).text
        assert "Ihre Einstellungen für E-Mails sind gespeichert." in shown
        assert f'value="{BEN}"' in shown and 'name="digest" value="ja" checked' in shown
        assert "nicht eingerichtet" not in shown

        registered = post_form(anna, "/ui/haushalte/neu", REGISTRATION)
        assert registered.status_code == 303, registered.text
        household_page = registered.headers["location"]
        hid = household_page.rsplit("/", 1)[1]
        short = hid.replace("-", "")[:8]

        # The server refuses for now: the mail waits, is tried again, each failure counted,
        # and the request that caused it, and the next ones, are answered as usual.
        inbox.refusing = True
        follow_up = {"due_on": T.isoformat(), "assignee_login": "ben", "text": TEXT}
        path = f"/api/households/{hid}/follow-ups"
        key = {"Idempotency-Key": "mail-test-assign-1"}
        first = ok(anna.post(path, json=follow_up, headers=key))
        again = ok(anna.post(path, json=follow_up, headers=key))
        assert again == first
        wait_until(lambda: inbox.refused >= 3, what="three refused deliveries")
        assert metric(system, "auszug_mail_failures_total") >= 3
        assert metric(system, "auszug_mail_pending") >= 1
        assert anna.get("/ui/heute").status_code == 200
        assert ben.get("/ui/konto").status_code == 200
        inbox.refusing = False
        wait_until(lambda: assigned(inbox.to(BEN)), what="the assignment mail")

        # Ben writing one for himself mails nobody; Anna's form, sent twice, mails once.
        ok(ben.post(path, json={**follow_up, "text": "Selbst erledigen"}))
        form_page = anna.get(household_page).text
        fid = form_page.split('name="follow_up_id" value="', 1)[1][:36]
        form = {"follow_up_id": fid, "due_on": T.isoformat(), "assignee": ben_id, "text": TEXT}
        for _ in range(2):
            sent = post_form(anna, f"{household_page}/wiedervorlagen", form)
            assert sent.status_code == 303, sent.text

        # The overview, once reporting lists Ben's three: run twice, enqueued once.
        def mine() -> int:
            listed = ben.get("/api/follow-ups", params={"mine": "true", "kind": "written"})
            return len(ok(listed, 200)["items"])

        wait_until(lambda: mine() == 3, what="Ben's three follow-ups on his due list")
        assert digest(system) == "1 Übersicht(en) eingereiht."
        assert digest(system) == "0 Übersicht(en) eingereiht."
        digests = wait_until(
            lambda: [m for m in inbox.to(BEN) if "Übersicht" in m["Subject"]],
            what="the daily overview",
        )

        # Mails are sent in the order they were enqueued: a second mail of either
        # assignment would have arrived before the overview.
        mails = inbox.received()
        assert len(assigned(mails)) == 2 and len(digests) == 1, [m["Subject"] for m in mails]
        assert {m["To"] for m in mails} == {BEN}  # Anna has no address; Ben's own: none
        mail = assigned(mails)[0]
        assert mail["From"] == "Auszug <auszug@stadt.example>"
        assert f"Haushalt {short}" in mail["Subject"]
        text = body(mail)
        assert f"Fällig am: {T.strftime('%d.%m.%Y')}" in text
        assert f"Öffnen: {BASE}/ui/haushalte/{hid}#wiedervorlagen" in text

        overview = body(digests[0])
        assert "Meine fälligen Wiedervorlagen (3)" in overview
        assert overview.count(f"Wiedervorlage · Haushalt {short} · fällig am") == 3
        assert f"{BASE}/ui/haushalte/{hid}#wiedervorlagen" in overview
        assert f"Alles auf einen Blick: {BASE}/ui/heute" in overview

        # No name, no text staff wrote: only kinds, days, short references, links.
        for message in mails:
            for seen in (message["Subject"], body(message)):
                assert CANARY.family_name not in seen and CANARY.given_name not in seen
                assert "Kaution" not in seen and "Selbst erledigen" not in seen

        assert metric(system, 'auszug_mail_sent_total{kind="assigned"}') == 2
        assert metric(system, 'auszug_mail_sent_total{kind="digest"}') == 1

        # Given to the team (no mail), then to Ben again by Anna's form: a new step, a new
        # mail.
        reassign = f"{household_page}/wiedervorlagen/{first['follow_up_id']}/zuweisen"
        assert post_form(anna, reassign, {"assignee": ""}).status_code == 303
        assert post_form(anna, reassign, {"assignee": ben_id}).status_code == 303
        wait_until(lambda: len(assigned(inbox.to(BEN))) == 3, what="the third assignment")
        wait_until(lambda: metric(system, "auszug_mail_pending") == 0, what="an empty outbox")
        assert len(inbox.received()) == 4
