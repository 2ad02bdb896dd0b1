"""Case notes in headless Chromium: a caseworker writes a note on a household's page (kind,
day, text on two lines), sees the confirmation and the note under her name with its line
break; an empty text is refused at the field in words; the other provider's caseworker
cannot open the page."""

from __future__ import annotations

import os

from playwright.sync_api import Browser, expect

from support.browser import sign_in
from support.system import System, household

SHOTS = os.environ.get("AUSZUG_SCREENSHOTS")
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-9"}


def test_a_caseworker_writes_a_note_in_the_browser(staff_system: System, browser: Browser) -> None:
    created = staff_system.register(household(provider="caritas"), **CARITAS)
    assert created.status_code == 201, created.text
    page_url = f"/ui/haushalte/{created.json()['household_id']}"
    anna = sign_in(browser, staff_system, "anna")
    anna.goto(page_url)
    expect(anna.get_by_role("heading", name="Notizen")).to_be_visible()
    expect(anna.get_by_text("Noch keine Notiz.")).to_be_visible()

    anna.locator("[id='notiz-kind']").select_option("phone_call")
    anna.get_by_role("button", name="Notiz speichern").click()
    expect(anna.locator("[id='fehler-notiz-text']")).to_contain_text("Bitte")
    anna.locator("[id='notiz-text']").fill("Anruf beim Jobcenter.\nKaution wird übernommen.")
    anna.get_by_role("button", name="Notiz speichern").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Notiz ist gespeichert.")
    note = anna.locator(".notizen li").first
    expect(note).to_contain_text("Telefonat · anna")
    # Shown on two lines, as typed (CSS keeps the line break; the text is escaped).
    box = note.locator(".notiz-text").bounding_box()
    line = anna.locator(".notizen .unterzeile").first.bounding_box()
    assert box is not None and line is not None and box["height"] > 1.5 * line["height"]
    if SHOTS:
        anna.screenshot(path=f"{SHOTS}/notizen.png", full_page=True)

    dirk = sign_in(browser, staff_system, "dirk")
    response = dirk.goto(page_url)
    assert response is not None and response.status == 404
    expect(dirk.get_by_text("Kaution")).to_have_count(0)
