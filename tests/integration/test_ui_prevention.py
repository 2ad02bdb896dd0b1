"""The Wohnintegrationshilfe pages against the running system, as a browser uses them:
a caseworker of SKM receives a referral, the Fachstelle Wohnen admits it (the
caseworker may not), the visits are planned and one is recorded, a mediation with the
landlord appears in the case's course; then a placed household's aftercare offer is
answered on its page. Forms that come back keep what was typed and name the field."""

from __future__ import annotations

import re
from datetime import date, timedelta
from uuid import uuid4

from shared.clock import today
from support.bus import placement_envelope, publish
from support.form_browser import Browser
from support.system import System, wait_until

T = today()
SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "skm-1"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "fachstelle-1"}
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "koordination-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "drk-1"}
# Its cases are this file's list test's alone: the other tests refer to SKM.
DIAKONIE = {
    "x-auszug-role": "caseworker",
    "x-auszug-provider": "diakonie",
    "x-auszug-user": "diakonie-1",
}


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


REFERRAL = {
    "provider": "skm",
    "received_on": ago(20),
    "source": "landlord",
    "target_group": "secured_tenancy_at_risk_of_recurrence",
    "housing_situation": "requisitioned_flat",
    "adults": "2",
    "minors": "1",
    "contact.name": "Familie Demir",
    "street_address": "Keupstraße 9",
}


def test_a_case_from_referral_to_its_first_home_visit(system: System) -> None:
    skm, office = Browser(system, SKM), Browser(system, OFFICE)
    assert 'value="skm"' in skm.get("/ui/praevention/neu")

    # A secured tenancy in a requisitioned flat does not fit: the field says why.
    wrong = skm.post("/ui/praevention/neu", REFERRAL, status=422).text
    assert 'id="fehler-housing_situation"' in wrong and "eigener Mietvertrag" in wrong
    assert 'value="Familie Demir"' in wrong and 'value="Keupstraße 9"' in wrong
    created = skm.post("/ui/praevention/neu", {**REFERRAL, "housing_situation": "own_tenancy"})
    case, _, confirmation = created.headers["location"].partition("?")
    assert re.fullmatch(r"/ui/praevention/[0-9a-f-]{36}", case)
    page = skm.get(f"{case}?{confirmation}")
    assert "Meldung aufgenommen (Vermieterin/Vermieter)" in page and "Familie Demir" in page
    assert "Die Meldung ist aufgenommen, der Fall angelegt." in page
    assert f"{case}/bewilligung" not in page and "nur die Fachstelle Wohnen" in page
    skm.post(f"{case}/pruefung", {"checked_on": ago(15)})

    # Admission is the housing office's: the caseworker is refused and nothing changes.
    refused = skm.post(f"{case}/bewilligung", {"ends_on": ago(-180)}, status=403).text
    assert "Nur die Fachstelle Wohnen darf die Hilfe bewilligen." in refused
    assert "Hilfe bewilligt" not in skm.get(case)
    assert f"{case}/bewilligung" in office.get(case)
    office.post(f"{case}/bewilligung", {"admitted_on": ago(14), "ends_on": ago(-180)})
    Browser(system, DRK).get(case, status=404)

    # Consent, then visits every 7 days from the planning: the first is overdue.
    skm.post(f"{case}/zustimmung", {"given_on": ago(14)})
    skm.post(f"{case}/besuchsrhythmus", {"every_days": "7", "planned_on": ago(14)})
    listing = skm.get("/ui/praevention")
    assert 'class="ueberfaellig"' in listing and "überfällig seit 7 Tagen" in listing

    # A visit without its day comes back with everything typed still there.
    visit = {"findings.rent_arrears": "1", "note": "Schulden besprochen"}
    missing = skm.post(f"{case}/hausbesuche", {**visit, "done_on": ""}, status=422).text
    assert 'id="fehler-hausbesuche-done_on"' in missing and "Bitte ausfüllen." in missing
    assert re.search(r'name="findings.rent_arrears" value="1"\s+checked', missing)
    assert "Schulden besprochen</textarea>" in missing
    skm.post(f"{case}/hausbesuche", {**visit, "done_on": ago(3)})

    # A mediation with the landlord: without its topic it comes back at the field, then
    # recorded with its outcome in the note.
    outcome = "Ratenzahlung der Mietrückstände vereinbart: 50 € monatlich"
    mediation = {"party": "landlord", "held_on": ago(2), "note": outcome}
    wrong = skm.post(f"{case}/vermittlung", mediation, status=422).text
    assert 'id="fehler-vermittlung-topic"' in wrong and f"{outcome}</textarea>" in wrong
    assert 'value="landlord" selected' in wrong
    assert f"{case}/vermittlung" not in office.get(case)
    skm.post(f"{case}/vermittlung", {**mediation, "topic": "rent_arrears"})

    page = skm.get(case)
    next_due = german(T - timedelta(days=3) + timedelta(days=7))
    for step in (
        "Voraussetzungen geprüft: keine vergleichbare Hilfe installiert.",
        f"Hilfe bewilligt (Fachstelle Wohnen), befristet bis {german(T + timedelta(180))}.",
        "Der Haushalt hat der Hilfe zugestimmt.",
        f"Hausbesuch: Mietrückstände. Nächster Besuch fällig am {next_due}",
        "Notiz: Schulden besprochen",
        "Vermittlung mit Vermieterin/Vermieter: Mietrückstände.",
        f"Notiz: {outcome}",
        f"fällig am {next_due}",
        "alle 7 Tage",
    ):
        assert step in page, step
    assert "überfällig seit" not in skm.get("/ui/praevention")
    assert "Nachbetreuung nach dem Einzug</h1>" in skm.get("/ui/praevention/nachbetreuung")

    # The same course in English, once asked for (then remembered by the browser).
    english = skm.get(f"{case}?lang=en")
    assert "Mediation with Landlord: Rent arrears." in english and "Next steps" in english
    answer_aftercare_on_its_page(system)
    case_list_a_page_at_a_time(system)


