"""The volunteer pages: a volunteer and a tandem as the pages receive them (unit tests), and
the forms sent to a running system (integration tests)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from uuid import uuid4

import httpx

from support.system import System, wait_until

TANDEM, VOLUNTEER, HOUSEHOLD = uuid4(), uuid4(), uuid4()


VOLUNTEER_VIEW: dict[str, Any] = {
    "volunteer_id": str(VOLUNTEER),
    "provider": "caritas",
    "user_id": "maria.s",
    "given_name": "Maria",
    "family_name": "Schulte",
    "phone": None,
    "email": None,
    "district": "ehrenfeld",
    "languages": ["de"],
    "registered_on": "2025-01-10",
    "onboarding": [],
    "ready_for_tandem": True,
    "left_on": None,
    "version": 3,
}


CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "ute"}


def browser(system: System, headers: Mapping[str, str], first_page: str) -> httpx.Client:
    """A client with the development identity and the CSRF cookie the first page sets."""
    client = httpx.Client(base_url=system.gateway, headers=dict(headers), timeout=30)
    assert client.get(first_page).status_code == 200
    return client


def post(client: httpx.Client, path: str, form: Mapping[str, str]) -> httpx.Response:
    return client.post(path, data={**form, "csrf_token": client.cookies["auszug_csrf"]})


def register_volunteer(staff: httpx.Client, user_id: str, given_name: str) -> str:
    """Registered and with a signed agreement, through the pages; returns the id."""
    form = {
        "provider": "caritas",
        "user_id": user_id,
        "registered_on": "2025-01-20",
        "given_name": given_name,
        "family_name": "Beispiel",
        "district": "kalk",
        "languages.de": "1",
        "languages.ar": "1",
    }
    # The provider is a choice; left empty, the field says so in words.
    refused = post(staff, "/ui/ehrenamt/ehrenamtliche/neu", {**form, "provider": ""})
    assert refused.status_code == 422 and "Bitte den Träger wählen." in refused.text
    assert (
        f'value="{given_name}"' in refused.text and '<option value="kalk" selected>' in refused.text
    )
    assert re.search(r'name="languages.ar" value="1"\s*checked', refused.text)
    created = post(staff, "/ui/ehrenamt/ehrenamtliche/neu", form)
    assert created.status_code == 303, created.text
    location = created.headers["location"].split("?")[0]
    shown = staff.get(location).text
    assert "Die/der Ehrenamtliche ist aufgenommen." in staff.get(created.headers["location"]).text
    assert "Kalk" in shown and "Deutsch, Arabisch" in shown and "Caritas Köln" in shown
    step = {"step": "agreement_signed", "done_on": "2025-01-25"}
    assert post(staff, f"{location}/einstieg", step).status_code == 303
    assert "Ehrenamtsvereinbarung unterschrieben" in staff.get(location).text
    return location.rsplit("/", 1)[1]


def form_tandem(system: System, staff: httpx.Client, volunteer_id: str, household_id: str) -> str:
    """The one place a test tandem is formed: the household's consent to share its data
    with a tandem first (on the household's page), then the tandem through the page."""
    consent = {"purpose": "volunteer_tandem", "given_on": "2025-01-15"}
    consents = f"/ui/haushalte/{household_id}/einwilligungen"
    refused = post(staff, consents, consent)  # who consented is missing
    assert refused.status_code == 422 and 'id="fehler-given_by"' in refused.text
    assert 'value="2025-01-15"' in refused.text
    assert post(staff, consents, {**consent, "given_by": "Vorstand"}).status_code == 303
    page = staff.get(f"/ui/haushalte/{household_id}")
    assert "Weitergabe an ein ehrenamtliches Tandem" in page.text and "Vorstand" in page.text
    form = {"volunteer_id": volunteer_id, "household_id": household_id, "formed_on": "2025-02-01"}

    def formed() -> bool:
        response = post(staff, "/ui/ehrenamt/tandems/neu", form)
        # Volunteer learns of the household and its consent from intake's events a moment later.
        if response.status_code == 409 and (
            "kennt das Ehrenamt nicht" in response.text or "Einwilligung" in response.text
        ):
            return False
        assert response.status_code == 303, response.text
        return True

    wait_until(formed, interval=0.3, what="household and consent known to volunteer")
    listed: list[dict[str, Any]] = system.http.get(
        f"{system.gateway}/api/tandems?per_page=200", headers=CARITAS
    ).json()["tandems"]
    return str(next(t["tandem_id"] for t in listed if t["household_id"] == household_id))
