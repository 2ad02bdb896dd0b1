"""Every command that names a provider (Träger) names one the municipality knows, on both
backends: registration and hand-over of a household, a volunteer, an office hour, a
consultation, a workshop, a prevention referral and an inquiry forwarded to a provider.
A typo ("karitas") is refused with a German 422 at the field that holds it, and nothing
of the refused command is stored (finding 8: a typo became a provider nobody sees)."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx

from support.system import System, household

COORDINATOR = {"x-auszug-user": "u-1001"}
UNKNOWN = (
    "Den Träger „karitas“ gibt es in Köln nicht. Bitte einen dieser wählen: Caritas Köln, "
    "DRK Köln, Kölner Flüchtlingsrat, SKM Köln, Diakonie Köln, "
    "Stadt Köln – Amt für Wohnungswesen."
)


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def refused(response: httpx.Response) -> dict[str, str]:
    """The fields a 422 names, with their messages; the code says why."""
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "unknown_provider", error
    return {f["field"]: f["message"] for f in error["fields"]}


def test_an_unknown_provider_is_refused_at_its_field_and_nothing_is_stored(
    system: System,
) -> None:
    http, api = system.http, f"{system.gateway}/api"

    def post(path: str, body: dict[str, Any]) -> httpx.Response:
        return http.post(f"{api}{path}", json=body, headers=COORDINATOR)

    def absent(path: str) -> None:
        ok(http.get(f"{api}{path}", headers=COORDINATOR), 404)

    hid, vid, hour_id, workshop_id, case_id = (str(uuid4()) for _ in range(5))
    commands = {
        "/households": (household(provider="karitas", household_id=hid), f"/households/{hid}"),
        "/volunteers": (
            {
                "volunteer_id": vid,
                "provider": "karitas",
                "user_id": "u-5521",
                "given_name": "Eva",
                "family_name": "Ehrenamt",
            },
            f"/volunteers/{vid}",
        ),
        "/office-hours": (
            {
                "office_hour_id": hour_id,
                "provider": "karitas",
                "held_on": "2025-03-05",
                "duration_minutes": 120,
            },
            f"/office-hours/{hour_id}",
        ),
        "/workshops": (
            {
                "workshop_id": workshop_id,
                "provider": "karitas",
                "topic": "tenancy_rights_and_duties",
                "held_on": "2025-04-09",
                "site": "BZ-Ehrenfeld",
                "duration_minutes": 180,
            },
            f"/workshops/{workshop_id}",
        ),
        "/prevention/cases": (
            {
                "case_id": case_id,
                "provider": "karitas",
                "received_on": "2025-04-02",
                "source": "self_referral",
                "target_group": "secured_tenancy_at_risk_of_recurrence",
                "housing_situation": "own_tenancy",
                "adults": 1,
                "minors": 0,
            },
            f"/prevention/cases/{case_id}",
        ),
    }
    for path, (body, created) in commands.items():
        assert refused(post(path, body)) == {"provider": UNKNOWN}, path
        absent(created)

    consultation = {
        "provider": "karitas",
        "held_on": "2025-03-05",
        "appointment": True,
        "channel": "phone",
        "visitor": "refugee_alone",
        "topic": "wbs",
        "duration_minutes": 25,
    }
    assert refused(post("/consultations", consultation)) == {"provider": UNKNOWN}
    assert ok(http.get(f"{api}/consultations", headers=COORDINATOR), 200)["consultations"] == []

    # A hand-over to the typo: the household stays with Caritas, its course unchanged.
    kept = ok(system.register(household("2025-03-01"), **COORDINATOR))["household_id"]
    before = ok(http.get(f"{api}/households/{kept}", headers=COORDINATOR), 200)
    handover = {"to_provider": "karitas", "handed_over_on": "2025-03-02"}
    assert refused(post(f"/households/{kept}/handover", handover)) == {"to_provider": UNKNOWN}
    after = ok(http.get(f"{api}/households/{kept}", headers=COORDINATOR), 200)
    assert after == before and after["provider"] == "caritas"

    # An inquiry forwarded to the typo stays open; forwarded to an office, any short name.
    inquiry = {"sender_kind": "resident", "channel": "email", "text": "Hallo"}
    iid = ok(post("/inquiries", inquiry))["inquiry_id"]
    forward = {"outcome": "forwarded", "forwarded_to_kind": "provider", "forwarded_to": "karitas"}
    assert refused(post(f"/inquiries/{iid}/triage", forward)) == {"forwarded_to": UNKNOWN}
    assert ok(http.get(f"{api}/inquiries/{iid}", headers=COORDINATOR), 200)["triage"] == []
    office = {**forward, "forwarded_to_kind": "office", "forwarded_to": "jobcenter"}
    ok(post(f"/inquiries/{iid}/triage", office), 200)
    to_skm = {**forward, "forwarded_to": "skm"}
    ok(post(f"/inquiries/{iid}/triage", to_skm), 200)
    triaged = ok(http.get(f"{api}/inquiries/{iid}", headers=COORDINATOR), 200)["triage"]
    assert [t["forwarded_to"] for t in triaged] == ["jobcenter", "skm"]

    # A tampered staff form (its select offers only known providers): the same message,
    # at the field, and no volunteer stored.
    staff = httpx.Client(base_url=system.gateway, headers=COORDINATOR, timeout=30)
    assert staff.get("/ui/ehrenamt/ehrenamtliche/neu").status_code == 200  # the CSRF cookie
    form = {
        "provider": "karitas",
        "user_id": "u-5521",
        "given_name": "Eva",
        "family_name": "Ehrenamt",
        "csrf_token": staff.cookies["auszug_csrf"],
    }
    page = staff.post("/ui/ehrenamt/ehrenamtliche/neu", data=form)
    assert page.status_code == 422, page.text
    assert f'<span class="feldfehler" id="fehler-provider">{UNKNOWN}</span>' in page.text
    assert ok(http.get(f"{api}/volunteers", headers=COORDINATOR), 200)["volunteers"] == []
