"""Load shedding: a bounded number of requests in flight per service.

Under 200 concurrent signed-in requests reporting could not answer them all within the
RPC timeout, and a third of them ended as 503 after waiting ten seconds. Here each
service (RPC context) has `max_in_flight` slots; a request that finds none free within
`slot_wait_seconds` is refused at once with 429 and `Retry-After`, so the requests that
were admitted finish within the deadline and the others know when to come back.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any

from prometheus_client import Counter
from starlette.exceptions import HTTPException

from shared.rpc import RpcClient

SHED = Counter(
    "auszug_gateway_shed_total",
    "Requests the gateway refused with 429 because a service had no free slot.",
    ["service"],
)


def busy_message(seconds: int) -> str:
    return f"Gerade sind sehr viele Anfragen offen. Bitte in {seconds} Sekunden erneut versuchen."


class SheddingRpcClient(RpcClient):
    """RpcClient that waits briefly for a free slot of the target service, else 429."""

    def __init__(
        self, *args: Any, max_in_flight: int, slot_wait_seconds: float, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.max_in_flight = max_in_flight
        self.slot_wait_seconds = slot_wait_seconds
        self.retry_after = max(1, math.ceil(slot_wait_seconds))
        self._slots: dict[str, asyncio.Semaphore] = {}

    async def request(self, context: str, *args: Any, **kwargs: Any) -> Any:
        slots = self._slots.setdefault(context, asyncio.Semaphore(self.max_in_flight))
        try:
            async with asyncio.timeout(self.slot_wait_seconds):
                await slots.acquire()
        except TimeoutError:
            SHED.labels(service=context).inc()
            raise HTTPException(
                429, busy_message(self.retry_after), {"Retry-After": str(self.retry_after)}
            ) from None
        try:
            return await super().request(context, *args, **kwargs)
        finally:
            slots.release()
