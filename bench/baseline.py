"""Stage 1: raw nats-py JetStream publishing of the envelope bodies, no Auszug code."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from nats.js import JetStreamContext

from bench.common import SUBJECT, chunks, envelope_bodies, purge_events


async def publish_each(js: JetStreamContext, bodies: list[tuple[Any, bytes]]) -> float:
    """Publish one by one, awaiting every PubAck; events/s."""
    started = time.perf_counter()
    for event_id, body in bodies:
        await js.publish(SUBJECT, body, headers={"Nats-Msg-Id": str(event_id)})
    return len(bodies) / (time.perf_counter() - started)


async def publish_pipelined(
    js: JetStreamContext, bodies: list[tuple[Any, bytes]], window: int = 1000
) -> float:
    """`publish_async` for `window` messages, then gather their PubAcks; events/s."""
    started = time.perf_counter()
    for chunk in chunks(bodies, window):
        futures = [
            await js.publish_async(SUBJECT, body, headers={"Nats-Msg-Id": str(event_id)})
            for event_id, body in chunk
        ]
        await asyncio.gather(*futures)
    return len(bodies) / (time.perf_counter() - started)


async def run(js: JetStreamContext, *, each: int, pipelined: int, runs: int) -> dict[str, Any]:
    """Medians of `runs` rounds each, on a purged stream; fresh event ids every round."""
    each_rates: list[float] = []
    pipelined_rates: list[float] = []
    body_size = 0
    for _ in range(runs):
        await purge_events(js)
        bodies = envelope_bodies(each)
        each_rates.append(await publish_each(js, bodies))
        await purge_events(js)
        bodies = envelope_bodies(pipelined)
        body_size = round(sum(len(b) for _, b in bodies) / len(bodies))
        pipelined_rates.append(await publish_pipelined(js, bodies))
    await purge_events(js)
    return {"each": each_rates, "pipelined": pipelined_rates, "body_bytes": body_size}
