"""A real nats-server subprocess with JetStream, for integration tests.

Tests exercise the services against the actual broker rather than a fake, because
redelivery, ack and restart behaviour is exactly what a fake would get wrong. It runs
with the same users and permissions as production (shared/nats_auth.py): a test that
reads or writes the bus directly connects as a principal (`connect(url, "operator")`),
and the streams are provisioned by the operator as `scripts/run` does.
"""

from __future__ import annotations

import asyncio
import functools
import json
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

import nats
from nats.aio.client import Client as NatsClient

from shared.contracts import CONTRACTS
from shared.envelope import Envelope
from shared.messaging import NatsLogin
from shared.nats_auth import AUTH_CONF, OPERATOR, ensure_credentials
from shared.provision import provision

from .ports import free_port

# A document of 5 MiB is ~6.7 MiB in base64 (shared/contracts/documents.py); the
# default of 1 MiB would refuse it. As deploy/nats/nats.conf and scripts/run set it.
MAX_PAYLOAD = "max_payload: 8MB\n"
_READY_TIMEOUT = 10.0
_STOP_TIMEOUT = 10.0
# Debian installs nats-server to /usr/sbin, which a non-root PATH often lacks.
_FALLBACK_PATHS = ("/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server")


def find_nats_server() -> str:
    """Path of the nats-server binary; raises with an install hint when missing."""
    found = shutil.which("nats-server")
    if found:
        return found
    for candidate in _FALLBACK_PATHS:
        if Path(candidate).is_file():
            return candidate
    raise FileNotFoundError(
        "nats-server not found; run scripts/bootstrap (it apt-get installs nats-server)"
    )


@functools.cache
def credentials_dir() -> Path:
    """One set of NATS users for the whole test session (bcrypt makes each set cost a
    second), in a directory that every test's nats-server and services read."""
    directory = Path(tempfile.mkdtemp(prefix="auszug-nats-credentials-"))
    ensure_credentials(directory)
    (directory / "nats.conf").write_text(f"{MAX_PAYLOAD}include {AUTH_CONF}\n")
    # The benchmarks' server: no users, but the same message size as every other.
    (directory / "plain.conf").write_text(MAX_PAYLOAD)
    return directory


def login(url: str, principal: str = OPERATOR) -> NatsLogin:
    password = (credentials_dir() / f"{principal}.password").read_text().strip()
    return NatsLogin(url, principal, password)


async def connect(url: str, principal: str = OPERATOR, **options: Any) -> NatsClient:
    """A nats-py client of the server at `url`, signed in as `principal`."""
    return await nats.connect(**{**login(url, principal).options(), **options})


class NatsServer:
    """One nats-server process with JetStream storing into ``store_dir``.

    The client and monitor ports are chosen once and kept across ``restart()`` so that
    clients configured with ``.url`` can reconnect to the very same address, which is
    what a broker restart looks like in production.
    """

    def __init__(self, store_dir: Path, port: int | None = None, *, secured: bool = True) -> None:
        self.store_dir = Path(store_dir)
        # Unsecured only for the benchmarks, which measure the transport, not the rules.
        self.secured = secured
        self.port = port if port is not None else free_port()
        self.monitor_port = free_port()
        # Ports we picked ourselves may be taken by someone else between picking and
        # binding; until the first successful start we may pick again. Never after it:
        # a restart must come back on the address clients know.
        self._may_repick = port is None
        # Next to the store rather than inside it so the log survives wiping the store.
        self.log_path = self.store_dir.parent / f"{self.store_dir.name}.nats-server.log"
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    @property
    def credentials_dir(self) -> Path:
        return credentials_dir()

    @property
    def monitor_url(self) -> str:
        return f"http://127.0.0.1:{self.monitor_port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        for attempt in range(5):
            try:
                self._start_once()
            except RuntimeError:
                clash = "address already in use" in self.log_tail(5)
                if not (self._may_repick and clash) or attempt == 4:
                    raise
                self.port, self.monitor_port = free_port(), free_port()
            else:
                self._may_repick = False
                return

    def _start_once(self) -> None:
        if self.running:
            raise RuntimeError(f"nats-server already running on {self.url}")
        self.store_dir.mkdir(parents=True, exist_ok=True)
        # Append so the log of a restarted server still shows what happened before.
        self._log = self.log_path.open("ab")
        self._log.write(f"--- starting nats-server on port {self.port} ---\n".encode())
        self._log.flush()
        conf = "nats.conf" if self.secured else "plain.conf"
        config = ["-c", str(self.credentials_dir / conf)]
        cmd = [
            find_nats_server(),
            *config,
            "-js",
            "-sd",
            str(self.store_dir),
            "-a",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-m",
            str(self.monitor_port),
        ]
        self._proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        try:
            self._wait_ready(self._proc)
            if self.secured:
                self._provision()
        except BaseException:
            self.kill()
            raise

    def _provision(self) -> None:
        """The streams, created by the operator (services only wait for them). In a
        thread of its own: the caller may be a test with a running event loop."""
        failure: list[BaseException] = []

        def run() -> None:
            try:
                asyncio.run(provision(login(self.url)))
            except BaseException as exc:
                failure.append(exc)

        thread = threading.Thread(target=run, name="provision")
        thread.start()
        thread.join()
        if failure:
            raise failure[0]

    def stop(self) -> None:
        """Graceful shutdown (SIGTERM), so JetStream flushes its file store."""
        self._terminate(signal.SIGTERM)

    def kill(self) -> None:
        """Abrupt death (SIGKILL), to test recovery from an unclean broker crash."""
        self._terminate(signal.SIGKILL)

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return "<no log>"
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _terminate(self, sig: signal.Signals) -> None:
        proc = self._proc
        if proc is not None:
            if proc.poll() is None:
                proc.send_signal(sig)
                try:
                    proc.wait(timeout=_STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    # A hung shutdown must not hang the test session; the port has to free up.
                    proc.kill()
                    proc.wait()
            self._proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def _wait_ready(self, proc: subprocess.Popen[bytes]) -> None:
        # The monitor listener comes up before JetStream and the client listener, so
        # require both a healthy JetStream and an accepting client port.
        deadline = time.monotonic() + _READY_TIMEOUT
        health = f"{self.monitor_url}/healthz?js-enabled-only=true"
        last_error = "no response yet"
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"nats-server exited with code {proc.returncode} during startup "
                    f"(port {self.port}); log tail:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(health, timeout=1.0) as resp:
                    body = json.loads(resp.read() or b"{}")
                if body.get("status") == "ok" and self._client_port_open():
                    return
                last_error = f"healthz said {body!r}"
            except (urllib.error.URLError, OSError, ValueError) as exc:
                # HTTP 503 lands here too (HTTPError is a URLError): JetStream not ready yet.
                last_error = repr(exc)
            time.sleep(0.05)
        raise TimeoutError(
            f"nats-server on {self.url} not ready after {_READY_TIMEOUT:.0f}s ({last_error}); "
            f"log tail:\n{self.log_tail()}"
        )

    def _client_port_open(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False


def publisher(envelope: Envelope) -> str:
    """The principal allowed to publish `envelope`: the context that owns its type."""
    return CONTRACTS.subject(envelope.event_type).split(".")[1]
