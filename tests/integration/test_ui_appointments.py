"""Appointments against the running system (issue 15): a caseworker of SKM arranges a home
visit with its place on the case page; it shows there and on her page "Termine"; she
subscribes to her calendar and the feed, fetched by its secret URL alone, has the visit
with its place in Berlin time; a new URL replaces the old one, "Abo beenden" revokes it
(404, nothing else); another provider's caseworker sees nothing of it; recording the visit
settles the appointment; the case's erasure leaves its place in no database, stream or
log, and the token is in no log either."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from icalendar import Calendar

from shared.clock import today
from support.canaries import everything, found_in
from support.form_browser import Browser
from support.system import System, household, wait_until

T = today()
SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "skm-7"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "drk-7"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "fachstelle-7"}
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-7"}
PLACE = "QxApPlace Keupstraße 7"
SECOND_PLACE = "QxApSecond Berliner Str. 8"
FEED = re.compile(r'value="(http://[^"]+/kalender/([A-Za-z0-9_-]+)\.ics)"')


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def running_case(system: System, household_id: str | None = None) -> str:
    """A case of SKM, admitted by the Fachstelle Wohnen, with the household's consent
    (referred with `household_id` when the household is in move-out management)."""
    http, api = system.http, f"{system.gateway}/api/prevention/cases"
    referral = {
        "provider": "skm",
        "received_on": (T - timedelta(days=10)).isoformat(),
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
        **({"household_id": household_id} if household_id else {}),
    }
    cid: str = ok(http.post(api, json=referral, headers=SKM))["case_id"]
    check: dict[str, list[str]] = {"comparable_help": []}
    ok(http.post(f"{api}/{cid}/eligibility", json=check, headers=SKM), 200)
    admit = {"ends_on": (T + timedelta(days=180)).isoformat()}
    ok(http.post(f"{api}/{cid}/admission", json=admit, headers=OFFICE), 200)
    ok(http.post(f"{api}/{cid}/consent", json={}, headers=SKM), 200)
    return cid


def subscribe(browser: Browser) -> tuple[str, str]:
    """The feed URL the page shows once, and its token."""
    response = browser.post("/ui/termine/abo", {}, status=200)
    found = FEED.search(response.text)
    assert found, response.text
    return found.group(1), found.group(2)


def feed(url: str, status: int = 200) -> httpx.Response:
    """The feed as a calendar program fetches it: no session, no identity headers."""
    response = httpx.get(url, timeout=30)
    assert response.status_code == status, response.text
    assert response.headers["cache-control"] == "private, no-store"
    return response


def test_a_home_visit_from_the_case_page_to_the_calendar_feed(system: System, backend: str) -> None:
    cid = running_case(system)
    skm, drk, office = Browser(system, SKM), Browser(system, DRK), Browser(system, OFFICE)
    case = f"/ui/praevention/{cid}"
    day = T + timedelta(days=3)
    visit = {"day": day.isoformat(), "at": "14:30", "minutes": "45", "place": PLACE}

    # A time nobody can read comes back at its field, in words, with the place kept.
    wrong = skm.post(f"{case}/hausbesuch-vereinbaren", {**visit, "at": "25 Uhr"}, status=422)
    assert "Bitte eine Uhrzeit eingeben, z. B. 14:30." in wrong.text
    assert f'value="{PLACE}"' in wrong.text
    saved = skm.post(f"{case}/hausbesuch-vereinbaren", visit)
    assert saved.headers["location"] == f"{case}?hinweis=hausbesuch_termin#termin"
    page = skm.get(saved.headers["location"])
    assert "Gespeichert: der vereinbarte Hausbesuch steht beim Fall." in page
    assert f"{day.strftime('%d.%m.%Y')}, 14:30 Uhr (45 Minuten), Ort: {PLACE}" in page
    # One open appointment per case: the form to arrange one is gone, move and cancel offered.
    assert f"{case}/hausbesuch-vereinbaren" not in page and f"{case}/hausbesuch-absagen" in page

    # Mine on "Termine", linked to the case, with its place; nobody else's.
    mine = skm.get("/ui/termine")
    assert f'href="{case}"' in mine and PLACE in mine and f"Fall {cid.replace('-', '')[:8]}" in mine
    assert cid not in drk.get("/ui/termine") and PLACE not in drk.get("/ui/termine")
    assert cid not in office.get("/ui/termine")  # the Fachstelle sees the case, not mine
    drk.get(case, status=404)
    drk.post(f"{case}/hausbesuch-absagen", {}, status=404)

    # The feed by its secret URL alone: the visit in Berlin time, its place, no name.
    url, token = subscribe(skm)
    response = feed(url)
    assert response.headers["content-type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["LOCATION"]) == PLACE
    assert str(event["SUMMARY"]) == f"Hausbesuch · Fall {cid.replace('-', '')[:8]}"
    assert str(event["URL"]).endswith(case)
    start = event.decoded("DTSTART")
    assert start == datetime.combine(
        day, datetime.min.time().replace(hour=14, minute=30), tzinfo=ZoneInfo("Europe/Berlin")
    )
    assert event.decoded("DTEND") - start == timedelta(minutes=45)
    # Another provider's caseworker's own feed: without it.
    drk_url, _ = subscribe(drk)
    assert Calendar.from_ical(feed(drk_url).content).walk("VEVENT") == []

    # A new URL replaces the old; "Abo beenden" ends the new one: both 404, bare.
    new_url, new_token = subscribe(skm)
    gone = feed(url, status=404)
    assert gone.content == b""
    feed(new_url)
    ended = skm.post("/ui/termine/abo-beenden", {})
    assert ended.headers["location"] == "/ui/termine?hinweis=kalender_beendet#abo"
    assert "Das Kalender-Abo ist beendet" in skm.get(ended.headers["location"])
    feed(new_url, status=404)
    feed(f"{system.gateway}/kalender/{'x' * 43}.ics", status=404)

    # The visit recorded: the appointment is settled, on the page, the list and the feed.
    last_url, last_token = subscribe(skm)
    done = {
        "done_on": T.isoformat(),
        "findings.none": "1",
        "next_visit_due": (T + timedelta(days=14)).isoformat(),
    }
    skm.post(f"{case}/hausbesuche", done)
    assert PLACE not in skm.get(case) and f"{case}/hausbesuch-vereinbaren" in skm.get(case)
    assert cid not in skm.get("/ui/termine")
    assert Calendar.from_ical(feed(last_url).content).walk("VEVENT") == []
    metrics = system["gateway"].metrics()
    assert metrics['auszug_calendar_feed_requests_total{outcome="served"}'] >= 4
    assert metrics['auszug_calendar_feed_requests_total{outcome="not_found"}'] >= 3

    # A second appointment, then the coordination erases the case's personal data.
    skm.post(f"{case}/hausbesuch-vereinbaren", {**visit, "place": SECOND_PLACE})
    assert SECOND_PLACE in skm.get(case)
    ok(
        system.http.post(
            f"{system.gateway}/api/prevention/cases/{cid}/erasure", json={}, headers=COORDINATION
        ),
        200,
    )
    assert SECOND_PLACE not in skm.get(case) and cid not in skm.get("/ui/termine")
    left = found_in(
        everything(system, backend), [PLACE, SECOND_PLACE, token, new_token, last_token]
    )
    assert not left, left


FAMILY = "QxCalFamily"


def test_the_feed_names_no_household_and_a_restriction_hides_the_appointment(
    system: System,
) -> None:
    """A case referred with an SKM household's id: the page "Termine" names the household
    for its caseworker, the feed never does; while intake restricts the household its
    appointment is in neither, and cannot be changed; once lifted it is back."""
    members = [{"role": "head", "age_band": "27-64", "given_name": "Q", "family_name": FAMILY}]
    created = system.register(household(provider="skm", members=members), **COORDINATION)
    hid = ok(created)["household_id"]
    cid = running_case(system, hid)
    skm = Browser(system, SKM)
    case = f"/ui/praevention/{cid}"
    visit = {"day": (T + timedelta(days=2)).isoformat(), "at": "9:00", "place": PLACE}
    skm.post(f"{case}/hausbesuch-vereinbaren", visit)
    url, _ = subscribe(skm)
    assert FAMILY in skm.get("/ui/termine")  # staff read the title, with the name
    document = feed(url).content
    assert len(Calendar.from_ical(document).walk("VEVENT")) == 1
    assert FAMILY.encode() not in document and b"QxCal" not in document

    api = f"{system.gateway}/api/households/{hid}/restriction"
    restriction = {"reason": "retention_duty", "note": "Aufbewahrung nach §84 SGB X"}
    ok(system.http.post(api, json=restriction, headers=COORDINATION), 200)
    wait_until(lambda: cid not in skm.get("/ui/termine"), what="the appointment hidden")
    assert Calendar.from_ical(feed(url).content).walk("VEVENT") == []
    skm.post(f"{case}/hausbesuch-absagen", {}, status=404)

    ok(system.http.delete(api, headers=COORDINATION), 200)
    wait_until(lambda: cid in skm.get("/ui/termine"), what="the appointment back")
    assert len(Calendar.from_ical(feed(url).content).walk("VEVENT")) == 1
