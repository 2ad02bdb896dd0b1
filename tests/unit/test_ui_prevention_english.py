"""The tenancy-support pages in English (`?lang=en`) by the real gateway app with
prevention faked: headings, labels, codes, the course and the service's reasons come in
English, and no German label is left over."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from shared.clock import today
from shared.rpc import ErrorKind, RpcError
from support.ui.prevention import CASE, SUMMARY, VIEW, as_role, gateway, page_of
from support.ui_app import TOKEN

MEDIATION = {
    "mediation_id": str(uuid4()),
    "held_on": "2026-02-02",
    "party": "landlord",
    "topic": "rent_arrears",
    "note": None,
}


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, Any]:
    return gateway(tmp_path, monkeypatch)


def test_the_case_page_speaks_english(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    fake.answers["get_case"] = {**VIEW, "target_group": "re_admission", "mediations": [MEDIATION]}
    page = client.get(f"/ui/praevention/{CASE}?lang=en", headers=as_role("caseworker"))
    text = page.text
    assert page.status_code == 200 and '<html lang="en">' in text
    assert "<h1>Tenancy support: case referred on 5 Jan 2026</h1>" in text
    for english in (
        "Next steps",
        "Record mediation",
        "Record negotiation with landlord",
        "Mediated with",
        "Kind of landlord",
        "– please choose –",
        "Mediation with Landlord: Rent arrears.",
        "Referral received (Self-referral) for the provider skm",
        "1 adult, 2 minors",
        "every 14 days",
        "Re-admission (precarious housing)",
    ):
        assert english in text, english
    for german in ("Nächste Schritte", "Vermittlung festhalten", "Pflichtfeld", "Verlauf"):
        assert german not in text, german


def test_a_refused_form_and_the_lists_speak_english(app: tuple[TestClient, Any]) -> None:
    client, fake = app
    client.get("/ui/praevention?lang=en", headers=as_role("caseworker"))  # remembered
    reason = "Das Datum liegt in der Zukunft."
    fake.refuse["record_mediation"] = RpcError(kind=ErrorKind.rule, code="x", message=reason)
    form = {"csrf_token": TOKEN, "party": "landlord", "topic": "rent_arrears"}
    refused = client.post(
        f"/ui/praevention/{CASE}/vermittlung",
        data={**form, "held_on": "2026-02-01"},
        headers=as_role("caseworker"),
    )
    assert refused.status_code == 409 and "The date lies in the future." in refused.text
    missing = client.post(
        f"/ui/praevention/{CASE}/vermittlung", data=form, headers=as_role("caseworker")
    )
    assert missing.status_code == 422 and "Please fill in." in missing.text
    listing = client.get("/ui/praevention", headers=as_role("caseworker")).text
    late = (today() - date.fromisoformat(SUMMARY["next_visit_due"])).days
    assert f"overdue for {late} days" in listing and "1 home visit is overdue" in listing
    assert "Time limit passed on 10 Jul 2026" in listing
    assert "Gemeldet am" not in listing and "Referred on" in listing
    fake.answers["list_aftercare"] = {"offers": [], "page": page_of(0)}
    aftercare = client.get("/ui/praevention/nachbetreuung", headers=as_role("caseworker")).text
    assert "<h1>Aftercare after moving in</h1>" in aftercare
    assert "No aftercare offers." in aftercare and "Nachbetreuung" not in aftercare
