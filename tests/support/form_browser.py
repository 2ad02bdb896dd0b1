"""A person's browser without the browser, for the integration tests of pages: the dev
identity headers, and the CSRF cookie whose token every form repeats."""

from __future__ import annotations

import httpx

from support.system import System

TOKEN = "csrf-" + "f" * 30


class Browser:
    """One person's browser: the dev identity headers and the CSRF cookie its forms repeat."""

    def __init__(self, system: System, headers: dict[str, str]) -> None:
        self.client = httpx.Client(base_url=system.gateway, headers=headers, timeout=30)
        self.client.cookies.set("auszug_csrf", TOKEN)

    def get(self, path: str, status: int = 200) -> str:
        response = self.client.get(path)
        assert response.status_code == status, response.text
        return response.text

    def post(self, path: str, form: dict[str, str], status: int = 303) -> httpx.Response:
        response = self.client.post(path, data={"csrf_token": TOKEN, **form})
        assert response.status_code == status, response.text
        return response
