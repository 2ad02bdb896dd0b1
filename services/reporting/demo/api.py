"""The HTTP API as the generator uses it: one client, the staff it acts as, and waiting for
what another service learns a moment later (a household placement has not seen yet)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import httpx

Waiting = Callable[[httpx.Response], bool]


def unknown_yet(response: httpx.Response) -> bool:
    """Not found yet, or a service that has not learned of the household yet."""
    if response.status_code == 404:
        return True
    if response.status_code == 409:
        return bool(response.json().get("error", {}).get("code") == "household_unknown")
    return False


class Api:
    def __init__(self, client: httpx.AsyncClient, municipality: str, timeout: float = 60.0) -> None:
        self.client = client
        self.municipality = municipality
        self.timeout = timeout
        self.requests = 0

    def who(self, role: str, provider: str | None = None) -> dict[str, str]:
        headers = {
            "x-auszug-role": role,
            "x-auszug-municipality": self.municipality,
            "x-auszug-user": f"demo-{provider or role}",
        }
        if provider:
            headers["x-auszug-provider"] = provider
        return headers

    @property
    def coordinator(self) -> dict[str, str]:
        return self.who("coordinator")

    @property
    def office(self) -> dict[str, str]:
        return self.who("housing_office")

    async def post(
        self, path: str, body: dict[str, Any], who: dict[str, str], *, wait: Waiting | None = None
    ) -> dict[str, Any]:
        """POST and return the JSON answer; while `wait` says "not yet", ask again."""
        deadline = time.monotonic() + self.timeout
        delay = 0.05
        while True:
            self.requests += 1
            response = await self.client.post(f"/api{path}", json=body, headers=who)
            if response.is_success:
                answer: dict[str, Any] = response.json()
                return answer
            if wait is None or not wait(response) or time.monotonic() > deadline:
                raise RuntimeError(f"POST {path} → {response.status_code}: {response.text}")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 1.0)
