"""Planted personal values (canaries) and where to look for them on a running system: every
database file or row, the stream store, the logs; the figures compared before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from shared.clock import today
from support.system import DATABASE_SERVICES, System, household, wait_until

COORDINATOR = {"x-auszug-user": "u-1001"}
CARITAS = {"x-auszug-user": "u-2002", "x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
SKM = {"x-auszug-user": "u-3003", "x-auszug-role": "caseworker", "x-auszug-provider": "skm"}


@dataclass(frozen=True)
class Canaries:
    """Unmistakable personal values of one subject; `tag` keeps subjects apart."""

    tag: str

    def __getattr__(self, name: str) -> str:
        return f"Qx{self.tag}{name.capitalize()}"

    @property
    def birth_date(self) -> str:
        return {"A": "2012-02-17", "B": "2013-03-18"}[self.tag]  # a child of 6-17

    @property
    def phone(self) -> str:
        return {"A": "0221 555019317", "B": "0221 555019328"}[self.tag]

    @property
    def email(self) -> str:
        return f"qx{self.tag.lower()}.mail@example.org"

    def values(self) -> list[str]:
        words = (
            "given",
            "family",
            "child",
            "note",
            "site",
            "giver",
            "readiness",
            "sender",
            "casenote",
        )
        # The texts of the inquiry, its triage note and the written follow-ups on both.
        texts = ("inquiry", "triage", "followup", "callback")
        return [getattr(self, w) for w in (*words, *texts)] + [
            self.birth_date,
            self.phone.replace(" ", ""),
            self.email,
        ]


A, B = Canaries("A"), Canaries("B")


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def registration(c: Canaries) -> dict[str, Any]:
    members = [
        {"role": "head", "age_band": "27-64", "given_name": c.given, "family_name": c.family},
        {"role": "child", "age_band": "6-17", "given_name": c.child, "birth_date": c.birth_date},
    ]
    body: dict[str, Any] = household(
        "2025-03-01",
        members=members,
        contact={"phone": c.phone, "email": c.email},
        note=c.note,
        accommodation={"kind": "shelter", "site": c.site},
        consent={"purpose": "Vermittlung", "given_on": "2025-03-01", "given_by": c.giver},
    )
    return body


def register_household(system: System, c: Canaries) -> str:
    """A household with canaries in every personal field intake has, and an inquiry
    opened as its case."""
    http, api = system.http, f"{system.gateway}/api"
    hid = str(ok(system.register(registration(c), **CARITAS))["household_id"])
    criteria = dict.fromkeys(
        [
            "rent_payment",
            "tenancy_knowledge",
            "neighbourhood",
            "household_management",
            "language_for_contracts",
        ],
        "met",
    )
    assessment = {"assessed_on": "2025-03-05", "criteria": criteria, "result": "ready"}
    ok(
        http.post(
            f"{api}/households/{hid}/readiness-assessments",
            json={**assessment, "note": c.readiness},
            headers=CARITAS,
        )
    )
    inquiry = {
        "sender_kind": "resident",
        "channel": "email",
        "sender_name": c.sender,
        "contact": {"phone": c.phone},
        "text": c.inquiry,
    }
    iid = ok(http.post(f"{api}/inquiries", json=inquiry, headers=COORDINATOR))["inquiry_id"]
    triage = {"outcome": "opened_as_case", "household_id": hid, "note": c.triage}
    ok(http.post(f"{api}/inquiries/{iid}/triage", json=triage, headers=COORDINATOR), 200)
    # Written follow-ups (Wiedervorlagen) on the household and on its inquiry.
    due_on = (today() + timedelta(days=1)).isoformat()
    follow_up = {"due_on": due_on, "text": c.followup}
    ok(http.post(f"{api}/households/{hid}/follow-ups", json=follow_up, headers=CARITAS))
    callback = {"due_on": due_on, "text": c.callback}
    ok(http.post(f"{api}/inquiries/{iid}/follow-ups", json=callback, headers=COORDINATOR))
    note = {"kind": "phone_call", "written_on": "2025-03-06", "text": f"Anruf: {c.casenote}"}
    ok(http.post(f"{api}/households/{hid}/notes", json=note, headers=CARITAS))
    return hid


def run_flow(system: System) -> dict[str, str]:
    """Households A and B across intake, volunteer, placement and prevention."""
    http, api = system.http, f"{system.gateway}/api"
    ids = {"A": register_household(system, A), "B": register_household(system, B)}
    volunteer = {
        "provider": "caritas",
        "user_id": "u-5521",
        "registered_on": "2025-03-02",
        "given_name": "QxVolGiven",
        "family_name": "QxVolFamily",
        "phone": "0221 555019339",
        "email": "qx.vol@example.org",
    }
    vid = ok(http.post(f"{api}/volunteers", json=volunteer, headers=CARITAS))["volunteer_id"]
    step = {"step": "agreement_signed", "done_on": "2025-03-02"}
    ok(http.post(f"{api}/volunteers/{vid}/onboarding", json=step, headers=CARITAS), 200)
    # Forming a tandem needs the household's consent to the disclosure (issue 8).
    consent = {
        "purpose": "volunteer_tandem",
        "given_on": "2025-03-05",
        "given_by": A.giver,
        "note": A.note + " Einwilligung",
    }
    ok(http.post(f"{api}/households/{ids['A']}/consents", json=consent, headers=CARITAS))
    tandem = {"volunteer_id": vid, "household_id": ids["A"], "formed_on": "2025-03-10"}

    def formed() -> bool:
        response: httpx.Response = http.post(f"{api}/tandems", json=tandem, headers=CARITAS)
        return response.status_code == 201

    wait_until(formed, interval=0.2, what="volunteer knows household A and its consent")
    workshop = {
        "provider": "caritas",
        "topic": "tenancy_rights_and_duties",
        "held_on": "2025-04-09",
        "site": "BZ-Ehrenfeld",
        "duration_minutes": 180,
    }
    wid = ok(http.post(f"{api}/workshops", json=workshop, headers=CARITAS))["workshop_id"]
    ids["workshop"] = wid
    for c in (A, B):
        person = {
            "household_id": ids[c.tag],
            "given_name": c.given,
            "family_name": c.family,
            "birth_date": c.birth_date,
        }
        ok(http.post(f"{api}/workshops/{wid}/attendances", json=person, headers=CARITAS))
    landlord = {
        "kind": "private",
        "name": "QxLandlordName",
        "contact_person": {"name": "QxLandlordContact", "phone": "0221 555019340"},
    }
    lid = ok(http.post(f"{api}/landlords", json=landlord, headers=COORDINATOR))["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "ehrenfeld",
        "street_address": "QxStreet 7",
        "rooms": 2,
        "size_m2": "55",
        "cold_rent": "500.00",
        "running_costs": "150.00",
        "available_from": "2025-05-01",
        "wbs_required": False,
        "source": "private_landlord",
        "received_on": "2025-04-01",
        "note": "QxOfferNote",
    }
    ok(http.post(f"{api}/offers", json=offer, headers=COORDINATOR))
    referral = {
        "provider": "skm",
        "received_on": "2025-04-02",
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
        "household_id": ids["B"],
        "contact": {"name": "QxCaseContact", "phone": "0221 555019351"},
        "street_address": "QxCaseStreet 9",
        "referred_by": "QxReferrer",
        "note": "QxCaseNote",
    }
    cid = ok(http.post(f"{api}/prevention/cases", json=referral, headers=SKM))["case_id"]
    note = {"kind": "visit", "text": "Besuch:\nQxCaseFileNote"}
    ok(http.post(f"{api}/prevention/cases/{cid}/notes", json=note, headers=SKM))
    return ids


def found_in(blobs: dict[str, bytes], values: list[str]) -> dict[str, list[str]]:
    """Which of `values` occur in which blob (by name); empty when none does."""
    hits: dict[str, list[str]] = {}
    for name, blob in blobs.items():
        present = [v for v in values if v.encode() in blob or v.encode("utf-16-le") in blob]
        if present:
            hits[name] = present
    return hits


def files_under(directory: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def database_files(system: System) -> dict[str, bytes]:
    """Each service's SQLite files (database, WAL, shared memory) as one blob."""
    var = Path(system.workdir) / "var"
    return {
        s: b"".join(p.read_bytes() for p in sorted(var.glob(f"{s}.db*"))) for s in DATABASE_SERVICES
    }


