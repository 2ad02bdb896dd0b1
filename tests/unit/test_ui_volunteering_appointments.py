"""The form for a consultation outside an office hour, on the volunteer programme's overview,
through the real gateway app with the volunteer service's answers faked: sent as typed,
refused beside its field with every value kept, confirmed after storing."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.households.titles import neutral_title
from shared.rpc import ErrorKind, RpcError
from support.ui.volunteer import HOUSEHOLD, TANDEM, VOLUNTEER, VOLUNTEER_VIEW
from support.ui_app import TOKEN, FakeRpc, directory_of, ui_client

ONE = {"page": 1, "per_page": 50, "total": 1}
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "ute"}
TANDEM_VIEW: dict[str, Any] = {
    "tandem_id": str(TANDEM),
    "volunteer_id": str(VOLUNTEER),
    "household_id": str(HOUSEHOLD),
    "provider": "caritas",
    "formed_on": "2025-02-01",
    "ended_on": None,
    "end_reason": None,
    "support": [],
    "supported_placements": 0,
}

LISTED: dict[str, Any] = {
    "consultation_id": str(uuid4()),
    "provider": "caritas",
    "held_on": "2025-03-04",
    "channel": "email",
    "visitor": "tandem",
    "topic": "wbs",
    "duration_minutes": 15,
    "appointment": True,
    "office_hour_id": None,
    "tandem_id": None,
    "household_id": str(HOUSEHOLD),
}


class FakeVolunteer(FakeRpc):
    """Answers like the volunteer service; `refuse` makes the named call fail."""

    def __init__(self) -> None:
        answers = {
            "list_volunteers": {"volunteers": [VOLUNTEER_VIEW], "page": ONE},
            "list_tandems": {
                "tandems": [TANDEM_VIEW],
                "page": ONE,
                "volunteer_names": {str(VOLUNTEER): "Maria Schulte"},
            },
            "list_consultations": {"consultations": [LISTED], "page": ONE},
            "appointments": {"appointments": []},
            "search_households": directory_of(HOUSEHOLD),
        }
        super().__init__(answers)

    def answer(self, name: str, body: Any) -> Any:
        if name in self.answers or name == "household_titles":
            return super().answer(name, body)
        return {"consultation_id": str(uuid4())}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, Any]:
    fake = FakeVolunteer()
    return ui_client(tmp_path, monkeypatch, fake), fake


FORM = {
    "csrf_token": TOKEN,
    "provider": "caritas",
    "held_on": "2025-03-05",
    "appointment": "on",
    "channel": "phone",
    "visitor": "tandem",
    "topic": "wbs",
    "duration_minutes": "25",
    "tandem_id": str(TANDEM),
}


def test_the_overview_offers_the_form_with_pickers_for_tandem_and_household(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    page = client.get("/ui/ehrenamt", headers=CARITAS).text
    assert 'action="/ui/ehrenamt/beratungen"' in page and 'id="einzeltermin"' in page
    # Named, not chosen from every active tandem (a select of them ended at 200).
    assert '<input id="tandem_id" name="tandem_id" type="text" value=""' in page
    assert '<input id="household_id" name="household_id" type="text" value=""' in page
    assert [b["per_page"] for n, b in fake.calls if n == "list_tandems"] == [50]
    assert 'name="appointment" value="on" checked' in page
    recent = page.split('id="einzeltermine"', 1)[1]
    assert "<tr><td>04.03.2025</td><td>Caritas Köln</td><td>E-Mail</td>" in recent
    assert f'<a href="/ui/haushalte/{HOUSEHOLD}">{neutral_title(HOUSEHOLD)}</a>' in recent
    # A caseworker records for their own provider, chosen by name.
    assert '<option value="caritas" selected>Caritas Köln</option>' in page


def test_a_consultation_is_sent_as_typed_and_confirmed(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    done = client.post("/ui/ehrenamt/beratungen", data=FORM, headers=CARITAS)
    assert done.status_code == 303
    assert done.headers["location"] == "/ui/ehrenamt?hinweis=beratung_erfasst#einzeltermin"
    body = next(b for n, b in fake.calls if n == "record_consultation")
    assert body["appointment"] is True
    assert body["tandem_id"] == str(TANDEM) and body["duration_minutes"] == 25
    assert body["household_id"] is None and body["held_on"] == "2025-03-05"
    confirmed = client.get(done.headers["location"], headers=CARITAS).text
    assert "Die Beratung ist erfasst." in confirmed


def test_an_unticked_box_is_a_consultation_without_appointment(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    form = {k: v for k, v in FORM.items() if k != "appointment"}
    assert client.post("/ui/ehrenamt/beratungen", data=form, headers=CARITAS).status_code == 303
    assert fake.calls[-1][1]["appointment"] is False


def test_wrong_minutes_are_shown_at_the_field_with_the_values_kept(
    app: tuple[TestClient, Any],
) -> None:
    client, fake = app
    page = client.post(
        "/ui/ehrenamt/beratungen", data={**FORM, "duration_minutes": "viel"}, headers=CARITAS
    )
    assert page.status_code == 422
    error = '<span class="feldfehler" id="fehler-duration_minutes">'
    assert f"{error}Bitte eine ganze Zahl eingeben, z. B. 3." in page.text
    assert 'value="viel"' in page.text and '<option value="wbs" selected>' in page.text
    assert f'name="tandem_id" type="text" value="{TANDEM}"' in page.text
    assert "record_consultation" not in [name for name, _ in fake.calls]


def test_a_refusal_of_the_service_is_shown_above_the_form(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    reason = "Der angegebene Haushalt gehört nicht zu diesem Tandem."
    fake.refuse["record_consultation"] = RpcError(
        kind=ErrorKind.rule, code="tandem_household_mismatch", message=reason
    )
    page = client.post(
        "/ui/ehrenamt/beratungen", data={**FORM, "household_id": str(HOUSEHOLD)}, headers=CARITAS
    )
    assert page.status_code == 409
    form_start = page.text.index('id="einzeltermin"')
    assert page.text.index(reason) > form_start and f'value="{HOUSEHOLD}"' in page.text
