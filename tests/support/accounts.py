"""Staff accounts for tests on the running system, made the way an operator makes them."""

from __future__ import annotations

import subprocess
import sys

import httpx

from .system import ROOT, System

PASSWORD = "ein-langes-Passwort-1"


def add_users(
    system: System, *accounts: tuple[str, str, str, str | None], password: str = PASSWORD
) -> None:
    """(login, role, municipality, provider) each, through `python -m services.gateway.users
    add`; in parallel (each takes ~2 s for Argon2)."""
    runs = []
    for login, role, municipality, provider in accounts:
        args = ["--login", login, "--role", role, "--municipality", municipality]
        args += ["--password-stdin", *(["--provider", provider] if provider else [])]
        process = subprocess.Popen(
            [sys.executable, "-m", "services.gateway.users", "add", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=ROOT,
            env=system["gateway"].env,
        )
        assert process.stdin is not None
        process.stdin.write(password + "\n")
        process.stdin.close()
        runs.append(process)
    for process in runs:
        assert process.wait(timeout=60) == 0, process.stdout.read() if process.stdout else ""


def signed_in(system: System, login: str, password: str = PASSWORD) -> httpx.Client:
    """A client signed in with a password, holding the session and the CSRF token."""
    client = httpx.Client(base_url=system.gateway, timeout=30)
    response = client.post("/api/session", json={"login": login, "password": password})
    assert response.status_code == 200, response.text
    client.headers["x-csrf-token"] = client.cookies["auszug_csrf"]
    return client
