"""Making a planned year happen over the HTTP API, as the staff of each role would.

Each household, case and inquiry is one story told in the order of its days; stories run
side by side. What a service learns from another one's events (placement and volunteer
learn of a household from intake) is waited for, as a person would reload the page.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx

from services.reporting.demo import drive_cases, drive_households, names
from services.reporting.demo.api import Api
from services.reporting.demo.model import Offer, Volunteer, Year

Step = tuple[date, int, Callable[[], Awaitable[None]]]


async def tell(steps: list[Step]) -> None:
    """Run a story's steps in the order of their days (then of their rank)."""
    for _, _, step in sorted(steps, key=lambda s: (s[0], s[1])):
        await step()


async def run(y: Year, gateway: str, concurrency: int = 8) -> int:
    """Make `y` happen against the gateway at `gateway`; returns the number of requests."""
    async with httpx.AsyncClient(base_url=gateway, timeout=60) as client:
        api = Api(client, y.municipality)
        for landlord in y.landlords:
            body = {
                "kind": landlord.kind,
                "name": landlord.name,
                "registered_on": f"{y.year - 1}-01-02",
            }
            landlord.landlord_id = (await api.post("/landlords", body, api.coordinator))[
                "landlord_id"
            ]
        await _all(concurrency, [_offer(api, o) for o in y.offers])
        await _all(concurrency, [_volunteer(api, i, v, y.seed) for i, v in enumerate(y.volunteers)])
        stories: list[Awaitable[None]] = [
            tell(drive_households.story(api, h)) for h in y.households
        ]
        stories += [tell(drive_cases.story(api, c)) for c in y.cases]
        stories += drive_cases.programme(api, y)
        await _all(concurrency, stories)
        return api.requests


async def _all(concurrency: int, jobs: list[Awaitable[Any]]) -> None:
    gate = asyncio.Semaphore(concurrency)

    async def one(job: Awaitable[Any]) -> None:
        async with gate:
            await job

    await asyncio.gather(*(one(job) for job in jobs))


async def _offer(api: Api, o: Offer) -> None:
    body = {
        "landlord_id": o.landlord.landlord_id,
        "district": "ehrenfeld",
        "rooms": 3,
        "size_m2": "70",
        "cold_rent": "650.00",
        "running_costs": "180.00",
        "available_from": o.received_on.isoformat(),
        "wbs_required": o.wbs_required,
        "refugee_quota": o.refugee_quota,
        "source": o.source,
        "received_on": o.received_on.isoformat(),
    }
    o.offer_id = (await api.post("/offers", body, api.coordinator))["offer_id"]
    # An offer someone is declined for is withdrawn in that household's story.
    if o.end is not None and not o.tried:
        await drive_households.end_offer(api, o)


async def _volunteer(api: Api, number: int, v: Volunteer, seed: int) -> None:
    staff = api.who("caseworker", v.provider)
    given, family = names.volunteer(seed, number)
    body = {
        "provider": v.provider,
        "user_id": f"demo.{api.municipality}.{number}",
        "registered_on": v.registered_on.isoformat(),
        "given_name": given,
        "family_name": family,
    }
    v.volunteer_id = (await api.post("/volunteers", body, staff))["volunteer_id"]
    step = {"step": "agreement_signed", "done_on": v.agreement_on.isoformat()}
    await api.post(f"/volunteers/{v.volunteer_id}/onboarding", step, staff)
    if v.left_on is not None:
        await api.post(
            f"/volunteers/{v.volunteer_id}/leaving", {"left_on": v.left_on.isoformat()}, staff
        )
