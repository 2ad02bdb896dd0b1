"""The staff UI speaks German by default and English when asked: by `?lang=en` (then
remembered in a cookie), by the cookie, or by the browser's Accept-Language."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from services.gateway.web import i18n
from support.ui_app import FakeRpc, ui_client


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    return ui_client(tmp_path, monkeypatch, FakeRpc())


def test_german_is_the_default(client: TestClient) -> None:
    page = client.get("/ui/anmelden")
    assert page.status_code == 200
    assert '<html lang="de">' in page.text and "<h1>Anmelden</h1>" in page.text
    assert 'href="/ui/anmelden?lang=en"' in page.text and "English" in page.text


def test_asking_for_english_translates_the_page_and_is_remembered(client: TestClient) -> None:
    page = client.get("/ui/anmelden?lang=en")
    assert '<html lang="en">' in page.text and "<h1>Sign in</h1>" in page.text
    assert ">Password<" in page.text and "Anmeldename" not in page.text
    assert "auszug_lang=en" in page.headers["set-cookie"]
    # The cookie stays in the client: the next page comes in English without asking.
    again = client.get("/ui/anmelden")
    assert "<h1>Sign in</h1>" in again.text
    back = client.get("/ui/anmelden?lang=de")
    assert "<h1>Anmelden</h1>" in back.text and "auszug_lang=de" in back.headers["set-cookie"]


def test_the_browser_language_decides_when_nobody_asked(client: TestClient) -> None:
    english = client.get("/ui/anmelden", headers={"accept-language": "en-GB,en;q=0.9,de;q=0.3"})
    german = client.get("/ui/anmelden", headers={"accept-language": "de-DE,en;q=0.5"})
    french = client.get("/ui/anmelden", headers={"accept-language": "fr-FR"})
    assert "<h1>Sign in</h1>" in english.text
    assert "<h1>Anmelden</h1>" in german.text and "<h1>Anmelden</h1>" in french.text


def test_an_unknown_language_is_ignored(client: TestClient) -> None:
    page = client.get("/ui/anmelden?lang=xx")
    assert "<h1>Anmelden</h1>" in page.text and "set-cookie" not in {
        k.lower() for k in page.headers if "auszug_lang" in page.headers.get(k, "")
    }


def test_a_failed_sign_in_is_explained_in_the_page_language(client: TestClient) -> None:
    client.get("/ui/anmelden?lang=en")
    token = client.cookies.get("auszug_csrf")
    page = client.post(
        "/ui/anmelden", data={"csrf_token": token, "login": "nobody", "password": "x" * 12}
    )
    assert page.status_code == 401
    assert "User name or password is wrong." in page.text
    assert 'value="nobody"' in page.text


def test_dates_read_as_people_of_the_language_write_them() -> None:
    moment = datetime(2026, 3, 1, 11, 30, tzinfo=UTC)
    assert i18n.format_date(date(2026, 3, 1)) == "01.03.2026"
    assert i18n.format_date(moment) == "01.03.2026, 12:30 Uhr"
    token = i18n._current.set(i18n.ENGLISH)
    try:
        assert i18n.format_date(date(2026, 3, 1)) == "1 Mar 2026"
        assert i18n.format_date(moment) == "1 Mar 2026, 12:30"
        assert i18n.gettext("Anmelden") == "Sign in"
        assert i18n.gettext("Kein Text im Katalog") == "Kein Text im Katalog"
    finally:
        i18n._current.reset(token)
