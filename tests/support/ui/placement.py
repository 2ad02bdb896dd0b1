"""The offers and landlords pages' unit tests: placement faked at the RPC
(`FakePlacement`), its answers, and the `app` fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from shared.contracts.followups import DEFAULT_DAYS
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
    "rent_limits": [
        {"persons": 1, "max_gross_cold_rent": "1234.50", "max_size_m2": "50"},
        {"persons": 2, "max_gross_cold_rent": "640.00", "max_size_m2": None},
    ],
    "extra_person_rent": "158.00",
    "extra_person_m2": "15",
}


def stalled(query: Any) -> dict[str, Any]:
    """Reporting's due list as the stalled cases' page asks it: one proposal the landlord
    has not answered (proposed 2026-02-18, due after 14 days), no guarantee."""
    items = []
    if query.kind == "proposal_unanswered":
        items.append(
            {
                "follow_up_id": str(uuid4()),
                "kind": "proposal_unanswered",
                "subject_kind": "offer",
                "subject_id": str(OFFER),
                "household_id": str(HOUSEHOLD),
                "provider": "caritas",
                "anchor_on": "2026-02-18",
                "due_on": "2026-03-04",
                "assignee": None,
                "days_overdue": 6,
            }
        )
    page = {"page": query.page, "per_page": query.per_page, "total": len(items)}
    return {"as_of": str(query.as_of), "items": items, "page": page}


FOLLOW_UP_RULES: dict[str, Any] = {
    "days": {rule.value: days for rule, days in DEFAULT_DAYS.items()} | {"proposal_unanswered": 10}
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
            "follow_ups": stalled,
            "get_follow_up_rules": FOLLOW_UP_RULES,
        }
        super().__init__(answers, default={"landlord_id": str(LANDLORD)})


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, Any]:
    fake = FakePlacement()
    return ui_client(tmp_path, monkeypatch, fake), fake
