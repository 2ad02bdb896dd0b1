"""The running system for end-to-end tests: real nats-server, real databases, real processes.

Every service runs as its own OS process, started exactly as the run command starts
it, so a test can `kill -9` one and start it again.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, TypeVar

import httpx
from prometheus_client.parser import text_string_to_metric_families

from .nats_server import NatsServer
from .ports import free_port

ROOT = Path(__file__).resolve().parents[2]
# Every process that exists so far, in start order (as scripts/run finds them).
SERVICES = tuple(
    name
    for name in ("intake", "placement", "volunteer", "prevention", "reporting", "gateway")
    if (ROOT / "services" / name / "__main__.py").exists()
)
DATABASE_SERVICES = tuple(s for s in SERVICES if s != "gateway")
T = TypeVar("T")


def wait_until(
    check: Callable[[], T | bool | None],
    *,
    timeout: float = 30.0,
    interval: float = 0.05,
    what: str = "",
) -> T:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last  # type: ignore[no-any-return]
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what or check}; last: {last!r}")


class ServiceProcess:
    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.port = free_port()
        self.env = {**env, f"AUSZUG_{name.upper()}_HTTP_PORT": str(self.port)}
        self.log_path = log_dir / f"{name}.log"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, extra_env: dict[str, str] | None = None, *, wait: bool = True) -> None:
        assert not self.running, f"{self.name} already runs"
        self._log = self.log_path.open("ab")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", f"services.{self.name}"],
            cwd=ROOT,
            env={**self.env, **(extra_env or {})},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        if wait:
            self.wait_ready()

    def wait_ready(self, timeout: float = 90.0) -> None:
        # Generous: a loaded CI machine imports and migrates slowly; a hang still fails.
        def ready() -> bool:
            if self._proc is None or self._proc.poll() is not None:
                raise AssertionError(f"{self.name} exited during start-up:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/readyz", timeout=1) as response:
                    answer = json.loads(response.read() or b"{}")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                return False
            # Ready only if it is this service answering (not another one on its port).
            return bool(answer.get("service", self.name) == self.name and answer.get("ready", True))

        wait_until(ready, timeout=timeout, what=f"{self.name} ready")

    def exited(self) -> bool:
        return self._proc is not None and self._proc.poll() is not None

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, exactly like a crash."""
        self._signal(signal.SIGKILL)

    def stop(self) -> None:
        self._signal(signal.SIGTERM)

    def _signal(self, sig: signal.Signals) -> None:
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.send_signal(sig)
                try:
                    self._proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._proc.kill()
                    self._proc.wait()
            self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, lines: int = 60) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def metrics(self) -> dict[str, float]:
        """Every sample of `/metrics` as `name{label="v",...}` → value."""
        text = httpx.get(f"{self.base_url}/metrics", timeout=5).text
        samples = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                labels = ",".join(f'{k}="{v}"' for k, v in sorted(sample.labels.items()))
                samples[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
        return samples


class System:
    """nats-server plus the service processes of one test, on free ports."""

    def __init__(
        self,
        workdir: Path,
        nats: NatsServer,
        database_urls: dict[str, str] | None = None,
        services: Iterable[str] = SERVICES,
    ) -> None:
        self.workdir = workdir
        self.nats = nats
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("AUSZUG_")},
            "AUSZUG_ENVIRONMENT": "test",
            "AUSZUG_NATS_URL": nats.url,
            "AUSZUG_NATS_CREDENTIALS_DIR": str(nats.credentials_dir),
            "AUSZUG_VAR_DIR": str(workdir / "var"),
            "AUSZUG_LOG_FORMAT": "json",
        }
        for service, url in (database_urls or {}).items():
            env[f"AUSZUG_{service.upper()}_DATABASE_URL"] = url
        self.services = {name: ServiceProcess(name, env, workdir) for name in services}
        self.http = httpx.Client(base_url="", timeout=30)

    def __getitem__(self, name: str) -> ServiceProcess:
        return self.services[name]

    @property
    def gateway(self) -> str:
        return self.services["gateway"].base_url

    def start(self) -> None:
        for service in self.services.values():
            service.start(wait=False)
        for service in self.services.values():
            service.wait_ready()

    def stop(self) -> None:
        for service in self.services.values():
            service.stop()
        self.http.close()

    # ------------------------------------------------------------ the staff's API

    def register(self, body: dict[str, Any], **headers: str) -> httpx.Response:
        return self.http.post(f"{self.gateway}/api/households", json=body, headers=headers)

    def figures(self, year: int, **params: str) -> dict[str, int]:
        url = f"{self.gateway}/api/reports/yearly/{year}"
        response = self.http.get(url, params=params)
        # 503: reporting did not answer within the gateway's 10 s (a machine busy with
        # other work, while reporting applies a burst of events); that says nothing about
        # the figures, so ask again for a while.
        deadline = time.monotonic() + 60
        while response.status_code == 503 and time.monotonic() < deadline:
            time.sleep(1)
            response = self.http.get(url, params=params)
        response.raise_for_status()
        return {f["key"]: f["value"] for f in response.json()["figures"]}

    def wait_for_households(
        self, year: int, expected: int, timeout: float = 60.0
    ) -> dict[str, int]:
        def reached() -> dict[str, int] | None:
            figures = self.figures(year)
            if figures["households_registered"] > expected:
                raise AssertionError(f"counted more than {expected}: {figures}")
            return figures if figures["households_registered"] == expected else None

        return wait_until(
            reached, timeout=timeout, interval=0.2, what=f"{expected} households in {year}"
        )


def household(
    registered_on: str = "2025-06-01",
    provider: str = "caritas",
    adults: int = 1,
    minors: int = 0,
    **extra: Any,
) -> dict[str, Any]:
    """A registration request body with `adults` and `minors` (the first adult heads it)."""
    members = [
        {"role": "head" if i == 0 else "partner", "age_band": "27-64", "given_name": f"Person {i}"}
        for i in range(adults)
    ] + [{"role": "child", "age_band": "6-17"} for _ in range(minors)]
    return {
        "provider": provider,
        "registered_on": registered_on,
        "accommodation": {"kind": "shelter"},
        "members": members,
        **extra,
    }


def run_module(system: System, service: str, *args: str) -> str:
    """`python -m <args>` with the service's environment (its database, its NATS user)."""
    env: dict[str, Any] = system[service].env
    done = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
