"""Markup typed into any free-text field stays text on every page (issue 12, finding 3.10).

Every free-text field of the API's request models gets its own payload: a `<script>`, an
attribute breaker `"><img src=x onerror=…>` and a `<meta http-equiv="refresh">` that once
redirected a coordinator's browser, each with the field's canary. Then every page the
coordinator, the caseworkers of two providers, the Fachstelle Wohnen and a volunteer can
reach by following links is read (with the Art. 15 document, the report and the PDFs
linked from them): no page holds a payload as markup, every payload shows escaped on some
page, and every PDF still is one. Which fields count as free text comes from the running
gateway's OpenAPI document, so a new field without a payload here fails the test.
"""

from __future__ import annotations

import base64
import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from html import unescape
from typing import Any

import httpx
from PIL import Image

from shared.clock import today
from support.system import System, household, wait_until

T = today()
COORDINATOR = {"x-auszug-user": "u-1001"}
CARITAS = {"x-auszug-user": "u-2002", "x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
SKM = {"x-auszug-user": "u-3003", "x-auszug-role": "caseworker", "x-auszug-provider": "skm"}
OFFICE = {"x-auszug-user": "u-4004", "x-auszug-role": "housing_office"}
VOLUNTEER = {"x-auszug-user": "u-5521", "x-auszug-role": "volunteer"}
ROLES = {
    "coordinator": COORDINATOR,
    "caritas": CARITAS,
    "skm": SKM,
    "housing_office": OFFICE,
    "volunteer": VOLUNTEER,
}
# Strings of the request models that are no free text (numbers sent as strings, the
# login form's secrets, which no page shows).
NOT_TEXT = {
    "ReceiveOffer.rooms",
    "ReceiveOffer.size_m2",
    "ReceiveOffer.cold_rent",
    "ReceiveOffer.running_costs",
    "PlacementRules.extra_person_rent",
    "PlacementRules.extra_person_m2",
    "RentLimit.max_gross_cold_rent",
    "RentLimit.max_size_m2",
    "RequestGuarantee.amount",
    "DecideGuarantee.granted_amount",
    "CompletePlacement.gross_cold_rent",
    "CompletePlacement.warm_rent",
    "CompletePlacement.size_m2",
    "SignIn.login",
    "SignIn.password",
}
# Stored with each "/" made "-" (a file name holds no folder): shown escaped as such.
SLASHES_REPLACED = {"UploadDocument.file_name"}
# Stored, but shown on no page (still planted: a page showing them later is checked).
NOT_SHOWN = {"RegisterLandlord.note", "RejectCase.note"}
MAX_PAGES = 400


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def ahead(days: int) -> str:
    return (T + timedelta(days=days)).isoformat()


@dataclass
class Payloads:
    """One payload per field (`Model.field`), told apart by a canary `zq<n>` (neither hex
    nor German, so it is in no id and no text of a page)."""

    by_field: dict[str, str] = field(default_factory=dict)

    def __call__(self, name: str) -> str:
        canary = f"zq{len(self.by_field):02d}"
        assert name not in self.by_field, name
        self.by_field[name] = canary
        return raw(canary)


def raw(canary: str) -> str:
    """The three attacks of the probe in 100 characters (the limit of a name)."""
    return (
        f"<script>{canary}()</script>"
        f'"><img src=x onerror={canary}()>'
        f'<meta http-equiv="refresh" content="0;url=/{canary}">'
    )


def markup(canary: str) -> list[str]:
    """What may never reach a page: any of the payload's elements as markup."""
    return [
        f"<script>{canary}",
        f"<img src=x onerror={canary}",
        f'<meta http-equiv="refresh" content="0;url=/{canary}"',
    ]


def escaped(canary: str) -> str:
    """The payload as autoescape shows it."""
    return f"&lt;script&gt;{canary}()&lt;/script&gt;&#34;&gt;&lt;img src=x onerror={canary}()&gt;"


def shown_as(name: str, canary: str) -> str:
    """What a page shows of the field's payload, escaped."""
    shown = escaped(canary)
    return shown.replace("/", "-") if name in SLASHES_REPLACED else shown


class Api:
    def __init__(self, system: System) -> None:
        self.http, self.base = system.http, f"{system.gateway}/api"

    def post(self, path: str, body: Mapping[str, Any], who: Mapping[str, str]) -> Any:
        response = self.http.post(f"{self.base}{path}", json=dict(body), headers=dict(who))
        assert response.status_code in (200, 201), f"{path}: {response.text}"
        return response.json()


def plant(system: System, p: Payloads) -> dict[str, list[str]]:
    """Every free-text field filled through the API; the ids of what was made."""
    api = Api(system)
    made: dict[str, list[str]] = {}
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
    households = []
    for suffix in ("", "-b", "-c"):
        members = [
            {
                "role": "head",
                "age_band": "27-64",
                "given_name": p(f"Member.given_name{suffix}"),
                "family_name": p(f"Member.family_name{suffix}"),
            },
            {"role": "child", "age_band": "6-17", "given_name": p(f"Member.child{suffix}")},
        ]
        body = household(
            ago(200),
            members=members,
            note=p(f"RegisterHousehold.note{suffix}"),
            accommodation={"kind": "shelter", "site": p(f"Accommodation.site{suffix}")},
            consent={
                "purpose": p(f"Consent.purpose{suffix}"),
                "given_on": ago(200),
                "given_by": p(f"Consent.given_by{suffix}"),
            },
        )
        households.append(str(api.post("/households", body, CARITAS)["household_id"]))
    a, b, c = households
    assessment = {"assessed_on": ago(190), "criteria": criteria, "result": "ready"}
    note = p("AssessHousingReadinessBody.note")
    api.post(f"/households/{a}/readiness-assessments", {**assessment, "note": note}, CARITAS)
    api.post(f"/households/{b}/readiness-assessments", assessment, CARITAS)
    consent = {
        "purpose": "volunteer_tandem",
        "given_on": ago(180),
        "given_by": p("RecordConsentBody.given_by"),
        "note": p("RecordConsentBody.note"),
    }
    api.post(f"/households/{a}/consents", consent, CARITAS)
    # Case notes on a household and on a prevention case (below).
    api.post(f"/households/{a}/notes", {"kind": "visit", "text": p("WriteNote.text")}, CARITAS)
    # A document on it, under a file name the page lists (the content is a real PNG).
    image = io.BytesIO()
    Image.new("RGB", (2, 2)).save(image, format="PNG")
    upload = {
        "kind": "lease",
        "file_name": p("UploadDocument.file_name"),
        "content": base64.b64encode(image.getvalue()).decode(),
    }
    api.post(f"/households/{a}/documents", upload, CARITAS)
    # A written follow-up on the same household (its page and Heute show the text).
    follow_up = {"due_on": ahead(1), "text": p("NewFollowUp.text")}
    api.post(f"/households/{a}/follow-ups", follow_up, CARITAS)
    # A rectification (Art. 16) of household B's head and registration note.
    shown = api.http.get(f"{api.base}/households/{b}", headers=CARITAS).json()
    rename = {
        "member_id": shown["members"][0]["member_id"],
        "given_name": p("MemberCorrection.given_name"),
        "family_name": p("MemberCorrection.family_name"),
    }
    correction = {
        "expected_version": shown["version"],
        "members": [rename],
        "note": {"text": p("NoteCorrection.text")},
    }
    api.post(f"/households/{b}/personal-data-corrections", correction, CARITAS)
    deregistration = {"reason": "other", "deregistered_on": ago(5)}
    note = p("DeregisterHouseholdBody.note")
    api.post(f"/households/{c}/deregistration", {**deregistration, "note": note}, CARITAS)
    inquiry = {
        "sender_kind": "resident",
        "channel": "email",
        "sender_name": p("ReceiveInquiry.sender_name"),
        "text": p("ReceiveInquiry.text"),
    }
    iid = api.post("/inquiries", inquiry, COORDINATOR)["inquiry_id"]
    triage = {"outcome": "opened_as_case", "household_id": a, "note": p("TriageInquiryBody.note")}
    api.post(f"/inquiries/{iid}/triage", triage, COORDINATOR)
    # A volunteer with a tandem, and a workshop with attendances and a certificate.
    volunteer = {
        "provider": "caritas",
        "user_id": VOLUNTEER["x-auszug-user"],
        "registered_on": ago(170),
        "given_name": p("RegisterVolunteer.given_name"),
        "family_name": p("RegisterVolunteer.family_name"),
    }
    vid = api.post("/volunteers", volunteer, CARITAS)["volunteer_id"]
    step = {"step": "agreement_signed", "done_on": ago(165)}
    api.post(f"/volunteers/{vid}/onboarding", step, CARITAS)
    tandem = {"volunteer_id": vid, "household_id": a, "formed_on": ago(160)}

    def formed() -> bool:
        response: httpx.Response = api.http.post(
            f"{api.base}/tandems", json=tandem, headers=CARITAS
        )
        return response.status_code == 201

    wait_until(formed, interval=0.2, what="the volunteer service knows household A's consent")
    workshop = {
        "provider": "caritas",
        "topic": "tenancy_rights_and_duties",
        "held_on": ago(150),
        "site": p("HoldWorkshop.site"),
        "duration_minutes": 120,
    }
    wid = api.post("/workshops", workshop, CARITAS)["workshop_id"]
    made["workshops"] = [wid]
    person = {
        "household_id": a,
        "given_name": p("RecordAttendance.given_name"),
        "family_name": p("RecordAttendance.family_name"),
    }
    attendee = api.post(f"/workshops/{wid}/attendances", person, CARITAS)["attendee_id"]
    api.post(f"/workshops/{wid}/certificates", {"attendee_id": attendee}, CARITAS)
    # A landlord and its offer, with household A proposed.
    landlord = {
        "kind": "private",
        "name": p("RegisterLandlord.name"),
        "contact_person": {"name": p("ContactPerson.name")},
        "note": p("RegisterLandlord.note"),
    }
    lid = api.post("/landlords", landlord, COORDINATOR)["landlord_id"]
    offer = {
        "landlord_id": lid,
        "district": "ehrenfeld",
        "street_address": p("ReceiveOffer.street_address"),
        "rooms": 3,
        "size_m2": "70",
        "cold_rent": "600.00",
        "running_costs": "150.00",
        "available_from": ahead(30),
        "wbs_required": False,
        "source": "private_landlord",
        "note": p("ReceiveOffer.note"),
    }
    oid = api.post("/offers", offer, COORDINATOR)["offer_id"]

    def proposed() -> bool:
        body = {"household_ids": [a]}
        response: httpx.Response = api.http.post(
            f"{api.base}/offers/{oid}/proposals", json=body, headers={}
        )
        return response.status_code in (200, 201)

    wait_until(proposed, interval=0.2, what="placement knows household A as ready")
    # A viewing with its meeting point, which the offer page shows.
    viewing = {"household_id": a, "viewing_on": ahead(3), "place": p("ScheduleViewing.place")}
    api.post(f"/offers/{oid}/viewings", viewing, COORDINATOR)
    cases = prevention(api, p)
    return made | {"households": households, "offers": [oid], "landlords": [lid], "cases": cases}


def prevention(api: Api, p: Payloads) -> list[str]:
    """Three cases of SKM: one helped and closed, one rejected, one whose consent was
    withdrawn."""
    referral = {
        "provider": "skm",
        "received_on": ago(120),
        "source": "self_referral",
        # Precarious: negotiations with landlords are part of its help.
        "target_group": "re_admission",
        "housing_situation": "assigned_flat",
        "adults": 1,
        "minors": 0,
        "contact": {"name": p("HouseholdContact.name")},
        "street_address": p("ReceiveReferral.street_address"),
        "referred_by": p("ReceiveReferral.referred_by"),
        "note": p("ReceiveReferral.note"),
    }
    case = api.post("/prevention/cases", referral, SKM)["case_id"]
    base = f"/prevention/cases/{case}"
    check = {"checked_on": ago(115), "comparable_help": [], "note": p("CheckEligibility.note")}
    api.post(f"{base}/eligibility", check, SKM)
    api.post(f"{base}/admission", {"admitted_on": ago(110), "ends_on": ahead(60)}, OFFICE)
    api.post(f"{base}/consent", {"given_on": ago(110)}, SKM)
    api.post(f"{base}/visit-rhythm", {"every_days": 14, "planned_on": ago(110)}, SKM)
    visit = {"findings": ["rent_arrears"], "done_on": ago(100), "note": p("RecordHomeVisit.note")}
    api.post(f"{base}/home-visits", visit, SKM)
    mediation = {
        "party": "landlord",
        "topic": "rent_arrears",
        "held_on": ago(90),
        "note": p("RecordMediation.note"),
    }
    api.post(f"{base}/mediations", mediation, SKM)
    negotiation = {
        "landlord_kind": "private",
        "result": "ongoing",
        "held_on": ago(80),
        "note": p("RecordLandlordNegotiation.note"),
    }
    api.post(f"{base}/landlord-negotiations", negotiation, SKM)
    out = {"kind": "debt_counselling", "referred_on": ago(70), "note": p("ReferOut.note")}
    api.post(f"{base}/referrals-out", out, SKM)
    case_note = {"kind": "phone_call", "text": p("WriteNote.text-case")}
    api.post(f"{base}/notes", case_note, SKM)
    closing = {"outcome": "contact_lost", "closed_on": ago(50), "note": p("CloseCase.note")}
    api.post(f"{base}/closing", closing, SKM)
    minimal = {k: v for k, v in referral.items() if k in ("provider", "received_on", "source")}
    secured = {"target_group": "secured_tenancy_at_risk_of_recurrence", "adults": 1, "minors": 0}
    plain = {**minimal, **secured, "housing_situation": "own_tenancy"}
    rejected = api.post("/prevention/cases", plain, SKM)["case_id"]
    rejection = {"reason": "other", "rejected_on": ago(100), "note": p("RejectCase.note")}
    api.post(f"/prevention/cases/{rejected}/rejection", rejection, OFFICE)
    withdrawn = api.post("/prevention/cases", plain, SKM)["case_id"]
    base = f"/prevention/cases/{withdrawn}"
    api.post(f"{base}/eligibility", {"checked_on": ago(115), "comparable_help": []}, SKM)
    api.post(f"{base}/admission", {"admitted_on": ago(110), "ends_on": ahead(60)}, OFFICE)
    api.post(f"{base}/consent", {"given_on": ago(110)}, SKM)
    withdrawal = {"withdrawn_on": ago(60), "note": p("WithdrawConsent.note")}
    api.post(f"{base}/consent-withdrawal", withdrawal, SKM)
    return [case, rejected, withdrawn]


def restrict(system: System, p: Payloads) -> str:
    """A household of its own, as a restriction hides the household's other data."""
    api = Api(system)
    restricted = str(api.post("/households", household(ago(30)), CARITAS)["household_id"])
    body = {"reason": "accuracy_contested", "note": p("RestrictProcessingBody.note")}
    api.post(f"/households/{restricted}/restriction", body, COORDINATOR)
    return restricted


# ---------------------------------------------------------------- reading


LINK = re.compile(r'href="(/(?:ui|api)/[^"#]*)"')
SKIPPED = re.compile(r"lang=|/ui/abmelden")


@dataclass
class Crawl:
    html: dict[str, str] = field(default_factory=dict)
    pdfs: dict[str, bytes] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)


