"""The offers and landlords pages' unit tests: placement faked at the RPC
(`FakePlacement`), its answers, and the `app` fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from support.ui_app import FakeRpc, ui_client

LANDLORD, OTHER, OFFER, HOUSEHOLD = uuid4(), uuid4(), uuid4(), uuid4()


LANDLORD_VIEW: dict[str, Any] = {
    "landlord_id": str(LANDLORD),
    "kind": "private",
    "name": "Hausverwaltung Rhein",
    "contact_person": {"name": "Frau Kontakt", "phone": "0221 123456", "email": None},
    "cooperation_agreement": False,
    "cooperation_agreed_on": None,
    "registered_on": "2026-01-05",
}


OFFER_FACTS: dict[str, Any] = {
    "offer_id": str(OFFER),
    "landlord_id": str(LANDLORD),
    "landlord_kind": "private",
    "district": "ehrenfeld",
    "rooms": "2.5",
    "size_m2": "65",
    "cold_rent": "1000.50",
    "running_costs": "234.00",
    "available_from": "2026-03-01",
    "wbs_required": False,
    "refugee_quota": False,
    "accessible": False,
    "source": "private_landlord",
    "received_on": "2026-02-01",
    "status": "open",
}


RULES: dict[str, Any] = {
    "proposal_stall_days": 14,
    "guarantee_stall_days": 21,
    "rent_limits": [
        {"persons": 1, "max_gross_cold_rent": "1234.50", "max_size_m2": "50"},
        {"persons": 2, "max_gross_cold_rent": "640.00", "max_size_m2": None},
    ],
    "extra_person_rent": "158.00",
    "extra_person_m2": "15",
}


STALLED: dict[str, Any] = {
    "as_of": "2026-03-10",
    "proposal_stall_days": 14,
    "guarantee_stall_days": 21,
    "proposals": [
        {
            "offer_id": str(OFFER),
            "household_id": str(HOUSEHOLD),
            "provider": "caritas",
            "proposed_on": "2026-02-18",
            "days_waiting": 20,
        }
    ],
    "guarantees": [],
}


OTHER_OFFER = {"offer_id": str(uuid4()), "landlord_id": str(OTHER), "district": "kalk"}


def offers_of(offers: list[dict[str, Any]]) -> Any:
    """`list_offers` as placement answers it: filtered by landlord, one page."""

    def answer(query: Any) -> dict[str, Any]:
        found = [
            o
            for o in offers
            if query.landlord_id is None or o["landlord_id"] == str(query.landlord_id)
        ]
        page = {"page": query.page, "per_page": query.per_page, "total": len(found)}
        return {"offers": found[query.offset : query.offset + query.per_page], "page": page}

    return answer


class FakePlacement(FakeRpc):
    """Answers like placement's RPCs; `refuse` makes the named one fail."""

    def __init__(self) -> None:
        other = {**LANDLORD_VIEW, "landlord_id": str(OTHER), "name": "GAG"}
        answers = {
            "list_landlords": {"landlords": [LANDLORD_VIEW, other]},
            "get_landlord": LANDLORD_VIEW,
            "list_offers": offers_of([OFFER_FACTS, {**OFFER_FACTS, **OTHER_OFFER}]),
            "get_rules": RULES,
            "replace_rules": RULES,
            "stalled_cases": STALLED,
        }
        super().__init__(answers, default={"landlord_id": str(LANDLORD)})


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, Any]:
    fake = FakePlacement()
    return ui_client(tmp_path, monkeypatch, fake), fake
