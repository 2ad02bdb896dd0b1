"""Forms that name a tandem, a volunteer or a household as people know them, against the
running system (both backends): a name resolves to the one id that is then stored; a name
that fits several comes back with the matches to choose from; another provider's
volunteer, tandem or household is "nicht gefunden", its name nowhere on the page. Also the
prevention case's household by its title, and the readiness form's missing rating at its
field only (findings 9, 18 and 11 of issue 14)."""

from __future__ import annotations

import re
from typing import Any

from support.form_browser import TOKEN, Browser
from support.system import System, wait_until

COORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "k-1"}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "c-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "d-1"}
NOT_FOUND = "Kein aktives Tandem gefunden"


class Api:
    def __init__(self, system: System) -> None:
        self.http, self.base = system.http, f"{system.gateway}/api"

    def call(
        self, method: str, path: str, headers: dict[str, str], body: Any = None, status: int = 201
    ) -> Any:
        response = self.http.request(method, f"{self.base}{path}", json=body, headers=headers)
        assert response.status_code == status, response.text
        return response.json()

    def household(self, provider: str, *people: tuple[str, str, str]) -> str:
        members = [
            {"role": role, "age_band": "27-64" if role != "child" else "6-17",
             "given_name": given, "family_name": family}
            for role, given, family in people
        ]  # fmt: skip
        body = {
            "provider": provider,
            "registered_on": "2025-03-01",
            "accommodation": {"kind": "shelter"},
            "members": members,
        }
        headers = CARITAS if provider == "caritas" else DRK
        household_id: str = self.call("POST", "/households", headers, body)["household_id"]
        consent = {"purpose": "volunteer_tandem", "given_on": "2025-03-02", "given_by": "Vorstand"}
        self.call("POST", f"/households/{household_id}/consents", headers, consent)
        return household_id

    def volunteer(
        self, headers: dict[str, str], given: str, family: str, ready: bool = True
    ) -> str:
        body = {
            "provider": headers["x-auszug-provider"],
            "user_id": f"{given}.{family}".lower(),
            "registered_on": "2025-01-20",
            "given_name": given,
            "family_name": family,
        }
        volunteer_id: str = self.call("POST", "/volunteers", headers, body)["volunteer_id"]
        if ready:
            step = {"step": "agreement_signed", "done_on": "2025-01-25"}
            self.call("POST", f"/volunteers/{volunteer_id}/onboarding", headers, step, 200)
        return volunteer_id

    def tandems(self, headers: dict[str, str]) -> dict[str, tuple[str, str]]:
        """Tandem id → (volunteer, household) of the active tandems `headers` sees."""
        found = self.call("GET", "/tandems?per_page=200", headers, status=200)["tandems"]
        return {t["tandem_id"]: (t["volunteer_id"], t["household_id"]) for t in found}


def choices(page: str, name: str) -> list[str]:
    return re.findall(rf'name="{re.escape(name)}_wahl" value="([^"]+)"', page)


def tandem_formed(browser: Browser, form: dict[str, str]) -> int:
    """The tandem form's answer, sent until volunteer knows the household's consent (from
    intake's events, a moment after it was given)."""

    def sent() -> int | None:
        response = browser.client.post(
            "/ui/ehrenamt/tandems/neu", data={"csrf_token": TOKEN, **form}
        )
        waiting = "kennt das Ehrenamt nicht" in response.text or "Einwilligung" in response.text
        return None if response.status_code == 409 and waiting else response.status_code

    status: int = wait_until(sent, interval=0.3, what="household known to volunteer")
    return status


