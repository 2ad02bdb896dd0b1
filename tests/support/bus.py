"""Reading and writing the running system's event stream: the number of messages, the
events naming a household, publishing an envelope as its producer would."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from shared.clock import business_time, today
from shared.contracts import CONTRACTS
from shared.contracts.placement import LandlordKind, PlacementCompleted
from shared.envelope import Envelope
from shared.messaging import EVENTS_STREAM
from support.nats_server import connect, publisher
from support.system import wait_until


def stream_messages(url: str) -> int:
    async def count() -> int:
        nc = await connect(url)
        info = await nc.jetstream().stream_info(EVENTS_STREAM)
        await nc.drain()
        return int(info.state.messages)

    return asyncio.run(count())


def events_about(url: str, household_id: str) -> list[Envelope]:
    """The events naming the household, once the outbox relay has published some."""
    found: list[Envelope] = wait_until(
        lambda: _events(url, household_id) or None, interval=0.2, what="events published"
    )
    return found


def _events(url: str, household_id: str) -> list[Envelope]:
    async def run() -> list[Envelope]:
        nc = await connect(url)
        js = nc.jetstream()
        last = (await js.stream_info(EVENTS_STREAM)).state.last_seq
        found = []
        for seq in range(1, last + 1):
            msg = await js.get_msg(EVENTS_STREAM, seq)
            if msg.data and household_id.encode() in msg.data:
                found.append(Envelope.model_validate_json(msg.data))
        await nc.drain()
        return found

    return asyncio.run(run())


T = today()


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def placement_envelope(household_id: str) -> Envelope:
    event = PlacementCompleted(
        household_id=household_id,
        offer_id=uuid4(),
        landlord_id=uuid4(),
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=1,
        minors=2,
        refugee_quota=True,
        volunteer_supported=False,
        wbs_required=True,
        household_had_wbs=True,
        moved_on=date.fromisoformat(ago(3)),
        occurred_at=business_time(date.fromisoformat(ago(10))),
    )
    return Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=event.schema_version,
        stream_id=f"offer:koeln:{event.offer_id}",
        stream_version=9,
        municipality="koeln",
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )


def publish(url: str, envelope: Envelope, msg_id: str) -> None:
    async def run() -> None:
        nc = await connect(url, publisher(envelope))
        subject = CONTRACTS.subject(envelope.event_type)
        body = envelope.model_dump_json().encode()
        await nc.jetstream().publish(subject, body, headers={"Nats-Msg-Id": msg_id})
        await nc.drain()

    asyncio.run(run())
