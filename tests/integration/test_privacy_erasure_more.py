"""Erasure (Art. 17 DSGVO) beyond a whole household: a volunteer, a prevention case and
one member of a household. Canary values planted through the API are in no byte of any
service's database (SQLite files with their WAL, or every row on PostgreSQL), of the
JetStream store or of the logs afterwards; every yearly figure is unchanged; a second
request answers 409 and changes nothing; the rest of the household stays readable.
"""

from __future__ import annotations

from typing import Any

from support.canaries import (
    CARITAS,
    COORDINATOR,
    SKM,
    all_figures,
    everything,
    found_in,
    ok,
    wait_for_stream_on_disk,
)
from support.system import System, household, wait_until

YEAR = 2025
VOLUNTEER = ["QxEvGiven", "QxEvFamily", "0221 555019361", "qx.ev@example.org"]
CASE = [
    "QxEcContact",
    "0221 555019372",
    "QxEcStreet 4",
    "QxEcReferrer",
    "QxEcNote",
    "QxEcVisit",
    "QxEcFileNote",
]
MEMBER = ["QxEmGiven", "QxEmFamily", "1963-04-19"]  # a head of 27-64
KEPT = ["QxKeepGiven", "QxKeepAttendee"]


def plant(system: System) -> dict[str, str]:
    """A household (head = the member to erase, a partner who stays), a volunteer, a
    workshop the head attended as that member, and a prevention case; all with canaries."""
    http, api = system.http, f"{system.gateway}/api"
    members = [
        {"role": "head", "age_band": "27-64", "given_name": MEMBER[0], "family_name": MEMBER[1]},
        {"role": "partner", "age_band": "27-64", "given_name": KEPT[0]},
    ]
    members[0]["birth_date"] = MEMBER[2]
    body = household("2025-03-01", adults=2, members=members)
    hid = str(ok(system.register(body, **CARITAS))["household_id"])
    shown = ok(http.get(f"{api}/households/{hid}", headers=CARITAS), 200)
    head = next(m["member_id"] for m in shown["members"] if m["role"] == "head")
    volunteer = {
        "provider": "caritas",
        "user_id": "u-7731",
        "registered_on": "2025-03-02",
        "given_name": VOLUNTEER[0],
        "family_name": VOLUNTEER[1],
        "phone": VOLUNTEER[2],
        "email": VOLUNTEER[3],
    }
    vid = ok(http.post(f"{api}/volunteers", json=volunteer, headers=CARITAS))["volunteer_id"]
    workshop = {
        "provider": "caritas",
        "topic": "tenancy_rights_and_duties",
        "held_on": "2025-04-09",
        "site": "BZ-Kalk",
        "duration_minutes": 120,
    }
    wid = ok(http.post(f"{api}/workshops", json=workshop, headers=CARITAS))["workshop_id"]
    attendees = [
        {"member_id": head, "given_name": MEMBER[0], "family_name": MEMBER[1]},
        {"given_name": KEPT[1], "family_name": "QxKeepFamily"},
    ]
    for person in attendees:

        def attended(p: dict[str, str] = person) -> bool:
            answer = http.post(
                f"{api}/workshops/{wid}/attendances",
                json={"household_id": hid, **p},
                headers=CARITAS,
            )
            return answer.status_code == 201

        wait_until(attended, what="volunteer knows the household")
    referral = {
        "provider": "skm",
        "received_on": "2025-04-02",
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
        "contact": {"name": CASE[0], "phone": CASE[1]},
        "street_address": CASE[2],
        "referred_by": CASE[3],
        "note": CASE[4],
    }
    cid = ok(http.post(f"{api}/prevention/cases", json=referral, headers=SKM))["case_id"]
    check = {"checked_on": "2025-04-03", "comparable_help": [], "note": CASE[5]}
    ok(http.post(f"{api}/prevention/cases/{cid}/eligibility", json=check, headers=SKM), 200)
    note = {"kind": "phone_call", "text": CASE[6]}
    ok(http.post(f"{api}/prevention/cases/{cid}/notes", json=note, headers=SKM))
    return {"household": hid, "head": head, "volunteer": vid, "workshop": wid, "case": cid}


