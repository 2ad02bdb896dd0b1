"""The Wohnintegrationshilfe pages' pure parts: forms to request bodies and errors back
to fields, the steps each role is offered, and a case's course in plain German."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

from services.gateway.prevention.course import course
from services.gateway.prevention.referral import FIELDS as REFERRAL
from services.gateway.prevention.steps import BY_PATH, offered
from services.gateway.web import fields as forms
from shared.clock import today
from shared.contracts import prevention as p
from shared.contracts.prevention.requests import AppointHomeVisit
from shared.identity import Role
from shared.validation import FieldError

VISIT = BY_PATH["hausbesuche"].fields


def test_a_fresh_form_has_today_in_its_day_fields_and_nothing_else() -> None:
    values = forms.form_values(VISIT, None)
    assert values["done_on"] == today().isoformat()
    assert values["next_visit_due"] == "" and values["findings.rent_arrears"] == ""


def test_a_posted_form_keeps_what_was_typed_and_only_its_own_fields() -> None:
    values = forms.form_values(VISIT, {"done_on": " 2026-01-02 ", "x": "y", "note": "n"})
    assert values["done_on"] == "2026-01-02" and values["note"] == "n" and "x" not in values


def test_the_body_leaves_empty_fields_out_nests_dotted_names_and_lists_ticks() -> None:
    values = forms.form_values(
        REFERRAL, {"provider": "skm", "contact.name": "A", "adults": "2", "note": ""}
    )
    body = forms.body(REFERRAL, values)
    assert body == {"provider": "skm", "adults": "2", "contact": {"name": "A"}}
    ticks = forms.body(VISIT, {"findings.rent_arrears": "1", "findings.none": ""})
    assert ticks == {"findings": ["rent_arrears"]}


def test_a_required_day_left_empty_is_missing_although_the_service_would_default_it() -> None:
    values = forms.form_values(VISIT, {"findings.none": "1"})
    assert forms.missing(VISIT, values) == [FieldError(field="done_on", message=forms.MISSING)]


def test_errors_land_on_their_field_or_on_the_form_as_a_whole() -> None:
    errors = [
        FieldError(field="body.next_visit_due", message="nach diesem"),
        FieldError(field="findings.0", message="Ungültiger Wert"),
        FieldError(field="(Eingabe)", message="Objekt erwartet."),
        FieldError(field="next_visit_due", message="zweite"),
    ]
    assert forms.errors_by_field(errors, VISIT) == {
        "next_visit_due": "nach diesem",
        "findings": "Ungültiger Wert",
        "": "Objekt erwartet.",
    }


def case(**changes: Any) -> p.CaseView:
    base: dict[str, Any] = {
        "case_id": uuid4(),
        "provider": "skm",
        "status": "referred",
        "source": "landlord",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 2,
        "minors": 1,
        "received_on": date(2026, 1, 5),
        "admitted_on": None,
        "ends_on": None,
        "next_visit_due": None,
        "closed_on": None,
        "outcome": None,
        "municipality": "koeln",
        "household_id": None,
        "with_children": True,
        "contact": None,
        "street_address": None,
        "referred_by": None,
        "note": None,
        "eligibility": None,
        "rejection_reason": None,
        "rejected_on": None,
        "consent_given_on": None,
        "consent_withdrawn_on": None,
        "visit_every_days": None,
        "visit_overdue": False,
        "home_visits": [],
        "mediations": [],
        "landlord_negotiations": [],
        "referrals_out": [],
        "extensions": [],
        "closing_note": None,
        "version": 1,
    }
    return p.CaseView.model_validate({**base, **changes})


def paths(view: p.CaseView, role: Role) -> list[str]:
    return [step.path for step in offered(view, role)]


def test_only_the_housing_office_is_offered_admission_and_rejection() -> None:
    referred = case()
    assert paths(referred, Role.housing_office) == [
        "pruefung",
        "bewilligung",
        "ablehnung",
        "zustimmung",
    ]
    assert paths(referred, Role.caseworker) == ["pruefung", "zustimmung"]
    assert paths(referred, Role.coordinator) == []


def test_the_help_itself_is_the_caseworkers_once_admitted() -> None:
    running = case(status="admitted", admitted_on="2026-01-10", ends_on="2026-07-10")
    assert paths(running, Role.caseworker) == [
        "zustimmung",
        "besuchsrhythmus",
        "hausbesuche",
        "vermittlung",
        "weitervermittlung",
        "hausbesuch-vereinbaren",
        "abschluss",
    ]
    with_consent = case(status="admitted", consent_given_on="2026-01-10")
    assert "widerruf" in paths(with_consent, Role.caseworker)
    assert paths(case(status="closed"), Role.caseworker) == []


def test_an_arranged_home_visit_is_moved_or_cancelled_not_arranged_twice() -> None:
    appointment = {
        "appointment_id": str(uuid4()),
        "day": "2026-02-03",
        "at": "14:30",
        "minutes": 60,
        "attendee": "caseworker-skm",
        "place": "Hauptstraße 5",
    }
    appointed = case(status="admitted", admitted_on="2026-01-10", appointment=appointment)
    offered_now = paths(appointed, Role.caseworker)
    assert "hausbesuch-vereinbaren" not in offered_now
    assert {"hausbesuch-verschieben", "hausbesuch-absagen"} <= set(offered_now)
    # The Fachstelle Wohnen and the coordination arrange no visits.
    for role in (Role.housing_office, Role.coordinator):
        assert not {s for s in paths(appointed, role) if s.startswith("hausbesuch-")}


def test_an_appointment_form_becomes_the_request_with_time_and_place() -> None:
    fields = BY_PATH["hausbesuch-vereinbaren"].fields
    posted = {"day": "2026-02-03", "at": "14.30 Uhr", "minutes": "", "place": "Hauptstraße 5"}
    request = AppointHomeVisit.model_validate(forms.body(fields, forms.form_values(fields, posted)))
    assert (request.at.hour, request.at.minute, request.minutes) == (14, 30, 60)
    assert request.place == "Hauptstraße 5"


def test_mediation_is_the_caseworkers_and_landlord_talks_only_for_precarious_housing() -> None:
    running: dict[str, Any] = {"status": "admitted", "admitted_on": "2026-01-10"}
    secured = case(**running)
    precarious = case(
        **running, target_group="re_admission", housing_situation="requisitioned_flat"
    )
    assert "vermieterverhandlung" not in paths(secured, Role.caseworker)
    assert {"vermittlung", "vermieterverhandlung"} <= set(paths(precarious, Role.caseworker))
    for role in (Role.housing_office, Role.coordinator):
        assert not {"vermittlung", "vermieterverhandlung"} & set(paths(precarious, role))


def test_a_mediation_form_becomes_the_request_with_its_outcome_in_the_note() -> None:
    fields = BY_PATH["vermittlung"].fields
    posted = {"party": "landlord", "topic": "rent_arrears", "held_on": "2026-02-01"}
    values = forms.form_values(fields, {**posted, "note": "Raten: 50 € monatlich"})
    request = p.RecordMediation.model_validate(forms.body(fields, values))
    assert request.party is p.MediationParty.landlord and request.note == "Raten: 50 € monatlich"
    empty = forms.form_values(fields, {"held_on": ""})
    assert {e.field for e in forms.missing(fields, empty)} == {"party", "topic", "held_on"}


def test_the_course_tells_the_case_in_order_in_plain_german() -> None:
    view = case(
        status="admitted",
        admitted_on="2026-01-10",
        ends_on="2026-09-30",
        extensions=[
            {"extended_on": "2026-06-01", "previous_ends_on": "2026-06-30", "ends_on": "2026-09-30"}
        ],
        eligibility={
            "checked_on": "2026-01-08",
            "comparable_help": [],
            "eligible": True,
            "note": None,
        },
        consent_given_on="2026-01-10",
        home_visits=[
            {
                "visit_id": uuid4(),
                "done_on": "2026-01-20",
                "findings": ["rent_arrears", "family_difficulties"],
                "due_on": "2026-01-17",
                "next_visit_due": "2026-01-27",
                "note": "Gespräch",
            }
        ],
    )
    texts = [(e.on.isoformat(), e.text) for e in course(view)]
    assert texts == [
        (
            "2026-01-05",
            "Meldung aufgenommen (Vermieterin/Vermieter) für den Träger skm: "
            "Gesichertes Mietverhältnis, erneut gefährdet, 2 Erwachsene, 1 Minderjährige.",
        ),
        ("2026-01-08", "Voraussetzungen geprüft: keine vergleichbare Hilfe installiert."),
        ("2026-01-10", "Hilfe bewilligt (Fachstelle Wohnen), befristet bis 30.06.2026."),
        ("2026-01-10", "Der Haushalt hat der Hilfe zugestimmt."),
        (
            "2026-01-20",
            "Hausbesuch: Mietrückstände, Familiäre Schwierigkeiten. Nächster Besuch fällig am "
            "27.01.2026 (dieser war fällig am 17.01.2026).",
        ),
        ("2026-06-01", "Hilfe verlängert bis 30.09.2026."),
    ]
    assert course(view)[4].note == "Gespräch"
