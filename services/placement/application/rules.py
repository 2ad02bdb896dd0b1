"""The municipality's placement rules: read by staff, changed by the coordination."""

from __future__ import annotations

from services.placement.adapters.rules import load_rules, save_rules
from services.placement.application import access
from shared.contracts.placement import PlacementRules
from shared.db import Database
from shared.identity import Caller


async def get_rules(db: Database, caller: Caller) -> PlacementRules:
    access.reader(caller)
    async with db.read() as conn:
        return await load_rules(conn, caller.municipality)


async def replace_rules(db: Database, rules: PlacementRules, caller: Caller) -> PlacementRules:
    """Replace the municipality's guideline values and thresholds as a whole."""
    access.coordinator_only(caller, "die Regeln der Kommune ändern")
    async with db.transaction() as conn:
        await save_rules(conn, caller.municipality, rules)
        return await load_rules(conn, caller.municipality)
