"""The erasure forms (Art. 17 DSGVO) of the household, its members, a volunteer and a
Wohnintegrationshilfe case: each asks the coordination to confirm that no duty to keep
the data stands in the way before the service is asked to erase.

The service decides whether it may (only the coordination; a volunteer not while still
in a tandem; not twice): its 409 comes back above the form, the missing tick at the box.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.contracts.operation import Operation
from shared.identity import Caller
from shared.rpc import RpcClient
from shared.validation import FieldError

CONFIRMATION = N_("Ich habe geprüft, dass keine Aufbewahrungspflicht entgegensteht")
NOT_CONFIRMED = N_("Bitte bestätigen, dass keine Aufbewahrungspflicht entgegensteht.")
CONFIRMED = Field("confirmed", N_("Bestätigung"), "codes", {"yes": CONFIRMATION})
TICK = "confirmed.yes"
# Where a refused erasure form sits on its page.
ANCHOR = "loeschung"


def unconfirmed(values: Mapping[str, str]) -> list[FieldError]:
    """The confirmation, if it was not ticked."""
    if values.get(TICK):
        return []
    return [FieldError(field=CONFIRMED.name, message=NOT_CONFIRMED)]


async def erase(
    rpc: RpcClient,
    op: Operation[Any, Any],
    caller: Caller,
    submitted: Mapping[str, str],
    *,
    on: UUID | None = None,
    body: Mapping[str, Any] | None = None,
) -> tuple[dict[str, str], Refusal | None]:
    """The typed confirmation, and why the erasure was refused (None: it was done).

    `on`: the entity a command on one entity erases (`Addressed`); `body`: the request's
    fields otherwise (the household and the person)."""
    values = form_values(submitted, [TICK])
    _, refusal = await send_form(
        rpc,
        op,
        body or {},
        caller,
        on=on,
        known=[CONFIRMED.name],
        problems=unconfirmed(values),
    )
    return values, refusal
