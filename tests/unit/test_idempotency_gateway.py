"""The gateway's side of idempotency keys, with the services faked at the RPC: the
`Idempotency-Key` header of an API change and the token of a UI form become the key of
the RPC client; every form of the staff UI posts a token of its own; the OpenAPI
describes the header on every change the gateway forwards to a service."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from services.gateway import deps
from services.gateway.web.form_tokens import TOKEN_FIELD
from support.ui.households import PAGE, FakeIntake
from support.ui_app import TOKEN, FakeRpc, as_role, ui_client

TEMPLATES = Path(deps.__file__).parent / "ui" / "templates"
REGISTRATION = {
    "provider": "caritas",
    "registered_on": "2025-06-01",
    "accommodation": {"kind": "shelter"},
    "members": [{"role": "head", "age_band": "27-64", "given_name": "Amal"}],
}
FORM = {
    "provider": "caritas",
    "registered_on": "2025-06-01",
    "accommodation.kind": "shelter",
    "members.0.role": "head",
    "members.0.age_band": "27-64",
}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, FakeIntake]:
    fake = FakeIntake()
    return ui_client(tmp_path, monkeypatch, fake), fake


def test_an_api_change_with_a_key_sends_it_to_the_service(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, rpc = app
    headers = as_role("coordinator")
    sent = client.post(
        "/api/households", json=REGISTRATION, headers={**headers, "Idempotency-Key": "r 1/ä"[:4]}
    )
    assert sent.status_code == 201, sent.text
    assert rpc.keys == ["r 1/"]
    assert rpc.per_body is False  # the API's key: another body under it is refused
    assert client.post("/api/households", json=REGISTRATION, headers=headers).status_code == 201
    assert rpc.keys == ["r 1/"]  # without the header: no key, as before


@pytest.mark.parametrize("key", ["x" * 201, "", "ab\x7f"])
def test_an_invalid_key_is_refused_in_german_before_any_service_is_asked(
    app: tuple[TestClient, FakeRpc], key: str
) -> None:
    client, rpc = app
    headers = {**as_role("coordinator"), "Idempotency-Key": key}
    refused = client.post("/api/households", json=REGISTRATION, headers=headers)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "idempotency_key_invalid"
    assert "druckbaren ASCII-Zeichen" in error["message"]
    assert rpc.calls == [] and rpc.keys == []


async def test_a_request_that_changes_nothing_sends_no_key() -> None:
    class State:
        rpc = FakeRpc()

    class App:
        state = State()

    scope: dict[str, Any] = {
        "type": "http",
        "method": "GET",
        "path": "/api/households/x",
        "headers": [(b"idempotency-key", b"k1")],
        "app": App(),
    }
    client: Any = await deps.rpc_client(Request(scope))
    assert client is State.rpc
    assert State.rpc.keys == []


def test_a_ui_form_posts_its_token_as_the_key(app: tuple[TestClient, FakeRpc]) -> None:
    client, rpc = app
    page = client.get("/ui/haushalte/neu", headers=as_role("caseworker")).text
    token = re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', page)
    assert token is not None
    assert f'name="csrf_token" value="{TOKEN}"' in page
    form = {**FORM, "csrf_token": TOKEN, TOKEN_FIELD: token.group(1)}
    for _ in range(2):  # a double click: the service answers the second from the key
        posted = client.post("/ui/haushalte/neu", data=form, headers=as_role("caseworker"))
        assert posted.status_code == 303, posted.text
    assert rpc.keys == [token.group(1)] * 2
    assert rpc.per_body is True  # the form filled in anew under its old token is new


def test_every_form_of_a_page_has_a_token_of_its_own(app: tuple[TestClient, FakeRpc]) -> None:
    client, _ = app
    page = client.get(PAGE, headers=as_role("coordinator")).text
    forms = re.findall(r'<form[^>]*method="post"', page)
    tokens = re.findall(rf'name="{TOKEN_FIELD}" value="([^"]+)"', page)
    assert len(forms) >= 5
    assert len(tokens) == len(forms) == len(set(tokens))


def test_every_post_form_of_every_template_renders_the_tokens() -> None:
    missing = []
    for template in sorted(TEMPLATES.glob("*.html")):
        text = template.read_text()
        assert "csrf_token }}" not in text, f"{template.name}: CSRF field without form_tokens()"
        for form in re.finditer(r'<form[^>]*method="post"[^>]*>(.*?)</form>', text, re.S):
            if "form_tokens()" not in form.group(1):
                missing.append(f"{template.name}: {form.group(0)[:60]}")
    assert missing == []


def test_the_openapi_describes_the_key_on_every_change_forwarded_to_a_service(
    app: tuple[TestClient, FakeRpc],
) -> None:
    client, _ = app
    spec = client.get("/openapi.json").json()

    def parameters(path: str, method: str) -> list[str]:
        return [p["name"] for p in spec["paths"][path][method].get("parameters", [])]

    register = spec["paths"]["/api/households"]["post"]
    assert "Idempotency-Key" in parameters("/api/households", "post")
    assert "idempotency_key_reused" in register["responses"]["422"]["description"]
    assert "Idempotency-Key" in parameters("/api/households/{household_id}/composition", "post")
    assert "Idempotency-Key" not in parameters("/api/households/{household_id}", "get")
    assert "Idempotency-Key" not in parameters("/api/session", "post")  # the gateway's own
    keyed = [
        (path, method)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
    ]
    assert {method for _, method in keyed} <= {"post", "put", "patch", "delete"}
    assert len(keyed) > 30
