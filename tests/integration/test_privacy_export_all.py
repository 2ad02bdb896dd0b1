"""Art. 15 across every service: a household proposed on a flat, viewed, leased, with a
tandem, a workshop certificate, aftercare after the move and a prevention case referred
under its id — the JSON export has each service's part with those facts, the HTML and PDF
name them in German, nobody but the municipality's coordinator gets it, and with one
service down the answer is 503, never a partial export."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import httpx
import pypdf

from shared.clock import today
from support.system import System, household, wait_until

COORDINATOR = {"x-auszug-user": "u-1001", "x-auszug-role": "coordinator"}
CARITAS = {"x-auszug-user": "u-2002", "x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
GL = {**COORDINATOR, "x-auszug-municipality": "bergisch-gladbach"}
VOLUNTEER_NAME = "Vroni Ehrenamtsname"
T = today()


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def ready(system: System, hid: str) -> None:
    criteria = dict.fromkeys(
        [
            "rent_payment",
            "tenancy_knowledge",
            "neighbourhood",
            "household_management",
            "language_for_contracts",
        ],
        "met",
    )
    body = {"assessed_on": ago(60), "criteria": criteria, "result": "ready"}
    url = f"{system.gateway}/api/households/{hid}/readiness-assessments"
    ok(system.http.post(url, json=body, headers=CARITAS))


def placed(system: System, hid: str, other: str) -> str:
    """Proposed with another household on one flat, viewed, leased; the flat's id."""
    http, api = system.http, f"{system.gateway}/api"
    landlord = {"kind": "private", "name": "Vermieterin Muster"}
    lid = ok(http.post(f"{api}/landlords", json=landlord, headers=COORDINATOR))["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "ehrenfeld",
        "street_address": "Neue Straße 12",
        "rooms": 2,
        "size_m2": "55",
        "cold_rent": "500.00",
        "running_costs": "150.00",
        "available_from": ago(40),
        "wbs_required": False,
        "source": "private_landlord",
        "received_on": ago(50),
    }
    oid = ok(http.post(f"{api}/offers", json=offer, headers=COORDINATOR))["offer_id"]
    proposal = {"household_ids": [hid, other], "proposed_on": ago(35)}

    def proposed() -> bool:
        response: httpx.Response = http.post(
            f"{api}/offers/{oid}/proposals", json=proposal, headers=CARITAS
        )
        return response.status_code == 201

    wait_until(proposed, interval=0.2, what="placement knows both households")
    decision = {"household_id": hid, "decision": "accepted", "decided_on": ago(30)}
    ok(http.post(f"{api}/offers/{oid}/landlord-decisions", json=decision, headers=COORDINATOR))
    viewing = {"household_id": hid, "viewing_on": ago(32)}
    vid = ok(http.post(f"{api}/offers/{oid}/viewings", json=viewing, headers=CARITAS))["viewing_id"]
    held = {"viewing_id": vid, "held_on": ago(32), "outcome": "household_interested"}
    ok(http.post(f"{api}/offers/{oid}/viewing-outcomes", json=held, headers=CARITAS))
    lease = {"household_id": hid, "lease_signed_on": ago(10), "moved_on": ago(5)}
    ok(http.post(f"{api}/offers/{oid}/lease", json=lease, headers=COORDINATOR))
    return str(oid)


def volunteering(system: System, hid: str) -> None:
    """A tandem for the household, and its head at a workshop with a certificate."""
    http, api = system.http, f"{system.gateway}/api"
    given, family = VOLUNTEER_NAME.split()
    volunteer = {
        "provider": "caritas",
        "user_id": "u-5521",
        "registered_on": ago(90),
        "given_name": given,
        "family_name": family,
    }
    vid = ok(http.post(f"{api}/volunteers", json=volunteer, headers=CARITAS))["volunteer_id"]
    step = {"step": "agreement_signed", "done_on": ago(90)}
    ok(http.post(f"{api}/volunteers/{vid}/onboarding", json=step, headers=CARITAS), 200)
    consent = {"purpose": "volunteer_tandem", "given_on": ago(80), "given_by": "Amal Haddad"}
    ok(http.post(f"{api}/households/{hid}/consents", json=consent, headers=CARITAS))
    tandem = {"volunteer_id": vid, "household_id": hid, "formed_on": ago(70)}

    def formed() -> bool:
        response: httpx.Response = http.post(f"{api}/tandems", json=tandem, headers=CARITAS)
        return response.status_code == 201

    wait_until(formed, interval=0.2, what="volunteer knows the household and its consent")
    workshop = {
        "provider": "caritas",
        "topic": "tenancy_rights_and_duties",
        "held_on": ago(45),
        "site": "Bürgerzentrum Ehrenfeld",
        "duration_minutes": 180,
    }
    wid = ok(http.post(f"{api}/workshops", json=workshop, headers=CARITAS))["workshop_id"]
    person = {"household_id": hid, "given_name": "Amal", "family_name": "Haddad"}
    url = f"{api}/workshops/{wid}/attendances"
    attendee = ok(http.post(url, json=person, headers=CARITAS))["attendee_id"]
    issued = {"attendee_id": attendee, "issued_on": ago(44)}
    ok(http.post(f"{api}/workshops/{wid}/certificates", json=issued, headers=CARITAS))


