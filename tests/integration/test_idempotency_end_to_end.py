"""Idempotency keys end to end (real nats-server, real databases, every service a process).

A registration without a client-chosen household id is safe to retry only with an
`Idempotency-Key` (a UI form sends its own token): intake keeps the key in the
transaction that appends the household's events, so a retry after a lost reply answers
the first result. The probe's finding 5.2: nats-server killed under load, 503s for
registrations that had landed, and the retry the 503 asks for made a second household.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import sqlalchemy as sa

from shared.db import sync_url
from support.bus import stream_messages
from support.system import System, household

YEAR = 2025
CSRF = "csrf-" + "i" * 30
CASEWORKER = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-1"}
FORM = {
    "provider": "caritas",
    "registered_on": f"{YEAR}-06-01",
    "accommodation.kind": "shelter",
    "members.0.role": "head",
    "members.0.age_band": "27-64",
    "members.0.given_name": "Amal",
}


def intake_households(system: System) -> int:
    """Households registered in intake's own event store (not the figures)."""
    url = system["intake"].env.get(
        "AUSZUG_INTAKE_DATABASE_URL", f"sqlite:///{system.workdir}/var/intake.db"
    )
    engine = sa.create_engine(sync_url(url))
    try:
        with engine.connect() as conn:
            query = sa.text("SELECT count(*) FROM events WHERE event_type = 'HouseholdRegistered'")
            return int(conn.execute(query).scalar_one())
    finally:
        engine.dispose()


def test_a_key_registers_once_another_body_is_refused_no_key_registers_again(
    system: System,
) -> None:
    body = household(minors=1)
    first = system.register(body, **{"Idempotency-Key": "reg-1"})
    again = system.register(body, **{"Idempotency-Key": "reg-1"})
    assert first.status_code == 201, first.text
    assert (again.status_code, again.json()) == (first.status_code, first.json())

    other = system.register(household(minors=2), **{"Idempotency-Key": "reg-1"})
    assert other.status_code == 422, other.text
    assert other.json()["error"]["message"] == (
        "Dieser Schlüssel wurde schon für eine andere Eingabe verwendet."
    )
    # Another account's key of the same name is its own.
    mine = system.register(
        body, **{"Idempotency-Key": "reg-1", "x-auszug-user": "k-2", "x-auszug-role": "coordinator"}
    )
    assert mine.status_code == 201 and mine.json() != first.json()
    # Without a key every request registers, as before.
    assert system.register(body).status_code == 201
    assert system.register(body).status_code == 201

    figures = system.wait_for_households(YEAR, 4)
    assert figures["persons_registered"] == 4 * 2
    assert intake_households(system) == 4


def test_a_ui_form_posted_twice_with_its_token_registers_once(system: System) -> None:
    with httpx.Client(base_url=system.gateway, headers=CASEWORKER, timeout=30) as browser:
        browser.cookies.set("auszug_csrf", CSRF)
        page = browser.get("/ui/haushalte/neu")
        assert page.status_code == 200, page.text
        token = re.search(r'name="idempotency_token" value="([^"]+)"', page.text)
        assert token is not None
        form = {**FORM, "csrf_token": CSRF, "idempotency_token": token.group(1)}
        first = browser.post("/ui/haushalte/neu", data=form)
        again = browser.post("/ui/haushalte/neu", data=form)  # a double click
        assert first.status_code == again.status_code == 303, again.text
        assert first.headers["location"] == again.headers["location"]
        # Back to the same form, filled in for another household: a new registration.
        other = browser.post("/ui/haushalte/neu", data={**form, "members.0.given_name": "Sami"})
        assert other.status_code == 303, other.text
        assert other.headers["location"] != first.headers["location"]
        # The form rendered again has a new token.
        fresh = browser.get("/ui/haushalte/neu").text
        second = re.search(r'name="idempotency_token" value="([^"]+)"', fresh)
        assert second is not None and second.group(1) != token.group(1)
        form["idempotency_token"] = second.group(1)
        assert browser.post("/ui/haushalte/neu", data=form).status_code == 303

    system.wait_for_households(YEAR, 3)
    assert intake_households(system) == 3


def register_with_keys(system: System, bodies: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """POST every body with its key until it is answered 201, retrying what the gateway
    asks to retry (5xx, the connection lost, the first attempt still running) with the
    same key; the answer per key, and how many attempts were retried."""
    answers: dict[str, Any] = {}
    retried = 0
    lock = threading.Lock()
    with httpx.Client(timeout=30) as client:

        def register(key: str) -> None:
            nonlocal retried
            for _attempt in range(600):
                try:
                    response = client.post(
                        f"{system.gateway}/api/households",
                        json=bodies[key],
                        headers={"Idempotency-Key": key},
                    )
                except httpx.TransportError:
                    response = None
                if response is not None and response.status_code == 201:
                    with lock:
                        answers[key] = response.json()
                    return
                busy = response is not None and (
                    response.status_code >= 500
                    or response.json()["error"]["code"] == "request_in_progress"
                )
                if response is not None and not busy:
                    raise AssertionError(f"{response.status_code}: {response.text}")
                with lock:
                    retried += 1
                threading.Event().wait(0.1)
            raise AssertionError(f"gave up registering {key}")

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(register, bodies))
    return {"answers": answers, "retried": retried}


def test_nats_server_killed_mid_load_every_key_registers_exactly_one_household(
    system: System,
) -> None:
    """Finding 5.2 of the probe: without keys, the retries of lost replies doubled."""
    count = 400
    bodies = {f"probe-{i}": household(minors=i % 3) for i in range(count)}
    restarted = threading.Event()

    def restart_nats_when_a_quarter_is_in() -> None:
        while system.figures(YEAR)["households_registered"] < count // 4:
            threading.Event().wait(0.2)
        system.nats.kill()  # SIGKILL, as the probe did
        system.nats.start()  # on the same port and store
        restarted.set()

    chaos = threading.Thread(target=restart_nats_when_a_quarter_is_in)
    chaos.start()
    outcome = register_with_keys(system, bodies)
    chaos.join()
    assert restarted.is_set()
    print(f"{outcome['retried']} attempts were retried with their key")
    assert outcome["retried"] > 0, "nats-server's death cost no request; nothing proven"

    answers = outcome["answers"]
    assert len({a["household_id"] for a in answers.values()}) == count
    figures = system.wait_for_households(YEAR, count, timeout=120)
    assert figures["persons_registered"] == sum(1 + i % 3 for i in range(count))
    assert intake_households(system) == count
    assert stream_messages(system.nats.url) == count
