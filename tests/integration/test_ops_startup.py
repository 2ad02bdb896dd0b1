"""Start-up failures end the process: a supervisor (systemd, compose, Kubernetes) can
only restart or alert on a process that exits, never on one that hangs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from support.system import ROOT, System


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("service", ["intake", "gateway"])
def test_a_second_instance_on_a_taken_port_exits_with_an_error(
    system: System, service: str, tmp_path: Path
) -> None:
    running = system[service]
    second = subprocess.run(
        [sys.executable, "-m", f"services.{service}"],
        cwd=ROOT,
        env={
            **running.env,
            f"AUSZUG_{service.upper()}_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db",
        },
        capture_output=True,
        text=True,
        # Generous: a hang is what this test is about, not speed.
        timeout=60,
    )
    assert second.returncode != 0
    assert "HTTP port taken" in second.stdout + second.stderr
    assert str(running.port) in second.stdout + second.stderr
    # The instance that holds the port is untouched.
    assert httpx.get(f"{running.base_url}/readyz", timeout=5).status_code == 200
