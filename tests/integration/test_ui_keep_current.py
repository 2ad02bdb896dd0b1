"""Keeping a household current against the running system, through the gateway as a
browser uses it: a caseworker registers a family of eight in one go, corrects a birth
date (the page and the history show it), is refused an implausible one at the person's
field, changes the needs, and placement's explanation on an offer follows; another
provider's caseworker can neither read nor correct it; the Art. 15 export lists the
correction and erasure takes it."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx

from shared.clock import today
from support.form_browser import Browser
from support.system import System, wait_until

T = today()
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "w-2"}
COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "k-1"}


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def family_of_eight() -> dict[str, str]:
    form = {
        "member_rows": "8",
        "provider": "caritas",
        "registered_on": ago(40),
        "accommodation.kind": "shelter",
        "members.0.role": "head",
        "members.0.age_band": "27-64",
        "members.0.given_name": "Amal",
        "members.0.family_name": "Öztürk",
        "members.0.birth_date": "1980-02-01",
        "members.1.role": "partner",
        "members.1.age_band": "27-64",
        "members.1.given_name": "Yusuf",
        "members.1.family_name": "Öztürk",
        "wbs": "1",
        "wbs_valid_until": ago(-30),
        "accessible_flat_needed": "nein",
        "languages.tr": "1",
    }
    for i in range(2, 8):
        form |= {f"members.{i}.role": "child", f"members.{i}.age_band": "6-17"}
    return form


def corrections_form(page_html: str) -> dict[str, str]:
    """The correction form as the page fills it (hidden ids, version and every value)."""
    start = page_html.index('/stammdaten" novalidate>')
    form = page_html[start : page_html.index("</form>", start)]
    values = dict(re.findall(r'name="([^"]+)"[^>]*?value="([^"]*)"', form))
    values |= dict(re.findall(r'name="([^"]+)" rows="3"[^>]*>([^<]*)</textarea>', form))
    return {k: v for k, v in values.items() if k != "csrf_token" and not k.startswith("idem")}


def check_of(http: httpx.Client, offer_id: str, household_id: str, criterion: str) -> Any:
    matches = http.get(f"/api/offers/{offer_id}/matches").json()["matches"]
    match = next((m for m in matches if m["household_id"] == household_id), None)
    return match and {c["criterion"]: c for c in match["checks"]}.get(criterion)


def test_a_caseworker_keeps_a_household_current(system: System) -> None:
    worker, coordination, other = (
        Browser(system, CARITAS),
        Browser(system, COORDINATION),
        Browser(system, DRK),
    )
    # Eight persons in one registration: the form grows by "Weitere Person hinzufügen".
    grown = worker.post("/ui/haushalte/neu", {"weitere_person": "1"}, status=200).text
    assert 'name="members.4.role"' in grown
    page = worker.post("/ui/haushalte/neu", family_of_eight()).headers["location"]
    household_id = page.rsplit("/", 1)[1]
    shown = worker.get(page)
    assert "8 (2 Erwachsene, 6 Minderjährige)" in shown
    assert "Amal Öztürk" in shown and "01.02.1980" in shown and "Türkisch" in shown

    # A birth date that contradicts the age band is refused at that person's field.
    form = corrections_form(shown)
    assert form["members.0.birth_date"] == "1980-02-01"
    refused = worker.post(
        f"{page}/stammdaten", {**form, "members.1.birth_date": "2024-05-01"}, status=409
    ).text
    assert 'id="fehler-stammdaten-members.1.birth_date"' in refused
    assert "heute erst" in refused and "„27–64 Jahre“" in refused

    # The correction: the page and the history show it, with a confirmation.
    saved = worker.post(f"{page}/stammdaten", {**form, "members.0.birth_date": "1981-02-01"})
    assert saved.headers["location"].endswith("?hinweis=berichtigt#stammdaten")
    after = worker.get(saved.headers["location"])
    assert "Die Stammdaten sind berichtigt." in after
    assert "01.02.1981" in after
    assert re.search(r"Geburtsdatum</td><td>01\.02\.1980</td><td>01\.02\.1981</td>", after)
    # The same form again (its version is outdated now) is refused, not silently applied.
    stale = worker.post(f"{page}/stammdaten", {**form, "note.text": "x"}, status=409).text
    assert "inzwischen geändert" in stale

    # Another provider's caseworker neither reads nor corrects it.
    other.get(page, status=404)
    other.post(f"{page}/stammdaten", corrections_form(after), status=404)

    # The needs: placement's explanation on an offer follows the change.
    http = httpx.Client(base_url=system.gateway, headers=COORDINATION, timeout=30)
    landlord = {
        "kind": "municipal_housing_company",
        "name": "Wohnungsbau Musterstadt",
        "cooperation_agreement": True,
        "cooperation_agreed_on": "2018-01-01",
    }
    lid = http.post("/api/landlords", json=landlord).json()["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "ehrenfeld",
        "street_address": "Musterstraße 7",
        "rooms": 5,
        "size_m2": "120",
        "cold_rent": "1000.00",
        "running_costs": "200.00",
        "available_from": ago(-10),
        "wbs_required": False,
        "refugee_quota": True,
        "accessible": False,
        "source": "housing_company_quota",
        "received_on": ago(5),
    }
    created = http.post("/api/offers", json=offer)
    assert created.status_code == 201, created.text
    oid = created.json()["offer_id"]
    before = wait_until(lambda: check_of(http, oid, household_id, "district"), what="match")
    assert before["verdict"] == "fits"
    accessible = check_of(http, oid, household_id, "accessibility")
    assert accessible["reason"] == "Nicht barrierefrei; der Haushalt braucht es nicht."

    needs = {
        "changed_on": ago(1),
        "wbs": "1",
        "accessible_flat_needed": "ja",
        "residence_outlook": "good",
        "languages.tr": "1",
        "preferred_districts.kalk": "1",
    }
    changed = worker.post(f"{page}/bedarf", needs)
    assert changed.headers["location"].endswith("?hinweis=bedarf-geaendert#bedarf")
    assert "Kalk" in worker.get(page) and "gute Bleibeperspektive" in worker.get(page)

    def followed() -> Any:
        check = check_of(http, oid, household_id, "district")
        return check if check and check["verdict"] == "does_not_fit" else None

    district = wait_until(followed, what="placement follows the needs")
    assert district["reason"] == "Ehrenfeld liegt nicht in den Wunsch-Stadtteilen (Kalk)."
    accessible = check_of(http, oid, household_id, "accessibility")
    assert accessible["reason"] == "Der Haushalt braucht eine barrierefreie Wohnung."

    # Art. 15 lists the correction; erasure takes it.
    export = http.get(f"/api/households/{household_id}/export")
    assert export.status_code == 200, export.text
    (row,) = export.json()["intake"]["personal_data"]["personal_data_corrections"]
    assert (row["old_value"], row["new_value"]) == ("1980-02-01", "1981-02-01")
    coordination.post(f"{page}/loeschung", {"confirmed.yes": "1"})
    export = http.get(f"/api/households/{household_id}/export").json()
    assert export["intake"]["personal_data"]["personal_data_corrections"] == []
    assert "01.02.1980" not in coordination.get(page)
