"""The pages of individual consultations by appointment, through the real gateway app with
the volunteer service's answers faked: the open ones listed on the overview with their
place, "als Beratung erfassen" fills the record form (with the appointment's id), the form
to arrange one sends what was typed, a wrong time comes back at its field, and another
provider's (not in the caller's answer) is not found."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.calendar.ics import page_path, summary
from shared.contracts.appointments import Appointment
from support.ui.volunteer import HOUSEHOLD, TANDEM
from support.ui_app import TOKEN, FakeRpc, directory_of, ui_client

PAGE = {"page": 1, "per_page": 50, "total": 0}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "ute"}
AID = uuid4()
PLACE = "Büro <b>Raum</b> 3"
OPEN: dict[str, Any] = {
    "appointment_id": str(AID),
    "kind": "consultation",
    "day": "2026-12-10",
    "at": "14:30:00",
    "minutes": 45,
    "place": PLACE,
    "attendee": "ute",
    "subject_kind": "household",
    "subject_id": str(HOUSEHOLD),
    "household_id": str(HOUSEHOLD),
    "tandem_id": str(TANDEM),
    "provider": "caritas",
    "reference": f"Tandem {TANDEM.hex[:8]}",
}


class FakeVolunteer(FakeRpc):
    def __init__(self) -> None:
        super().__init__(
            {
                "list_volunteers": {"volunteers": [], "page": PAGE},
                "list_tandems": {"tandems": [], "page": PAGE},
                "list_consultations": {"consultations": [], "page": PAGE},
                "appointments": {"appointments": [OPEN]},
                "search_households": directory_of(HOUSEHOLD),
            }
        )

    def answer(self, name: str, body: Any) -> Any:
        if name in self.answers or name == "household_titles":
            return super().answer(name, body)
        return {"appointment_id": str(AID), "consultation_id": str(AID)}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeVolunteer]:
    fake = FakeVolunteer()
    return ui_client(tmp_path, monkeypatch, fake), fake


def test_the_overview_lists_the_open_ones_with_their_place_escaped(
    app: tuple[TestClient, FakeVolunteer],
) -> None:
    client, fake = app
    page = client.get("/ui/ehrenamt", headers=CARITAS).text
    listed = page.split('id="einzeltermine-offen"', 1)[1].split('id="einzeltermine"', 1)[0]
    assert "<td>10.12.2026</td><td>14:30</td><td>45</td>" in listed
    assert "Büro &lt;b&gt;Raum&lt;/b&gt; 3" in listed and "<b>Raum</b>" not in listed
    assert f'href="/ui/ehrenamt?termin={AID}#einzeltermin"' in listed
    assert f'href="/ui/ehrenamt/einzeltermine/{AID}"' in listed
    (query,) = [b for n, b in fake.calls if n == "appointments"]
    assert query["mine"] is False


def test_recording_it_fills_the_form_with_the_appointment(
    app: tuple[TestClient, FakeVolunteer],
) -> None:
    client, _ = app
    page = client.get(f"/ui/ehrenamt?termin={AID}", headers=CARITAS).text
    form = page.split('action="/ui/ehrenamt/beratungen"', 1)[1].split("</form>", 1)[0]
    assert f'name="appointment_id" value="{AID}"' in form
    assert 'name="held_on" type="date" value="2026-12-10"' in form
    assert f'name="tandem_id" type="text" value="{TANDEM}"' in form
    assert 'name="duration_minutes" type="text" value="45"' in form
    # Without it, the form is the plain one.
    plain = client.get("/ui/ehrenamt", headers=CARITAS).text
    assert 'name="appointment_id"' not in plain


def test_the_recorded_form_sends_the_appointment_id(
    app: tuple[TestClient, FakeVolunteer],
) -> None:
    client, fake = app
    form = {
        "csrf_token": TOKEN,
        "provider": "caritas",
        "held_on": "2026-12-10",
        "appointment": "on",
        "channel": "in_person",
        "visitor": "tandem",
        "topic": "wbs",
        "duration_minutes": "45",
        "appointment_id": str(AID),
    }
    client.post("/ui/ehrenamt/beratungen", data=form, headers=CARITAS, follow_redirects=False)
    body = next(b for n, b in fake.calls if n == "record_consultation")
    assert body["appointment_id"] == str(AID)


def test_arranging_sends_what_was_typed_and_confirms(
    app: tuple[TestClient, FakeVolunteer],
) -> None:
    client, fake = app
    assert client.get("/ui/ehrenamt/einzeltermine/neu", headers=CARITAS).status_code == 200
    form = {
        "csrf_token": TOKEN,
        "provider": "caritas",
        "day": "2026-12-10",
        "at": "14:30",
        "minutes": "45",
        "place": PLACE,
        "tandem_id": str(TANDEM),
    }
    sent = client.post(
        "/ui/ehrenamt/einzeltermine/neu", data=form, headers=CARITAS, follow_redirects=False
    )
    assert sent.status_code == 303
    assert sent.headers["location"] == (
        "/ui/ehrenamt?hinweis=einzeltermin_vereinbart#einzeltermine-offen"
    )
    body = next(b for n, b in fake.calls if n == "arrange_consultation")
    assert body == {
        "appointment_id": None,
        "provider": "caritas",
        "day": "2026-12-10",
        "at": "14:30:00",
        "minutes": 45,
        "place": PLACE,
        "tandem_id": str(TANDEM),
        "household_id": None,
    }


def test_a_wrong_time_comes_back_at_its_field_with_the_values_kept(
    app: tuple[TestClient, FakeVolunteer],
) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "provider": "caritas", "day": "2026-12-10", "at": "25 Uhr"}
    refused = client.post("/ui/ehrenamt/einzeltermine/neu", data=form, headers=CARITAS)
    assert refused.status_code == 422
    assert "Bitte eine Uhrzeit eingeben, z. B. 14:30." in refused.text
    assert 'value="25 Uhr"' in refused.text
    assert "arrange_consultation" not in [n for n, _ in fake.calls]


def test_an_appointment_not_in_the_callers_answer_is_not_found(
    app: tuple[TestClient, FakeVolunteer],
) -> None:
    client, _ = app
    page = client.get(f"/ui/ehrenamt/einzeltermine/{AID}", headers=CARITAS)
    assert page.status_code == 200 and 'value="14:30"' in page.text
    assert client.get(f"/ui/ehrenamt/einzeltermine/{uuid4()}", headers=CARITAS).status_code == 404
    cancel = client.post(
        f"/ui/ehrenamt/einzeltermine/{uuid4()}/absagen", data={"csrf_token": TOKEN}, headers=CARITAS
    )
    assert cancel.status_code == 404


def test_the_feed_names_the_tandem_and_links_the_overview() -> None:
    appointment = Appointment.model_validate(OPEN)
    assert summary(appointment) == f"Beratung · Tandem {TANDEM.hex[:8]}"
    assert page_path(appointment) == "/ui/ehrenamt#einzeltermine-offen"
