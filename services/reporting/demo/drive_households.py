"""A household's story over HTTP: registration to its own flat, or wherever it goes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx

from services.reporting.demo.api import Api, unknown_yet
from services.reporting.demo.model import Household, Offer, Placement
from services.reporting.demo.names import Person

Step = tuple[date, int, Callable[[], Awaitable[None]]]
CRITERIA = ("rent_payment", "tenancy_knowledge", "neighbourhood", "household_management")


def registration(h: Household) -> dict[str, Any]:
    roles = ["head"] + ["partner"] * (h.adults - 1) + ["child"] * h.minors
    bands = ["27-64"] * h.adults + ["6-17"] * h.minors
    members: list[dict[str, Any]] = [
        {"role": role, "age_band": band} for role, band in zip(roles, bands, strict=True)
    ]
    body: dict[str, Any] = {
        "provider": h.provider,
        "registered_on": h.registered_on.isoformat(),
        "accommodation": {"kind": h.kind},
        "members": members,
        "wbs": h.wbs,
    }
    if h.people is not None:
        for member, person in zip(members, h.people.members, strict=True):
            member |= _person(person)
        body["contact"] = {"phone": h.people.phone} | (
            {"email": h.people.email} if h.people.email else {}
        )
    return body


def _person(person: Person) -> dict[str, str]:
    return {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "birth_date": person.birth_date.isoformat(),
    }


async def end_offer(api: Api, o: Offer) -> None:
    assert o.end is not None
    what, day, reason = o.end
    if what == "withdrawn":
        body = {"reason": reason, "withdrawn_on": day.isoformat()}
        await api.post(f"/offers/{o.offer_id}/withdrawal", body, api.coordinator)
    else:
        await api.post(
            f"/offers/{o.offer_id}/expiry", {"expired_on": day.isoformat()}, api.coordinator
        )


def story(api: Api, h: Household) -> list[Step]:
    staff, coordinator = api.who("caseworker", h.provider), api.coordinator

    def at(
        path: str, body: dict[str, Any], who: dict[str, str] = staff
    ) -> Callable[[], Awaitable[None]]:
        """A step on this household, its body fixed now, its id looked up when it runs."""

        async def step() -> None:
            await api.post(f"/households/{h.household_id}{path}", body, who)

        return step

    async def register() -> None:
        h.household_id = (await api.post("/households", registration(h), staff))["household_id"]

    steps: list[Step] = [(h.registered_on, 0, register)]
    if h.readiness is not None:
        day, result = h.readiness
        criteria = {c: "met" for c in CRITERIA} | {"language_for_contracts": "partly"}
        body = {"assessed_on": day.isoformat(), "criteria": criteria, "result": result}
        steps.append((day, 1, at("/readiness-assessments", body)))
    if h.flat_on is not None:
        moved = {"accommodation": {"kind": "city_rented_flat"}, "moved_on": h.flat_on.isoformat()}
        steps.append((h.flat_on, 1, at("/accommodation", moved)))
    if h.birth_on is not None:
        newborn = _person(h.people.newborn) if h.people and h.people.newborn else {}
        born = {
            "change": "birth",
            "changed_on": h.birth_on.isoformat(),
            "joining": [{"role": "child", "age_band": "0-5"} | newborn],
        }
        steps.append((h.birth_on, 1, at("/composition", born)))
    if h.tandem is not None:
        steps += _tandem(api, h)
    if h.placement is not None:
        steps += _placement(api, h, h.placement)
    if h.handover is not None:
        # Another provider gets the household's data: the household consents first.
        consent = _consent("provider_handover", h.handover[0])
        steps.append((h.handover[0], 7, at("/consents", consent)))
        body = {"to_provider": h.handover[1], "handed_over_on": h.handover[0].isoformat()}
        steps.append((h.handover[0], 8, at("/handover", body, coordinator)))
    if h.deregistration is not None:
        day, reason = h.deregistration
        body = {"reason": reason, "deregistered_on": day.isoformat()}
        steps.append((day, 9, at("/deregistration", body, coordinator)))
    return steps


async def _done(call: Awaitable[Any]) -> None:
    await call


def _consent(purpose: str, day: date) -> dict[str, str]:
    return {"purpose": purpose, "given_on": day.isoformat(), "given_by": "Haushaltsvorstand"}


def _not_known_yet(response: httpx.Response) -> bool:
    """Volunteer has not yet learnt of the household, or of its consent, from intake."""
    if response.status_code == 409 and response.json()["error"]["code"] == "consent_missing":
        return True
    return unknown_yet(response)


def _tandem(api: Api, h: Household) -> list[Step]:
    tandem = h.tandem
    assert tandem is not None
    staff = api.who("caseworker", h.provider)

    async def consent() -> None:
        body = _consent("volunteer_tandem", tandem.formed_on)
        await api.post(f"/households/{h.household_id}/consents", body, staff)

    async def form() -> None:
        body = {
            "volunteer_id": tandem.volunteer.volunteer_id,
            "household_id": h.household_id,
            "formed_on": tandem.formed_on.isoformat(),
        }
        formed = await api.post("/tandems", body, staff, wait=_not_known_yet)
        tandem.tandem_id = formed["tandem_id"]

    steps: list[Step] = [(tandem.formed_on, 1, consent), (tandem.formed_on, 2, form)]
    if tandem.ended is not None:
        day, reason = tandem.ended
        body = {"ended_on": day.isoformat(), "reason": reason}
        steps.append(
            (day, 8, lambda: _done(api.post(f"/tandems/{tandem.tandem_id}/end", body, staff)))
        )
    return steps


def _placement(api: Api, h: Household, p: Placement) -> list[Step]:
    boss = api.coordinator

    def on(offer: Offer, path: str, body: dict[str, Any], wait: bool = False) -> Awaitable[Any]:
        waiting = unknown_yet if wait else None
        return api.post(f"/offers/{offer.offer_id}{path}", {**body}, boss, wait=waiting)

    def propose(offer: Offer, day: date) -> Awaitable[Any]:
        body = {"household_ids": [h.household_id], "proposed_on": day.isoformat()}
        return on(offer, "/proposals", body, wait=True)

    def decide(offer: Offer, day: date, decision: str) -> Awaitable[Any]:
        body = {"household_id": h.household_id, "decision": decision, "decided_on": day.isoformat()}
        return on(offer, "/landlord-decisions", body)

    steps: list[Step] = []
    if p.declined is not None:
        other, proposed, refused, _ = p.declined
        steps.append((proposed, 3, lambda: _done(propose(other, proposed))))
        steps.append((refused, 3, lambda: _done(decide(other, refused, "declined"))))
        steps.append((p.declined[3], 3, lambda: end_offer(api, other)))
    steps.append((p.proposed_on, 4, lambda: _done(propose(p.offer, p.proposed_on))))
    steps.append((p.decided_on, 4, lambda: _done(decide(p.offer, p.decided_on, "accepted"))))

    async def viewing() -> None:
        body = {"household_id": h.household_id, "viewing_on": p.viewing_on.isoformat()}
        viewing_id = (await on(p.offer, "/viewings", body))["viewing_id"]
        held: dict[str, Any] = {
            "viewing_id": viewing_id,
            "held_on": p.viewing_on.isoformat(),
            "outcome": "household_interested",
            "accompanied_by_tandem": p.accompanied,
        }
        if p.accompanied and h.tandem is not None:
            held["tandem_id"] = h.tandem.tandem_id
        await on(p.offer, "/viewing-outcomes", held)

    steps.append((p.viewing_on, 4, viewing))
    for g in p.guarantees:

        async def guarantee(g: Any = g) -> None:
            body = {
                "household_id": h.household_id,
                "kind": g.kind,
                "requested_from": g.authority,
                "requested_on": g.requested_on.isoformat(),
            }
            g.guarantee_id = (await on(p.offer, "/guarantees", body))["guarantee_id"]

        async def decision(g: Any = g) -> None:
            body = {
                "guarantee_id": g.guarantee_id,
                "decision": g.decision,
                "decided_on": g.decided_on.isoformat(),
            }
            await on(p.offer, "/guarantee-decisions", body)

        steps += [(g.requested_on, 5, guarantee), (g.decided_on, 5, decision)]

    async def lease() -> None:
        body = {
            "household_id": h.household_id,
            "lease_signed_on": p.lease_on.isoformat(),
            "moved_on": p.moved_on.isoformat(),
        }
        await on(p.offer, "/lease", body)

    steps.append((p.lease_on, 6, lease))
    if p.aftercare is not None:
        answer, day, reason = p.aftercare
        path = "acceptance" if answer == "accepted" else "decline"
        key = "accepted_on" if answer == "accepted" else "declined_on"
        body = {key: day.isoformat(), **({"reason": reason} if reason else {})}

        async def aftercare() -> None:
            # Prevention offers aftercare when it learns of the lease: wait for that.
            url = f"/prevention/aftercare/{h.household_id}/{path}"
            await api.post(url, body, boss, wait=unknown_yet)

        steps.append((day, 7, aftercare))
    return steps
