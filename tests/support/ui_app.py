"""The staff UI's unit tests run the real gateway app with the services faked at the RPC:
`FakeRpc` answers by RPC name and can refuse a call, `ui_client` builds the app around it
(with the CSRF cookie a browser would hold), `as_role` and `visible` are the headers and
the reader's view the page tests share."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from services.gateway.adapters import MIGRATIONS
from services.gateway.app import create_app
from services.gateway.settings import GatewaySettings
from shared.contracts.operation import Operation, R
from shared.identity import Caller
from shared.migrations import upgrade
from shared.rpc import RemoteError, RpcError

TOKEN = "t" * 32
# A test of one page fails loudly on a call it did not expect, unless a default is given.
_NO_DEFAULT: Any = object()


class FakeRpc:
    """The services as the pages see them. `answers` by RPC name: a value, or a function of
    the body sent; `default` for any other name. `refuse[name]` makes that call fail with
    the service's error; `calls` keeps every call as (name, body as JSON), `keys` the
    idempotency keys the gateway bound to it (the services' answer to a key is theirs)."""

    def __init__(self, answers: Mapping[str, Any] | None = None, default: Any = _NO_DEFAULT):
        self.calls: list[tuple[str, Any]] = []
        self.keys: list[str] = []
        self.per_body = False
        self.refuse: dict[str, RpcError] = {}
        self.answers: dict[str, Any] = dict(answers or {})
        self.default = default

    def answer(self, name: str, body: Any) -> Any:
        """The answer to `name`; a fake with state of its own overrides this."""
        if name in self.answers:
            found = self.answers[name]
            return found(body) if callable(found) else found
        if name == "household_titles":
            # Every list asks intake for its households' titles: a fake intake knows no
            # names, so each keeps its neutral title.
            return {"titles": {}}
        if name == "subject_follow_ups":
            # A household's and an inquiry's page show their follow-ups: none written here.
            return {"open": [], "done": []}
        if name == "list_notes":
            # A household's and a case's page show their notes: a fake service keeps none.
            return {
                "subject_id": str(body.subject_id),
                "notes": [],
                "page": {"page": 1, "per_page": body.per_page, "total": 0},
            }
        if name == "list_documents":
            # Their documents likewise: a fake service keeps none.
            return {
                "subject_id": str(body.subject_id),
                "documents": [],
                "page": {"page": 1, "per_page": body.per_page, "total": 0},
            }
        if self.default is _NO_DEFAULT:
            raise KeyError(f"no answer for the RPC {name!r}")
        return self.default

    def keyed(self, key: str, *, per_body: bool = False) -> FakeRpc:
        self.keys.append(key)
        self.per_body = per_body
        return self

    async def send(self, op: Operation[Any, R], body: BaseModel, caller: Caller) -> R:
        """As the real client: the answer in the operation's response type (a fake answer
        given as a dict is checked against it, as the gateway would)."""
        found = await self.call(op.context, op.name, body, caller)
        if isinstance(found, op.response):
            return found
        return op.response.model_validate(
            found.model_dump(mode="json") if isinstance(found, BaseModel) else found
        )

    async def call(self, context: str, name: str, body: Any, caller: Caller) -> Any:
        self.calls.append(
            (name, body.model_dump(mode="json") if isinstance(body, BaseModel) else body)
        )
        if name in self.refuse:
            raise RemoteError(self.refuse[name])
        return self.answer(name, body)


def ui_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rpc: Any) -> TestClient:
    """The real gateway app answering through `rpc`, and a client holding the CSRF cookie
    (the forms post TOKEN). No lifespan (it would connect to NATS): the gateway's own
    tables (access log, logins) come from its migrations here."""
    monkeypatch.setenv("AUSZUG_VAR_DIR", str(tmp_path))
    settings = GatewaySettings()
    upgrade(MIGRATIONS, settings.gateway_database)
    app = create_app(settings)
    app.state.rpc = rpc
    client = TestClient(app, follow_redirects=False)
    client.cookies.set("auszug_csrf", TOKEN)
    return client


def as_role(role: str, provider: str = "caritas") -> dict[str, str]:
    """The development identity headers of `role` at `provider`."""
    return {"x-auszug-role": role, "x-auszug-provider": provider, "x-auszug-user": f"{role}-1"}


def visible(html: str) -> str:
    """The page's text as a reader sees it (tags, scripts and styles dropped)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def directory_of(*ids: UUID, provider: str = "caritas") -> dict[str, Any]:
    """Intake's answer to `search_households` naming these households (a picker resolves
    a field to the one household, or offers the several to choose from)."""
    items = [
        {
            "household_id": str(household_id),
            "short_id": household_id.hex[:8],
            "title": f"Familie Test {household_id.hex[:4]} (Caritas Köln, 2 Personen)",
            "provider": provider,
            "persons": 2,
            "registered_on": "2025-03-01",
        }
        for household_id in ids
    ]
    return {"items": items, "page": {"page": 1, "per_page": 10, "total": len(items)}}