def crawl(system: System, who: Mapping[str, str], seeds: Iterable[str]) -> Crawl:
    """Every page reachable by links from `seeds` (GET only), as `who` sees it."""
    found = Crawl()
    queue, seen = list(seeds), set(seeds)
    with httpx.Client(base_url=system.gateway, headers=dict(who), timeout=30) as client:
        while queue and len(seen) <= MAX_PAGES:
            path = queue.pop(0)
            response = client.get(path)
            if response.status_code >= 500:
                found.failed[path] = response.status_code
            if response.status_code != 200:
                continue
            kind = response.headers.get("content-type", "")
            if kind.startswith("application/pdf"):
                found.pdfs[path] = response.content
            if not kind.startswith("text/html"):
                continue
            found.html[path] = response.text
            for link in LINK.findall(response.text):
                target = unescape(link)
                if target not in seen and not SKIPPED.search(target):
                    seen.add(target)
                    queue.append(target)
    return found


def free_text_fields(system: System) -> set[str]:
    """`Model.field` of every string a request body takes without a pattern, format or
    list of values: what a person can type anything into."""
    spec = system.http.get(f"{system.gateway}/openapi.json").json()
    schemas = spec["components"]["schemas"]

    def resolve(schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def branches(schema: dict[str, Any]) -> list[dict[str, Any]]:
        schema = resolve(schema)
        combined = [s for k in ("anyOf", "oneOf", "allOf") for s in schema.get(k, [])]
        return [b for s in combined for b in branches(s)] if combined else [schema]

    found: set[str] = set()

    def walk(schema: dict[str, Any], where: str, seen: frozenset[str]) -> None:
        for b in branches(schema):
            if b.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(b):
                found.add(where)
            for key, sub in b.get("properties", {}).items():
                name = f"{b.get('title')}.{key}"
                if name not in seen:
                    walk(sub, name, seen | {name})
            if isinstance(b.get("items"), dict):
                walk(b["items"], where, seen)

    for operations in spec["paths"].values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                walk(content["application/json"]["schema"], "", frozenset())
    return found


def test_markup_typed_anywhere_is_shown_as_text_on_every_page(system: System) -> None:
    p = Payloads()
    ids = plant(system, p)
    ids["households"].append(restrict(system, p))
    planted = {name.split("-")[0] for name in p.by_field} - {"Member.child"}
    assert free_text_fields(system) - NOT_TEXT <= planted

    a, b, c, d = ids["households"]
    household_pages = [
        f"/ui/haushalte/{h}{tail}" for h in (a, b, c, d) for tail in ("", "/einwilligungen/neu")
    ]
    auskunft = [f"/api/households/{h}/auskunft" for h in (a, b, c, d)]
    year = T.year
    workshops = [f"/ui/ehrenamt/workshops/{w}" for w in ids["workshops"]]
    seeds = {
        "coordinator": [
            "/ui",
            "/ui/haushalte",
            "/ui/wohnungen/neu",
            *household_pages,
            *auskunft,
            *workshops,
            *[f"/ui/wohnungen/{o}" for o in ids["offers"]],
            *[f"/ui/wohnungen/vermieter/{lid}" for lid in ids["landlords"]],
            f"/api/reports/report.html?period_from={year - 1}-01-01&period_to={year}-12-31",
            f"/api/reports/report.pdf?period_from={year - 1}-01-01&period_to={year}-12-31",
        ],
        "caritas": ["/ui", *household_pages, *auskunft, *workshops],
        "skm": ["/ui", "/ui/praevention", *[f"/ui/praevention/{k}" for k in ids["cases"]]],
        "housing_office": ["/ui", *[f"/ui/praevention/{k}" for k in ids["cases"]]],
        "volunteer": ["/ui", "/ui/tandems"],
    }
    crawls = {role: crawl(system, ROLES[role], seeds[role]) for role in ROLES}

    raw_markup = {
        (role, path, name)
        for role, found in crawls.items()
        for path, html in found.html.items()
        for name, canary in p.by_field.items()
        for piece in markup(canary)
        if piece in html
    }
    assert raw_markup == set()
    assert {role: found.failed for role, found in crawls.items() if found.failed} == {}
    shown = {
        name
        for found in crawls.values()
        for html in found.html.values()
        for name, canary in p.by_field.items()
        if shown_as(name, canary) in html
    }
    assert set(p.by_field) - shown == NOT_SHOWN, "a payload no page shows: the crawl missed it"
    pdfs = {path: body[:5] for found in crawls.values() for path, body in found.pdfs.items()}
    kinds = ("/auskunft.pdf", "/certificates/", "/report.pdf")
    assert {k for k in kinds for path in pdfs if k in path} == set(kinds)
    assert {path: head for path, head in pdfs.items() if head != b"%PDF-"} == {}
    reports_with_typed_text(system)
    # The household page's composition form: where the probe's <meta> got through.
    page = crawls["coordinator"].html[f"/ui/haushalte/{a}"]
    assert escaped(p.by_field["Member.given_name"]) in page


def reports_with_typed_text(system: System) -> None:
    """The report's provider is typed into its link: a formula is text in the CSV, markup
    is text in the printable report, and the PDF still is one."""
    period = {"period_from": f"{T.year}-01-01", "period_to": f"{T.year}-12-31"}
    get, reports = system.http.get, f"{system.gateway}/api/reports"
    formula = '=HYPERLINK("http://127.0.0.1:28999/phish";"Details")'
    table = get(f"{reports}/figures.csv", params={**period, "provider": formula})
    assert table.status_code == 200, table.text
    rows = list(csv.reader(io.StringIO(table.content.decode("utf-8-sig")), delimiter=";"))
    assert {row[3] for row in rows[1:]} == {"'" + formula}
    typed = {**period, "provider": raw("zq99")}
    report = get(f"{reports}/report.html", params=typed)
    assert report.status_code == 200 and escaped("zq99") in report.text
    assert [piece for piece in markup("zq99") if piece in report.text] == []
    pdf = get(f"{reports}/report.pdf", params=typed)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
