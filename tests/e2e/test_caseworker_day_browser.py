"""The caseworker's day at a city's scale, in headless Chromium: with a demo year of
2,000 households in the system (twenty of them also called Öztürk), a caseworker of Caritas
types "özt" into the search field every page has, narrows it to the family she means, opens
it, corrects the head's birth date and proposes the family for a fitting flat from the
household's own page; her case list shows one page of 50 and pages on. A caseworker of DRK
finds nothing of the family, and his search looks exactly like a search for nobody.

Its own system (not the package's): 2,000 households would change what the other browser
tests see.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from shared.clock import today
from support.browser import ACCOUNTS, CHROMIUM, add_user, sign_in
from support.nats_server import NatsServer
from support.system import ROOT, System

HOUSEHOLDS = 2000
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "c-1"}
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-1"}
BORN = date(1984, 3, 12)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[System]:
    """A running system holding last year's demo of 2,000 households, driven through the
    API as a city's staff would have entered it."""
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (scripts/bootstrap installs it)")
    workdir = tmp_path_factory.mktemp("city")
    with NatsServer(workdir / "nats") as nats:
        system = System(workdir, nats)
        try:
            system.start()
            runs = [add_user(system, *account) for account in ACCOUNTS]
            assert all(run.wait(timeout=60) == 0 for run in runs)
            # A process of its own, as a city's data would come: the browser's event loop
            # runs in this thread already.
            demo = subprocess.run(
                [sys.executable, "-m", "services.reporting.demo", "--gateway", system.gateway,
                 "--households", str(HOUSEHOLDS), "--seed", "7"],
                cwd=ROOT, capture_output=True, text=True, timeout=900,
            )  # fmt: skip
            assert demo.returncode == 0, demo.stdout + demo.stderr
            yield system
        finally:
            system.stop()


def created(response: Any) -> Any:
    assert response.status_code == 201, response.text
    return response.json()


def family_and_flat(system: System) -> tuple[str, str]:
    """The family Leyla Öztürk (Caritas) and an open flat that fits them."""
    api = f"{system.gateway}/api"
    family = {
        "provider": "caritas",
        "registered_on": (today() - timedelta(days=20)).isoformat(),
        "accommodation": {"kind": "shelter"},
        "members": [
            {
                "role": "head",
                "age_band": "27-64",
                "given_name": "Leyla",
                "family_name": "Öztürk",
                "birth_date": BORN.isoformat(),
            },
            {"role": "child", "age_band": "6-17", "given_name": "Deniz", "family_name": "Öztürk"},
        ],
        "contact": {"phone": "0221 555 0142"},
    }
    household_id = created(system.http.post(f"{api}/households", json=family, headers=CARITAS))
    landlord = {"kind": "housing_company", "name": "GAG Immobilien"}
    landlord_id = created(system.http.post(f"{api}/landlords", json=landlord, headers=COORDINATOR))[
        "landlord_id"
    ]
    flat = {
        "landlord_id": landlord_id,
        "district": "kalk",
        "rooms": 2,
        "size_m2": "55",
        "cold_rent": "430.00",
        "running_costs": "150.00",  # 580 € gross: within Köln's limit for two persons
        "available_from": (today() - timedelta(days=3)).isoformat(),
        "wbs_required": False,
        "source": "housing_company_quota",
        "received_on": (today() - timedelta(days=5)).isoformat(),
    }
    offer_id = created(system.http.post(f"{api}/offers", json=flat, headers=COORDINATOR))
    return str(household_id["household_id"]), str(offer_id["offer_id"])


def search(page: Page, text: str) -> None:
    """The search field in the page's header, as a person uses it: type, press Enter."""
    field = page.get_by_role("search").get_by_label("Haushalt suchen")
    field.fill(text)
    field.press("Enter")


# The module's system takes minutes to fill (2,000 households through the API); pytest-timeout
# counts the fixture's setup into the first test's time.
@pytest.mark.timeout(1200)
def test_find_correct_and_propose_at_a_citys_scale(city: System, browser: Browser) -> None:
    household_id, offer_id = family_and_flat(city)
    anna = sign_in(browser, city, "anna")

    # Find: "özt" finds every Öztürk of Caritas (one page at most), none of another provider.
    search(anna, "özt")
    results = anna.locator("main table tbody tr")
    expect(results.first).to_be_visible()
    titles = anna.locator("main table tbody tr td:first-child").all_inner_texts()
    assert 1 < len(titles) <= 50
    assert all("Öztürk" in title and "Caritas Köln" in title for title in titles)
    # Narrowed as a person would: her given name too.
    search(anna, "leyla özt")
    link = anna.get_by_role("link", name="Familie Öztürk (Caritas Köln, 2 Personen)")
    if link.count():  # a list of one: open it
        link.first.click()
    expect(anna).to_have_url(re.compile(f"/ui/haushalte/{household_id}"))
    expect(anna.get_by_role("heading", level=1)).to_contain_text("Öztürk")

    # Correct the head's birth date (Art. 16): a confirmation, the new date, the history.
    anna.get_by_text("Stammdaten berichtigen").first.click()
    anna.locator("[id='stammdaten-members.0.birth_date']").fill("1984-03-21")
    anna.get_by_role("button", name="Stammdaten berichtigen").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Stammdaten sind berichtigt.")
    expect(anna.get_by_role("cell", name="21.03.1984").first).to_be_visible()
    expect(anna.locator("#berichtigungen + .tabelle")).to_contain_text("12.03.1984")

    # Propose from the household's own page, without looking for the offer.
    section = anna.locator("#wohnungsangebote")
    propose = section.get_by_role("button", name="Für die Wohnung in Kalk vorschlagen")
    expect(propose).to_be_visible()
    propose.click()
    expect(anna).to_have_url(re.compile(f"/ui/haushalte/{household_id}"))
    expect(anna.get_by_role("status")).to_be_visible()
    expect(anna.get_by_role("status")).to_contain_text("vorgeschlagen")
    offer = anna.goto(f"/ui/wohnungen/{offer_id}")
    assert offer is not None and offer.status == 200

    # The case list: one page of 50 rows, then the next.
    anna.goto("/ui?responsible=alle")
    rows = anna.locator("main table tbody tr")
    expect(rows).to_have_count(50)
    first_page = rows.all_inner_texts()
    anna.get_by_role("link", name="Weiter").first.click()
    expect(anna.get_by_text(re.compile(r"Seite 2 von \d+"))).to_be_visible()
    assert rows.all_inner_texts() != first_page

    # Another provider's caseworker: nothing of the family, as if it did not exist.
    dirk = sign_in(browser, city, "dirk")
    search(dirk, "leyla özt")
    theirs = dirk.locator("main").inner_text()
    search(dirk, "leyla zzyzx")
    nobody = dirk.locator("main").inner_text()
    assert "Öztürk (Caritas" not in theirs
    assert theirs.replace("leyla özt", "…") == nobody.replace("leyla zzyzx", "…")
    missing = dirk.goto(f"/ui/haushalte/{household_id}")
    assert missing is not None and missing.status == 404
