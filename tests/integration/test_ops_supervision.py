"""A process ends when asked, also while it still waits for NATS; under scripts/run a
crashed service is started again while the others go on, and SIGTERM stops all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from support.ports import free_port
from support.system import ROOT, wait_until

pytestmark = pytest.mark.integration

# What each process logs from inside its start-up (the app's lifespan), before it
# connects to NATS: from then on the signal arrives while start-up waits for NATS.
STARTING = {"gateway": "Running upgrade", "intake": "FastStream app starting"}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.parametrize("service", ["intake", "gateway"])
def test_a_signal_ends_a_process_that_waits_for_an_unreachable_nats(
    service: str, sig: signal.Signals, tmp_path: Path
) -> None:
    log_path = tmp_path / f"{service}.log"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AUSZUG_")},
        "AUSZUG_ENVIRONMENT": "test",
        "AUSZUG_LOG_FORMAT": "json",
        "AUSZUG_VAR_DIR": str(tmp_path / "var"),
        # A port nobody listens on: the client retries without end.
        "AUSZUG_NATS_URL": f"nats://127.0.0.1:{free_port()}",
        f"AUSZUG_{service.upper()}_HTTP_PORT": str(free_port()),
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", f"services.{service}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:

        def starting() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"{service} exited:\n{log_path.read_text()}")
            return STARTING[service] in log_path.read_text(errors="replace")

        wait_until(starting, timeout=60, what=f"{service} in start-up")
        process.send_signal(sig)
        # Generous: a hang is what this test is about, not speed.
        returncode = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = log_path.read_text(errors="replace")
    assert returncode == 1, output
    assert "stopped during start-up" in output
    assert sig.name in output
    assert "Traceback" not in output
