"""Letters against the running system (issue 15, "Letters"): the coordination edits the
Jobcenter letter's template on `/ui/briefvorlagen` (an unknown placeholder is refused at
the field, in German) and the letter printed from the offer's page carries the edit; a
caseworker may neither see nor save templates (403) nor print the guarantee letter, but
prints the proposal of their own household — which carries none of the household's
personal data (canaries planted in every field intake has) — and another provider's
caseworker is told it does not exist (404). A letter is kept with the offer's documents;
the coordination is sent to its download, the caseworker (who reads no offer documents)
gets the letter itself."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import httpx
from pypdf import PdfReader

from shared.clock import today
from support.canaries import A, register_household
from support.due_list import Api, offer_with_a_ready_household, ok
from support.form_browser import TOKEN, Browser
from support.system import System, wait_until

COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "k-7"}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "cw-7"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "cw-8"}
GLADBACH = COORDINATOR | {"x-auszug-municipality": "bergisch-gladbach", "x-auszug-user": "k-8"}
EDIT = "Eilantrag Zqvw: bitte übernehmen Sie {{ betrag }} für {{ haushalt }}."
TEMPLATE = "/ui/briefvorlagen/placement/guarantee_request"


def pdf_text(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_letters_from_their_templates_to_the_offers_print_button(system: System) -> None:
    api = Api(system)
    _, oid = offer_with_a_ready_household(api, system)
    hid = register_household(system, A)

    def known() -> bool:
        found = ok(api.http.get(f"{api.base}/offers/{oid}/matches"), 200)["matches"]
        return any(m["household_id"] == hid for m in found)

    wait_until(known, what="placement knows the household with canaries")
    api.post(f"/offers/{oid}/proposals", {"household_ids": [hid]})
    guarantee = {
        "household_id": hid,
        "kind": "deposit",
        "requested_from": "jobcenter",
        "amount": "1180.00",
        "funding": "loan",
    }
    gid = api.post(f"/offers/{oid}/guarantees", guarantee)["guarantee_id"]
    kora, anna, dirk = Browser(system, COORDINATOR), Browser(system, CARITAS), Browser(system, DRK)
    page = f"/ui/wohnungen/{oid}"

    shown = kora.get(page)
    assert "Brief an das Jobcenter drucken" in shown
    assert "Vorschlag an den Vermieter drucken" in shown
    theirs = anna.get(page)
    assert "Vorschlag an den Vermieter drucken" in theirs
    assert "Brief an das Jobcenter drucken" not in theirs

    # The coordination edits the template; an unknown placeholder is refused at the field.
    listed = kora.get("/ui/briefvorlagen")
    assert "Antrag auf Übernahme an das Jobcenter" in listed and "geändert am" not in listed
    assert "{{ betrag }}" in kora.get(TEMPLATE)
    refused = kora.post(
        TEMPLATE, {"subject_line": "Antrag", "body": "Sehr geehrte {{ nachname }}"}, status=422
    )
    assert 'id="fehler-body"' in refused.text
    assert "Unbekannter Platzhalter {{ nachname }}" in refused.text
    saved = kora.post(TEMPLATE, {"subject_line": "Eilantrag {{ haushalt }}", "body": EDIT})
    assert saved.headers["location"] == (
        "/ui/briefvorlagen?hinweis=briefvorlage-gespeichert#placement-guarantee_request"
    )
    assert "geändert am" in kora.get("/ui/briefvorlagen")

    # A caseworker neither sees nor saves templates, nor writes the guarantee letter.
    anna.get("/ui/briefvorlagen", status=403)
    anna.post(TEMPLATE, {"subject_line": "x", "body": "x"}, status=403)
    letter = {"kind": "guarantee_request", "about": gid}
    anna.post(f"{page}/brief", letter, status=403)

    # The letter to the Jobcenter, from the edited template, kept with the offer's
    # documents: the browser is sent to its download, the page lists it.
    written = kora.post(f"{page}/brief", letter)
    download = written.headers["location"]
    assert re.fullmatch(rf"{page}/unterlagen/[0-9a-f-]{{36}}", download), download
    text = pdf_text(kora.client.get(download))
    assert "Brief aus Auszug" in kora.get(page)
    assert "Eilantrag Zqvw" in text and "1.180,00 €" in text and "Jobcenter Köln" in text
    assert f"Haushalt {hid.replace('-', '')[:8]}" in text

    # The proposal: the household's own caseworker prints it; it names no person.
    proposal = {"kind": "proposal", "about": hid}
    text = pdf_text(anna.client.post(f"{page}/brief", data={"csrf_token": TOKEN, **proposal}))
    assert "Wohnungsbau Musterstadt" in text and "Musterstraße 7" in text
    leaked = [value for value in A.values() if value in text]
    assert leaked == []
    # Another provider's caseworker, and another town's coordination: not found.
    dirk.post(f"{page}/brief", proposal, status=404)
    Browser(system, GLADBACH).post(f"{page}/brief", proposal, status=404)


def test_the_certificate_prints_from_the_municipalitys_template(system: System) -> None:
    """The participation certificate, moved onto the letters: the coordination's edit is
    on the certificate printed from the workshop's page and on the API's PDF alike."""
    kora, anna, dirk = Browser(system, COORDINATOR), Browser(system, CARITAS), Browser(system, DRK)
    workshop = {
        "provider": "caritas",
        "topic": "heating_and_ventilation",
        "held_on": "2025-04-09",
        "site": "Bürgerzentrum Ehrenfeld",
        "duration_minutes": "90",
    }
    location = anna.post("/ui/ehrenamt/workshops/neu", workshop).headers["location"]
    location = location.split("?")[0]
    anna.post(f"{location}/teilnahmen", {"given_name": "Yasmin", "family_name": "Đorđević"})
    attendee = re.search(r'name="attendee_id" value="([^"]+)"', anna.get(location))
    assert attendee
    anna.post(f"{location}/bestaetigungen", {"attendee_id": attendee[1]})
    link = re.search(r'href="(/api/workshops/[^"]+/certificates/([^"]+))"', anna.get(location))
    assert link, "the workshop's page links the certificate"
    # WRITE_LETTER's page route (the page links the API's PDF, the same text: volunteer
    # keeps no documents of a workshop, so there is nothing to file it with yet).
    button = f"{location}/bestaetigungen/{link[2]}/brief"

    body = "{{ name }} hat am {{ am }} teilgenommen: {{ workshop }}. Stempel Kvzq."
    kora.post(
        "/ui/briefvorlagen/volunteer/certificate",
        {"subject_line": "Teilnahmebestätigung", "body": body},
    )
    text = pdf_text(anna.client.post(button, data={"csrf_token": TOKEN}))
    assert "Yasmin Đorđević hat am 09.04.2025 teilgenommen" in text and "Kvzq" in text
    api_pdf = anna.client.get(link[1])
    assert api_pdf.status_code == 200
    assert "Kvzq" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(api_pdf.content)).pages)
    dirk.post(button, {}, status=404)


SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "skm-7"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "fachstelle-7"}
REFERRAL = {
    "provider": "skm",
    "received_on": (today() - timedelta(days=20)).isoformat(),
    "source": "landlord",
    "target_group": "secured_tenancy_at_risk_of_recurrence",
    "housing_situation": "own_tenancy",
    "adults": "2",
    "minors": "1",
    "contact.name": "Familie Đurić",
    "street_address": "Keupstraße 9",
}


def test_the_home_visit_is_announced_to_the_household(system: System) -> None:
    """The caseworker who visits prints the appointment (day and time; without a time the
    form says so at the field); the letter goes to the household's contact at the case's
    address and is kept with the case's documents; the housing office, who does not visit,
    has no such form."""
    skm, office = Browser(system, SKM), Browser(system, OFFICE)
    case = skm.post("/ui/praevention/neu", REFERRAL).headers["location"].partition("?")[0]
    ends_on = (today() + timedelta(days=180)).isoformat()
    skm.post(f"{case}/pruefung", {"checked_on": today().isoformat()})
    office.post(f"{case}/bewilligung", {"admitted_on": today().isoformat(), "ends_on": ends_on})
    assert "Termin für den Hausbesuch drucken" in skm.get(case)
    assert "Termin für den Hausbesuch drucken" not in office.get(case)

    day = today() + timedelta(days=3)
    untimed = skm.post(
        f"{case}/hausbesuch-brief", {"appointment_on": day.isoformat()}, status=422
    ).text
    assert 'id="fehler-hausbesuch-brief-appointment_at"' in untimed
    assert "Bitte die Uhrzeit des Besuchs angeben." in untimed

    kora = Browser(system, COORDINATOR)
    kora.post(
        "/ui/briefvorlagen/prevention/home_visit",
        {"subject_line": "Besuch am {{ tag }}", "body": "Guten Tag {{ name }}, {{ uhrzeit }}."},
    )
    form = {"appointment_on": day.isoformat(), "appointment_at": "10:30"}
    written = skm.post(f"{case}/hausbesuch-brief", form)
    # Kept with the case's documents: the browser is sent to its download.
    download = written.headers["location"]
    assert re.fullmatch(rf"{case}/unterlagen/[0-9a-f-]{{36}}", download), download
    text = pdf_text(skm.client.get(download))
    listed = skm.get(case)
    assert "Brief aus Auszug" in listed and f"Hausbesuch-{day.isoformat()}.pdf" in listed
    assert f"Besuch am {day:%d.%m.%Y}" in text
    assert "Guten Tag Familie Đurić, 10:30 Uhr." in text and "Keupstraße 9" in text
    office.post(f"{case}/hausbesuch-brief", {"appointment_at": "10:30"}, status=403)
    Browser(system, DRK | {"x-auszug-provider": "drk"}).post(
        f"{case}/hausbesuch-brief", {"appointment_at": "10:30"}, status=404
    )
