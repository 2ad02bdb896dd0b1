"""Follow-ups and notes on an offer in headless Chromium: the coordinator writes one of
each on the offer's page and sees them with their confirmations, after the offer's steps
and the hint that a household's matters go on its own page."""

from __future__ import annotations

import os
from datetime import timedelta

from playwright.sync_api import Browser, expect

from shared.clock import today
from support.browser import sign_in
from support.system import System

SHOTS = os.environ.get("AUSZUG_SCREENSHOTS")
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "k-8"}


def test_the_coordinator_keeps_follow_ups_and_notes_on_an_offer(
    staff_system: System, browser: Browser
) -> None:
    api = f"{staff_system.gateway}/api"
    landlord = {"kind": "private", "name": "Haus Brandt"}
    made = staff_system.http.post(f"{api}/landlords", json=landlord, headers=COORDINATOR)
    assert made.status_code == 201, made.text
    offer = {
        "landlord_id": made.json()["landlord_id"],
        "district": "kalk",
        "rooms": 2,
        "size_m2": "55",
        "cold_rent": "500.00",
        "running_costs": "150.00",
        "available_from": today().isoformat(),
        "wbs_required": False,
        "source": "private_landlord",
    }
    made = staff_system.http.post(f"{api}/offers", json=offer, headers=COORDINATOR)
    assert made.status_code == 201, made.text
    kora = sign_in(browser, staff_system, "kora")
    kora.goto(f"/ui/wohnungen/{made.json()['offer_id']}")
    expect(kora.get_by_role("heading", name="Wiedervorlagen")).to_be_visible()
    expect(kora.get_by_text("gehören zum Angebot und zum Vermieter")).to_be_visible()

    kora.get_by_label("Fällig am").fill((today() + timedelta(days=1)).isoformat())
    kora.get_by_label("Was ist zu tun?").fill("Frau Brandt wegen der Schlüssel anrufen")
    kora.get_by_role("button", name="Wiedervorlage speichern").click()
    expect(kora.get_by_role("status")).to_contain_text("Die Wiedervorlage ist gespeichert.")
    expect(kora.locator("article.wiedervorlage").first).to_contain_text("Schlüssel anrufen")

    kora.locator("[id='notiz-kind']").select_option("phone_call")
    kora.locator("[id='notiz-text']").fill("Besichtigung nur vormittags möglich.")
    kora.get_by_role("button", name="Notiz speichern").click()
    expect(kora.get_by_role("status")).to_contain_text("Die Notiz ist gespeichert.")
    expect(kora.locator(".notizen li").first).to_contain_text("Telefonat · kora")
    if SHOTS:
        kora.screenshot(path=f"{SHOTS}/angebot_notizen.png", full_page=True)
