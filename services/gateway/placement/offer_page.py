"""One offer's page: the flat, what happened to it, the forms for the steps the caller's
role may take next, and then one page of the households still looking (fitting ones
first, ranked by placement) with the reason per criterion and a button to propose each.

The steps come before the candidates, so that an open offer's next step is reachable
without scrolling past a list of hundreds of households.

The options each form offers come from the offer's own state (only undecided proposals
for the landlord's decision, only accepted ones for the lease …), so a form without any
is not shown; placement still decides, and its refusal is shown at the form.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from fastapi import Request
from fastapi.responses import HTMLResponse

from services.gateway.follow_ups.section import Refused, follow_ups_section
from services.gateway.follow_ups.section import Subject as FollowUpSubject
from services.gateway.households.titles import household_titles, neutral_title
from services.gateway.placement import formats
from services.gateway.web import documents, notes
from services.gateway.web.i18n import Verbatim, format_date, gettext
from services.gateway.web.labels import label
from services.gateway.web.list_query import list_query
from services.gateway.web.pickers import Choice
from services.gateway.web.templating import render
from shared.clock import today
from shared.contracts import placement as c
from shared.contracts.followups import SubjectKind
from shared.contracts.placement import labels as placement_labels
from shared.contracts.placement import operations as ops
from shared.identity import Caller, Role
from shared.rpc import RemoteError, RpcClient

DATE_FIELDS = (
    "proposed_on",
    "decided_on",
    "viewing_on",
    "held_on",
    "requested_on",
    "lease_signed_on",
    "moved_on",
    "withdrawn_on",
    "expired_on",
)


@dataclass(frozen=True)
class Failed:
    """A step's form that was refused: what was typed, and why."""

    step: str
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    general: str | None = None
    # The matches of the step's tandem field when its text named several or none.
    choices: list[Choice] = field(default_factory=list)


# The option texts are in the request's language already and carry the provider a person
# typed: Verbatim, so the select macro shows them escaped and does not translate them again.
Options = list[tuple[str, Verbatim]]


def choices(offer: c.OfferView, name_of: Callable[[UUID], str]) -> dict[str, Options]:
    """The options of each step's select, from the offer's state: `undecided` proposals
    (landlord's decision), `active` ones (viewing, guarantee), `accepted` ones (lease),
    viewings without outcome and guarantees without decision."""
    accepted, declined = c.LandlordDecision.accepted, c.LandlordDecision.declined

    def households(proposals: Iterable[c.ProposalView]) -> Options:
        return [(str(p.household_id), Verbatim(name_of(p.household_id))) for p in proposals]

    return {
        "undecided": households(p for p in offer.proposals if p.decision is None),
        "active": households(p for p in offer.proposals if p.decision is not declined),
        "accepted": households(p for p in offer.proposals if p.decision is accepted),
        "viewings": [
            (
                str(v.viewing_id),
                Verbatim(
                    gettext("%(household)s, Termin %(day)s")
                    % {"household": name_of(v.household_id), "day": format_date(v.viewing_on)}
                ),
            )
            for v in offer.viewings
            if v.held_on is None
        ],
        "guarantees": [
            (
                str(g.guarantee_id),
                Verbatim(
                    gettext("%(kind)s für %(household)s, beantragt am %(day)s")
                    % {
                        "kind": label(placement_labels.GUARANTEE_KIND, g.kind),
                        "household": name_of(g.household_id),
                        "day": format_date(g.requested_on),
                    }
                ),
            )
            for g in offer.guarantees
            if g.decision is None
        ],
    }


