"""Backup and restore, once end to end: a system restored into a fresh directory from
deploy/backup.py's copy shows the same figures and the same household as the original
did when the backup was taken, and goes on working."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support.bus import stream_messages
from support.nats_server import NatsServer
from support.system import ROOT, System, household

YEARS = (2024, 2025)


def backup_tool(*args: str | Path) -> str:
    done = subprocess.run(
        [sys.executable, "deploy/backup.py", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def figures(system: System) -> dict[tuple[int, str | None], dict[str, int]]:
    return {
        (year, provider): system.figures(year, **({"provider": provider} if provider else {}))
        for year in YEARS
        for provider in (None, "caritas", "drk")
    }


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_system_restored_from_backup_shows_the_same_figures(
    system: System, tmp_path: Path
) -> None:
    for i in range(12):
        body = household(f"{YEARS[i % 2]}-0{1 + i % 9}-15", ("caritas", "drk")[i % 2], minors=i % 3)
        assert system.register(body).status_code == 201
    system.wait_for_households(2024, 6)
    system.wait_for_households(2025, 6)
    household_id = system.register(household("2025-03-01", adults=2)).json()["household_id"]
    system.wait_for_households(2025, 7)
    before = figures(system)
    detail = system.http.get(f"{system.gateway}/api/households/{household_id}")
    assert detail.status_code == 200, detail.text
    messages = stream_messages(system.nats.url)

    # The documented procedure: NATS stopped (the services wait for it), back up, restart.
    system.nats.stop()
    out = backup_tool(
        "backup", "--var-dir", system.workdir / "var", "--nats-store", system.nats.store_dir,
        "--to", tmp_path / "backup",
    )  # fmt: skip
    assert "backed up" in out
    system.nats.start()
    for service in system.services.values():
        service.wait_ready()  # reconnected to NATS
    # Written after the backup: the restored system must not know it.
    assert system.register(household("2025-05-05")).status_code == 201
    system.wait_for_households(2025, 8)
    system.stop()

    fresh = tmp_path / "restored"
    backup_tool(
        "restore", "--from", tmp_path / "backup", "--var-dir", fresh / "var",
        "--nats-store", fresh / "nats",
    )  # fmt: skip
    with NatsServer(fresh / "nats") as nats:
        restored = System(fresh, nats)
        try:
            restored.start()
            assert figures(restored) == before
            url = f"{restored.gateway}/api/households/{household_id}"
            assert restored.http.get(url).json() == detail.json()  # names: personal data
            assert stream_messages(nats.url) == messages
            # It goes on: a new registration is counted once, on top of the restored ones.
            assert restored.register(household("2025-05-05")).status_code == 201
            restored.wait_for_households(2025, 8)
        finally:
            restored.stop()