def answer_aftercare_on_its_page(system: System) -> None:
    """A placement into a flat of its own: the household's offer is open on the aftercare
    page; an acceptance dated ahead is refused with the reason, then recorded."""
    household_id = str(uuid4())
    placed = placement_envelope(household_id)
    publish(system.nats.url, placed, str(placed.event_id))
    coordination, page = Browser(system, COORDINATION), "/ui/praevention/nachbetreuung"
    wait_until(lambda: household_id in coordination.get(page), what="the offer on the page")
    listing = coordination.get(page)
    assert f'href="/ui/haushalte/{household_id}"' in listing and "Angeboten, offen" in listing
    accept = f"{page}/{household_id}/annahme"
    ahead = coordination.post(accept, {"accepted_on": ago(-2)}, status=409).text
    assert "Das Datum liegt in der Zukunft." in ahead and f'value="{ago(-2)}"' in ahead
    coordination.post(accept, {"accepted_on": ago(1)})
    listing = coordination.get(page)
    assert f"Angenommen ({german(T - timedelta(days=1))})" in listing and accept not in listing


def case_list_a_page_at_a_time(system: System) -> None:
    """Three cases of one provider: a page of two, sorted either way, filtered by status
    and by a passed time limit, which the list and the case page name (finding 21)."""
    diakonie, office = Browser(system, DIAKONIE), Browser(system, OFFICE)
    referral = {**REFERRAL, "provider": "diakonie", "housing_situation": "own_tenancy"}
    cases = [
        diakonie.post("/ui/praevention/neu", {**referral, "received_on": ago(days)})
        .headers["location"]
        .split("?")[0]
        for days in (30, 20, 10)
    ]
    oldest = cases[0]
    diakonie.post(f"{oldest}/pruefung", {"checked_on": ago(29)})
    office.post(f"{oldest}/bewilligung", {"admitted_on": ago(28), "ends_on": ago(3)})

    second = diakonie.get("/ui/praevention?per_page=2&page=2")
    assert "3–3 von 3" in second and f'href="{oldest}"' in second
    assert f'href="{cases[2]}"' not in second
    rising = diakonie.get("/ui/praevention?sort=received_on&descending=false&per_page=2")
    assert rising.index(f'href="{oldest}"') < rising.index(f'href="{cases[1]}"')
    assert f'href="{cases[2]}"' not in rising and 'aria-sort="ascending"' in rising

    passed = f"Befristung abgelaufen seit {german(T - timedelta(days=3))}"
    expired = diakonie.get("/ui/praevention?time_limit_passed=true")
    assert "1 Fall" in expired and f'href="{oldest}"' in expired and passed in expired
    assert "Bei 1 laufenden Hilfe ist die Befristung abgelaufen." in expired
    assert 'name="time_limit_passed" value="true" checked' in expired
    assert passed in diakonie.get(oldest)
    referred = diakonie.get("/ui/praevention?status=referred")
    assert "2 Fälle" in referred and f'href="{oldest}"' not in referred
    assert '<option value="referred" selected>' in referred
    # Another provider's caseworker is shown none of them, not even as a count.
    assert "Befristung abgelaufen" not in Browser(system, DRK).get("/ui/praevention")