def test_forms_name_tandems_volunteers_and_households(system: System) -> None:
    api = Api(system)
    caritas, drk = Browser(system, CARITAS), Browser(system, DRK)
    öztürk = api.household("caritas", ("head", "Ayşe", "Öztürk"), ("child", "Emre", "Öztürk"))
    nasser = api.household("caritas", ("head", "Omar", "Nasser"))
    haddad = api.household("drk", ("head", "Amina", "Haddad"))
    maria = api.volunteer(CARITAS, "Maria", "Beispiel")
    marianne = api.volunteer(CARITAS, "Marianne", "Beispiel")
    api.volunteer(CARITAS, "Mario", "Neuling", ready=False)
    dora = api.volunteer(DRK, "Dora", "Fremd")

    # The tandem form: the volunteer by name among those ready, the household by name.
    several = caritas.post(
        "/ui/ehrenamt/tandems/neu",
        {"volunteer_id": "beispiel", "household_id": "Öztürk", "formed_on": "2025-04-01"},
        status=422,
    ).text
    assert "Mehrere Ehrenamtliche passen zu „beispiel“" in several
    assert sorted(choices(several, "volunteer_id")) == sorted([maria, marianne])
    assert "Maria Beispiel (Caritas Köln)" in several and 'value="Öztürk"' in several
    for elsewhere in ("Mario", "Dora"):  # not ready; another provider's
        refused = caritas.post(
            "/ui/ehrenamt/tandems/neu",
            {"volunteer_id": elsewhere, "household_id": "Öztürk"},
            status=422,
        ).text
        assert f"Niemand gefunden, der zu „{elsewhere}“ passt" in refused
        assert "Fremd" not in refused and "Neuling" not in refused
    chosen = {"volunteer_id": "beispiel", "volunteer_id_wahl": maria, "household_id": "Öztürk",
              "formed_on": "2025-04-01"}  # fmt: skip
    assert tandem_formed(caritas, chosen) == 303
    second = {"volunteer_id": "Marianne", "household_id": "Omar Nasser", "formed_on": "2025-04-02"}
    assert tandem_formed(caritas, second) == 303
    by_pair = {pair: tandem for tandem, pair in api.tandems(CARITAS).items()}
    maria_öztürk, marianne_nasser = by_pair[(maria, öztürk)], by_pair[(marianne, nasser)]
    other = {"volunteer_id": dora, "household_id": haddad, "formed_on": "2025-04-03"}
    assert tandem_formed(drk, other) == 303

    # A consultation outside an office hour: the tandem by its household's name.
    appointment = {
        "held_on": "2025-05-06",
        "provider": "caritas",
        "appointment": "on",
        "channel": "phone",
        "visitor": "tandem",
        "topic": "tenancy",
        "duration_minutes": "30",
    }
    ambiguous = caritas.post(
        "/ui/ehrenamt/beratungen", {**appointment, "tandem_id": "Beispiel"}, status=422
    ).text
    assert "Mehrere Tandems passen zu „Beispiel“" in ambiguous
    assert sorted(choices(ambiguous, "tandem_id")) == sorted([maria_öztürk, marianne_nasser])
    assert "Maria Beispiel mit Familie Öztürk (Caritas Köln, 2 Personen), seit 01.04.2025" in (
        ambiguous
    )
    for theirs in ("Dora", "Haddad", "Fremd"):  # DRK's tandem, by volunteer and household
        refused = caritas.post(
            "/ui/ehrenamt/beratungen", {**appointment, "tandem_id": theirs}, status=422
        ).text
        assert f"{NOT_FOUND}, das zu „{theirs}“ passt" in refused
        assert "Amina" not in refused and "Dora Fremd" not in refused
    nobody = caritas.post(
        "/ui/ehrenamt/beratungen", {**appointment, "household_id": "Haddad"}, status=422
    ).text
    assert "Kein Haushalt gefunden, der zu „Haddad“ passt." in nobody
    caritas.post(
        "/ui/ehrenamt/beratungen",
        {**appointment, "tandem_id": "Öztürk", "household_id": "Ayşe Öztürk"},
    )
    listed = api.call("GET", "/consultations?appointments_only=true", CARITAS, status=200)
    stored = [(c["tandem_id"], c["household_id"]) for c in listed["consultations"]]
    assert stored == [(maria_öztürk, öztürk)]

    # An office hour's rows: each its own tandem by name.
    rows = {
        "held_on": "2025-05-07",
        "provider": "caritas",
        "duration_minutes": "120",
        "consultations.0.channel": "in_person",
        "consultations.0.visitor": "tandem",
        "consultations.0.topic": "application",
        "consultations.0.duration_minutes": "20",
        "consultations.0.tandem_id": "Marianne",
        "consultations.1.channel": "in_person",
        "consultations.1.visitor": "tandem",
        "consultations.1.topic": "wbs",
        "consultations.1.duration_minutes": "15",
        "consultations.1.tandem_id": "Dora",
    }
    refused = caritas.post("/ui/ehrenamt/sprechstunden/neu", rows, status=422).text
    assert 'id="fehler-consultations.1.tandem_id"' in refused and NOT_FOUND in refused
    assert 'value="Marianne"' in refused  # every row comes back as typed
    held = caritas.post("/ui/ehrenamt/sprechstunden/neu", {**rows, "consultations.1.tandem_id": ""})
    office_hour = held.headers["location"].split("?")[0].rsplit("/", 1)[1]
    shown = api.call("GET", f"/office-hours/{office_hour}", CARITAS, status=200)
    assert [c["tandem_id"] for c in shown["consultations"]] == [marianne_nasser, None]

    # A workshop's participant: the household by name, shown by its title.
    workshop = {
        "provider": "caritas",
        "topic": "heating_and_ventilation",
        "held_on": "2025-05-08",
        "site": "Bürgerzentrum",
        "duration_minutes": "90",
    }
    location = caritas.post("/ui/ehrenamt/workshops/neu", workshop).headers["location"]
    location = location.split("?")[0]
    person = {"given_name": "Amina", "family_name": "Gast"}
    hidden = caritas.post(f"{location}/teilnahmen", {**person, "household_id": "Haddad"}, 422)
    assert "Kein Haushalt gefunden" in hidden.text
    caritas.post(f"{location}/teilnahmen", {**person, "household_id": "Nasser"})
    page = caritas.get(location)
    assert f'<a href="/ui/haushalte/{nasser}">Omar Nasser (Caritas Köln, 1 Person)</a>' in page


