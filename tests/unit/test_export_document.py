"""The readable Art. 15 document: one part per service in German, codes in German words
with the code kept, the same code read by the event it belongs to, nothing left out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from services.gateway.households.exports.complete import CompleteExport
from services.gateway.households.exports.document import INTRO, document
from services.gateway.web.templating import templates
from shared.contracts.intake import HouseholdExport
from shared.contracts.intake.privacy import RecordedFact
from shared.contracts.placement import CourseEntry, CourseStep
from shared.contracts.placement.household_export import PlacementHouseholdExport
from shared.contracts.prevention.household_export import PreventionHouseholdExport
from shared.contracts.volunteer.household_export import VolunteerHouseholdExport

HID, OFFER = uuid4(), uuid4()


def fact(event_type: str, day: int, **payload: Any) -> RecordedFact:
    at = datetime(2025, 6, day, 8, tzinfo=UTC)
    return RecordedFact(event_type=event_type, occurred_at=at, recorded_at=at, payload=payload)


def export() -> CompleteExport:
    intake = HouseholdExport(
        household_id=HID,
        municipality="koeln",
        exported_on=date(2026, 11, 21),
        personal_data={"household_members": [{"family_name": "Haddad"}]},
        history=[fact("HouseholdRegistered", 1)],
    )
    placement = PlacementHouseholdExport(
        household_id=HID,
        course=[
            CourseEntry(
                on=date(2025, 6, 3), step=CourseStep.proposed, offer_id=OFFER, district="ehrenfeld"
            )
        ],
        records={"offer_details": [{"offer_id": OFFER, "street_address": "Neue Straße 12"}]},
        history=[
            fact("GuaranteeDecided", 5, kind="deposit", decision="approved"),
            fact("LandlordDecided", 4, decision="accepted"),
        ],
    )
    volunteer = VolunteerHouseholdExport(
        household_id=HID,
        records={"attendee_details": [{"given_name": "Amal", "shoe_size": 41}]},
        history=[
            fact("TandemEnded", 9, reason="flat_found"),
            fact("ConsultationHeld", 7, topic="viewing", channel="phone"),
            fact("CertificateIssued", 8, topic="neighbourhood"),
        ],
    )
    prevention = PreventionHouseholdExport(
        household_id=HID,
        records={"aftercare_offers": [], "case_details": [{"contact_name": "Amal Haddad"}]},
        history=[fact("AftercareDeclined", 10, reason="not_reachable")],
    )
    return CompleteExport(
        household_id=HID,
        municipality="koeln",
        exported_on=date(2026, 11, 21),
        intake=intake,
        placement=placement,
        volunteer=volunteer,
        prevention=prevention,
    )


def details(part: Any) -> dict[str, dict[str, str]]:
    return {h.what: dict(h.details) for h in part.history}


def test_one_part_per_service_in_the_order_a_household_meets_them() -> None:
    doc = document(export())
    assert [p.title for p in doc.parts] == [
        "Aufnahme",
        "Wohnungsvermittlung",
        "Ehrenamt",
        "Prävention (Wohnintegrationshilfe)",
    ]
    assert (doc.exported_on, doc.municipality) == ("21.11.2026", "koeln")
    assert doc.parts[0].sections[0].records == [[("Nachname", "Haddad")]]


def test_placement_reads_its_course_and_each_decision_by_its_event() -> None:
    placement = document(export()).parts[1]
    course, address = placement.sections
    assert course.title == "Weg durch die Vermittlung"
    assert course.records[0][0] == ("Tag", "03.06.2025")
    assert "Ehrenfeld" in course.records[0][1][1]
    assert address.title == "Anschrift der angemieteten Wohnung"
    assert ("Anschrift", "Neue Straße 12") in address.records[0]
    # Oldest first; "approved" of a guarantee and "accepted" of a landlord read differently.
    assert [h.what for h in placement.history] == [
        "Antwort des Vermieters",
        "Über Übernahme entschieden",
    ]
    facts = details(placement)
    assert facts["Antwort des Vermieters"]["Entscheidung"] == "Zusage (accepted)"
    assert facts["Über Übernahme entschieden"]["Entscheidung"] == "bewilligt (approved)"
    assert facts["Über Übernahme entschieden"]["Art"] == "Kautionsübernahme (deposit)"


def test_volunteer_names_no_volunteer_and_keeps_unknown_columns() -> None:
    volunteer = document(export()).parts[2]
    assert any("nicht das des Haushalts" in note for note in volunteer.notes)
    assert volunteer.sections[0].records == [[("Vorname", "Amal"), ("shoe_size", "41")]]
    facts = details(volunteer)
    assert facts["Tandem beendet"]["Grund"] == "Wohnung gefunden (flat_found)"
    # `topic` is a consultation topic in one event, a workshop topic in the other.
    assert facts["Beratung"]["Thema"] == "Besichtigung (viewing)"
    assert facts["Beratung"]["Weg"] == "Telefon (phone)"
    assert (
        facts["Teilnahmebestätigung ausgestellt"]["Thema"] == "Gute Nachbarschaft (neighbourhood)"
    )


def test_prevention_says_which_cases_it_covers() -> None:
    prevention = document(export()).parts[3]
    assert any("ohne diese Kennung" in note for note in prevention.notes)
    offers, cases = prevention.sections
    assert (offers.title, offers.records) == ("Nachbetreuung", [])
    assert cases.records == [[("Ansprechperson", "Amal Haddad")]]
    facts = details(prevention)
    assert facts["Nachbetreuung abgelehnt"]["Grund"] == "nicht erreichbar (not_reachable)"


def test_the_page_shows_every_part_with_headings_and_row_headers() -> None:
    html = templates.get_template("households/disclosure_document.html").render(
        doc=document(export()), intro=INTRO
    )
    for expected in (
        '<h2 id="bereich-2">Wohnungsvermittlung</h2>',
        "<h3>Verlauf: Ehrenamt</h3>",
        '<th scope="row">Ansprechperson</th><td>Amal Haddad</td>',
        "Keine Einträge.",
        "Neue Straße 12",
    ):
        assert expected in html, expected
