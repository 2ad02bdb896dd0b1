"""The offer page's server time at N households looking (issue 14).

`.venv/bin/python -m bench.offer_page --households 2000` starts the whole system (as the
integration tests do: nats-server, every service, SQLite under a temporary directory),
registers N households of Caritas, DRK and SKM through the API (sizes 1 to 6 persons,
registered over two years), receives one three-room offer in Kalk, waits until placement
has matched every household, and then times `GET /ui/wohnungen/{offer}` as a coordinator
sees it (`--probes` times, one after the other, after two warm-up requests): the median,
p90 and the page's size. The time is the gateway's own `duration_ms` of each request
(from its JSON log: server time, without the client), beside the client's wall time.

The same script measures an older tree when copied into it (it uses only the API and the
page's URL), which is how the "before" figure was taken.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from support.nats_server import NatsServer  # on sys.path through bench/__init__.py
from support.system import System, household

PROVIDERS = ("caritas", "drk", "skm")
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "bench-1"}


async def register(gateway: str, n: int, concurrency: int) -> None:
    first = date.today() - timedelta(days=800)
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(base_url=gateway, headers=COORDINATOR, timeout=60) as client:

        async def one(i: int) -> None:
            persons = 1 + i % 6
            adults = 1 if persons == 1 else 2
            body = household(
                (first + timedelta(days=i % 700)).isoformat(),
                PROVIDERS[i % len(PROVIDERS)],
                adults=adults,
                minors=persons - adults,
            )
            async with limit:
                response = await client.post("/api/households", json=body)
                # 503: intake did not answer in time on a busy machine; ask again (a
                # household registered twice only adds one to the N looking).
                for _ in range(5):
                    if response.status_code != 503:
                        break
                    await asyncio.sleep(1)
                    response = await client.post("/api/households", json=body)
            assert response.status_code == 201, response.text

        await asyncio.gather(*(one(i) for i in range(n)))


def offer(http: httpx.Client, gateway: str) -> str:
    landlord = {"kind": "housing_company", "name": "GAG"}
    lid = http.post(f"{gateway}/api/landlords", json=landlord, headers=COORDINATOR).json()
    body = {
        "landlord_id": lid["landlord_id"],
        "district": "kalk",
        "rooms": 3,
        "size_m2": "75",
        "cold_rent": "700.00",
        "running_costs": "200.00",
        "available_from": (date.today() - timedelta(days=10)).isoformat(),
        "wbs_required": False,
        "source": "housing_company_quota",
        "received_on": (date.today() - timedelta(days=20)).isoformat(),
    }
    made = http.post(f"{gateway}/api/offers", json=body, headers=COORDINATOR)
    assert made.status_code == 201, made.text
    return str(made.json()["offer_id"])


def looking(http: httpx.Client, gateway: str, oid: str) -> int:
    """How many households placement has matched (older trees answer every one at once)."""
    url = f"{gateway}/api/offers/{oid}/matches?per_page=1"
    answer: dict[str, Any] = http.get(url, headers=COORDINATOR).json()
    if "page" in answer:
        return int(answer["page"]["total"])
    # Not yet an answer (a 503 while the service is busy): ask again.
    return len(answer.get("matches", []))


def server_times(log: Path) -> list[float]:
    """The gateway's own time of each GET of an offer's page, in the order served."""
    times = []
    for line in log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if (
            entry.get("event") == "http request"
            and entry.get("method") == "GET"
            and entry.get("route") == "/ui/wohnungen/{offer_id}"
        ):
            times.append(float(entry["duration_ms"]))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.offer_page", description=__doc__)
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--probes", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="auszug-bench-offer-") as tmp:
        workdir = Path(tmp)
        with NatsServer(workdir / "nats") as nats:
            system = System(workdir, nats)
            system.start()
            try:
                gateway = system.gateway
                started = time.monotonic()
                asyncio.run(register(gateway, args.households, args.concurrency))
                oid = offer(system.http, gateway)
                deadline = time.monotonic() + 600
                while looking(system.http, gateway, oid) < args.households:
                    assert time.monotonic() < deadline, "placement did not match everyone"
                    time.sleep(0.5)
                print(f"{args.households} households ready in {time.monotonic() - started:.0f} s")
                path = f"/ui/wohnungen/{oid}"
                walls: list[float] = []
                size = 0
                for i in range(args.probes + 2):
                    t0 = time.perf_counter()
                    page = system.http.get(f"{gateway}{path}", headers=COORDINATOR)
                    wall = (time.perf_counter() - t0) * 1000
                    assert page.status_code == 200, page.text[:500]
                    size = len(page.content)
                    if i >= 2:
                        walls.append(wall)
                server = server_times(system["gateway"].log_path)[2:]
            finally:
                system.stop()

    def line(what: str, values: list[float]) -> str:
        if not values:
            return f"{what}: (not found)"
        deciles = statistics.quantiles(values, n=10)
        return f"{what}: median {statistics.median(values):.1f} ms, p90 {deciles[8]:.1f} ms"

    print(line("server time (gateway duration_ms)", server))
    print(line("client wall time", walls))
    print(f"page size {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
