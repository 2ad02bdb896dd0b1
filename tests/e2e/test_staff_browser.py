"""A day in the staff UI, in headless Chromium (Debian's package, driven by Playwright):
a caseworker signs in and registers a household, a coordinator opens it, registers a
landlord and an offer, proposes the household, records the landlord's yes and the lease,
and sees the yearly report count the placement; a caseworker of another provider can
open neither the household nor its proposal."""

from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Browser, Locator, Page, expect

from support.browser import sign_in
from support.system import System


def test_a_household_registered_in_the_browser_is_seen_by_the_right_people_only(
    staff_system: System, browser: Browser
) -> None:
    anna = sign_in(browser, staff_system, "anna")
    anna.get_by_role("link", name="Haushalt aufnehmen").click()
    anna.get_by_label("Tag der Aufnahme").fill("2025-05-06")
    anna.get_by_label("Person 1: Rolle").select_option("head")
    anna.locator("[id='members.0.given_name']").fill("Amal")
    anna.get_by_label("Person 2: Rolle").select_option("child")
    anna.locator("[id='members.1.age_band']").select_option("6-17")
    anna.get_by_role("button", name="Haushalt aufnehmen").click()
    # Person 1 has no age band yet: the error sits at that field, the name is still there.
    expect(anna.locator("[id='fehler-members.0.age_band']")).to_be_visible()
    expect(anna.locator("[id='members.0.given_name']")).to_have_value("Amal")
    anna.locator("[id='members.0.age_band']").select_option("27-64")
    anna.get_by_role("button", name="Haushalt aufnehmen").click()
    # The page is named as the lists name the household; the day it was taken in below.
    expect(anna.get_by_text("Aufgenommen am 06.05.2025")).to_be_visible()
    household_url = anna.url

    kora = sign_in(browser, staff_system, "kora")
    kora.goto(household_url)
    # The name in the members table (the action forms name the person again).
    expect(kora.get_by_role("cell", name="Amal")).to_be_visible()
    expect(kora.get_by_text("Aufgenommen beim Träger Caritas Köln")).to_be_visible()
    expect(kora.get_by_role("heading", name="Zugriffsprotokoll")).to_be_visible()
    household_id = household_url.rstrip("/").rsplit("/", 1)[1]
    offer_url = place_household(kora, household_id)

    dirk = sign_in(browser, staff_system, "dirk")
    dirk.goto(offer_url)
    expect(dirk.get_by_role("heading", name="Vorschläge")).to_be_visible()
    expect(dirk.get_by_text(household_id[:8])).to_have_count(0)
    response = dirk.goto(household_url)
    assert response is not None and response.status == 404
    expect(dirk.get_by_role("heading", name="Nicht gefunden")).to_be_visible()
    expect(dirk.get_by_text("Amal")).to_have_count(0)


def reload_until(page: Page, found: Callable[[], Locator], what: str, timeout: float = 30) -> None:
    """The services learn from each other's events a moment later: look again until then."""
    deadline = time.monotonic() + timeout
    while found().count() == 0:
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.3)
        page.reload()


def place_household(kora: Page, household_id: str) -> str:
    """The coordinator starts from nothing: landlord, offer, proposal, yes, lease, figure.
    Returns the offer's page."""
    kora.get_by_role("link", name="Wohnungen").click()
    kora.get_by_role("link", name="Vermieter aufnehmen").click()
    kora.get_by_label("Name oder Firma").fill("GAG Immobilien AG")
    kora.get_by_label("Art des Vermieters").select_option("municipal_housing_company")
    kora.get_by_role("button", name="Vermieter aufnehmen").click()

    expect(kora.get_by_role("heading", name="Wohnungsangebot aufnehmen")).to_be_visible()
    expect(kora.get_by_label("Vermieter")).to_contain_text("GAG Immobilien AG")
    kora.get_by_label("Stadtteil (Veedel)").select_option("ehrenfeld")
    kora.get_by_label("Zimmer").fill("zwei")
    kora.get_by_label("Wohnfläche in m²").fill("65")
    kora.get_by_label("Kaltmiete in Euro").fill("500")
    kora.get_by_label("Kalte Nebenkosten in Euro").fill("120,50")
    kora.get_by_label("Bezugsfertig ab").fill("2025-06-01")
    kora.get_by_label("Wohnberechtigungsschein (WBS) nötig?").select_option("false")
    kora.get_by_label("Nach der Richtlinie Flü vergeben").check()
    kora.get_by_label("Woher kam das Angebot?").select_option("housing_company_quota")
    kora.get_by_label("Angebot erhalten am").fill("2025-05-10")
    kora.get_by_role("button", name="Angebot aufnehmen").click()
    # "zwei" is no number: the error sits at the field, everything typed is still there.
    expect(kora.locator("#fehler-rooms")).to_be_visible()
    expect(kora.get_by_label("Stadtteil (Veedel)")).to_have_value("ehrenfeld")
    expect(kora.get_by_label("Kalte Nebenkosten in Euro")).to_have_value("120,50")
    kora.get_by_label("Zimmer").fill("2,5")
    kora.get_by_role("button", name="Angebot aufnehmen").click()
    expect(kora.get_by_role("heading", name="Wohnung in Ehrenfeld, 2,5 Zimmer")).to_be_visible()
    expect(kora.locator("dl.daten")).to_contain_text("620,50 €")
    offer_url = kora.url

    # One button per candidate row: the household's own proposes it.
    row = f"button[name='household_ids'][value='{household_id}']"
    reload_until(kora, lambda: kora.locator(row), "the household among the searching ones")
    kora.get_by_label("Vorgeschlagen am").fill("2025-05-12")
    kora.locator(row).click()
    expect(kora.get_by_text("schon vorgeschlagen")).to_be_visible()

    decision = kora.locator("#vermieter-entscheidung")
    decision.get_by_label("Entscheidung").select_option("accepted")
    decision.get_by_label("Entschieden am").fill("2025-05-11")
    decision.get_by_role("button", name="Entscheidung festhalten").click()
    # Before the proposal: refused, the reason at the date, a pointer on top, the date kept.
    decision = kora.locator("#vermieter-entscheidung")
    expect(kora.locator("#schritt-fehler")).to_contain_text("Bitte die markierten Felder prüfen.")
    expect(decision).to_contain_text("vor dem Vorschlag")
    expect(decision.get_by_label("Entschieden am")).to_have_value("2025-05-11")
    decision.get_by_label("Entschieden am").fill("2025-05-14")
    decision.get_by_role("button", name="Entscheidung festhalten").click()
    expect(kora.get_by_text("Zusage am 14.05.2025")).to_be_visible()

    lease = kora.locator("#mietvertrag")
    lease.get_by_label("Mietvertrag unterschrieben am").fill("2025-05-20")
    lease.get_by_label("Eingezogen am").fill("2025-06-01")
    lease.get_by_role("button", name="Vermittlung abschließen").click()
    expect(kora.locator("dl.daten")).to_contain_text("vermietet")

    kora.goto("/ui/bericht?jahr=2025")
    placed = kora.locator(
        "tr", has=kora.get_by_role("rowheader", name="Vermittelte Haushalte", exact=True)
    )
    reload_until(
        kora,
        lambda: placed.first.locator("td", has_text="1").first,
        "the placement counted in the yearly report",
    )
    expect(placed.first.locator("td").first).to_have_text("1")
    return offer_url