async def offer_page(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    offer_id: UUID,
    failed: Failed | None = None,
    status_code: int = 200,
    follow_ups: Refused | None = None,
    note_form: Mapping[str, Any] | None = None,
    document_form: Mapping[str, Any] | None = None,
) -> HTMLResponse:
    """The page; a refused step's form shows its typed values and errors. The candidates
    are one page of them, as the URL asks (`page`, `sort`, `descending`, `fits_only`).
    `follow_ups`: a refused form of the section „Wiedervorlagen“; `note_form`: a refused
    note (`notes.form_state`)."""
    offer = await rpc.send(ops.GET_OFFER, c.GetOffer(offer_id=offer_id), caller)
    matches: c.OfferMatches | None = None
    query = list_query(request, c.OfferMatchesQuery, offer_id=offer_id)
    if offer.status is c.OfferStatus.open:
        matches = await rpc.send(ops.OFFER_MATCHES, query, caller)
    defaults: dict[str, str] = {name: today().isoformat() for name in DATE_FIELDS}
    values: defaultdict[str, dict[str, str]] = defaultdict(lambda: defaultdict(str, defaults))
    # The lease says what the offer said unless the person changes it.
    values["mietvertrag"] = defaultdict(
        str,
        defaults,
        gross_cold_rent=formats.amount_input(offer.cold_rent + offer.running_costs),
        size_m2=formats.number(offer.size_m2),
    )
    if failed is not None:
        values[failed.step] = defaultdict(str, failed.values)
    # Every household the page names, titled in one request.
    named = {p.household_id for p in offer.proposals}
    named |= {v.household_id for v in offer.viewings} | {g.household_id for g in offer.guarantees}
    named |= {offer.let_to} if offer.let_to else set()
    named |= {m.household_id for m in matches.matches} if matches else set()
    titles = await household_titles(rpc, caller, named)

    def name_of(household_id: UUID) -> str:
        return titles.get(household_id) or neutral_title(household_id)

    context = {
        "offer": offer,
        "landlord": await _landlord(rpc, offer.landlord_id, caller),
        "matches": matches,
        "query": query,
        # After a refused step the request is that step's POST: the candidates' pager and
        # sort links still lead to the offer's page (with the list's own parameters).
        "list_request": request if failed is None else _page_request(offer_id, query),
        "options": choices(offer, name_of),
        "is_open": offer.status is c.OfferStatus.open,
        "coordinator": caller.role is Role.coordinator,
        "name_of": name_of,
        "values": values,
        "errors": defaultdict(dict, {failed.step: failed.errors} if failed else {}),
        "failed": failed,
        "formats": formats,
        **await _casework(request, caller, rpc, offer_id, follow_ups, note_form, document_form),
    }
    return render(request, "placement/offer_page.html", context, status_code=status_code)


async def _casework(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    offer_id: UUID,
    follow_ups: Refused | None,
    note_form: Mapping[str, Any] | None,
    document_form: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The sections „Wiedervorlagen“ and „Notizen“ (placement/offer_casework.html): the
    coordination's alone; for every other role neither is shown."""
    page_path = f"/ui/wohnungen/{offer_id}"
    if not ops.LIST_NOTES.allows(caller.role):
        return {"wiedervorlagen": None, "notes": None, "documents": None}
    return {
        "wiedervorlagen": await follow_ups_section(
            request,
            caller,
            rpc,
            FollowUpSubject(SubjectKind.offer, offer_id, None, page_path),
            may_change=ops.SCHEDULE_FOLLOW_UP.allows(caller.role),
            refused=follow_ups,
        ),
        "notes": await notes.notes_section(
            request,
            rpc,
            caller,
            ops.LIST_NOTES,
            offer_id,
            action=f"{page_path}/{notes.ANCHOR}" if ops.WRITE_NOTE.allows(caller.role) else None,
            **(note_form or {}),
        ),
        "documents": await documents.documents_section(
            request,
            rpc,
            caller,
            ops.LIST_DOCUMENTS,
            offer_id,
            download=f"{page_path}/{documents.ANCHOR}",
            action=(
                f"{page_path}/{documents.ANCHOR}"
                if ops.UPLOAD_DOCUMENT.allows(caller.role)
                else None
            ),
            **(document_form or {}),
        ),
    }


def _page_request(offer_id: UUID, query: c.OfferMatchesQuery) -> Request:
    """A GET of the offer's page asking for the list as `query` did."""
    params = query.model_dump(include={"page", "sort", "descending", "fits_only"})
    scope: dict[str, Any] = {
        "type": "http",
        "method": "GET",
        "scheme": "http",
        "server": None,
        "root_path": "",
        "path": f"/ui/wohnungen/{offer_id}",
        # As the list kit writes them: booleans as "true"/"false".
        "query_string": urlencode(
            {k: str(v).lower() if isinstance(v, bool) else v for k, v in params.items()}
        ).encode(),
        "headers": [],
    }
    return Request(scope)


async def _landlord(rpc: RpcClient, landlord_id: UUID, caller: Caller) -> c.LandlordView | None:
    """The landlord's name is a nicety: the page shows without it if it cannot be read."""
    try:
        return await rpc.send(ops.GET_LANDLORD, c.GetLandlord(landlord_id=landlord_id), caller)
    except RemoteError:
        return None
