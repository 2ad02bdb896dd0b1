"""Stage 5: registrations over HTTP against the three services as real processes.

`python -m services.intake`, `services.reporting` and `services.gateway` run as child
processes with SQLite files in a temporary var dir, on free ports, against the bench's
nats-server. The clock runs from the first POST until GET /api/reports/yearly/2025
shows every registration.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import httpx

from bench.common import REGISTERED_ON, ROOT
from support.ports import free_port

SERVICES = ("intake", "reporting", "gateway")
BODY = {
    "provider": "caritas",
    "registered_on": REGISTERED_ON.isoformat(),
    "accommodation": {"kind": "shelter"},
    "members": [{"role": "head", "age_band": "27-64"}],
}
FIGURES = f"/api/reports/yearly/{REGISTERED_ON.year}"


class System:
    """The three service processes; `stop()` ends every one of them, whatever happened."""

    def __init__(self, nats_url: str, workdir: Path) -> None:
        self.nats_url = nats_url
        self.workdir = workdir
        self.ports = {name: free_port() for name in SERVICES}
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.logs: list[IO[bytes]] = []

    @property
    def gateway(self) -> str:
        return f"http://127.0.0.1:{self.ports['gateway']}"

    def start(self) -> None:
        var_dir = self.workdir / "var"
        var_dir.mkdir(parents=True)
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("AUSZUG_")}
        env = {
            **inherited,
            "PYTHONPATH": str(ROOT),
            "AUSZUG_NATS_URL": self.nats_url,
            "AUSZUG_VAR_DIR": str(var_dir),
            "AUSZUG_ENVIRONMENT": "development",
            "AUSZUG_LOG_LEVEL": "WARNING",
            **{f"AUSZUG_{name.upper()}_HTTP_PORT": str(port) for name, port in self.ports.items()},
        }
        for name in SERVICES:
            log = (self.workdir / f"{name}.log").open("ab")
            self.logs.append(log)
            self.procs[name] = subprocess.Popen(
                [sys.executable, "-m", f"services.{name}"],
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in self.logs:
            log.close()
        self.logs.clear()

    def check_alive(self) -> None:
        for name, proc in self.procs.items():
            if proc.poll() is not None:
                log = self.workdir / f"{name}.log"
                tail = "\n".join(log.read_text(errors="replace").splitlines()[-12:])
                raise RuntimeError(
                    f"services.{name} exited with {proc.returncode}; {log} ends:\n{tail}"
                )

    async def wait_ready(self, client: httpx.AsyncClient, within: float = 60) -> None:
        deadline = time.monotonic() + within
        pending = set(SERVICES)
        while pending:
            self.check_alive()
            for name in sorted(pending):
                try:
                    response = await client.get(f"http://127.0.0.1:{self.ports[name]}/readyz")
                    if response.status_code == 200:
                        pending.discard(name)
                except httpx.HTTPError:
                    pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {within:.0f}s: {sorted(pending)}")
            await asyncio.sleep(0.1)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def mean_seconds(
    client: httpx.AsyncClient, url: str, metric: str, label: str
) -> float | None:
    """Mean of a Prometheus histogram's series whose labels contain `label`."""
    text = (await client.get(url)).text
    total = count = 0.0
    for line in text.splitlines():
        if label not in line:
            continue
        if line.startswith(f"{metric}_sum"):
            total += float(line.rsplit(" ", 1)[1])
        elif line.startswith(f"{metric}_count"):
            count += float(line.rsplit(" ", 1)[1])
    return total / count if count else None


async def registered(client: httpx.AsyncClient, gateway: str) -> int:
    response = await client.get(gateway + FIGURES)
    response.raise_for_status()
    figures = response.json()["figures"]
    return int(next(f["value"] for f in figures if f["key"] == "households_registered"))


async def wait_for_count(
    client: httpx.AsyncClient, gateway: str, count: int, within: float, interval: float
) -> float:
    deadline = time.monotonic() + within
    while await registered(client, gateway) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"figures did not reach {count} within {within:.0f}s")
        await asyncio.sleep(interval)
    return time.perf_counter()


async def run(
    nats_url: str,
    workdir: Path,
    *,
    registrations: int,
    concurrency: int,
    probes: int,
    nats_pid: int | None = None,
) -> dict[str, Any]:
    system = System(nats_url, workdir)
    try:
        system.start()
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:
            await system.wait_ready(client)
            gateway = system.gateway
            base = await registered(client, gateway)

            # Latency of one registration until it is counted, the system otherwise idle.
            latencies = []
            for _ in range(probes):
                started = time.perf_counter()
                response = await client.post(gateway + "/api/households", json=BODY)
                assert response.status_code == 201, response.text
                base += 1
                done = await wait_for_count(client, gateway, base, within=30, interval=0.005)
                latencies.append(done - started)

            # Throughput: `registrations` POSTs, at most `concurrency` in flight.
            semaphore = asyncio.Semaphore(concurrency)
            post_latencies: list[float] = []

            async def register() -> None:
                async with semaphore:
                    started = time.perf_counter()
                    response = await client.post(gateway + "/api/households", json=BODY)
                    if response.status_code != 201:
                        raise RuntimeError(f"POST failed: {response.status_code} {response.text}")
                    post_latencies.append(time.perf_counter() - started)

            pids = {name: proc.pid for name, proc in system.procs.items()}
            if nats_pid is not None:
                pids["nats-server"] = nats_pid
            pids["bench client"] = os.getpid()
            cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            started = time.perf_counter()
            await asyncio.gather(*(register() for _ in range(registrations)))
            posted = time.perf_counter()
            counted = await wait_for_count(
                client, gateway, base + registrations, within=240, interval=0.05
            )
            cpu = {
                name: (cpu_seconds(pid) - cpu_before[name]) / (counted - started)
                for name, pid in pids.items()
            }
            # Where a POST spends its time: inside intake (RPC handler) or around it.
            rpc_mean = await mean_seconds(
                client,
                f"http://127.0.0.1:{system.ports['intake']}/metrics",
                "auszug_rpc_request_duration_seconds",
                "register_household",
            )
            system.check_alive()
    finally:
        await asyncio.to_thread(system.stop)
    post_latencies.sort()
    return {
        "rate": registrations / (counted - started),
        "post_rate": registrations / (posted - started),
        "count_lag_s": counted - posted,
        "post_p50_ms": 1000 * statistics.median(post_latencies),
        "post_p95_ms": 1000 * post_latencies[int(0.95 * len(post_latencies)) - 1],
        "visible_latency_ms": [round(1000 * x, 1) for x in latencies],
        "visible_latency_p50_ms": 1000 * statistics.median(latencies),
        "concurrency": concurrency,
        # Share of one core each process used during the throughput phase.
        "cpu_cores": {name: round(value, 2) for name, value in cpu.items()},
        "intake_rpc_mean_ms": None if rpc_mean is None else 1000 * rpc_mean,
    }
