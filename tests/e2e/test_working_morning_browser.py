"""A caseworker's working morning in headless Chromium (issue 15's proof): Anna of Caritas
Köln signs in with her password; "Heute" shows the three things due for her, each in
German with the household's title: a written follow-up assigned to her, a viewing whose
result nobody entered, a WBS that ends within the month. She follows each row's link to
the form that settles it, settles it, and sees it gone from "Heute"; then she writes a
note about a phone call on a household and finds it under her name, and uploads the
household's lease, finds it listed under her name and downloads the same file. Dirk of
DRK sees none of it on his "Heute". Then Kora of the coordination, who requests the
deposit for the Nowaks' flat, prints the letter to the Jobcenter from the offer's page:
the browser downloads the letter kept with the offer's documents.

The households were entered through the API before the morning, with their days in the
past, as the work of the weeks before would have left them.

Its own small system (not the package's): the package's tests add households and steps of
Caritas that would show on Anna's "Heute".
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fpdf import FPDF
from playwright.sync_api import Browser, FilePayload, Locator, Page, expect
from pypdf import PdfReader

from shared.clock import today
from support.browser import ACCOUNTS, CHROMIUM, add_user, sign_in
from support.nats_server import NatsServer
from support.postgres import PostgresCluster
from support.system import DATABASE_SERVICES, System, household, wait_until

T = today()
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-1"}
JOBCENTER = "Jobcenter wegen der Kaution anrufen"
WRITTEN = f"Wiedervorlage: {JOBCENTER}"
VIEWING = "Ergebnis der Besichtigung eintragen"
WBS = "Verlängerung des Wohnberechtigungsscheins beantragen"
HADDAD = "Samira Haddad (Caritas Köln, 1 Person)"
NOWAK = "Jan Nowak (Caritas Köln, 1 Person)"
AHMADI = "Reza Ahmadi (Caritas Köln, 1 Person)"


def lease_pdf() -> bytes:
    """A one-page PDF, as a scanner would make of the signed lease."""
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Mietvertrag")
    return bytes(document.output())


def day(days: int) -> str:
    """The ISO day `days` from today (negative: in the past)."""
    return (T + timedelta(days=days)).isoformat()


def german(days: int) -> str:
    return (T + timedelta(days=days)).strftime("%d.%m.%Y")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def morning(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[System]:
    """A running system with the staff accounts and nothing else yet, on either backend."""
    if not shutil.which(CHROMIUM):
        pytest.skip("chromium is not installed (scripts/bootstrap installs it)")
    workdir = tmp_path_factory.mktemp("morning")
    urls: dict[str, str] = {}
    if request.param == "postgres":
        cluster: PostgresCluster = request.getfixturevalue("pg_cluster")
        urls = {s: cluster.create_database(f"{s}_morning") for s in DATABASE_SERVICES}
    with NatsServer(workdir / "nats") as nats:
        system = System(workdir, nats, urls)
        try:
            system.start()
            runs = [add_user(system, *account) for account in ACCOUNTS]
            assert all(run.wait(timeout=60) == 0 for run in runs)
            yield system
        finally:
            system.stop()


class Api:
    """The coordination's requests, as the weeks before the morning made them."""

    def __init__(self, system: System) -> None:
        self.http = httpx.Client(base_url=f"{system.gateway}/api", headers=COORDINATION, timeout=30)

    def post(self, path: str, body: dict[str, Any], status: int = 201) -> Any:
        response = self.http.post(path, json=body)
        assert response.status_code == status, response.text
        return response.json()

    def person(self, given_name: str, family_name: str, **extra: Any) -> str:
        """A household of one, registered 60 days ago (a stage stalls after 90)."""
        body = household(day(-60), provider="caritas", **extra)
        body["members"][0] |= {"given_name": given_name, "family_name": family_name}
        return str(self.post("/households", body)["household_id"])


