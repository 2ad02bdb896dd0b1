"""Headless Chromium for the browser tests (Debian's package, driven by Playwright): the
staff accounts they use and how a person signs in."""

from __future__ import annotations

import subprocess
import sys

from playwright.sync_api import Browser, Page, expect

from support.system import ROOT, System

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "ein-langes-Passwort-1"
ACCOUNTS = [
    ("anna", "caseworker", "koeln", "caritas"),
    ("dirk", "caseworker", "koeln", "drk"),
    ("kora", "coordinator", "koeln", None),
]


def add_user(
    system: System, login: str, role: str, municipality: str, provider: str | None
) -> subprocess.Popen[str]:
    args = ["--login", login, "--role", role, "--municipality", municipality, "--password-stdin"]
    process = subprocess.Popen(
        [sys.executable, "-m", "services.gateway.users", "add", *args]
        + (["--provider", provider] if provider else []),
        stdin=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=system["gateway"].env,
    )
    assert process.stdin is not None
    process.stdin.write(PASSWORD + "\n")
    process.stdin.close()
    return process


def sign_in(browser: Browser, system: System, login: str) -> Page:
    page = browser.new_context(base_url=system.gateway, locale="de-DE").new_page()
    # In production /ui sends a stranger here; the test system would take them for the
    # development identity instead, so the test goes to the form directly.
    page.goto("/ui/anmelden")
    page.get_by_label("Anmeldename").fill(login)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_text(login, exact=False).first).to_be_visible()
    return page
