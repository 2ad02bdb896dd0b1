"""The household page's actions against the running system, as a browser uses them: a
caseworker records a readiness assessment and a birth and sees both in the history; a
hand-over without consent is refused at its form; the coordination restricts processing
(the caseworker then finds no household) and lifts the restriction again."""

from __future__ import annotations

import re
from datetime import timedelta

from shared.clock import today
from support.form_browser import Browser
from support.system import System

T = today()
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-1"}
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "k-1"}


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


REGISTRATION = {
    "provider": "caritas",
    "registered_on": ago(40),
    "accommodation.kind": "shelter",
    "members.0.role": "head",
    "members.0.age_band": "27-64",
    "members.0.given_name": "Amal",
    "members.0.family_name": "Haddad",
}
ASSESSMENT = {
    "criteria.rent_payment": "met",
    "criteria.tenancy_knowledge": "partly",
    "criteria.neighbourhood": "met",
    "criteria.household_management": "met",
    "criteria.language_for_contracts": "partly",
    "result": "ready_with_support",
    "assessed_on": ago(20),
}
BIRTH = {
    "change": "birth",
    "changed_on": ago(5),
    "joining.0.role": "child",
    "joining.0.age_band": "0-5",
    "joining.0.given_name": "Lina",
    "joining.0.birth_date": ago(6),
}


def test_casework_and_a_restriction_through_the_household_page(system: System) -> None:
    worker, coordination = Browser(system, CARITAS), Browser(system, COORDINATION)
    page = worker.post("/ui/haushalte/neu", REGISTRATION).headers["location"]
    assert re.fullmatch(r"/ui/haushalte/[0-9a-f-]{36}", page)

    worker.post(f"{page}/wohnfaehigkeit", ASSESSMENT)
    worker.post(f"{page}/zusammensetzung", BIRTH)
    shown = worker.get(page)
    assert "Wohnfähigkeit eingeschätzt: wohnfähig mit Unterstützung" in shown
    assert "Geburt: Kind kam hinzu" in shown and "Lina" in shown
    assert "2 (1 Erwachsene, 1 Minderjährige)" in shown
    assert f'action="{page}/uebergabe"' not in shown

    # A hand-over needs the household's consent: intake's reason stands at the form.
    refused = coordination.post(
        f"{page}/uebergabe", {"to_provider": "drk", "handed_over_on": ago(1)}, status=409
    ).text
    assert '<details class="schritt" id="uebergabe" open>' in refused
    assert "keine gültige Einwilligung" in refused and 'value="drk"' in refused

    coordination.post(f"{page}/einschraenkung", {"reason": "accuracy_contested"})
    restricted = coordination.get(page)
    assert "Verarbeitung eingeschränkt: Richtigkeit der Daten bestritten" in restricted
    worker.get(page, status=404)
    worker.post(f"{page}/wohnfaehigkeit", ASSESSMENT, status=404)

    coordination.post(f"{page}/einschraenkung/aufheben", {})
    assert "Verarbeitung eingeschränkt" not in worker.get(page)
    assert "Zugriffsprotokoll" in coordination.get(page)