def wait_for_stream_on_disk(system: System, marker: str) -> None:
    """JetStream (2.9) writes on a timer: wait until `marker` (an id) is in its files."""
    wait_until(
        lambda: found_in(files_under(system.nats.store_dir), [marker]),
        timeout=30,
        interval=0.5,
        what=f"{marker} in the JetStream store",
    )


YEAR = 2025


def all_figures(system: System) -> dict[str | None, dict[str, int]]:
    providers = (None, "caritas", "skm")
    return {p: system.figures(YEAR, **({"provider": p} if p else {})) for p in providers}


def database_rows(system: System) -> dict[str, bytes]:
    """Every row of every table of every service (PostgreSQL), as text per service."""
    blobs = {}
    for service in DATABASE_SERVICES:
        url = system[service].env[f"AUSZUG_{service.upper()}_DATABASE_URL"]
        engine = sa.create_engine(url)
        try:
            metadata = sa.MetaData()
            metadata.reflect(engine)
            with engine.connect() as conn:
                rows = [list(conn.execute(sa.select(t))) for t in metadata.sorted_tables]
        finally:
            engine.dispose()
        blobs[service] = repr(rows).encode()
    return blobs


def everything(system: System, backend: str) -> dict[str, bytes]:
    """Every database (files on SQLite, rows on PostgreSQL), the stream, every log."""
    databases = database_files(system) if backend == "sqlite" else database_rows(system)
    logs = {str(p): p.read_bytes() for p in Path(system.workdir).glob("*.log")}
    return {**databases, **files_under(system.nats.store_dir), **logs, **document_stores(system)}


def document_stores(system: System) -> dict[str, bytes]:
    """Every file in every service's document store on disk (`<var>/<service>-documents`,
    shared/casework/documents.py)."""
    found: dict[str, bytes] = {}
    for store in sorted((Path(system.workdir) / "var").glob("*-documents")):
        found.update(files_under(store))
    return found
