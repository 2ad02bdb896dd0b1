"""Keeping a household current in headless Chromium: a caseworker registers a family with
more persons than the form first shows ("Weitere Person hinzufügen"), corrects a birth
date and sees the confirmation and the history; an implausible birth date is refused at
the person's field in words; a caseworker of another provider cannot open the page."""

from __future__ import annotations

import os

from playwright.sync_api import Browser, expect

from support.browser import sign_in
from support.system import System

# Where screenshots go when a person wants to look (unset: none are taken).
SHOTS = os.environ.get("AUSZUG_SCREENSHOTS")


def test_a_caseworker_corrects_a_birth_date_in_the_browser(
    staff_system: System, browser: Browser
) -> None:
    anna = sign_in(browser, staff_system, "anna")
    anna.get_by_role("link", name="Haushalt aufnehmen").click()
    anna.get_by_label("Tag der Aufnahme").fill("2025-05-06")
    for i in range(5):
        if i >= 4:
            anna.get_by_role("button", name="Weitere Person hinzufügen").click()
        anna.get_by_label(f"Person {i + 1}: Rolle").select_option("head" if i == 0 else "child")
        anna.locator(f"[id='members.{i}.age_band']").select_option("27-64" if i == 0 else "6-17")
        anna.locator(f"[id='members.{i}.given_name']").fill(f"Kind {i}" if i else "Amal")
    anna.locator("[id='members.0.family_name']").fill("Öztürk")
    anna.locator("[id='members.0.birth_date']").fill("1980-02-01")
    anna.get_by_role("button", name="Haushalt aufnehmen").click()
    expect(
        anna.get_by_role("heading", name="Familie Öztürk (Caritas Köln, 5 Personen)")
    ).to_be_visible()
    expect(anna.get_by_text("Aufgenommen am 06.05.2025")).to_be_visible()
    expect(anna.get_by_role("cell", name="Kind 4")).to_be_visible()
    page_url = anna.url

    anna.get_by_text("Stammdaten berichtigen").first.click()
    anna.locator("[id='stammdaten-members.1.birth_date']").fill("1970-01-01")
    anna.get_by_role("button", name="Stammdaten berichtigen").click()
    error = anna.locator("[id='fehler-stammdaten-members.1.birth_date']")
    expect(error).to_contain_text("passt nicht zur Altersgruppe „6–17 Jahre“")
    if SHOTS:
        anna.screenshot(path=f"{SHOTS}/stammdaten_fehler.png", full_page=True)

    anna.locator("[id='stammdaten-members.1.birth_date']").fill("")
    anna.locator("[id='stammdaten-members.0.birth_date']").fill("1981-02-01")
    anna.get_by_role("button", name="Stammdaten berichtigen").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Stammdaten sind berichtigt.")
    expect(anna.get_by_role("cell", name="01.02.1981").first).to_be_visible()
    history = anna.locator("#berichtigungen + .tabelle")
    expect(history).to_contain_text("01.02.1980")
    if SHOTS:
        anna.screenshot(path=f"{SHOTS}/stammdaten_berichtigt.png", full_page=True)

    dirk = sign_in(browser, staff_system, "dirk")
    response = dirk.goto(page_url)
    assert response is not None and response.status == 404
    expect(dirk.get_by_text("Öztürk")).to_have_count(0)
