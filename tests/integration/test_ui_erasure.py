"""Erasure from the staff UI against the running system (issue 8): the coordination erases
one person of a household on its page, then a volunteer on theirs — refused while the
volunteer still accompanies a tandem, done once it has ended — and the pages then show
"gelöscht" where the names were."""

from __future__ import annotations

import re

from support.system import System
from support.ui.volunteer import browser, form_tandem, post, register_volunteer

CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "ute"}
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "kora"}
CONFIRMED = {"confirmed.yes": "1"}
REGISTRATION = {
    "provider": "caritas",
    "registered_on": "2025-01-10",
    "accommodation.kind": "shelter",
    "members.0.role": "head",
    "members.0.age_band": "27-64",
    "members.0.given_name": "Amal",
    "members.0.family_name": "Haddad",
    "members.1.role": "child",
    "members.1.age_band": "6-17",
    "members.1.given_name": "Sami",
    "members.1.family_name": "Haddad",
}


def test_the_coordination_erases_a_person_and_a_volunteer_through_the_pages(
    system: System,
) -> None:
    staff = browser(system, CARITAS, "/ui/ehrenamt")
    coordination = browser(system, COORDINATION, "/ui/ehrenamt")
    created = post(staff, "/ui/haushalte/neu", REGISTRATION)
    assert created.status_code == 303, created.text
    page = created.headers["location"]
    assert "/mitglieder/" not in staff.get(page).text

    html = coordination.get(page).text
    # Each person's erasure form sits in its own group, below the course, named by them.
    found = re.search(
        r"<legend>Sami Haddad \(Kind\)</legend>.*?/mitglieder/([0-9a-f-]{36})/loeschung", html, re.S
    )
    assert found, html
    erase_sami = f"{page}/mitglieder/{found.group(1)}/loeschung"
    unticked = post(coordination, erase_sami, {})
    assert unticked.status_code == 422 and "Aufbewahrungspflicht" in unticked.text
    erased = post(coordination, erase_sami, CONFIRMED)
    assert erased.status_code == 303, erased.text
    after = coordination.get(page).text
    assert "<td>gelöscht</td>" in after and "Sami" not in after and "Amal Haddad" in after

    volunteer_id = register_volunteer(staff, "erna.l", "Erna")
    tandem_id = form_tandem(system, staff, volunteer_id, page.rsplit("/", 1)[1])
    volunteer_page = f"/ui/ehrenamt/ehrenamtliche/{volunteer_id}"
    refused = post(coordination, f"{volunteer_page}/loeschung", CONFIRMED)
    assert refused.status_code == 409 and "begleitet noch 1 Tandem" in refused.text
    ended = post(staff, f"/ui/ehrenamt/tandems/{tandem_id}/ende", {"reason": "flat_found"})
    assert ended.status_code == 303, ended.text
    done = post(coordination, f"{volunteer_page}/loeschung", CONFIRMED)
    assert done.status_code == 303, done.text
    shown = coordination.get(volunteer_page).text
    assert "<h1>gelöscht</h1>" in shown and "Erna" not in shown
    assert f"{volunteer_page}/loeschung" not in shown
