"""Prevention cases, the volunteer programme and the inbox over HTTP."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Any

from services.reporting.demo.api import Api
from services.reporting.demo.model import Appointment, Case, Inquiry, OfficeHour, Workshop, Year

Step = tuple[date, int, Callable[[], Awaitable[None]]]


def story(api: Api, c: Case) -> list[Step]:
    """A Wohnintegrationshilfe case from referral to closing."""
    staff, office = api.who("caseworker", c.provider), api.office

    def on(
        path: str, body: dict[str, Any], who: dict[str, str] = staff
    ) -> Callable[[], Awaitable[None]]:
        async def step() -> None:
            await api.post(f"/prevention/cases/{c.case_id}/{path}", body, who)

        return step

    async def refer() -> None:
        body = {
            "provider": c.provider,
            "received_on": c.referred_on.isoformat(),
            "source": c.source,
            "target_group": c.target_group,
            "housing_situation": c.situation,
            "adults": c.adults,
            "minors": c.minors,
        }
        c.case_id = (await api.post("/prevention/cases", body, staff))["case_id"]

    checked = c.referred_on
    steps: list[Step] = [
        (c.referred_on, 0, refer),
        (checked, 1, on("eligibility", {"checked_on": checked.isoformat(), "comparable_help": []})),
    ]
    if c.rejected is not None:
        body = {"reason": c.rejected[1], "rejected_on": c.rejected[0].isoformat()}
        return [*steps, (c.rejected[0], 2, on("rejection", body, office))]
    assert c.admitted_on and c.ends_on and c.consent_on and c.first_due
    admission = {"admitted_on": c.admitted_on.isoformat(), "ends_on": c.ends_on.isoformat()}
    rhythm = {
        "every_days": c.every_days,
        "planned_on": c.consent_on.isoformat(),
        "next_visit_due": c.first_due.isoformat(),
    }
    steps += [
        (c.admitted_on, 2, on("admission", admission, office)),
        (c.consent_on, 3, on("consent", {"given_on": c.consent_on.isoformat()})),
        (c.consent_on, 4, on("visit-rhythm", rhythm)),
    ]
    for visit in c.visits:
        due = visit + timedelta(days=c.every_days)
        done: dict[str, Any] = {
            "findings": ["none"],
            "done_on": visit.isoformat(),
            "next_visit_due": due.isoformat(),
        }
        steps.append((visit, 5, on("home-visits", done)))
    for day, party, topic in c.mediations:
        body = {"party": party, "topic": topic, "held_on": day.isoformat()}
        steps.append((day, 6, on("mediations", body)))
    for day, kind in c.referrals_out:
        steps.append((day, 6, on("referrals-out", {"kind": kind, "referred_on": day.isoformat()})))
    if c.closed is not None:
        body = {"outcome": c.closed[1], "closed_on": c.closed[0].isoformat()}
        steps.append((c.closed[0], 9, on("closing", body)))
    return steps


def programme(api: Api, y: Year) -> list[Awaitable[None]]:
    """Office hours, appointments, workshops and the inbox: each its own little story."""
    return [
        *(_office_hour(api, hour) for hour in y.office_hours),
        *(_appointment(api, a) for a in y.appointments),
        *(_workshop(api, w) for w in y.workshops),
        *(_inquiry(api, q) for q in y.inquiries),
    ]


async def _office_hour(api: Api, hour: OfficeHour) -> None:
    consultations = [
        {"channel": channel, "visitor": visitor, "topic": topic, "duration_minutes": 20}
        for channel, visitor, topic in hour.consultations
    ]
    body = {
        "provider": hour.provider,
        "held_on": hour.held_on.isoformat(),
        "duration_minutes": 120,
        "consultations": consultations,
    }
    await api.post("/office-hours", body, api.who("caseworker", hour.provider))


async def _appointment(api: Api, a: Appointment) -> None:
    body = {
        "provider": a.provider,
        "held_on": a.held_on.isoformat(),
        "channel": a.channel,
        "visitor": a.visitor,
        "topic": a.topic,
        "duration_minutes": 45,
        "appointment": True,
    }
    await api.post("/consultations", body, api.who("caseworker", a.provider))


async def _workshop(api: Api, w: Workshop) -> None:
    staff = api.who("caseworker", w.provider)
    body = {
        "provider": w.provider,
        "topic": w.topic,
        "held_on": w.held_on.isoformat(),
        "site": "Bürgerzentrum",
        "duration_minutes": 120,
    }
    workshop_id = (await api.post("/workshops", body, staff))["workshop_id"]
    attendees = []
    for number in range(w.attendees):
        person = {"given_name": "Teilnehmende", "family_name": f"Nr. {number + 1}"}
        answer = await api.post(f"/workshops/{workshop_id}/attendances", person, staff)
        attendees.append(answer["attendee_id"])
    for attendee in attendees[: w.certificates]:
        issued = {"attendee_id": attendee, "issued_on": w.certificates_on.isoformat()}
        await api.post(f"/workshops/{workshop_id}/certificates", issued, staff)


async def _inquiry(api: Api, q: Inquiry) -> None:
    body = {
        "sender_kind": q.sender,
        "channel": q.channel,
        "received_at": q.received_at.isoformat(),
        "text": "Anfrage zur Wohnungssuche",
    }
    inquiry_id = (await api.post("/inquiries", body, api.coordinator))["inquiry_id"]
    if q.triage is not None:
        outcome, at = q.triage
        triage: dict[str, Any] = {"outcome": outcome, "triaged_at": at.isoformat()}
        if outcome == "forwarded":
            triage |= {"forwarded_to_kind": "provider", "forwarded_to": "caritas"}
        await api.post(f"/inquiries/{inquiry_id}/triage", triage, api.coordinator)
