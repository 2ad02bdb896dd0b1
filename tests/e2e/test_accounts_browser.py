"""Accounts in headless Chromium (issue 16): the admin of Köln opens „Konten“, creates a
caseworker (first without her provider: refused at that field, in words), reads the
one-time password off the confirmation, and the new colleague signs in with it through
the sign-in form, chooses her own password and reaches her own pages. The account pages
pass axe-core's WCAG 2.1 A/AA rules in German and English."""

from __future__ import annotations

import os
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from support.browser import add_user, sign_in
from support.system import System

SHOTS = os.environ.get("AUSZUG_SCREENSHOTS")
WCAG = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}


def test_an_admin_creates_a_caseworker_who_then_signs_in(
    staff_system: System, browser: Browser
) -> None:
    assert add_user(staff_system, "ada", "admin", "koeln", None).wait(timeout=60) == 0
    ada = sign_in(browser, staff_system, "ada")
    ada.get_by_role("link", name="Konten", exact=True).click()
    expect(ada.get_by_role("heading", name="Konten")).to_be_visible()
    ada.get_by_role("link", name="Konto anlegen").click()
    ada.get_by_label("Anmeldename").fill("greta")
    ada.get_by_label("Rolle").select_option("caseworker")
    ada.get_by_label("Anzeigename").fill("Greta Neu")
    ada.get_by_role("button", name="Konto anlegen").click()
    expect(ada.locator("[id='fehler-provider']")).to_contain_text("bitte ihren Träger wählen")
    expect(ada.get_by_label("Anmeldename")).to_have_value("greta")
    ada.get_by_label("Träger").select_option(label="Caritas Köln")
    ada.get_by_role("button", name="Konto anlegen").click()
    expect(ada.get_by_role("heading", name="Konto angelegt")).to_be_visible()
    password = ada.locator("[id='einmal-passwort']").inner_text()
    if SHOTS:
        ada.screenshot(path=f"{SHOTS}/konto-angelegt.png", full_page=True)

    greta = browser.new_context(base_url=staff_system.gateway, locale="de-DE").new_page()
    greta.goto("/ui/anmelden")
    greta.get_by_label("Anmeldename").fill("greta")
    greta.get_by_label("Passwort").fill(password)
    greta.get_by_role("button", name="Anmelden").click()
    # The one-time password opens „Passwort ändern“ only, until she has chosen her own.
    expect(greta.get_by_role("heading", name="Passwort ändern")).to_be_visible()
    greta.get_by_label("Einmal-Passwort").fill(password)
    greta.get_by_label("Neues Passwort", exact=True).fill("Rheinauhafen-Zimtstern-Greta")
    greta.get_by_label("Neues Passwort wiederholen").fill("Rheinauhafen-Zimtstern-Greta")
    greta.get_by_role("button", name="Passwort speichern").click()
    expect(greta.get_by_role("status")).to_contain_text("Ihr neues Passwort gilt ab sofort.")
    greta.get_by_role("link", name="Weiter zu Ihrer Startseite").click()
    expect(greta.locator(".wer")).to_contain_text("greta · Fachkraft (Träger) · Caritas Köln")
    expect(greta.get_by_role("link", name="Haushalt aufnehmen")).to_be_visible()
    expect(greta.get_by_role("link", name="Konten", exact=True)).to_have_count(0)

    # The admin sees her in the list, and on her page who created her.
    ada.goto("/ui/konten?role=caseworker")
    ada.get_by_role("link", name="greta").click()
    expect(ada.get_by_role("heading", name="Konto greta")).to_be_visible()
    expect(ada.locator("#verlauf + .tabelle")).to_contain_text("Konto angelegt")
    if SHOTS:
        ada.screenshot(path=f"{SHOTS}/konto.png", full_page=True)


def test_the_account_pages_pass_wcag_checks_in_both_languages(
    staff_system: System, browser: Browser
) -> None:
    """„Konten“, a new account with its field errors showing, an account's page and
    „Passwort ändern“, as test_accessibility.py checks the other pages."""
    assert add_user(staff_system, "adele", "admin", "koeln", None).wait(timeout=60) == 0
    adele = sign_in(browser, staff_system, "adele")
    adele.goto("/ui/konten?role=admin")
    own = adele.get_by_role("link", name="adele").get_attribute("href")
    assert own is not None
    problems: list[str] = []
    for language in ("de", "en"):
        adele.goto(f"/ui/konten?lang={language}")
        for path in ("/ui/konten", own, "/ui/passwort"):
            response = adele.goto(path)
            assert response is not None and response.status == 200, path
            assert adele.evaluate("document.documentElement.lang") == language
            problems += violations(adele)
        adele.goto("/ui/konten/neu")
        adele.locator("#role").select_option("caseworker")
        adele.locator("form button[type=submit]").last.click()
        expect(adele.locator("[id='fehler-login']")).to_be_visible()
        problems += violations(adele)
    assert problems == []


def violations(page: Page) -> list[str]:
    results = Axe().run(page, options={"runOnly": WCAG, "resultTypes": ["violations"]})
    found: list[dict[str, Any]] = results.response["violations"]
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in found
    ]
