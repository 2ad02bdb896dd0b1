"""The due list through the running system (issue 15): each placement step appears on the
day it is due (`as_of`), leaves when the step is recorded, never comes back when an event
is delivered again; another provider sees none of it, a restricted household only the
coordination; the coordination's days move the open ones; "Heute" lists them in German
with a link to the form that settles each."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import httpx

from shared.messaging import EVENTS_STREAM
from support.due_list import COORDINATOR, OFFER_STEPS, Api, ago, offer_with_a_ready_household
from support.nats_server import connect
from support.system import System, wait_until

CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "cw-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "cw-2"}
DUPLICATE = 'auszug_events_consumed_total{consumer="reporting-facts",outcome="duplicate"}'


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


async def deliver_again(url: str, subject: str) -> None:
    """Publishes the stored message of `subject` once more, with a new message id: the
    stream cannot recognise it as a duplicate, only the consumer can."""
    reader = await connect(url)
    js = reader.jetstream()
    info = await js.stream_info(EVENTS_STREAM)
    for seq in range(info.state.first_seq, info.state.last_seq + 1):
        message = await js.get_msg(EVENTS_STREAM, seq)
        if message.subject == subject:
            break
    else:
        raise AssertionError(f"no {subject} on the stream")
    await reader.drain()
    nc = await connect(url, "placement")
    assert message.data is not None
    await nc.jetstream().publish(subject, message.data, headers={"Nats-Msg-Id": "again"})
    await nc.drain()


def test_placement_steps_are_due_end_when_done_and_never_come_back(system: System) -> None:
    api = Api(system)
    hid, oid = offer_with_a_ready_household(api, system)
    api.post(f"/offers/{oid}/proposals", {"household_ids": [hid], "proposed_on": ago(30)})
    # 14 days for the landlord's answer: due 16 days ago, not yet 17 days ago.
    wait_until(lambda: api.steps() == {"proposal_unanswered": 16}, what="the proposal's step")
    assert api.steps(as_of=ago(17)) == {}
    assert api.steps(as_of=ago(16)) == {"proposal_unanswered": 0}
    # Another provider's caseworker sees nothing of it; the own provider's does.
    assert api.due(DRK, {"upcoming": "true"}) == {}
    assert api.steps(CARITAS) == {"proposal_unanswered": 16}

    decision = {"household_id": hid, "decision": "accepted", "decided_on": ago(16)}
    api.post(f"/offers/{oid}/landlord-decisions", decision)
    # The answer ends the step; the lease is due 14 days after the acceptance.
    wait_until(lambda: api.steps() == {"lease_missing": 2}, what="the lease's step")

    vid = api.post(f"/offers/{oid}/viewings", {"household_id": hid, "viewing_on": ago(5)})[
        "viewing_id"
    ]
    deposit = {"household_id": hid, "kind": "deposit", "requested_from": "jobcenter"}
    gid = api.post(f"/offers/{oid}/guarantees", {**deposit, "requested_on": ago(25)})[
        "guarantee_id"
    ]
    expected = {"lease_missing": 2, "viewing_unrecorded": 3, "guarantee_undecided": 4}
    wait_until(lambda: api.steps() == expected, what="viewing and guarantee steps")

    # The Heute page says what is due in German and links to the form that settles it.
    page = api.http.get(f"{system.gateway}/ui/heute")
    assert page.status_code == 200, page.text
    steps = page.text.split('id="schritte"')[1]
    assert "Ergebnis der Besichtigung eintragen" in steps
    assert "seit 3 Tagen überfällig" in steps
    assert f'href="/ui/wohnungen/{oid}#besichtigung-ergebnis"' in steps
    assert f'href="/ui/wohnungen/{oid}#uebernahme-entscheidung"' in steps
    assert "viewing_unrecorded" not in page.text

    held = {"viewing_id": vid, "held_on": ago(4), "outcome": "household_interested"}
    api.post(f"/offers/{oid}/viewing-outcomes", {**held, "accompanied_by_tandem": False})
    approved = {"guarantee_id": gid, "decision": "approved", "decided_on": ago(3)}
    api.post(f"/offers/{oid}/guarantee-decisions", approved)
    wait_until(lambda: api.steps() == {"lease_missing": 2}, what="viewing and guarantee done")

    # The proposal once more, as if delivered again after the window: the consumer drops
    # it, its step stays ended.
    asyncio.run(deliver_again(system.nats.url, "auszug.placement.HouseholdProposed"))
    wait_until(lambda: (system["reporting"].metrics().get(DUPLICATE) or 0) >= 1, what=DUPLICATE)
    assert api.steps(upcoming="true") == {"lease_missing": 2}

    lease = {"household_id": hid, "lease_signed_on": ago(1), "moved_on": ago(0)}
    api.post(f"/offers/{oid}/lease", lease)
    wait_until(lambda: api.steps(upcoming="true") == {}, what="every step of the offer ended")


def test_a_restricted_households_steps_only_the_coordination_sees_and_days_move_them(
    system: System,
) -> None:
    api = Api(system)
    hid, oid = offer_with_a_ready_household(api, system)
    api.post(f"/offers/{oid}/proposals", {"household_ids": [hid], "proposed_on": ago(20)})
    wait_until(lambda: api.steps() == {"proposal_unanswered": 6}, what="the proposal's step")

    restriction = {"reason": "accuracy_contested", "note": "Angaben bestritten"}
    api.post(f"/households/{hid}/restriction", restriction, 200)
    wait_until(lambda: api.steps(CARITAS) == {}, what="hidden from the caseworker")
    assert api.steps() == {"proposal_unanswered": 6}
    heute = api.http.get(f"{system.gateway}/ui/heute", headers=CARITAS)
    assert heute.status_code == 200
    assert f"/ui/wohnungen/{oid}" not in heute.text

    # 30 days instead of 14: the open step is due in 10 days, at once.
    rules = api.http.get(f"{api.base}/follow-up-rules", headers=CARITAS)
    assert ok(rules, 200)["days"]["proposal_unanswered"] == 14
    refused = api.http.put(
        f"{api.base}/follow-up-rules", json={"days": {"proposal_unanswered": 30}}, headers=CARITAS
    )
    assert refused.status_code == 403
    changed = api.http.put(
        f"{api.base}/follow-up-rules", json={"days": {"proposal_unanswered": 30}}
    )
    assert ok(changed, 200)["days"]["proposal_unanswered"] == 30
    assert api.steps() == {}
    assert api.steps(upcoming="true") == {"proposal_unanswered": -10}

    # The page for the days: a value that is no number comes back at its field.
    page = api.http.get(f"{system.gateway}/ui/fristen")
    assert page.status_code == 200
    token = api.http.cookies["auszug_csrf"]
    form = {rule: "7" for rule in re.findall(r'<input id="([a-z_]+)" name=', page.text)}
    assert "proposal_unanswered" in form and len(form) == 11
    bad = api.http.post(
        f"{system.gateway}/ui/fristen",
        data={"csrf_token": token, **form, "lease_missing": "zwei Wochen"},
    )
    assert bad.status_code == 422
    assert 'id="fehler-lease_missing"' in bad.text
    assert "Bitte eine ganze Zahl von Tagen zwischen 0 und 365 angeben, z. B. 14." in bad.text
    assert api.steps(upcoming="true") == {"proposal_unanswered": -10}


def test_a_placement_retracted_as_recorded_by_mistake_expects_its_lease_again(
    system: System,
) -> None:
    api = Api(system)
    hid, oid = offer_with_a_ready_household(api, system)
    api.post(f"/offers/{oid}/proposals", {"household_ids": [hid], "proposed_on": ago(30)})
    decision = {"household_id": hid, "decision": "accepted", "decided_on": ago(20)}
    api.post(f"/offers/{oid}/landlord-decisions", decision)
    wait_until(lambda: api.steps() == {"lease_missing": 6}, what="the lease's step")
    lease = {"household_id": hid, "lease_signed_on": ago(3), "moved_on": ago(2)}
    api.post(f"/offers/{oid}/lease", lease)
    wait_until(lambda: api.steps(upcoming="true") == {}, what="the lease ends the step")
    # Intake deregisters the placed household (which ends what is due on it) before the
    # correction, as it does within moments: placement hears of it from the same stream.
    wait_until(
        lambda: api.http.get(f"{api.base}/households/{hid}/offers").status_code == 404,
        what="the placed household deregistered",
    )

    api.post(f"/offers/{oid}/lease/retraction", {"reason": "entered_by_mistake"}, 200)
    # The landlord's "yes" stands: the lease is expected again, 14 days from the correction,
    # on the offer's form, to the household's provider.
    wait_until(lambda: api.steps(upcoming="true") == {"lease_missing": -14}, what="lease again")
    assert api.due(CARITAS, {**OFFER_STEPS, "upcoming": "true"}) == {"lease_missing": -14}
    assert api.due(DRK, {"upcoming": "true"}) == {}
    # An empty kind (a form's "alle") is no filter; a wrong one one German message.
    assert api.due(COORDINATOR, {"kind": "", "subject_kind": "offer", "upcoming": "true"}) == {
        "lease_missing": -14
    }
    wrong = api.http.get(f"{api.base}/follow-ups", params={"kind": "lease"})
    assert wrong.status_code == 422
    [field] = wrong.json()["error"]["fields"]
    assert field["field"] == "kind" and "'lease_missing'" in field["message"]
