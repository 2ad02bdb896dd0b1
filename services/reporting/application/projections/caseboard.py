"""Keeps the caseboard table: the cards a batch touches are loaded, evolved in memory in
stream order by the pure rules of `domain.caseboard`, and written back. Also keeps which
households are restricted (Art. 18 DSGVO), which the caseboard and drill-downs read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import fields
from typing import Any
from uuid import UUID

from sqlalchemy import delete, insert, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from services.reporting.adapters import restrictions
from services.reporting.adapters.caseboard_table import caseboard
from services.reporting.application.projections.caseboard_reopen import reopened_cards
from services.reporting.domain.caseboard import (
    HOUSEHOLD_EVENTS,
    OFFER_EVENTS,
    CaseCard,
    evolve,
    offer_ended,
    open_case,
)
from shared.clock import business_day
from shared.contracts.intake import (
    HouseholdDeregistrationRevoked,
    HouseholdRegistered,
    ProcessingRestricted,
    RestrictionLifted,
)
from shared.contracts.reporting import Stage
from shared.eventstore.store import RecordedEvent

Key = tuple[str, UUID]
# A revoked deregistration reopens the case its deregistration closed.
OWN = (*HOUSEHOLD_EVENTS, HouseholdDeregistrationRevoked)
WATCHED = (*OWN, *OFFER_EVENTS)
CARD_FIELDS = tuple(f.name for f in fields(CaseCard))


class CaseboardProjection:
    async def apply(
        self, conn: AsyncConnection, batch: Sequence[RecordedEvent]
    ) -> dict[Key, CaseCard | None]:
        """Applies `batch`; answers the cards it changed (None: the card left the board),
        which the follow-ups' `stage_stalled` follows."""
        await _restrictions(conn, batch)
        relevant = [r for r in batch if isinstance(r.event, WATCHED)]
        if not relevant:
            return {}
        households = {_id(r, "household_id") for r in relevant if isinstance(r.event, OWN)}
        offers = {_id(r, "offer_id") for r in relevant if isinstance(r.event, OFFER_EVENTS)}
        loaded = await _load(conn, households, offers)
        reopened = await reopened_cards(conn, relevant)
        cards: dict[Key, CaseCard | None] = dict(loaded)
        # Only a card that holds an offer's id can be in the running for it: every key ever
        # given a card with that offer id is listed here (stale entries are re-checked), so an
        # offer event looks at its few candidates, not at every card of the batch.
        holders: dict[UUID, set[Key]] = defaultdict(set)
        for key, held in loaded.items():
            if held.offer_id is not None:
                holders[held.offer_id].add(key)
        for recorded in relevant:
            municipality, event = recorded.envelope.municipality, recorded.event
            if isinstance(event, HouseholdRegistered):
                cards[(municipality, event.household_id)] = open_case(event, municipality)
            elif isinstance(event, HouseholdDeregistrationRevoked):
                key = (municipality, event.household_id)
                if cards.get(key) is None and key in reopened:
                    cards[key] = reopened[key]
            elif isinstance(event, HOUSEHOLD_EVENTS):
                key = (municipality, _id(recorded, "household_id"))
                card = cards.get(key)
                if card is not None:
                    cards[key] = evolved = evolve(card, event)
                    if evolved is not None and evolved.offer_id is not None:
                        holders[evolved.offer_id].add(key)
            if isinstance(event, OFFER_EVENTS):
                for key in holders.get(event.offer_id, ()):
                    holder = cards.get(key)
                    if holder is not None and key[0] == municipality:
                        cards[key] = offer_ended(holder, event)
        # Only what changed is written: most cards loaded for an offer stay as they were.
        changed = {key for key, card in cards.items() if loaded.get(key) != card}
        gone = [key for key in changed if key in loaded]
        if gone:
            await conn.execute(
                delete(caseboard).where(
                    tuple_(caseboard.c.municipality, caseboard.c.household_id).in_(gone)
                )
            )
        rows = [_row(card) for key in changed if (card := cards[key]) is not None]
        if rows:
            await conn.execute(insert(caseboard), rows)
        return {key: cards[key] for key in changed}


async def _restrictions(conn: AsyncConnection, batch: Sequence[RecordedEvent]) -> None:
    # Rare events: written one by one, in stream order, so a lift after a restriction wins.
    for recorded in batch:
        municipality, event = recorded.envelope.municipality, recorded.event
        if isinstance(event, ProcessingRestricted):
            day = business_day(event.occurred_at)
            await restrictions.restrict(conn, municipality, event.household_id, day)
        elif isinstance(event, RestrictionLifted):
            await restrictions.lift(conn, municipality, event.household_id)


def _id(recorded: RecordedEvent, name: str) -> UUID:
    value = getattr(recorded.event, name)
    assert isinstance(value, UUID)
    return value


async def _load(
    conn: AsyncConnection, households: set[UUID], offers: set[UUID]
) -> dict[Key, CaseCard]:
    statement = select(caseboard).where(
        or_(caseboard.c.household_id.in_(households), caseboard.c.offer_id.in_(offers))
    )
    return {
        (row.municipality, row.household_id): card_of(row._mapping)
        for row in await conn.execute(statement)
    }


def card_of(row: Any) -> CaseCard:
    """A card from its table row."""
    return CaseCard(**{**dict(row), "stage": Stage(row["stage"])})


def _row(card: CaseCard) -> dict[str, Any]:
    # Field by field: `dataclasses.asdict` deep-copies and was most of a rebuild's time.
    row = {name: getattr(card, name) for name in CARD_FIELDS}
    row["stage"] = card.stage.value
    return row
