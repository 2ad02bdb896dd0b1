"""Written follow-ups (Wiedervorlagen) in headless Chromium: a caseworker writes one on a
household for the coordinator, is refused a day in the past at its field, postpones it
and completes it, each with its confirmation; the history names who did what."""

from __future__ import annotations

import os
from datetime import timedelta

from playwright.sync_api import Browser, expect

from shared.clock import today
from support.browser import sign_in
from support.system import System

# Where screenshots go when a person wants to look (unset: none are taken).
SHOTS = os.environ.get("AUSZUG_SCREENSHOTS")


def day(days: int) -> str:
    return (today() + timedelta(days=days)).isoformat()


def german(days: int) -> str:
    return (today() + timedelta(days=days)).strftime("%d.%m.%Y")


def test_a_caseworker_writes_postpones_and_completes_a_follow_up(
    staff_system: System, browser: Browser
) -> None:
    anna = sign_in(browser, staff_system, "anna")
    anna.get_by_role("link", name="Haushalt aufnehmen").click()
    anna.get_by_label("Tag der Aufnahme").fill(day(-20))
    anna.get_by_label("Person 1: Rolle").select_option("head")
    anna.locator("[id='members.0.age_band']").select_option("27-64")
    anna.locator("[id='members.0.family_name']").fill("Haddad")
    anna.get_by_role("button", name="Haushalt aufnehmen").click()
    expect(anna.get_by_role("heading", name="Wiedervorlagen")).to_be_visible()

    anna.get_by_label("Fällig am").fill(day(-1))
    anna.get_by_label("Was ist zu tun?").fill("Jobcenter wegen der Kaution anrufen")
    anna.locator("#neu-wer").select_option(label="kora")
    anna.get_by_role("button", name="Wiedervorlage speichern").click()
    expect(anna.locator("#fehler-neu-due_on")).to_have_text(
        "Bitte heute oder einen späteren Tag wählen."
    )
    expect(anna.get_by_label("Was ist zu tun?")).to_have_value(
        "Jobcenter wegen der Kaution anrufen"
    )

    anna.get_by_label("Fällig am").fill(day(1))
    anna.get_by_label("Uhrzeit (optional)").last.fill("09:15")
    anna.get_by_role("button", name="Wiedervorlage speichern").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Wiedervorlage ist gespeichert.")
    item = anna.locator("article.wiedervorlage").first
    expect(item).to_contain_text(f"{german(1)}, 09:15 Uhr")
    expect(item).to_contain_text("Zuständig: kora")
    if SHOTS:
        anna.screenshot(path=f"{SHOTS}/wiedervorlage_neu.png", full_page=True)

    item.locator("summary", has_text="Verschieben").click()
    item.get_by_label("Neuer Tag").fill(day(4))
    item.get_by_role("button", name="Verschieben").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Wiedervorlage ist verschoben.")
    item = anna.locator("article.wiedervorlage").first
    expect(item).to_contain_text(german(4))

    item.get_by_role("button", name="Erledigt").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Wiedervorlage ist erledigt.")
    expect(anna.get_by_text("Keine offene Wiedervorlage.")).to_be_visible()
    done = anna.locator("article.wiedervorlage.erledigt")
    done.locator("summary", has_text="Verlauf").click()
    expect(done).to_contain_text("angelegt: fällig am")
    expect(done).to_contain_text(f"verschoben auf {german(4)}")
    expect(done).to_contain_text("erledigt – anna")
    if SHOTS:
        anna.screenshot(path=f"{SHOTS}/wiedervorlage_erledigt.png", full_page=True)