def erase_twice(system: System, path: str, body: dict[str, Any] | None) -> None:
    """Refused for a caseworker, done for the coordinator, refused (409) the second time."""
    http, url = system.http, f"{system.gateway}/api/{path}/erasure"
    assert http.post(url, json=body, headers=CARITAS).status_code == 403
    ok(http.post(url, json=body, headers=COORDINATOR), 200)
    again = http.post(url, json=body, headers=COORDINATOR)
    assert again.status_code == 409 and "bereits" in again.json()["error"]["message"], again.text


def given_names(document: Any) -> list[Any]:
    """Every `given_name` anywhere in a JSON document (the export's shape is the gateway's)."""
    if isinstance(document, dict):
        found = [document["given_name"]] if "given_name" in document else []
        return found + [n for v in document.values() for n in given_names(v)]
    if isinstance(document, list):
        return [n for v in document for n in given_names(v)]
    return []


def yearly(system: System) -> Any:
    return ok(system.http.get(f"{system.gateway}/api/reports/yearly/{YEAR}"), 200)


def test_volunteer_case_and_member_erasures_leave_no_trace(system: System, backend: str) -> None:
    ids = plant(system)
    http, api = system.http, f"{system.gateway}/api"
    wait_until(lambda: system.figures(YEAR)["households_registered"] == 1, what="counted")
    wait_for_stream_on_disk(system, ids["case"])
    before, report = all_figures(system), yearly(system)
    canaries = VOLUNTEER + CASE + MEMBER
    seen = found_in(everything(system, backend), canaries)
    assert {"intake", "volunteer", "prevention"} <= seen.keys(), "the scan sees them before"

    erase_twice(system, f"volunteers/{ids['volunteer']}", {"ground": "data_subject_request"})
    erase_twice(system, f"prevention/cases/{ids['case']}", {})
    erase_twice(system, f"households/{ids['household']}/members/{ids['head']}", None)

    volunteer = ok(http.get(f"{api}/volunteers/{ids['volunteer']}", headers=COORDINATOR), 200)
    assert (volunteer["given_name"], volunteer["family_name"]) == ("gelöscht", None)
    assert volunteer["erased_on"] and volunteer["user_id"] is None
    listed = ok(http.get(f"{api}/volunteers", headers=COORDINATOR), 200)["volunteers"]
    assert [v["given_name"] for v in listed] == ["gelöscht"]
    case = ok(http.get(f"{api}/prevention/cases/{ids['case']}", headers=COORDINATOR), 200)
    assert (case["contact"], case["note"], case["eligibility"]["note"]) == (None, None, None)
    assert case["erased_on"] and (case["adults"], case["status"]) == (1, "referred")
    notes = ok(http.get(f"{api}/prevention/cases/{ids['case']}/notes", headers=SKM), 200)
    assert (notes["notes"], notes["page"]["total"]) == ([], 0)
    shown = ok(http.get(f"{api}/households/{ids['household']}", headers=CARITAS), 200)
    names = {m["role"]: (m["given_name"], m["birth_date"]) for m in shown["members"]}
    assert names == {"head": ("gelöscht", None), "partner": (KEPT[0], None)}
    assert (shown["adults"], shown["privacy"]) == (2, None)
    exported = http.get(f"{api}/households/{ids['household']}/export", headers=COORDINATOR)
    assert exported.status_code == 200, exported.text
    assert "gelöscht" in given_names(exported.json()), exported.text[:500]
    assert not found_in({"export": exported.content}, MEMBER)

    # Volunteer learns of the member's erasure from `PersonalDataErased`.
    def attendees() -> set[Any]:
        view = ok(http.get(f"{api}/workshops/{ids['workshop']}", headers=CARITAS), 200)
        return {a["given_name"] for a in view["attendees"]}

    wait_until(lambda: attendees() == {None, KEPT[1]}, what="volunteer erased the attendee")
    wait_until(
        lambda: found_in(everything(system, backend), canaries) == {},
        timeout=20,
        what="no canary anywhere",
    )
    kept = found_in(everything(system, backend), KEPT)
    assert {"intake", "volunteer"} <= kept.keys(), kept
    wait_until(lambda: all_figures(system) == before, what="figures unchanged")
    assert yearly(system) == report
    assert ok(http.get(f"{api}/households/{ids['household']}", headers=CARITAS), 200) == shown