def the_weeks_before(api: Api) -> tuple[str, str, str, str]:
    """Three households of Caritas, each with one thing due today or earlier (and nothing
    else due): Haddad a follow-up for Anna, Nowak a viewing five days ago without its
    result (two days to enter it), Ahmadi a WBS that ends in ten days (due 30 days before).
    Returns the three households' ids and the offer's."""
    haddad = api.person("Samira", "Haddad")
    api.post(
        f"/households/{haddad}/follow-ups",
        {"due_on": day(0), "assignee_login": "anna", "text": JOBCENTER},
    )

    nowak = api.person("Jan", "Nowak")
    criteria = ["rent_payment", "tenancy_knowledge", "neighbourhood", "household_management"]
    api.post(
        f"/households/{nowak}/readiness-assessments",
        {
            "assessed_on": day(-30),
            "criteria": dict.fromkeys([*criteria, "language_for_contracts"], "met"),
            "result": "ready",
        },
    )
    landlord = {
        "kind": "municipal_housing_company",
        "name": "Wohnungsbau Musterstadt",
        "cooperation_agreement": True,
        "cooperation_agreed_on": "2018-01-01",
    }
    landlord_id = api.post("/landlords", landlord)["landlord_id"]
    flat = {
        "landlord_id": landlord_id,
        "district": "ehrenfeld",
        "street_address": "Musterstraße 7",
        "rooms": 1,
        "size_m2": "40",
        "cold_rent": "400.00",
        "running_costs": "100.00",
        "available_from": day(-20),
        "wbs_required": False,
        "refugee_quota": False,
        "source": "housing_company_quota",
        "received_on": day(-20),
    }
    offer = str(api.post("/offers", flat)["offer_id"])

    def known() -> bool:
        matches = api.http.get(f"/offers/{offer}/matches").json()["matches"]
        return any(match["household_id"] == nowak for match in matches)

    wait_until(known, what="placement knows the Nowaks")
    # Proposed eight days ago: the landlord's answer is due in six days, not this morning.
    api.post(f"/offers/{offer}/proposals", {"household_ids": [nowak], "proposed_on": day(-8)})
    api.post(f"/offers/{offer}/viewings", {"household_id": nowak, "viewing_on": day(-5)})

    ahmadi = api.person("Reza", "Ahmadi", wbs=True, wbs_valid_until=day(10))
    return haddad, nowak, ahmadi, offer


def rows(page: Page) -> Locator:
    return page.locator("main table tbody tr")


def heute_until(page: Page, expected: Callable[[list[str]], bool], what: str) -> list[str]:
    """Opens "Heute" until its rows (one text per row) are as expected: the due list is a
    projection of events and follows a step a moment later."""
    seen: list[list[str]] = [[]]

    def shown() -> bool:
        page.goto("/ui/heute")
        seen[0] = rows(page).all_inner_texts()
        return expected(seen[0])

    try:
        wait_until(shown, timeout=60, what=what)
    except AssertionError as timed_out:
        raise AssertionError(f"{timed_out}; the rows: {seen[0]!r}") from None
    return seen[0]


def row_of(page: Page, what: str) -> Locator:
    return rows(page).filter(has_text=what)


