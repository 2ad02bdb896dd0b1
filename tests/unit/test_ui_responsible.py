"""„Zuständig“ on the household's page: the name (never the pseudonym), the provider's
staff as choices, and a post that sends only an active caseworker of the household's
provider (or a coordinator) to intake."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.adapters.users import Account, add_user
from services.gateway.settings import GatewaySettings
from shared.db import Database
from shared.identity import Role
from support.ui.households import PAGE, FakeIntake
from support.ui_app import TOKEN, as_role, ui_client, visible

OWN, OTHER_PROVIDER, GONE, COORDINATOR = uuid4(), uuid4(), uuid4(), uuid4()


def account(user_id: UUID, login: str, role: Role, provider: str | None, **more: object) -> Account:
    return Account(
        user_id=user_id,
        login=login,
        password_hash="x",
        role=role,
        municipality="koeln",
        provider=provider,
        display_name=f"{login.title()} Muster",
        **more,  # type: ignore[arg-type]
    )


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeIntake]:
    fake = FakeIntake()
    fake.household = fake.household | {"caseworker": str(OWN)}
    client = ui_client(tmp_path, monkeypatch, fake)

    async def add() -> None:
        db = Database(GatewaySettings().gateway_database)
        async with db.transaction() as conn:
            for staff in (
                account(OWN, "anna", Role.caseworker, "caritas"),
                account(OTHER_PROVIDER, "bert", Role.caseworker, "drk"),
                account(GONE, "carl", Role.caseworker, "caritas", active=False),
                account(COORDINATOR, "dora", Role.coordinator, None),
            ):
                await add_user(conn, staff, datetime.now(UTC))
        await db.dispose()

    asyncio.run(add())
    return client, fake


def test_the_page_names_who_is_responsible_and_offers_the_providers_staff(
    app: tuple[TestClient, FakeIntake],
) -> None:
    client, _ = app
    page = client.get(PAGE, headers=as_role("caseworker"))
    assert page.status_code == 200
    assert "Anna Muster" in visible(page.text)
    assert f'<option value="{OWN}" selected>Anna Muster</option>' in page.text
    assert f'value="{COORDINATOR}"' in page.text
    assert f'value="{OTHER_PROVIDER}"' not in page.text and f'value="{GONE}"' not in page.text


def test_assigning_a_colleague_sends_their_pseudonym(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "caseworker": str(COORDINATOR)}
    answer = client.post(f"{PAGE}/zustaendig", data=form, headers=as_role("caseworker"))
    assert answer.status_code == 303
    assert answer.headers["location"].endswith("?hinweis=zustaendig#zustaendig")
    name, body = fake.calls[-1]
    assert name == "assign_caseworker"
    assert body["body"] == {"caseworker": str(COORDINATOR)}


def test_nobody_can_be_chosen(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "caseworker": ""}
    answer = client.post(f"{PAGE}/zustaendig", data=form, headers=as_role("coordinator"))
    assert answer.status_code == 303
    assert fake.calls[-1] == (
        "assign_caseworker",
        {"id": fake.calls[-1][1]["id"], "body": {"caseworker": None}},
    )


@pytest.mark.parametrize("chosen", [OTHER_PROVIDER, GONE, uuid4()])
def test_someone_not_of_the_provider_is_refused_at_the_field(
    app: tuple[TestClient, FakeIntake], chosen: UUID
) -> None:
    client, fake = app
    form = {"csrf_token": TOKEN, "caseworker": str(chosen)}
    page = client.post(f"{PAGE}/zustaendig", data=form, headers=as_role("caseworker"))
    assert page.status_code == 422
    assert 'id="fehler-zustaendig"' in page.text
    assert "Bitte eine Fachkraft des Trägers aus der Liste wählen." in page.text
    assert "assign_caseworker" not in [name for name, _ in fake.calls]


def test_the_api_takes_a_login_of_the_providers_staff(app: tuple[TestClient, FakeIntake]) -> None:
    client, fake = app
    url = f"/api/households/{PAGE.rsplit('/', 1)[1]}/caseworker"
    answer = client.post(url, json={"login": "Dora"}, headers=as_role("caseworker"))
    assert answer.status_code == 200, answer.text
    assert fake.calls[-1][1]["body"] == {"caseworker": str(COORDINATOR)}
    refused = client.post(url, json={"login": "bert"}, headers=as_role("caseworker"))
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == [
        {"field": "login", "message": "Bitte eine Fachkraft des Trägers aus der Liste wählen."}
    ]
