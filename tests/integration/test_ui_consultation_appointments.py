"""Individual consultations by appointment against the running system (issue 15): a
caseworker of Caritas arranges an Einzeltermin with its place on the volunteer overview;
it shows there, on her page "Termine" and in her calendar feed (summary without a name,
the place as typed); a caseworker of the DRK sees nothing of it and cannot move or cancel
it; moving changes the feed; recording it as a consultation settles it (once); the Art. 15
export lists an open one with its place; erasing the household leaves its places in no
database, stream or log."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from icalendar import Calendar

from shared.clock import today
from support.canaries import everything, found_in
from support.form_browser import TOKEN, Browser
from support.system import System, household, wait_until
from support.ui.volunteer import CARITAS as CARITAS_STAFF
from support.ui.volunteer import browser, form_tandem, post, register_volunteer

T = today()
UTE = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "ute-bt"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "drk-bt"}
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-bt"}
PLACE = "QxBtPlace Venloer Str. 12"
SECOND_PLACE = "QxBtSecond Neusser Str. 3"
FEED = re.compile(r'value="(http://[^"]+/kalender/([A-Za-z0-9_-]+)\.ics)"')
OPEN = re.compile(r'href="/ui/ehrenamt/einzeltermine/([0-9a-f-]{36})"')
BERLIN = ZoneInfo("Europe/Berlin")


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def subscribe(browser: Browser) -> str:
    found = FEED.search(browser.post("/ui/termine/abo", {}, status=200).text)
    assert found
    return found.group(1)


def events(url: str) -> list[Any]:
    response = httpx.get(url, timeout=30)
    assert response.status_code == 200, response.text
    assert b"QxBtFamily" not in response.content
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def open_ids(page: str) -> set[str]:
    return set(OPEN.findall(page))


def arrange(ute: Browser, form: dict[str, str], *, until_known: bool = False) -> str:
    """Arrange through the page; the id of the new open appointment on the overview.
    `until_known`: again until volunteer has learnt of the household from intake."""
    before = open_ids(ute.get("/ui/ehrenamt"))
    data = {"csrf_token": TOKEN, **form}
    answers: list[httpx.Response] = []

    def sent() -> bool:
        answers.append(ute.client.post("/ui/ehrenamt/einzeltermine/neu", data=data))
        return answers[-1].status_code == 303 or not until_known

    wait_until(sent, what="the appointment arranged")
    assert answers[-1].status_code == 303, answers[-1].text
    location = answers[-1].headers["location"]
    assert location == "/ui/ehrenamt?hinweis=einzeltermin_vereinbart#einzeltermine-offen"
    page = ute.get(location)
    assert "Der Einzeltermin ist vereinbart." in page
    (new,) = open_ids(page) - before
    return new


def test_an_individual_appointment_from_the_overview_to_the_feed_and_settled(
    system: System, backend: str
) -> None:
    head = {"role": "head", "age_band": "27-64", "given_name": "Q", "family_name": "QxBtFamily"}
    created = system.register(household(provider="caritas", members=[head]), **COORDINATION)
    hid = ok(created)["household_id"]
    ute, drk = Browser(system, UTE), Browser(system, DRK)
    day = T + timedelta(days=2)
    form = {
        "provider": "caritas",
        "day": day.isoformat(),
        "at": "10:15",
        "minutes": "30",
        "place": PLACE,
        "household_id": hid,
    }
    # Bad input comes back at its field, in words, with what was typed.
    wrong = ute.post("/ui/ehrenamt/einzeltermine/neu", {**form, "at": "25 Uhr"}, status=422)
    assert "Bitte eine Uhrzeit eingeben, z. B. 14:30." in wrong.text
    assert f'value="{PLACE}"' in wrong.text
    # Volunteer learns of the household from intake's events: arranged once it knows it.
    aid = arrange(ute, form, until_known=True)
    past = {**form, "day": (T - timedelta(days=1)).isoformat()}
    refused = ute.post("/ui/ehrenamt/einzeltermine/neu", past, status=409)
    assert "Der Termin liegt in der Vergangenheit." in refused.text
    overview = ute.get("/ui/ehrenamt")
    assert PLACE in overview and f"/ui/ehrenamt?termin={aid}" in overview

    # Mine on "Termine" with its place and the household's title; nobody else's.
    assert PLACE in ute.get("/ui/termine") and "QxBtFamily" in ute.get("/ui/termine")
    assert PLACE not in drk.get("/ui/termine") and PLACE not in drk.get("/ui/ehrenamt")
    drk.get(f"/ui/ehrenamt/einzeltermine/{aid}", status=404)
    drk.post(f"/ui/ehrenamt/einzeltermine/{aid}/absagen", {}, status=404)

    # The feed by its secret URL: "Beratung · Haushalt …", the place, Berlin time, no name.
    url = subscribe(ute)
    (event,) = [e for e in events(url) if str(e["UID"]) == f"{aid}@auszug"]
    assert str(event["SUMMARY"]) == f"Beratung · Haushalt {hid.replace('-', '')[:8]}"
    assert str(event["LOCATION"]) == PLACE
    assert str(event["URL"]).endswith("/ui/ehrenamt#einzeltermine-offen")
    start = datetime.combine(day, datetime.min.time().replace(hour=10, minute=15), tzinfo=BERLIN)
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") - start == timedelta(minutes=30)
    assert not [e for e in events(subscribe(drk)) if str(e["UID"]) == f"{aid}@auszug"]

    # Moved: a day later at 11:00, the place kept; the feed follows (same UID).
    moved = {"day": (day + timedelta(days=1)).isoformat(), "at": "11:00", "minutes": "45"}
    done = ute.post(f"/ui/ehrenamt/einzeltermine/{aid}", moved)
    assert "Der Einzeltermin ist verschoben." in ute.get(done.headers["location"])
    (event,) = [e for e in events(url) if str(e["UID"]) == f"{aid}@auszug"]
    assert event.decoded("DTSTART").hour == 11 and str(event["LOCATION"]) == PLACE

    # "als Beratung erfassen": the record form comes filled; recording it settles it.
    filled = ute.get(f"/ui/ehrenamt?termin={aid}")
    assert f'name="appointment_id" value="{aid}"' in filled
    record = {
        "appointment_id": aid,
        "provider": "caritas",
        "held_on": T.isoformat(),
        "appointment": "on",
        "channel": "in_person",
        "visitor": "refugee_alone",
        "topic": "application",
        "duration_minutes": "45",
        "household_id": hid,
    }
    recorded = ute.post("/ui/ehrenamt/beratungen", record)
    assert "Die Beratung ist erfasst." in ute.get(recorded.headers["location"])
    assert aid not in open_ids(ute.get("/ui/ehrenamt")) and PLACE not in ute.get("/ui/termine")
    assert not [e for e in events(url) if str(e["UID"]) == f"{aid}@auszug"]
    again = ute.post("/ui/ehrenamt/beratungen", record, status=409)
    # Nor can another provider record (settle) it: as unknown as one that does not exist.
    drk.post(
        "/ui/ehrenamt/beratungen", {**record, "provider": "drk", "household_id": ""}, status=404
    )
    assert "Für diesen Einzeltermin ist schon eine Beratung erfasst." in again.text

    # A second one, cancelled; a third one open: listed with its place in the Art. 15 export.
    cancelled = arrange(ute, {**form, "place": "QxBtCancelled"})
    ute.post(f"/ui/ehrenamt/einzeltermine/{cancelled}/absagen", {})
    assert cancelled not in open_ids(ute.get("/ui/ehrenamt"))
    ute.get(f"/ui/ehrenamt/einzeltermine/{cancelled}", status=404)
    arrange(ute, {**form, "place": SECOND_PLACE})
    coordinator = httpx.Client(base_url=system.gateway, headers=COORDINATION, timeout=30)
    exported = ok(coordinator.get(f"/api/households/{hid}/export"), 200)
    rows = exported["volunteer"]["records"]["consultation_appointments"]
    assert [r["place"] for r in rows] == [SECOND_PLACE]

    # Erasure of the household: its places are in no database, stream or log.
    ok(coordinator.post(f"/api/households/{hid}/erasure"), 200)
    wait_until(lambda: SECOND_PLACE not in ute.get("/ui/termine"), what="the place erased")
    wait_until(
        lambda: found_in(everything(system, backend), [PLACE, SECOND_PLACE, "QxBtCancelled"]) == {},
        what="no trace of the places",
    )


TANDEM_PLACE = "QxBtTandem Aachener Str. 40"


def test_a_tandems_appointment_hidden_by_restriction_and_gone_with_the_volunteer(
    system: System, backend: str
) -> None:
    """An appointment of a tandem: while intake restricts its household only the
    coordination sees it (the caseworker can neither open nor cancel it); erasing the
    tandem's volunteer removes its place."""
    staff = browser(system, CARITAS_STAFF, "/ui/ehrenamt")
    hid = ok(system.register(household("2025-01-10"), **CARITAS_STAFF))["household_id"]
    vid = register_volunteer(staff, "bt.vera", "Vera")
    tid = form_tandem(system, staff, vid, hid)
    ute, coordination = Browser(system, UTE), Browser(system, COORDINATION)
    form = {
        "provider": "caritas",
        "day": (T + timedelta(days=5)).isoformat(),
        "at": "9:00",
        "place": TANDEM_PLACE,
        "tandem_id": tid,
    }
    aid = arrange(ute, form)
    url = subscribe(ute)
    (event,) = [e for e in events(url) if str(e["UID"]) == f"{aid}@auszug"]
    assert str(event["SUMMARY"]) == f"Beratung · Tandem {tid.replace('-', '')[:8]}"

    api = f"{system.gateway}/api/households/{hid}/restriction"
    restriction = {"reason": "retention_duty", "note": "Aufbewahrung nach §84 SGB X"}
    ok(system.http.post(api, json=restriction, headers=COORDINATION), 200)
    wait_until(lambda: TANDEM_PLACE not in ute.get("/ui/termine"), what="the appointment hidden")
    assert not [e for e in events(url) if str(e["UID"]) == f"{aid}@auszug"]
    ute.get(f"/ui/ehrenamt/einzeltermine/{aid}", status=404)
    ute.post(f"/ui/ehrenamt/einzeltermine/{aid}/absagen", {}, status=404)
    assert TANDEM_PLACE in coordination.get("/ui/ehrenamt")
    ok(system.http.delete(api, headers=COORDINATION), 200)
    wait_until(lambda: TANDEM_PLACE in ute.get("/ui/termine"), what="the appointment back")

    # The volunteer leaves the tandem, then the coordination erases their data.
    ended = post(staff, f"/ui/ehrenamt/tandems/{tid}/ende", {"reason": "flat_found"})
    assert ended.status_code == 303, ended.text
    coordinator = httpx.Client(base_url=system.gateway, headers=COORDINATION, timeout=30)
    ok(coordinator.post(f"/api/volunteers/{vid}/erasure", json={}), 200)
    assert TANDEM_PLACE not in ute.get("/ui/termine") and aid in ute.get("/ui/ehrenamt")
    wait_until(
        lambda: found_in(everything(system, backend), [TANDEM_PLACE]) == {},
        what="no trace of the tandem's place",
    )
