"""The household page's master data (services/gateway/households/master_data*.py) with
intake faked at the RPC: what the page shows, the two forms starting from what is stored,
what they send, a refusal at its field with the typed values kept, the confirmation, and
the member erasure folded away below the course."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shared.rpc import ErrorKind, RpcError
from support.ui.households import CHILD, HEAD, PAGE, FakeIntake, member, view
from support.ui_app import TOKEN, as_role, ui_client, visible


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeIntake]:
    fake = FakeIntake()
    head = member(HEAD, "head", "27-64", "Amal") | {"birth_date": "1985-04-02"}
    fake.household = view(
        members=[head, member(CHILD, "child", "6-17", "Sami")],
        contact={"phone": "0221 123456", "email": "amal@example.org"},
        note="Familie spricht Arabisch",
        wbs=True,
        wbs_valid_until="2027-06-30",
        languages=["ar", "de"],
        accessible_flat_needed=True,
        preferred_districts=["kalk", "muelheim"],
        corrections=[
            {
                "member_id": str(HEAD),
                "field": "birth_date",
                "old_value": "1958-04-02",
                "new_value": "1985-04-02",
                "corrected_at": "2026-03-01T09:30:00+00:00",
                "actor": "caseworker-1",
            }
        ],
    )
    return ui_client(tmp_path, monkeypatch, fake), fake


def test_the_page_shows_names_birth_dates_contact_note_and_needs_by_name(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, _ = app
    text = visible(client.get(PAGE, headers=as_role("caseworker")).text)
    assert "Amal Haddad 02.04.1985" in text
    assert "0221 123456" in text and "amal@example.org" in text
    assert "Familie spricht Arabisch" in text
    assert "vorhanden, gültig bis 30.06.2027" in text
    assert "Barrierefreie Wohnung nötig" in text
    assert "Kalk, Mülheim" in text and "Arabisch, Deutsch" in text
    # The history: who (no name known here: "Fachkraft"), whom, what, before and after.
    assert "Fachkraft Amal Haddad Geburtsdatum 02.04.1958 02.04.1985" in text


def test_the_forms_start_from_what_is_stored(app: tuple[TestClient, FakeIntake]) -> None:
    client, _ = app
    html = client.get(PAGE, headers=as_role("caseworker")).text
    assert f'action="{PAGE}/stammdaten"' in html and f'action="{PAGE}/bedarf"' in html
    assert 'name="expected_version" value="4"' in html
    assert 'name="members.0.birth_date" type="date" value="1985-04-02"' in html
    assert 'name="preferred_districts.kalk" value="1" checked' in html
    assert 'name="languages.ar" value="1" checked' in html
    assert '<option value="ja" selected>' in html


def test_admin_sees_the_data_but_no_form(app: tuple[TestClient, FakeIntake]) -> None:
    client, _ = app
    html = client.get(PAGE, headers=as_role("admin")).text
    assert "Familie spricht Arabisch" in html
    assert f'action="{PAGE}/stammdaten"' not in html and f'action="{PAGE}/bedarf"' not in html


def test_a_correction_sends_the_whole_form_and_comes_back_with_a_confirmation(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "expected_version": "4",
        "members.0.member_id": str(HEAD),
        "members.0.given_name": "Amal",
        "members.0.family_name": "Haddad",
        "members.0.birth_date": "1986-04-02",
        "members.1.member_id": str(CHILD),
        "members.1.given_name": "Sami",
        "members.1.family_name": "",
        "members.1.birth_date": "",
        "contact.phone": "0221 654321",
        "contact.email": "",
        "note.text": "Familie spricht Arabisch",
    }
    answer = client.post(f"{PAGE}/stammdaten", data=form, headers=as_role("caseworker"))
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{PAGE}?hinweis=berichtigt#stammdaten"
    name, sent = fake.calls[-1]
    assert name == "correct_personal_data"
    assert sent["body"]["expected_version"] == 4
    assert sent["body"]["members"][0]["birth_date"] == "1986-04-02"
    assert sent["body"]["members"][1] == {
        "member_id": str(CHILD),
        "given_name": "Sami",
        "family_name": None,
        "birth_date": None,
    }
    assert sent["body"]["contact"] == {"phone": "0221 654321", "email": None}
    confirmed = client.get(answer.headers["location"], headers=as_role("caseworker")).text
    assert "Die Stammdaten sind berichtigt." in confirmed


def test_an_implausible_birth_date_is_shown_at_that_persons_field(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    message = "Nach dem Geburtsdatum ist die Person heute erst 2 Jahre alt — das passt nicht."
    fake.refuse["correct_personal_data"] = RpcError(
        kind=ErrorKind.rule, code=f"birth_date.{CHILD}", message=message
    )
    form = {
        "csrf_token": TOKEN,
        "expected_version": "4",
        "members.0.member_id": str(HEAD),
        "members.0.given_name": "Amal",
        "members.1.member_id": str(CHILD),
        "members.1.given_name": "Sami",
        "members.1.birth_date": "2024-01-01",
    }
    answer = client.post(f"{PAGE}/stammdaten", data=form, headers=as_role("caseworker"))
    assert answer.status_code == 409
    html = answer.text
    assert 'id="fehler-stammdaten-members.1.birth_date"' in html and message in html
    assert 'name="members.1.birth_date" type="date" value="2024-01-01" aria-invalid="true"' in html
    assert '<details class="schritt" id="stammdaten" open>' in html


def test_a_bad_phone_is_refused_at_its_field_in_words(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "expected_version": "4", "contact.phone": "null-zwei-zwei"}
    answer = client.post(f"{PAGE}/stammdaten", data=form, headers=as_role("caseworker"))
    assert answer.status_code == 422
    assert "Bitte die Telefonnummer nur mit Ziffern" in answer.text
    assert 'id="fehler-stammdaten-contact.phone"' in answer.text
    assert not any(name == "correct_personal_data" for name, _ in fake.calls)


def test_a_needs_change_sends_the_whole_set(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "changed_on": "2026-03-02",
        "wbs": "1",
        "accessible_flat_needed": "nein",
        "residence_outlook": "good",
        "languages.ti": "1",
        "preferred_districts.ehrenfeld": "1",
    }
    answer = client.post(f"{PAGE}/bedarf", data=form, headers=as_role("caseworker"))
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{PAGE}?hinweis=bedarf-geaendert#bedarf"
    name, sent = fake.calls[-1]
    assert name == "change_needs"
    assert sent["body"] | {} == {
        "changed_on": "2026-03-02",
        "wbs": True,
        "wbs_valid_until": None,
        "accessible_flat_needed": False,
        "preferred_districts": ["ehrenfeld"],
        "languages": ["ti"],
        "residence_outlook": "good",
    }


def test_a_needs_form_without_its_day_is_marked_there(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "residence_outlook": "good", "languages.ar": "1"}
    answer = client.post(f"{PAGE}/bedarf", data=form, headers=as_role("caseworker"))
    assert answer.status_code == 422
    assert 'id="fehler-bedarf-changed_on"' in answer.text
    # The ticks typed stay ticked.
    assert 'name="languages.ar" value="1" checked' in answer.text
    assert not any(name == "change_needs" for name, _ in fake.calls)


def test_erasing_a_person_is_folded_away_below_the_course_and_not_a_primary_button(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, _ = app
    html = client.get(PAGE, headers=as_role("coordinator")).text
    assert html.count('class="gefahr"') == 2
    assert html.index("Verlauf") < html.index('id="personen-loeschen"')
    assert "Daten dieser Person löschen" not in html[: html.index("Verlauf")]


# ---------------------------------------------------------------- registration


def test_another_person_adds_a_row_and_keeps_every_typed_value(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "member_rows": "4",
        "provider": "caritas",
        "members.0.role": "head",
        "members.0.given_name": "Amal",
        "members.3.given_name": "Noor",
        "languages.ar": "1",
        "weitere_person": "1",
    }
    page = client.post("/ui/haushalte/neu", data=form, headers=as_role("caseworker"))
    assert page.status_code == 200
    html = page.text
    assert 'name="members.4.role"' in html and 'name="members.5.role"' not in html
    assert 'name="member_rows" value="5"' in html
    assert 'value="Amal"' in html and 'value="Noor"' in html
    assert 'name="languages.ar" value="1" checked' in html
    assert not any(name == "register_household" for name, _ in fake.calls)


def test_a_household_of_eight_is_registered_in_one_go(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "member_rows": "8", "provider": "caritas"}
    form |= {"registered_on": "2026-03-01", "accommodation.kind": "shelter"}
    form |= {"members.0.role": "head", "members.0.age_band": "27-64"}
    for i in range(1, 8):
        form |= {f"members.{i}.role": "child", f"members.{i}.age_band": "6-17"}
    form |= {"accessible_flat_needed": "ja", "preferred_districts.kalk": "1", "wbs": "1"}
    answer = client.post("/ui/haushalte/neu", data=form, headers=as_role("caseworker"))
    assert answer.status_code == 303, answer.text
    name, sent = fake.calls[-1]
    assert name == "register_household" and len(sent["members"]) == 8
    assert sent["accessible_flat_needed"] is True and sent["preferred_districts"] == ["kalk"]
    assert sent["wbs"] is True


def test_the_coordinator_chooses_the_provider_by_name_the_caseworker_sees_their_own(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, _ = app
    coordinator = client.get("/ui/haushalte/neu", headers=as_role("coordinator")).text
    assert '<select id="provider" name="provider"' in coordinator
    assert '<option value="drk">DRK Köln</option>' in coordinator
    worker = client.get("/ui/haushalte/neu", headers=as_role("caseworker")).text
    assert 'value="Caritas Köln" readonly' in worker
    assert '<input type="hidden" name="provider" value="caritas">' in worker
    assert 'name="preferred_districts.ehrenfeld"' in worker and "Ehrenfeld" in worker


def test_a_coordinator_who_chose_no_provider_is_told_so_in_words(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "provider": "", "members.0.role": "head"}
    page = client.post("/ui/haushalte/neu", data=form, headers=as_role("coordinator"))
    assert page.status_code == 422
    assert "Bitte den Träger wählen." in page.text and "Zu kurz" not in page.text
    assert not any(name == "register_household" for name, _ in fake.calls)
