"""The write path of every case command: access on the state, decide, append with outbox,
and in the same transaction the case list row and the command's personal data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from services.prevention.adapters.appointments import index_appointment
from services.prevention.adapters.case_index import index_case
from services.prevention.application import access
from services.prevention.domain import case as cs
from services.prevention.domain.case_commands import Command
from shared.access import guarded
from shared.application import CommandExecutor
from shared.contracts.prevention.views import CaseRef
from shared.identity import Caller

PersonalWrite = Callable[[AsyncConnection], Awaitable[None]]
# What stays out of events and needs the case's new state (the place of an appointment).
StateWrite = Callable[[AsyncConnection, cs.Case], Awaitable[None]]


async def run(
    commands: CommandExecutor,
    caller: Caller,
    case_id: UUID,
    command: Command,
    *,
    personal: PersonalWrite | None = None,
    entry_id: UUID | None = None,
    new_case: bool = False,
    after: StateWrite | None = None,
) -> CaseRef:
    """Decide `command` on the case's stream; `personal` writes what stays out of events.

    Except for a new referral, the caller must see the case (404 otherwise), checked on
    the very state the command is decided on.
    """

    def check(state: cs.Case) -> None:
        if not new_case:
            access.visible(caller, state)

    async def write(conn: AsyncConnection, state: cs.Case) -> None:
        await index_case(conn, caller.municipality, state)
        await index_appointment(conn, caller.municipality, state)
        if personal is not None:
            await personal(conn)
        if after is not None:
            await after(conn, state)

    outcome = await commands.execute(
        guarded(cs.case, check),
        cs.stream_id(caller.municipality, case_id),
        command,
        caller.command_context(),
        provider=lambda state: state.provider,
        also=write,
    )
    return CaseRef(case_id=case_id, version=outcome.version, entry_id=entry_id)
