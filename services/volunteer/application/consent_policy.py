"""Policy: when intake records that a household withdrew its `volunteer_tandem` consent,
the tandem resting on it ends (domain/tandem_consent.py says when and why).

Runs in the household projection's consumer, in its transaction, through the tandems
decider like any command: the withdrawal noted in `known_consents`, the `TandemEnded`
appended and the consumer's record of having applied the event commit together. So
once the tandem shows as ended, no new tandem can rest on the withdrawn consent; a
redelivery or a replay finds the tandem ended and appends nothing.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from services.volunteer.adapters import tandem_index
from services.volunteer.domain import tandems as td
from services.volunteer.domain.tandem_commands import EndOnConsentWithdrawn
from shared.application import decide_and_append, load_state
from shared.contracts.intake import ConsentPurpose, HouseholdConsentWithdrawn
from shared.envelope import CommandContext, Envelope
from shared.eventstore.store import EventStore

ACTOR = "system:volunteer"


class ConsentPolicy:
    def __init__(self, store: EventStore) -> None:
        self.store = store

    async def withdrawn(
        self, conn: AsyncConnection, envelope: Envelope, event: HouseholdConsentWithdrawn
    ) -> None:
        """End the tandem resting on the withdrawn consent, if one is active."""
        if event.purpose_code is not ConsentPurpose.volunteer_tandem:
            return
        stream_id = td.stream_id(envelope.municipality, event.household_id)
        state, version = await load_state(conn, self.store, td.tandems, stream_id)
        if state.active is None:
            return
        provider = state.active.provider
        outcome = await decide_and_append(
            conn,
            self.store,
            td.tandems,
            stream_id,
            EndOnConsentWithdrawn(event.consent_id, event.withdrawn_on),
            CommandContext.caused_by(envelope, ACTOR),
            lambda _: provider,
            loaded=(state, version),
        )
        await tandem_index.sync(conn, outcome.state)
