"""Every staff page passes axe-core's WCAG 2.1 A/AA rules (labels, contrast, landmarks,
names of links and buttons, language of the page) in German and in English, also with
field errors showing; on a page without autofocus, the first Tab reaches the skip link.

Runs in the same headless Chromium and on the same running system as the browser day in
test_staff_browser.py (tests/e2e/conftest.py).
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from support.browser import sign_in
from support.system import System

WCAG = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
COORDINATOR_PAGES = [
    "/ui",
    "/ui/haushalte/neu",
    "/ui/wohnungen",
    "/ui/wohnungen/neu",
    "/ui/wohnungen/vermieter/neu",
    "/ui/ehrenamt",
    "/ui/ehrenamt/ehrenamtliche/neu",
    "/ui/ehrenamt/sprechstunden/neu",
    "/ui/ehrenamt/workshops/neu",
    "/ui/ehrenamt/tandems/neu",
    "/ui/praevention",
    "/ui/praevention/neu",
    "/ui/bericht",
    "/ui/anfragen",
    "/ui/wohnungen/vermieter",
    "/ui/wohnungen/regeln",
    "/ui/wohnungen/festgefahren",
    "/ui/praevention/nachbetreuung",
    "/ui/heute",
    "/ui/fristen",
    "/ui/konto",
]
SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "sk"}


def pages_with_data(system: System) -> list[str]:
    """A household, a volunteer and a prevention case, so their pages show every form a
    coordinator gets (development headers: the test system takes them)."""
    http, api = system.http, f"{system.gateway}/api"
    household = system.register(
        {
            "provider": "caritas",
            "registered_on": "2025-03-01",
            "accommodation": {"kind": "shelter"},
            "members": [
                {"role": "head", "age_band": "27-64", "given_name": "Leyla"},
                {"role": "child", "age_band": "6-17", "given_name": "Mina"},
            ],
        }
    )
    assert household.status_code == 201, household.text
    volunteer = {
        "provider": "caritas",
        "user_id": "vera.a11y",
        "registered_on": "2025-03-02",
        "given_name": "Vera",
        "family_name": "Weber",
    }
    registered = http.post(f"{api}/volunteers", json=volunteer)
    assert registered.status_code == 201, registered.text
    referral = {
        "provider": "skm",
        "received_on": "2025-04-02",
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
        "contact": {"name": "Familie Demir"},
    }
    case = http.post(f"{api}/prevention/cases", json=referral, headers=SKM)
    assert case.status_code == 201, case.text
    return [
        f"/ui/haushalte/{household.json()['household_id']}",
        f"/ui/ehrenamt/ehrenamtliche/{registered.json()['volunteer_id']}",
        f"/ui/praevention/{case.json()['case_id']}",
    ]


def violations(page: Page) -> list[str]:
    results = Axe().run(page, options={"runOnly": WCAG, "resultTypes": ["violations"]})
    found: list[dict[str, Any]] = results.response["violations"]
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in found
    ]


def test_the_staff_pages_pass_wcag_checks_in_both_languages(
    staff_system: System, browser: Browser
) -> None:
    page = browser.new_context(base_url=staff_system.gateway).new_page()
    # The check itself sees what it should: an input without a label, a page without lang.
    page.set_content("<html><body><main><input id='x'></main></body></html>")
    assert {"label", "html-has-lang"} <= {p.split(": ")[1].split(" ")[0] for p in violations(page)}
    page.goto("/ui/anmelden")
    problems = violations(page)

    pages = COORDINATOR_PAGES + pages_with_data(staff_system)
    kora = sign_in(browser, staff_system, "kora")
    kora.goto("/ui")
    kora.keyboard.press("Tab")
    assert kora.evaluate("document.activeElement.getAttribute('href')") == "#inhalt"
    for language in ("de", "en"):
        kora.goto(f"/ui?lang={language}")
        for path in pages:
            response = kora.goto(path)
            assert response is not None and response.status == 200, path
            assert kora.evaluate("document.documentElement.lang") == language
            problems += violations(kora)
        # A form sent empty shows its errors at the fields: still accessible.
        kora.goto("/ui/haushalte/neu")
        kora.locator("form button[type=submit]").last.click()
        problems += violations(kora)
    assert problems == []
