"""Appointments in headless Chromium, by a caseworker signed in with her account: she
arranges a home visit with its place on the case page, finds it under "Termine",
subscribes to her calendar and reads the secret address once; the feed it opens has the
visit; once her account is deactivated the address opens nothing (404)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import httpx
from icalendar import Calendar
from playwright.sync_api import Browser, expect

from shared.clock import today
from support.browser import add_user, sign_in
from support.system import ROOT, System

SHOTS = os.environ.get("AUSZUG_SCREENSHOTS")
SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "w-10"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "f-10"}
PLACE = "Hauseingang Keupstraße 12"


def case_of_skm(system: System) -> str:
    http, api = system.http, f"{system.gateway}/api/prevention/cases"
    referral = {
        "provider": "skm",
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
    }
    created = http.post(api, json=referral, headers=SKM)
    assert created.status_code == 201, created.text
    cid: str = created.json()["case_id"]
    admit = {"ends_on": (today() + timedelta(days=180)).isoformat()}
    for path, body, who in (
        ("eligibility", {}, SKM),
        ("admission", admit, OFFICE),
        ("consent", {}, SKM),
    ):
        answer = http.post(f"{api}/{cid}/{path}", json=body, headers=who)
        assert answer.status_code == 200, answer.text
    return cid


def test_a_caseworker_subscribes_to_her_appointments(
    staff_system: System, browser: Browser
) -> None:
    assert add_user(staff_system, "sina", "caseworker", "koeln", "skm").wait(timeout=60) == 0
    cid = case_of_skm(staff_system)
    sina = sign_in(browser, staff_system, "sina")
    sina.goto(f"/ui/praevention/{cid}")
    sina.locator("#schritt-hausbesuch-vereinbaren summary").click()
    day = today() + timedelta(days=4)
    sina.locator("#schritt-hausbesuch-vereinbaren input[name='day']").fill(day.isoformat())
    sina.locator("#schritt-hausbesuch-vereinbaren input[name='at']").fill("10:30")
    sina.locator("#schritt-hausbesuch-vereinbaren input[name='place']").fill(PLACE)
    sina.locator("#schritt-hausbesuch-vereinbaren button[type='submit']").click()
    expect(sina.get_by_role("status")).to_contain_text("der vereinbarte Hausbesuch steht beim Fall")
    expect(sina.locator("#termin")).to_contain_text(f"10:30 Uhr (60 Minuten), Ort: {PLACE}")
    if SHOTS:
        sina.screenshot(path=f"{SHOTS}/hausbesuch_termin.png", full_page=True)

    sina.get_by_role("link", name="Termine").click()
    expect(sina.get_by_role("heading", name="Meine Termine")).to_be_visible()
    expect(sina.locator("table")).to_contain_text(PLACE)
    sina.get_by_role("button", name="Kalender abonnieren").click()
    address = sina.get_by_label("Kalender-Adresse").input_value()
    assert address.startswith(staff_system.gateway) and address.endswith(".ics")
    if SHOTS:
        sina.screenshot(path=f"{SHOTS}/termine.png", full_page=True)
    (event,) = Calendar.from_ical(httpx.get(address, timeout=30).content).walk("VEVENT")
    assert str(event["LOCATION"]) == PLACE

    # Her account deactivated: the address opens nothing any more.
    disable = [sys.executable, "-m", "services.gateway.users", "disable", "--login", "sina"]
    done = subprocess.run(disable, env=staff_system["gateway"].env, cwd=ROOT, check=False)
    assert done.returncode == 0
    assert httpx.get(address, timeout=30).status_code == 404