def prevention(system: System, hid: str) -> None:
    """A case referred under the household's id; aftercare offered after the move."""
    http, api = system.http, f"{system.gateway}/api/prevention"
    referral = {
        "provider": "skm",
        "received_on": ago(3),
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
        "household_id": hid,
        "contact": {"name": "Amal Haddad", "phone": "0221 4711"},
        "note": "Mietrückstand im neuen Mietverhältnis",
    }
    cid = ok(http.post(f"{api}/cases", json=referral, headers=COORDINATOR))["case_id"]
    note = {"kind": "visit", "text": "Hausbesuch: Ratenplan besprochen"}
    ok(http.post(f"{api}/cases/{cid}/notes", json=note, headers=COORDINATOR))

    def offered() -> bool:
        offers = ok(http.get(f"{api}/aftercare", headers=COORDINATOR), 200)["offers"]
        return any(o["household_id"] == hid for o in offers)

    wait_until(offered, interval=0.2, what="aftercare offered after the placement")


def test_the_export_covers_every_service_or_fails_as_a_whole(system: System) -> None:
    http, api = system.http, f"{system.gateway}/api"
    body = household(adults=1, minors=0)
    body["members"][0] |= {"given_name": "Amal", "family_name": "Haddad"}
    hid = str(ok(system.register(body, **CARITAS))["household_id"])
    other = str(ok(system.register(household(), **CARITAS))["household_id"])
    for h in (hid, other):
        ready(system, h)
    volunteering(system, hid)  # before the lease: intake deregisters the household then
    oid = placed(system, hid, other)
    prevention(system, hid)

    url = f"{api}/households/{hid}"
    note = {"kind": "phone_call", "text": "Rückruf Jobcenter wegen Kaution"}
    ok(http.post(f"{url}/notes", json=note, headers=CARITAS))
    export = ok(http.get(f"{url}/export", headers=COORDINATOR), 200)
    assert set(export) >= {"intake", "placement", "volunteer", "prevention"}
    assert export["intake"]["personal_data"]["household_members"][0]["family_name"] == "Haddad"
    (note_row,) = export["intake"]["personal_data"]["household_notes"]
    assert (note_row["text"], note_row["note_kind"]) == (note["text"], "phone_call")

    placement = export["placement"]
    steps = [e["step"] for e in placement["course"]]
    assert {"proposed", "landlord_accepted", "viewing_held", "lease_signed"} <= set(steps)
    assert placement["records"]["placements"][0]["offer_id"] == oid
    assert placement["records"]["offer_details"] == [
        {"offer_id": oid, "street_address": "Neue Straße 12"}
    ]
    # The other household's proposal on the same flat is theirs, not in this export.
    assert {f["payload"]["household_id"] for f in placement["history"]} == {hid}
    assert "PlacementCompleted" in {f["event_type"] for f in placement["history"]}

    volunteer = export["volunteer"]
    assert len(volunteer["records"]["tandem_index"]) == 1
    assert [a["family_name"] for a in volunteer["records"]["attendee_details"]] == ["Haddad"]
    kinds = {f["event_type"] for f in volunteer["history"]}
    assert {"TandemFormed", "WorkshopAttended", "CertificateIssued"} <= kinds
    assert VOLUNTEER_NAME.split()[1] not in str(export)

    prevention_part = export["prevention"]
    assert prevention_part["records"]["aftercare_offers"][0]["status"] == "offered"
    assert prevention_part["records"]["case_details"][0]["contact_name"] == "Amal Haddad"
    (case_note,) = prevention_part["records"]["case_file_notes"]
    assert case_note["text"] == "Hausbesuch: Ratenplan besprochen"
    assert {"AftercareOffered", "ReferralReceived"} <= {
        f["event_type"] for f in prevention_part["history"]
    }

    page = http.get(f"{url}/auskunft", headers=COORDINATOR)
    assert page.status_code == 200, page.text
    pdf = http.get(f"{url}/auskunft.pdf", headers=COORDINATOR)
    assert pdf.status_code == 200, pdf.text
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    for expected in (
        "Wohnungsvermittlung",
        "Mietvertrag unterschrieben",
        "Neue Straße 12",
        "Tandem gebildet",
        "Teilnahmebestätigung ausgestellt",
        "Nachbetreuung angeboten",
        "Zur Wohnintegrationshilfe gemeldet",
        "Notizen zum Haushalt",
        "Rückruf Jobcenter wegen Kaution",
        "Telefonat",
        "Notizen in der Fallakte",
        "Hausbesuch: Ratenplan besprochen",
    ):
        assert expected in page.text, expected
        assert expected in " ".join(text.split()), expected
    assert "nicht das des Haushalts" in page.text  # why the volunteer's name is not shown

    log = ok(http.get(f"{url}/access-log", headers=COORDINATOR), 200)["entries"]
    assert {"/api/households/{household_id}/export", "/api/households/{household_id}/auskunft"} <= {
        e["route"] for e in log
    }

    assert http.get(f"{url}/export", headers=CARITAS).status_code == 403
    assert http.get(f"{url}/export", headers=GL).status_code == 404
    assert http.get(f"{url}/auskunft", headers=GL).status_code == 404

    system["volunteer"].stop()
    for path in ("export", "auskunft", "auskunft.pdf"):
        refused = http.get(f"{url}/{path}", headers=COORDINATOR)
        assert refused.status_code == 503, (path, refused.text)
    error = http.get(f"{url}/export", headers=COORDINATOR).json()["error"]
    assert error["code"] == "export_incomplete" and "Ehrenamt" in error["message"]
