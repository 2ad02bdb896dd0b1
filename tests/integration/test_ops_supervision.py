"""A process ends when asked, also while it still waits for NATS; under scripts/run a
crashed service is started again while the others go on, and SIGTERM stops all."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from support.ports import free_port
from support.system import ROOT, SERVICES, wait_until

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


# ------------------------------------------------------------------ scripts/run


def _sandbox(tmp_path: Path) -> Path:
    """The repository as scripts/run sees it, with scripts/bootstrap a no-op.

    bootstrap installs the project into the venv when pyproject.toml or constraints.txt
    differ from what was installed last; the test run's own bootstrap did that already,
    and a second install from here would repoint the venv at this copy.
    """
    root = tmp_path / "repo"
    (root / "scripts").mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("scripts", "var", ".git"):
            (root / entry.name).symlink_to(entry)
    for script in (ROOT / "scripts").iterdir():
        if script.name != "bootstrap":
            (root / "scripts" / script.name).symlink_to(script)
    bootstrap = root / "scripts" / "bootstrap"
    bootstrap.write_text("#!/bin/sh\necho 'bootstrap: skipped by the test'\n")
    bootstrap.chmod(0o755)
    return root


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has exited; only its parent has not reaped it yet.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split(") ", 1)[1][:1] != "Z"


def _ready(port: int, service: str) -> bool:
    try:
        answer = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
    except httpx.HTTPError:
        return False
    return answer.status_code == 200 and answer.json().get("service", service) == service


def test_scripts_run_restarts_a_killed_service_and_sigterm_stops_all(tmp_path: Path) -> None:
    root = _sandbox(tmp_path)
    ports = {name: free_port() for name in SERVICES}
    nats_port, monitor_port = free_port(), free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AUSZUG_")},
        "AUSZUG_VAR_DIR": str(tmp_path / "var"),
        "AUSZUG_NATS_PORT": str(nats_port),
        "AUSZUG_NATS_MONITOR_PORT": str(monitor_port),
        "AUSZUG_LOG_FORMAT": "json",
        **{f"AUSZUG_{name.upper()}_HTTP_PORT": str(port) for name, port in ports.items()},
    }
    log_path = tmp_path / "run.log"
    # Appending: supervisord opens /dev/stdout anew and writes at the end of the file.
    with log_path.open("ab") as log:
        run = subprocess.Popen(
            [str(root / "scripts" / "run")], cwd=root, env=env, stdout=log, stderr=log
        )

    def output() -> str:
        return log_path.read_text(errors="replace")

    def spawned(name: str) -> list[int]:
        return [int(pid) for pid in re.findall(rf"spawned: '{name}' with pid (\d+)", output())]

    try:

        def running() -> bool:
            if run.poll() is not None:
                raise AssertionError(f"scripts/run exited:\n{output()}")
            return "Auszug is running." in output()

        wait_until(running, timeout=180, interval=0.2, what="scripts/run ready")
        assert all(_ready(port, name) for name, port in ports.items()), output()
        first = {name: spawned(name) for name in SERVICES}
        assert all(len(pids) == 1 for pids in first.values()), first
        victim = "intake"
        os.kill(first[victim][0], signal.SIGKILL)

        def restarted() -> bool:
            return len(spawned(victim)) == 2 and _ready(ports[victim], victim)

        wait_until(restarted, timeout=120, interval=0.2, what=f"{victim} restarted")
        # Reported: which service, how it ended, and that it was started again.
        assert f"exited: {victim} (terminated by SIGKILL; not expected)" in output()
        # Nothing else was stopped or started again; NATS and the rest run on.
        for name in SERVICES:
            if name != victim:
                assert spawned(name) == first[name], name
                assert _alive(first[name][0]), name
                assert _ready(ports[name], name), name
        assert "stopping" not in output()

        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=90) == 143, output()
    finally:
        if run.poll() is None:
            # A failure above: stop in order (NATS and the supervisor run in sessions of
            # their own, so killing the script would leave them behind).
            run.send_signal(signal.SIGTERM)
            try:
                run.wait(timeout=60)
            except subprocess.TimeoutExpired:
                run.kill()
                run.wait()
        # Whatever a failure left behind.
        for pids in [spawned(name) for name in SERVICES]:
            for pid in pids:
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
    text = output()
    # Services first, NATS last, and nothing left running.
    assert text.index("stopping services") < text.index("stopping nats-server"), text
    assert not any(_alive(pid) for name in SERVICES for pid in spawned(name))
    assert not any(_ready(port, name) for name, port in ports.items())
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{monitor_port}/healthz", timeout=2)
