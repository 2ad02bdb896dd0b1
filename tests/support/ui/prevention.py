"""The prevention pages' unit tests: prevention faked at the RPC (`FakePrevention`), a case
and its view, and the `gateway` fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from support import ui_app
from support.ui_app import FakeRpc, ui_client

CASE = uuid4()


SUMMARY: dict[str, Any] = {
    "case_id": str(CASE),
    "provider": "skm",
    "status": "admitted",
    "source": "self_referral",
    "target_group": "re_admission",
    "housing_situation": "assigned_flat",
    "adults": 1,
    "minors": 2,
    "received_on": "2026-01-05",
    "admitted_on": "2026-01-10",
    "ends_on": "2026-07-10",
    "next_visit_due": "2026-02-01",
    "closed_on": None,
    "outcome": None,
}


VIEW: dict[str, Any] = {
    **SUMMARY,
    "municipality": "koeln",
    "household_id": None,
    "with_children": True,
    "contact": {"name": "Familie Demir", "phone": None, "email": None},
    "street_address": "Keupstraße 9",
    "referred_by": None,
    "note": None,
    "eligibility": None,
    "rejection_reason": None,
    "rejected_on": None,
    "consent_given_on": None,
    "consent_withdrawn_on": None,
    "visit_every_days": 14,
    "visit_overdue": True,
    "home_visits": [],
    "mediations": [],
    "landlord_negotiations": [],
    "referrals_out": [],
    "extensions": [],
    "closing_note": None,
    "version": 3,
}


def page_of(total: int) -> dict[str, int]:
    """The `PageInfo` of a list's first page with `total` rows."""
    return {"page": 1, "per_page": 50, "total": total}


class FakePrevention(FakeRpc):
    """Answers like prevention's RPCs; `refuse` makes the named one fail."""

    def __init__(self) -> None:
        overdue: dict[str, Any] = {"case_id": str(CASE), "provider": "skm", "days_overdue": 9}
        overdue |= {"next_visit_due": "2026-02-01", "last_visit_on": None, "ends_on": "2026-07-10"}
        answers = {
            "list_cases": {"cases": [SUMMARY], "page": page_of(1)},
            "overdue_visits": {"as_of": "2026-02-10", "visits": [overdue]},
            "get_case": VIEW,
        }
        super().__init__(answers, default={"case_id": str(CASE), "version": 4})


def gateway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, Any]:
    """The real gateway app with prevention faked, and a client holding the CSRF cookie."""
    fake = FakePrevention()
    return ui_client(tmp_path, monkeypatch, fake), fake


def as_role(role: str) -> dict[str, str]:
    return ui_app.as_role(role, "skm")
