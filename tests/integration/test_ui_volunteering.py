"""The volunteer programme's pages over HTTP (Köln, Caritas), as staff and a volunteer use
them: an office hour's quick entry stores all its consultations or none and keeps what
was typed on an error; the consultations show on the office hour's page and, with an
individual appointment recorded on the overview, in the yearly figures by channel; a
volunteer sees their own tandem's household and nothing of another's; a workshop's page
links each participant's certificate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from shared.contracts.reporting import Figures
from support.system import System, household, wait_until
from support.ui.volunteer import CARITAS, browser, form_tandem, post, register_volunteer

MARIA = {"x-auszug-role": "volunteer", "x-auszug-user": "maria.s"}
JONAS = {"x-auszug-role": "volunteer", "x-auszug-user": "jonas.k"}


def consultations_by_channel(system: System, year: int) -> dict[str, int]:
    response = system.http.get(f"{system.gateway}/api/reports/yearly/{year}")
    response.raise_for_status()
    figures = Figures.model_validate(response.json()).figure("consultations")
    return {"total": int(figures.value or 0)} | {
        i.code: int(i.value or 0)
        for b in figures.breakdowns
        if b.dimension == "channel"
        for i in b.items
    }


ROW = {"channel": "in_person", "visitor": "tandem", "topic": "application"}


def rows(*typed: tuple[int, Mapping[str, str]]) -> dict[str, str]:
    """Form fields of the consultation rows `(row number, fields)`."""
    return {f"consultations.{i}.{k}": v for i, fields in typed for k, v in fields.items()}


def quick_entry_of_an_office_hour(system: System) -> None:
    staff = browser(system, CARITAS, "/ui/ehrenamt/sprechstunden/neu")
    before = consultations_by_channel(system, 2025)
    top = {"held_on": "2025-03-05", "provider": "caritas", "duration_minutes": "120"}
    invalid = {
        **top,
        **rows(
            (0, {**ROW, "duration_minutes": "30"}),
            (2, {**ROW, "channel": "phone", "duration_minutes": "viel"}),
            (3, {**ROW, "channel": "email", "topic": "wbs", "duration_minutes": "15"}),
        ),
    }
    refused = post(staff, "/ui/ehrenamt/sprechstunden/neu", invalid)
    assert refused.status_code == 422, refused.text
    assert 'id="fehler-consultations.2.duration_minutes"' in refused.text
    assert 'value="viel"' in refused.text and 'value="15"' in refused.text
    assert re.search(r'<option value="wbs" selected>', refused.text)
    # A row the contract accepts but the service refuses (an unknown tandem): still none.
    unknown = {**invalid, "consultations.2.duration_minutes": "20"}
    unknown["consultations.3.tandem_id"] = "00000000-0000-4000-8000-000000000000"
    refused = post(staff, "/ui/ehrenamt/sprechstunden/neu", unknown)
    assert refused.status_code == 409 and "Tandem ist nicht bekannt" in refused.text
    assert 'value="20"' in refused.text

    valid = {**unknown, "consultations.3.tandem_id": ""}
    held = post(staff, "/ui/ehrenamt/sprechstunden/neu", valid)
    assert held.status_code == 303, held.text
    shown = staff.get(held.headers["location"])
    assert shown.status_code == 200
    assert "Offene Sprechstunde am 05.03.2025" in shown.text
    assert shown.text.count("<td>Telefon</td>") == 1 and shown.text.count("<td>E-Mail</td>") == 1
    assert "<dt>Beratungen</dt><dd>3</dd>" in shown.text

    # An individual appointment outside the office hour, from the overview's form.
    appointment = {
        "held_on": "2025-03-06",
        "provider": "caritas",
        "appointment": "on",
        "channel": "phone",
        "visitor": "refugee_alone",
        "topic": "tenancy",
        "duration_minutes": "45",
    }
    recorded = post(staff, "/ui/ehrenamt/beratungen", appointment)
    assert recorded.status_code == 303, recorded.text
    assert "Die Beratung ist erfasst." in staff.get(recorded.headers["location"]).text

    expected = {k: before.get(k, 0) + 1 for k in ("in_person", "phone", "email")}
    expected["phone"] += 1
    expected["total"] = before["total"] + 4
    wait_until(
        lambda: consultations_by_channel(system, 2025) == expected,
        what=f"consultations {expected} in the yearly figures",
    )


def volunteer_sees_only_their_own_tandem(system: System) -> None:
    staff = browser(system, CARITAS, "/ui/ehrenamt")
    ours = system.register(household("2025-01-10", adults=2, minors=3), **CARITAS)
    theirs = system.register(household("2025-01-11"), **CARITAS)
    ours_id, theirs_id = ours.json()["household_id"], theirs.json()["household_id"]
    maria_tandem = form_tandem(
        system, staff, register_volunteer(staff, "maria.s", "Maria"), ours_id
    )
    jonas_tandem = form_tandem(
        system, staff, register_volunteer(staff, "jonas.k", "Jonas"), theirs_id
    )
    assert maria_tandem in staff.get("/ui/ehrenamt").text

    maria = browser(system, MARIA, "/ui/tandems")
    page = maria.get("/ui/tandems").text
    # The volunteer reads the household's short id, never its title or the full id.
    ours_short, theirs_short = ours_id.replace("-", "")[:8], theirs_id.replace("-", "")[:8]
    assert f"Haushalt {ours_short}" in page and theirs_short not in page
    assert "5 (2 Erwachsene, 3 Minderjährige)" in page and "Person 0" not in page
    assert maria.get(f"/ui/tandems/{jonas_tandem}").status_code == 404
    support = {"kind": "viewing", "supported_on": "2025-06-10"}
    assert post(maria, f"/ui/tandems/{jonas_tandem}/unterstuetzung", support).status_code == 404
    unchosen = post(maria, f"/ui/tandems/{maria_tandem}/unterstuetzung", {**support, "kind": ""})
    assert unchosen.status_code == 422
    assert "Bitte wählen, wobei Sie unterstützt haben." in unchosen.text
    recorded = post(maria, f"/ui/tandems/{maria_tandem}/unterstuetzung", support)
    assert recorded.status_code == 303, recorded.text
    confirmed = maria.get(recorded.headers["location"]).text
    assert "Besichtigung" in confirmed and "Die Unterstützung ist erfasst." in confirmed
    assert maria.get("/ui/ehrenamt").status_code == 403

    ended = post(staff, f"/ui/ehrenamt/tandems/{maria_tandem}/ende", {"reason": "flat_found"})
    assert ended.status_code == 303, ended.text
    assert maria.get(f"/ui/tandems/{maria_tandem}").status_code == 404
    assert (
        post(staff, f"/ui/ehrenamt/tandems/{maria_tandem}/ende", {"reason": "x"}).status_code == 422
    )


def workshop_with_a_certificate(system: System) -> None:
    staff = browser(system, CARITAS, "/ui/ehrenamt/workshops/neu")
    workshop = {
        "provider": "caritas",
        "topic": "heating_and_ventilation",
        "held_on": "2025-04-09",
        "site": "Bürgerzentrum Ehrenfeld",
        "duration_minutes": "90",
    }
    held = post(staff, "/ui/ehrenamt/workshops/neu", workshop)
    assert held.status_code == 303, held.text
    assert "Der Workshop ist erfasst." in staff.get(held.headers["location"]).text
    location = held.headers["location"].split("?")[0]
    person = {"given_name": "Yasmin", "family_name": "Haddad"}
    assert post(staff, f"{location}/teilnahmen", person).status_code == 303
    attendee = re.search(r'name="attendee_id" value="([^"]+)"', staff.get(location).text)
    assert attendee
    issued = post(staff, f"{location}/bestaetigungen", {"attendee_id": attendee[1]})
    assert issued.status_code == 303, issued.text
    page = staff.get(location).text
    assert "Heizen, Lüften, Energie sparen" in page
    link = re.search(r'href="(/api/workshops/[^"]+/certificates/[^"]+)"', page)
    assert link
    document = staff.get(link[1])
    assert document.headers["content-type"] == "application/pdf"


DIAKONIE = {
    "x-auszug-role": "caseworker",
    "x-auszug-provider": "diakonie",
    "x-auszug-user": "diakonie-1",
}


def volunteer_list_a_page_at_a_time(system: System) -> None:
    """Three volunteers of one provider (the other functions use Caritas): a page of two,
    a Stadtteil and a language as filters, sorted either way; the state in the URL."""
    staff = browser(system, DIAKONIE, "/ui/ehrenamt/ehrenamtliche/neu")
    for family, district, language in (
        ("Zeller", "kalk", "ar"),
        ("Adam", "kalk", "tr"),
        ("Maier", "nippes", "ar"),
    ):
        form = {
            "provider": "diakonie",
            "user_id": f"{family.lower()}.d",
            "registered_on": "2025-01-20",
            "given_name": "Eva",
            "family_name": family,
            "district": district,
            f"languages.{language}": "1",
        }
        assert post(staff, "/ui/ehrenamt/ehrenamtliche/neu", form).status_code == 303

    def names(page: str) -> list[str]:
        table = page.split('id="ehrenamtliche"', 1)[1].split('id="tandems"', 1)[0]
        return re.findall(r"Eva (\w+)</a>", table)

    second = staff.get("/ui/ehrenamt?per_page=2&page=2").text
    assert names(second) == ["Zeller"] and "3–3 von 3" in second
    # The pager keeps the page size and the other parameters.
    assert 'href="/ui/ehrenamt?per_page=2&amp;page=1"' in second
    kalk = staff.get("/ui/ehrenamt?district=kalk").text
    assert (
        names(kalk) == ["Adam", "Zeller"] and '<option value="kalk" selected>Kalk</option>' in kalk
    )
    arabic = staff.get("/ui/ehrenamt?language=ar&sort=name&descending=true").text
    assert names(arabic) == ["Zeller", "Maier"] and "Arabisch" in arabic
    assert '<option value="ar" selected>Arabisch</option>' in arabic
    # A bookmark with a value that no longer fits shows the list, unfiltered in that respect.
    assert names(staff.get("/ui/ehrenamt?district=Kalk!&page=x").text) == [
        "Adam",
        "Maier",
        "Zeller",
    ]
    # Caritas's caseworker sees none of them.
    caritas = browser(system, CARITAS, "/ui/ehrenamt").get("/ui/ehrenamt?district=nippes").text
    assert "Maier" not in caritas


def test_volunteer_pages_over_http(system: System) -> None:
    volunteer_list_a_page_at_a_time(system)
    quick_entry_of_an_office_hour(system)
    volunteer_sees_only_their_own_tandem(system)
    workshop_with_a_certificate(system)