REFERRAL = {
    "provider": "caritas",
    "received_on": "2025-05-02",
    "source": "landlord",
    "target_group": "secured_tenancy_at_risk_of_recurrence",
    "housing_situation": "own_tenancy",
    "adults": "1",
    "minors": "1",
    "contact.name": "Frau Öztürk",
}
CRITERIA = ("rent_payment", "tenancy_knowledge", "neighbourhood", "household_management",
            "language_for_contracts")  # fmt: skip


def test_a_case_names_its_household_and_the_readiness_form_its_missing_rating(
    system: System,
) -> None:
    api = Api(system)
    caritas, coordination = Browser(system, CARITAS), Browser(system, COORDINATION)
    öztürk = api.household("caritas", ("head", "Ayşe", "Öztürk"), ("child", "Emre", "Öztürk"))

    # The referral names the household; the case shows its title, linked, and its own id.
    created = caritas.post("/ui/praevention/neu", {**REFERRAL, "household_id": "Ayşe Öztürk"})
    case = created.headers["location"].split("?")[0]
    title = f'<a href="/ui/haushalte/{öztürk}">Familie Öztürk (Caritas Köln, 2 Personen)</a>'
    for who in (caritas, coordination):
        page = who.get(case)
        assert title in page and case.rsplit("/", 1)[1] in page
        assert f">{öztürk}<" not in page  # the household's raw id is no longer the link text
    Browser(system, DRK).get(case, status=404)  # another provider's case: not found at all

    # A rating left out is said at its field, after the submit only, and nowhere else.
    form_page = f"/ui/haushalte/{öztürk}"
    assert "Bitte ausfüllen." not in caritas.get(form_page)
    ratings = {f"criteria.{code}": "met" for code in CRITERIA[1:]}
    typed = {**ratings, "result": "ready", "assessed_on": "2025-05-03"}
    refused = caritas.post(f"{form_page}/wohnfaehigkeit", typed, status=422).text
    section = refused.split('id="wohnfaehigkeit"', 1)[1].split("</details>", 1)[0]
    assert 'id="fehler-wohnfaehigkeit-criteria.rent_payment">Bitte ausfüllen.' in section
    assert section.count('class="feldfehler"') == 1
    assert "es fehlt" not in refused and "rent_payment:" not in refused
    alerts = re.findall(r'<p class="fehler" role="alert">(.*?)</p>', section)
    assert alerts == ["Bitte die markierten Felder prüfen."]
    done = {**typed, "criteria.rent_payment": "partly"}
    caritas.post(f"{form_page}/wohnfaehigkeit", done)
