"""Intake's use cases for consents: record one, withdraw one, and list the disclosures of
a household with the consent in force on each day.

Recording and withdrawing are staff work (a caseworker for their own provider's
households). The disclosures list is for coordinators and the household's own
provider's caseworkers; everyone else gets 403, another provider's household 404.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters import consents as rows
from services.intake.application import access
from services.intake.application.consent_views import consent_view
from services.intake.domain import household as hh
from services.intake.domain import household_commands as cmd
from shared.access import guarded
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.intake import (
    ConsentRef,
    ConsentView,
    DisclosureKind,
    Disclosures,
    DisclosureView,
    ListDisclosures,
    RecordConsent,
    WithdrawConsent,
)
from shared.decider import Forbidden
from shared.identity import Caller

Also = Callable[[AsyncConnection, hh.Household], Awaitable[None]]


class Consents:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def record(self, request: RecordConsent, caller: Caller) -> ConsentRef:
        access.require_staff(caller)
        consent_id = uuid4()
        details = rows.ConsentDetails(
            consent_id=consent_id,
            purpose=request.purpose,
            wording=request.purpose.label,
            given_on=request.given_on,
            given_by=request.given_by,
            note=request.note,
            withdrawn_on=None,
        )

        async def save(conn: AsyncConnection, _: hh.Household) -> None:
            await rows.save_consent(conn, request.household_id, details)

        command = cmd.RecordConsent(consent_id, request.purpose, request.given_on, today())
        await self._run(caller, request.household_id, command, save)
        return ConsentRef(household_id=request.household_id, consent_id=consent_id)

    async def withdraw(self, request: WithdrawConsent, caller: Caller) -> ConsentRef:
        access.require_staff(caller)

        async def save(conn: AsyncConnection, _: hh.Household) -> None:
            await rows.save_withdrawal(conn, request.consent_id, request.withdrawn_on)

        command = cmd.WithdrawConsent(request.consent_id, request.withdrawn_on, today())
        await self._run(caller, request.household_id, command, save)
        return ConsentRef(household_id=request.household_id, consent_id=request.consent_id)

    async def disclosures(self, query: ListDisclosures, caller: Caller) -> Disclosures:
        if caller.role not in access.STAFF:
            raise Forbidden("role", "Ihre Rolle sieht keine Weitergaben von Haushaltsdaten.")
        state, _ = await self.commands.load(
            hh.household, hh.stream_id(caller.municipality, query.household_id)
        )
        access.require_visible(caller, state)
        async with self.commands.db.read() as conn:
            details = {
                d.consent_id: d for d in await rows.consent_details(conn, query.household_id)
            }
            tandems = await rows.tandems_of(conn, caller.municipality, query.household_id)

        def consent(consent_id: UUID | None) -> ConsentView | None:
            record = state.consent(consent_id) if consent_id else None
            return consent_view(record, details.get(record.consent_id)) if record else None

        items = [
            DisclosureView(
                kind=DisclosureKind.provider_handover,
                disclosed_on=h.handed_over_on,
                recipient_provider=h.to_provider,
                from_provider=h.from_provider,
                consent=consent(h.consent_id),
            )
            for h in state.handovers
        ] + [
            DisclosureView(
                kind=DisclosureKind.volunteer_tandem,
                disclosed_on=t.formed_on,
                recipient_provider=t.provider,
                tandem_id=t.tandem_id,
                tandem_ended_on=t.ended_on,
                consent=consent(t.consent_id),
            )
            for t in tandems
        ]
        items.sort(key=lambda d: d.disclosed_on)
        return Disclosures(household_id=query.household_id, items=items)

    async def _run(
        self, caller: Caller, household_id: UUID, command: cmd.Command, also: Also
    ) -> None:
        decider = guarded(hh.household, lambda s: access.require_visible(caller, s))
        await self.commands.execute(
            decider,
            hh.stream_id(caller.municipality, household_id),
            command,
            caller.command_context(),
            provider=lambda state: state.provider,
            also=also,
        )
