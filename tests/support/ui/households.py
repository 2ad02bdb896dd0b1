"""The households pages' unit tests: intake faked at the RPC (`FakeIntake`), a household
and its members as the pages receive them."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from support.ui_app import FakeRpc

HOUSEHOLD = uuid4()
OTHER = uuid4()
HEAD, CHILD = uuid4(), uuid4()


def member(member_id: UUID, role: str, band: str, name: str | None) -> dict[str, Any]:
    return {
        "member_id": str(member_id),
        "role": role,
        "age_band": band,
        "given_name": name,
        "family_name": "Haddad" if name else None,
        "birth_date": None,
        "minor": band in ("0-5", "6-17"),
        "left_on": None,
    }


def view(**changes: Any) -> dict[str, Any]:
    """Intake's view of a household of caritas: two persons, one possible duplicate."""
    return {
        "household_id": str(HOUSEHOLD),
        "municipality": "koeln",
        "provider": "caritas",
        "status": "active",
        "registered_on": "2026-01-05",
        "accommodation": {"kind": "shelter", "site": None},
        "adults": 1,
        "minors": 1,
        "persons": 2,
        "members": [
            member(HEAD, "head", "27-64", "Amal"),
            member(CHILD, "child", "6-17", "Sami"),
        ],
        "former_members": [],
        "contact": None,
        "note": None,
        "wbs": False,
        "wbs_valid_until": None,
        "residence_outlook": "unknown",
        "languages": [],
        "consent": None,
        "consents": [],
        "readiness": [
            {
                "assessment_id": str(uuid4()),
                "assessed_on": "2026-02-01",
                "criteria": {
                    "rent_payment": "met",
                    "tenancy_knowledge": "partly",
                    "neighbourhood": "met",
                    "household_management": "met",
                    "language_for_contracts": "not_met",
                },
                "result": "ready_with_support",
                "note": None,
            }
        ],
        "current_readiness": "ready_with_support",
        "deregistration": None,
        "possible_duplicates": [
            {"household_id": str(HOUSEHOLD), "other_household_id": str(OTHER), "status": "open"}
        ],
        "version": 4,
        "privacy": None,
    } | changes


class FakeIntake(FakeRpc):
    """Answers like intake's RPCs (placement's course: none); `refuse` makes one fail."""

    def __init__(self) -> None:
        super().__init__(default={"household_id": str(HOUSEHOLD)})
        self.household = view()

    def answer(self, name: str, body: Any) -> Any:
        if name == "household_course":
            return {"household_id": str(HOUSEHOLD), "entries": []}
        if name == "household_offers":
            return {"household_id": str(HOUSEHOLD), "offers": []}
        if name == "get_household":
            return self.household
        if name in ("link_duplicate", "dismiss_duplicate", "revoke_duplicate_decision"):
            return body.model_dump(mode="json") | {"status": "open"}
        return super().answer(name, body)


PAGE = f"/ui/haushalte/{HOUSEHOLD}"
