"""The access log on the household's page (coordination): in words a person understands,
the reader by name, 20 reads a page with its own page parameter."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from services.gateway.adapters.access_log import Access, record_access
from services.gateway.adapters.users import Account, add_user
from services.gateway.settings import GatewaySettings
from shared.db import Database
from shared.identity import Role
from support.ui.households import HOUSEHOLD, PAGE, FakeIntake
from support.ui_app import as_role, ui_client, visible

READER = uuid4()
START = datetime(2026, 11, 2, 9, tzinfo=UTC)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    client: TestClient = ui_client(tmp_path, monkeypatch, FakeIntake())
    reader = Account(
        user_id=READER,
        login="k.koch",
        password_hash="x",
        role=Role.caseworker,
        municipality="koeln",
        provider="caritas",
        display_name="Karla Koch",
    )

    async def fill() -> None:
        db = Database(GatewaySettings().gateway_database)
        async with db.transaction() as conn:
            await add_user(conn, reader, START)
            for n in range(44):
                read = Access(
                    START + timedelta(hours=n),
                    "koeln",
                    str(READER),
                    "caseworker",
                    "household",
                    HOUSEHOLD,
                    "/ui/haushalte/{household_id}",
                    uuid4(),
                )
                await record_access(conn, read)
            last = Access(
                START + timedelta(days=5),
                "koeln",
                "old-login",
                "coordinator",
                "household",
                HOUSEHOLD,
                "/api/households/{household_id}/auskunft",
                uuid4(),
            )
            await record_access(conn, last)
        await db.dispose()

    asyncio.run(fill())
    return client


def test_reads_in_words_by_name_newest_first(app: TestClient) -> None:
    page = app.get(PAGE, headers=as_role("coordinator"))
    section = page.text.split('id="zugriffe"')[1]
    text = visible(section)
    assert text.count("Haushalt angesehen") == 19
    assert "Auskunft nach Art. 15 erstellt" in text and "old-login" in text
    assert text.index("Auskunft nach Art. 15") < text.index("Haushalt angesehen")
    assert "Karla Koch" in text and str(READER) not in section
    assert "{household_id}" not in page.text
    assert "1–20 von 45" in text and "Seite 1 von 3" in text
    assert "protokoll_seite=2#zugriffe" in page.text


def test_the_last_page_of_the_log(app: TestClient) -> None:
    page = app.get(f"{PAGE}?protokoll_seite=3", headers=as_role("coordinator"))
    text = visible(page.text.split('id="zugriffe"')[1])
    assert text.count("Haushalt angesehen") == 5
    assert "41–45 von 45" in text
    # A page number that is no number shows the first page (with the read just before).
    first = app.get(f"{PAGE}?protokoll_seite=x", headers=as_role("coordinator"))
    assert "1–20 von 46" in visible(first.text)


def test_only_the_coordination_sees_the_log(app: TestClient) -> None:
    page = app.get(PAGE, headers=as_role("caseworker"))
    assert 'id="zugriffe"' not in page.text
