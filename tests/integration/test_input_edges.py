"""The probe's well-formed inputs against the running system, on both backends: a day of
0001-01-01, impossible birth dates and control characters are refused at the field with
a German 422 (they answered 500, or were stored); an id that another municipality or
another provider already uses is answered with one neutral 409 (it answered 500, telling
that the id exists, or lost the second consultation unseen); nothing is stored either way."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx

from shared.validation import ID_UNAVAILABLE
from support.system import System, household

COORDINATOR = {"x-auszug-user": "u-1001"}
CARITAS = {"x-auszug-user": "u-2002", "x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
DRK = {"x-auszug-user": "u-2003", "x-auszug-role": "caseworker", "x-auszug-provider": "drk"}
SKM = {"x-auszug-user": "u-3003", "x-auszug-role": "caseworker", "x-auszug-provider": "skm"}
GL = {"x-auszug-municipality": "bergisch-gladbach"}
GL_COORDINATOR = {"x-auszug-user": "u-4004", **GL}
GL_CARITAS = {**CARITAS, "x-auszug-user": "u-4005", **GL}
EARLY = "0001-01-01"


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def refused_fields(response: httpx.Response) -> dict[str, str]:
    """The fields a 422 names, with their German messages."""
    assert response.status_code == 422, response.text
    return {f["field"]: f["message"] for f in response.json()["error"]["fields"]}


def landlord(**extra: Any) -> dict[str, Any]:
    return {"kind": "private", "name": "Vermietung Rhein", **extra}


def offer(landlord_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "landlord_id": landlord_id,
        "district": "ehrenfeld",
        "rooms": 2,
        "size_m2": "55",
        "cold_rent": "500.00",
        "running_costs": "150.00",
        "available_from": "2025-05-01",
        "wbs_required": False,
        "source": "private_landlord",
        "received_on": "2025-04-01",
        **extra,
    }


def referral(**extra: Any) -> dict[str, Any]:
    return {
        "provider": "skm",
        "received_on": "2025-04-02",
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
        **extra,
    }


def consultation(**extra: Any) -> dict[str, Any]:
    return {
        "provider": "caritas",
        "held_on": "2025-03-05",
        "appointment": True,
        "channel": "phone",
        "visitor": "refugee_alone",
        "topic": "wbs",
        "duration_minutes": 25,
        **extra,
    }


WORKSHOP = {
    "provider": "caritas",
    "topic": "tenancy_rights_and_duties",
    "held_on": "2025-04-09",
    "site": "BZ-Ehrenfeld",
    "duration_minutes": 180,
}
OFFICE_HOUR = {"provider": "caritas", "held_on": "2025-03-05", "duration_minutes": 120}
TOO_EARLY = "Das Datum liegt vor dem 01.01.2000; bitte das Jahr prüfen."
CONTROL = "Bitte ohne Zeilenumbruch, Tabulator oder unsichtbare Steuerzeichen eingeben."


def test_odd_days_birth_dates_and_control_characters_are_refused_at_the_field(
    system: System,
) -> None:
    http, api = system.http, f"{system.gateway}/api"
    hid = ok(system.register(household("2025-03-01"), **CARITAS))["household_id"]
    lid = ok(http.post(f"{api}/landlords", json=landlord(), headers=COORDINATOR))["landlord_id"]

    # The probe's eight commands with 0001-01-01, each refused at its field.
    consent = {"purpose": "volunteer_tandem", "given_on": EARLY, "given_by": "Frau H."}
    refusals = {
        "households": (
            system.register(household(EARLY), **CARITAS),
            {"registered_on"},
        ),
        "consent": (
            http.post(f"{api}/households/{hid}/consents", json=consent, headers=CARITAS),
            {"given_on"},
        ),
        "workshop": (
            http.post(f"{api}/workshops", json={**WORKSHOP, "held_on": EARLY}, headers=CARITAS),
            {"held_on"},
        ),
        "consultation": (
            http.post(f"{api}/consultations", json=consultation(held_on=EARLY), headers=CARITAS),
            {"held_on"},
        ),
        "office hour": (
            http.post(
                f"{api}/office-hours", json={**OFFICE_HOUR, "held_on": EARLY}, headers=CARITAS
            ),
            {"held_on"},
        ),
        "prevention": (
            http.post(f"{api}/prevention/cases", json=referral(received_on=EARLY), headers=SKM),
            {"received_on"},
        ),
        "landlord": (
            http.post(f"{api}/landlords", json=landlord(registered_on=EARLY), headers=COORDINATOR),
            {"registered_on"},
        ),
        "offer": (
            http.post(
                f"{api}/offers",
                json=offer(lid, available_from=EARLY, received_on=EARLY),
                headers=COORDINATOR,
            ),
            {"available_from", "received_on"},
        ),
    }
    for what, (response, fields) in refusals.items():
        assert refused_fields(response) == dict.fromkeys(fields, TOO_EARLY), what

    # A day that only chooses what a list shows: near the year 1 it overflowed (stalled
    # cases, now the due list's follow-ups).
    between = "Bitte ein Datum zwischen 01.01.1900 und 31.12.2999 angeben."
    for path, param, headers in [
        ("follow-ups", "as_of", COORDINATOR),
        ("prevention/visits/overdue", "as_of", SKM),
        ("consultations", "from_day", CARITAS),
    ]:
        answer = http.get(f"{api}/{path}", params={param: EARLY}, headers=headers)
        assert refused_fields(answer) == {param: between}, path
    # The same day on the staff page of stalled cases: refused, never a 500.
    page = http.get(
        f"{system.gateway}/ui/wohnungen/festgefahren",
        params={"stichtag": EARLY},
        headers=COORDINATOR,
    )
    assert page.status_code == 422, page.status_code
    # A NUL byte in a login names no account (and PostgreSQL could not even look it up).
    nul_login = http.post(f"{api}/session", json={"login": "a\u0000b", "password": "x" * 12})
    assert nul_login.status_code == 401, nul_login.text

    # Birth dates: in the future, before 1900, or against the member's age band.
    for birth_date, message in [
        ("9999-12-31", "Das Geburtsdatum 31.12.9999 liegt in der Zukunft; bitte das Jahr prüfen."),
        (EARLY, "Das Geburtsdatum liegt vor dem 01.01.1900; bitte das Jahr prüfen."),
        (
            "1931-02-17",
            "Nach dem Geburtsdatum war die Person am Tag der Aufnahme (01.03.2025) 94 Jahre "
            "alt — das passt nicht zur Altersgruppe „27–64 Jahre“.",
        ),
    ]:
        body = household("2025-03-01")
        body["members"][0]["birth_date"] = birth_date
        answer = system.register(body, **CARITAS)
        assert refused_fields(answer) == {"members.0.birth_date": message}, birth_date

    # A NUL byte (PostgreSQL cannot store one) and other control characters in names.
    body = household("2025-03-01")
    body["members"][0]["given_name"] = "a\u0000b"
    body["members"][0]["family_name"] = "Haddad\u001b[2J"
    assert refused_fields(system.register(body, **CARITAS)) == {
        "members.0.given_name": CONTROL,
        "members.0.family_name": CONTROL,
    }
    nul_landlord = http.post(
        f"{api}/landlords", json=landlord(name="a\u0000b"), headers=COORDINATOR
    )
    assert refused_fields(nul_landlord) == {"name": CONTROL}
    nul_note = http.post(f"{api}/prevention/cases", json=referral(note="a\u0000b"), headers=SKM)
    assert refused_fields(nul_note) == {
        "note": "Der Text enthält unsichtbare Steuerzeichen; bitte neu eingeben."
    }

    # A note keeps its line breaks; nothing refused was stored: Caritas has its one household.
    body = household("2025-03-02", note="Erste Zeile\r\nzweite Zeile\tmit Tab")
    second = ok(system.register(body, **CARITAS))["household_id"]
    shown = ok(http.get(f"{api}/households/{second}", headers=CARITAS), 200)
    assert shown["note"] == "Erste Zeile\r\nzweite Zeile\tmit Tab"
    figures = system.wait_for_households(2025, 2)
    assert figures["households_registered"] == 2


def neutral(response: httpx.Response, code: str) -> dict[str, Any]:
    assert response.status_code == 409, response.text
    error: dict[str, Any] = response.json()["error"]
    assert (error["code"], error["message"]) == (code, ID_UNAVAILABLE)
    return error


def test_an_id_taken_anywhere_is_answered_alike_and_reads_of_it_stay_404(system: System) -> None:
    http, api = system.http, f"{system.gateway}/api"

    # A household of Caritas Köln; the same id from Bergisch Gladbach (500 before), from
    # another provider of Köln (a telling 409 before) and as Caritas's own retry.
    hid = str(uuid4())
    ok(system.register(household("2025-03-01", household_id=hid), **CARITAS))
    answers = [
        neutral(system.register(household(household_id=hid), **GL_CARITAS), "already_registered"),
        neutral(
            system.register(household(provider="drk", household_id=hid), **DRK),
            "already_registered",
        ),
        neutral(system.register(household(household_id=hid), **CARITAS), "already_registered"),
    ]
    assert answers[0] == answers[1] == answers[2]
    ok(http.get(f"{api}/households/{hid}", headers=GL_COORDINATOR), 404)
    ok(http.get(f"{api}/households/{hid}", headers=DRK), 404)

    # A landlord and an inquiry of Köln, reused by Bergisch Gladbach (both 500 before).
    lid = str(uuid4())
    ok(http.post(f"{api}/landlords", json=landlord(landlord_id=lid), headers=COORDINATOR))
    again = landlord(landlord_id=lid, name="Andere GmbH")
    neutral(http.post(f"{api}/landlords", json=again, headers=GL_COORDINATOR), "already_registered")
    iid = str(uuid4())
    inquiry = {"inquiry_id": iid, "sender_kind": "resident", "channel": "email", "text": "Hallo"}
    ok(http.post(f"{api}/inquiries", json=inquiry, headers=COORDINATOR))
    neutral(http.post(f"{api}/inquiries", json=inquiry, headers=GL_COORDINATOR), "already_received")
    ok(http.get(f"{api}/inquiries/{iid}", headers=GL_COORDINATOR), 404)

    # An offer, a prevention case and a volunteer of Köln, reused by Bergisch Gladbach.
    oid = str(uuid4())
    ok(http.post(f"{api}/offers", json=offer(lid, offer_id=oid), headers=COORDINATOR))
    gl_lid = ok(http.post(f"{api}/landlords", json=landlord(), headers=GL_COORDINATOR))
    reused_offer = offer(gl_lid["landlord_id"], offer_id=oid)
    neutral(
        http.post(f"{api}/offers", json=reused_offer, headers=GL_COORDINATOR), "already_received"
    )
    case_id = str(uuid4())
    ok(http.post(f"{api}/prevention/cases", json=referral(case_id=case_id), headers=SKM))
    # SKM works in Köln only: Bergisch Gladbach's DRK reuses the id.
    gl_drk = {**DRK, "x-auszug-user": "u-4006", **GL}
    reused_case = referral(case_id=case_id, provider="drk")
    neutral(
        http.post(f"{api}/prevention/cases", json=reused_case, headers=gl_drk), "already_referred"
    )
    vid = str(uuid4())
    volunteer = {
        "volunteer_id": vid,
        "provider": "caritas",
        "user_id": "u-5521",
        "given_name": "Eva",
        "family_name": "Ehrenamt",
    }
    ok(http.post(f"{api}/volunteers", json=volunteer, headers=CARITAS))
    other_login = {**volunteer, "user_id": "u-5522"}
    neutral(
        http.post(f"{api}/volunteers", json=other_login, headers=GL_CARITAS), "already_registered"
    )

    # Caritas's volunteer, office hour and workshop ids from DRK: a telling 404 or
    # "unknown workshop" before, the neutral conflict now.
    drk_volunteer = {**other_login, "provider": "drk", "user_id": "u-5523"}
    neutral(http.post(f"{api}/volunteers", json=drk_volunteer, headers=DRK), "already_registered")
    hour_id, workshop_id = str(uuid4()), str(uuid4())
    hour = {**OFFICE_HOUR, "office_hour_id": hour_id}
    ok(http.post(f"{api}/office-hours", json=hour, headers=CARITAS))
    drk_hour = {**hour, "provider": "drk"}
    neutral(http.post(f"{api}/office-hours", json=drk_hour, headers=DRK), "already_held")
    ok(
        http.post(
            f"{api}/workshops", json={**WORKSHOP, "workshop_id": workshop_id}, headers=CARITAS
        )
    )
    drk_workshop = {**WORKSHOP, "workshop_id": workshop_id, "provider": "drk"}
    neutral(http.post(f"{api}/workshops", json=drk_workshop, headers=DRK), "already_held")

    # A consultation of Caritas Köln: Bergisch Gladbach's got 201 and vanished from its
    # list; DRK's answer told the id was Caritas's.
    cid = str(uuid4())
    ok(http.post(f"{api}/consultations", json=consultation(consultation_id=cid), headers=CARITAS))
    reused = consultation(consultation_id=cid, held_on="2025-03-06")
    gl = neutral(
        http.post(f"{api}/consultations", json=reused, headers=GL_CARITAS), "already_recorded"
    )
    drk = neutral(
        http.post(f"{api}/consultations", json={**reused, "provider": "drk"}, headers=DRK),
        "already_recorded",
    )
    assert gl == drk
    listed = ok(http.get(f"{api}/consultations", headers=GL_CARITAS), 200)["consultations"]
    assert listed == []

    # Nothing of the refused creates was stored, and new ids still work for everyone.
    ok(system.register(household("2025-03-01"), **GL_CARITAS))
    ok(http.post(f"{api}/landlords", json=landlord(), headers=GL_COORDINATOR))
    mine = ok(http.get(f"{api}/households/{hid}", headers=CARITAS), 200)
    assert mine["provider"] == "caritas" and mine["municipality"] == "koeln"