def test_a_caseworkers_working_morning(morning: System, browser: Browser) -> None:
    haddad, nowak, ahmadi, offer = the_weeks_before(Api(morning))

    anna = sign_in(browser, morning, "anna")
    anna.get_by_role("link", name="Heute").first.click()
    expect(anna.get_by_role("heading", level=1, name="Heute")).to_be_visible()
    heute_until(anna, lambda texts: len(texts) == 3, "Anna's three due items")
    written, viewing, wbs = (row_of(anna, what) for what in (WRITTEN, VIEWING, WBS))
    expect(written).to_contain_text(HADDAD)
    expect(written).to_contain_text("heute fällig")
    expect(written).to_contain_text("anna")
    expect(viewing).to_contain_text(NOWAK)
    expect(viewing).to_contain_text("seit 3 Tagen überfällig")
    expect(wbs).to_contain_text(AHMADI)
    expect(wbs).to_contain_text("seit 20 Tagen überfällig")
    # Where each is: hers in her own list, the two steps among the steps.
    expect(anna.locator("#meine tbody tr")).to_have_count(1)
    expect(anna.locator("#schritte tbody tr")).to_have_count(2)
    assert not re.search(r"wbs_expiring|viewing_unrecorded|written", anna.content())

    # Dirk of DRK: the same morning, nothing of Caritas' households.
    dirk = sign_in(browser, morning, "dirk")
    dirk.goto("/ui/heute")
    expect(dirk.get_by_text("Heute ist für Sie nichts fällig.")).to_be_visible()
    expect(dirk.get_by_text("Kein Schritt ist überfällig.")).to_be_visible()
    expect(rows(dirk)).to_have_count(0)
    for hidden in ("Haddad", "Nowak", "Ahmadi", JOBCENTER):
        expect(dirk.get_by_text(hidden)).to_have_count(0)

    # (1) The follow-up: its link leads to the household's follow-ups; "Erledigt".
    written.get_by_role("link", name="Erledigen").click()
    expect(anna).to_have_url(re.compile(f"/ui/haushalte/{haddad}#wiedervorlagen$"))
    item = anna.locator("article.wiedervorlage", has_text=JOBCENTER)
    item.get_by_role("button", name="Erledigt").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Wiedervorlage ist erledigt.")
    heute_until(anna, lambda texts: len(texts) == 2, "the follow-up gone")
    expect(anna.get_by_text("Heute ist für Sie nichts fällig.")).to_be_visible()

    # (2) The viewing: its link leads to the offer's form for a viewing's result.
    row_of(anna, VIEWING).get_by_role("link", name="Erledigen").click()
    expect(anna).to_have_url(re.compile(f"/ui/wohnungen/{offer}#besichtigung-ergebnis$"))
    form = anna.locator("#besichtigung-ergebnis")
    expect(form).to_be_in_viewport()
    form.get_by_label("Stattgefunden am").fill(day(-5))
    form.get_by_label("Ergebnis").select_option(index=1)
    form.get_by_role("button", name="Besichtigung festhalten").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Besichtigung ist festgehalten.")
    held = anna.locator(f"#besichtigungen + .tabelle tr:has(a[href='/ui/haushalte/{nowak}'])")
    expect(held).to_contain_text(f"({german(-5)})")
    expect(held).not_to_contain_text("noch offen")
    heute_until(anna, lambda texts: len(texts) == 1, "the viewing's step gone")

    # (3) The WBS: its link leads to the household's needs; the new last day renews it.
    row_of(anna, WBS).get_by_role("link", name="Erledigen").click()
    expect(anna).to_have_url(re.compile(f"/ui/haushalte/{ahmadi}#bedarf$"))
    anna.get_by_text("Bedarf ändern").first.click()
    anna.get_by_label("WBS gültig bis (optional)").fill(day(365))
    anna.get_by_role("button", name="Bedarf ändern").click()
    expect(anna.get_by_role("status")).to_contain_text("Der Bedarf ist geändert.")
    expect(anna.get_by_text(f"vorhanden, gültig bis {german(365)}")).to_be_visible()
    heute_until(anna, lambda texts: texts == [], "the WBS step gone")
    expect(anna.get_by_text("Heute ist für Sie nichts fällig.")).to_be_visible()
    expect(anna.get_by_text("Kein Schritt ist überfällig.")).to_be_visible()

    # A note about the phone call with the Jobcenter, on the Haddads' page.
    anna.goto(f"/ui/haushalte/{haddad}")
    anna.locator("[id='notiz-kind']").select_option("phone_call")
    anna.locator("[id='notiz-text']").fill("Jobcenter angerufen: die Kaution wird übernommen.")
    anna.get_by_role("button", name="Notiz speichern").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Notiz ist gespeichert.")
    note = anna.locator(".notizen li").first
    expect(note).to_contain_text("Telefonat · anna")
    expect(note).to_contain_text("die Kaution wird übernommen")

    # The signed lease, scanned as a PDF, kept with the household.
    lease = lease_pdf()
    anna.locator("[id='unterlage-kind']").select_option("lease")
    scan: FilePayload = {
        "name": "Mietvertrag Haddad.pdf",
        "mimeType": "application/pdf",
        "buffer": lease,
    }
    anna.locator("[id='unterlage-content']").set_input_files(files=[scan])
    anna.get_by_role("button", name="Unterlage speichern").click()
    expect(anna.get_by_role("status")).to_contain_text("Die Unterlage ist gespeichert.")
    kept = anna.locator(".unterlagen tbody tr").first
    expect(kept).to_contain_text("Mietvertrag")
    expect(kept).to_contain_text("Mietvertrag Haddad.pdf")
    expect(kept).to_contain_text("anna")
    with anna.expect_download() as downloading:
        kept.get_by_role("link", name="Mietvertrag Haddad.pdf").click()
    saved = downloading.value
    assert saved.suggested_filename == "Mietvertrag Haddad.pdf"
    path = saved.path()
    assert path is not None and path.read_bytes() == lease

    # The coordination requests the deposit for the Nowaks and prints the letter to the
    # Jobcenter: a download of the letter kept with the offer.
    deposit = {
        "household_id": nowak,
        "kind": "deposit",
        "requested_from": "jobcenter",
        "amount": "1200.00",
        "funding": "loan",
    }
    Api(morning).post(f"/offers/{offer}/guarantees", deposit)
    kora = sign_in(browser, morning, "kora")
    kora.goto(f"/ui/wohnungen/{offer}")
    letters = kora.locator("#briefe")
    with kora.expect_download() as downloading:
        letters.get_by_role("button", name="Brief an das Jobcenter drucken").click()
    letter = downloading.value
    assert letter.suggested_filename.startswith("Antrag-Uebernahme-")
    printed = letter.path()
    assert printed is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printed.read_bytes())).pages)
    for expected in ("Jobcenter Köln", "Antrag auf Kautionsübernahme", "1.200,00 €", "Darlehen"):
        assert expected in text, expected
    kora.goto(f"/ui/wohnungen/{offer}")
    expect(kora.locator(".unterlagen tbody tr").first).to_contain_text(letter.suggested_filename)
