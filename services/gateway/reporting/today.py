"""The "Heute" page (issue 15): what is due today for the caller, on one page, and the page
where the coordination sets the days per rule (`/ui/fristen`).

Three lists from reporting's due list, each paged on its own (URL prefixes `m_`, `t_`,
`s_`), each follow-up in exactly one of them: "Meine fälligen Wiedervorlagen" (written
ones assigned to me, or unassigned on a household I am responsible for), "Unverteilt im
Team" (written ones nobody took, on households not mine), "Fällige Schritte" (the
rule-made ones of my scope, those of my own households included). Each row says what is
due in plain German, names its subject by title and links straight to the form that
settles it.

A written follow-up's own text lives with the service that owns its subject; reporting
lists it as "Wiedervorlage", and the page asks the owners for the texts of one page's
written ones (`written_texts`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, time
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from services.gateway.adapters.users import staff_names
from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.follow_ups.section import ANCHOR as FOLLOW_UPS_SECTION
from services.gateway.follow_ups.section import OPERATIONS
from services.gateway.households.titles import household_titles
from services.gateway.identity import forbidden
from services.gateway.web.i18n import N_, gettext
from services.gateway.web.list_query import beyond_last, list_query
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.start_pages import start_page
from services.gateway.web.templating import render
from shared.contracts.followups import (
    DEFAULT_DAYS,
    FollowUpItem,
    FollowUpList,
    FollowUpQuery,
    FollowUpRules,
    FollowUpTexts,
    FollowUpTextsQuery,
    GetFollowUpRules,
    Rule,
    SubjectKind,
)
from shared.contracts.intake.directory import short_id
from shared.contracts.operation import Operation
from shared.contracts.placement import operations as placement
from shared.contracts.reporting import operations as reporting
from shared.contracts.reporting.labels import FOLLOW_UP, FOLLOW_UP_DAYS
from shared.db import Database
from shared.identity import Caller, Role
from shared.rpc import RpcClient

router = APIRouter(prefix="/ui", include_in_schema=False)

RULES_SAVED = notice("fristen-gespeichert", N_("Die Fristen sind gespeichert."))
ONLY_COORDINATION = N_("Nur die Koordination ändert die Fristen der Wiedervorlagen.")
DAYS_MESSAGE = N_("Bitte eine ganze Zahl von Tagen zwischen 0 und 365 angeben, z. B. 14.")

# Where on the offer page each placement step is settled (placement/offer_page.html).
OFFER_FORMS = {
    Rule.proposal_unanswered: "vermieter-entscheidung",
    Rule.guarantee_undecided: "uebernahme-entscheidung",
    Rule.viewing_unrecorded: "besichtigung-ergebnis",
    Rule.lease_missing: "mietvertrag",
}
HOUSEHOLD_FORMS = {Rule.consent_renewal: "einwilligungen", Rule.wbs_expiring: "bedarf"}
SUBJECT_PAGES = {
    SubjectKind.household: "/ui/haushalte/{id}",
    SubjectKind.offer: "/ui/wohnungen/{id}",
    SubjectKind.prevention_case: "/ui/praevention/{id}",
    SubjectKind.inquiry: "/ui/anfragen/{id}",
    SubjectKind.volunteer: "/ui/ehrenamt/ehrenamtliche/{id}",
}
SUBJECT_TITLES = {
    SubjectKind.offer: N_("Wohnungsangebot %(short)s"),
    SubjectKind.prevention_case: N_("Wohnintegrationshilfe %(short)s"),
    SubjectKind.inquiry: N_("Anfrage %(short)s"),
    SubjectKind.volunteer: N_("Ehrenamtliche Person %(short)s"),
    SubjectKind.household: N_("Haushalt %(short)s"),
}


@dataclass(frozen=True)
class Section:
    """One of the page's lists: its heading, URL prefix and what it asks reporting."""

    slug: str
    prefix: str
    heading: str
    empty: str
    fixed: dict[str, object]


SECTIONS = (
    Section(
        "meine",
        "m_",
        N_("Meine fälligen Wiedervorlagen"),
        N_("Heute ist für Sie nichts fällig."),
        # Written ones only: a rule-made step of my household is listed once, under
        # "Fällige Schritte" with every step of my scope (issue 15's three lists).
        {"mine": True, "kind": "written"},
    ),
    Section(
        "team",
        "t_",
        N_("Unverteilt im Team"),
        N_("Keine Wiedervorlage wartet darauf, dass jemand sie übernimmt."),
        # Not those on my own households: "Meine" lists them already.
        {"kind": "written", "unassigned": True, "not_mine": True},
    ),
    Section(
        "schritte",
        "s_",
        N_("Fällige Schritte"),
        N_("Kein Schritt ist überfällig."),
        {"rule_made": True},
    ),
)


# The placement steps only the coordination records (their operations' roles): a
# caseworker sees them on her households, to know what she waits for, but has no form.
SETTLED_BY: dict[Rule, Operation[Any, Any]] = {
    Rule.proposal_unanswered: placement.RECORD_LANDLORD_DECISION,
    Rule.guarantee_undecided: placement.DECIDE_GUARANTEE,
    Rule.lease_missing: placement.COMPLETE_PLACEMENT,
    Rule.viewing_unrecorded: placement.RECORD_VIEWING,
}


def settles(item: FollowUpItem, caller: Caller) -> bool:
    """Whether the caller's role may take the step that settles the follow-up."""
    operation = SETTLED_BY.get(item.kind) if isinstance(item.kind, Rule) else None
    return operation is None or operation.allows(caller.role)


@dataclass(frozen=True)
class Row:
    what: str  # German, marked (the template translates it with |t)
    text: str | None  # a written one's own text, once its owner answers
    title: str
    href: str
    due_on: date
    due_time: time | None
    days_overdue: int
    assignee: str | None  # a name; None: the team
    settles: bool  # False: the coordination takes the step; the link only shows it


def settle_link(item: FollowUpItem) -> str:
    """The page (and the section on it) whose form settles the follow-up."""
    if item.kind == Rule.stage_stalled and item.household_id is not None:
        return f"/ui/haushalte/{item.household_id}"
    path = SUBJECT_PAGES[item.subject_kind].format(id=item.subject_id)
    # A written one is settled in the subject's section "Wiedervorlagen".
    anchor = FOLLOW_UPS_SECTION if item.kind == "written" else None
    if isinstance(item.kind, Rule):
        anchor = OFFER_FORMS.get(item.kind) or HOUSEHOLD_FORMS.get(item.kind)
    return f"{path}#{anchor}" if anchor else path


async def written_texts(
    rpc: RpcClient, caller: Caller, items: list[FollowUpItem]
) -> dict[UUID, str]:
    """The texts of the page's written follow-ups, asked of each service that owns their
    subjects (the text is personal data and stays there), one request per owner. An owner
    leaves out what the caller may not see (erased, restricted): such a row reads
    "Wiedervorlage" without its text."""
    asked: dict[Operation[FollowUpTextsQuery, FollowUpTexts], list[UUID]] = {}
    for item in items:
        owner = OPERATIONS.get(item.subject_kind)
        if owner is not None and owner.texts.allows(caller.role):
            asked.setdefault(owner.texts, []).append(item.follow_up_id)
    answers = await asyncio.gather(
        *(rpc.send(op, FollowUpTextsQuery(ids=ids), caller) for op, ids in asked.items())
    )
    return {key: text for answer in answers for key, text in answer.texts.items()}


async def _rows(
    request: Request, rpc: RpcClient, caller: Caller, items: list[FollowUpItem]
) -> list[Row]:
    households = [item.household_id for item in items if item.household_id is not None]
    titles = await household_titles(rpc, caller, households) if households else {}
    db: Database = request.app.state.db
    async with db.read() as conn:
        names = await staff_names(conn, {item.assignee for item in items if item.assignee})
    texts = await written_texts(rpc, caller, [i for i in items if i.kind == "written"])
    rows = []
    for item in items:
        if item.household_id is not None:
            title = titles[item.household_id]
        else:
            title = gettext(SUBJECT_TITLES[item.subject_kind]) % {
                "short": short_id(item.subject_id)
            }
        rows.append(
            Row(
                what=FOLLOW_UP.get(str(item.kind), str(item.kind)),
                text=texts.get(item.follow_up_id),
                title=title,
                href=settle_link(item),
                due_on=item.due_on,
                due_time=item.due_time,
                days_overdue=item.days_overdue,
                assignee=names.get(item.assignee, item.assignee) if item.assignee else None,
                settles=settles(item, caller),
            )
        )
    return rows


@router.get("/start")
async def start(caller: CurrentCaller) -> RedirectResponse:
    """Where the caller's day begins (after signing in)."""
    return RedirectResponse(start_page(caller.role), status_code=303)


DueList = tuple[Section, FollowUpQuery, FollowUpList, list[Row]]


async def due_lists(
    request: Request,
    rpc: RpcClient,
    caller: Caller,
    sections: tuple[Section, ...],
    **also: object,
) -> list[DueList]:
    """Each section's page of the due list (`also`: what every section asks besides, e.g.
    the day), for the template `reporting/faellig.html`."""
    lists = []
    for section in sections:
        query = list_query(request, FollowUpQuery, section.prefix, **section.fixed, **also)
        answer: FollowUpList = await rpc.send(reporting.FOLLOW_UPS, query, caller)
        last = beyond_last(query, answer.page)
        if last is not None:
            query = last
            answer = await rpc.send(reporting.FOLLOW_UPS, query, caller)
        rows = await _rows(request, rpc, caller, answer.items)
        lists.append((section, query, answer, rows))
    return lists


@router.get("/heute", response_class=HTMLResponse)
async def today_page(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """What is due today: mine, the team's unassigned, the steps the rules expect."""
    lists = await due_lists(request, rpc, caller, SECTIONS)
    return render(request, "reporting/heute.html", {"lists": lists})


@router.get("/fristen", response_class=HTMLResponse)
async def rules_page(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """The days per rule; for the coordination a form to change them."""
    rules = await rpc.send(reporting.GET_FOLLOW_UP_RULES, GetFollowUpRules(), caller)
    form = {rule.value: str(days) for rule, days in rules.days.items()}
    return _rules(request, caller, form, {})


@router.post("/fristen", response_class=HTMLResponse)
async def replace_rules(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Replaces the days per rule with what the form holds; a field that is no whole
    number from 0 to 365 comes back with its message, nothing saved."""
    submitted = await checked_form(request)
    if caller.role is not Role.coordinator:
        raise forbidden(ONLY_COORDINATION)
    form = {rule.value: submitted.get(rule.value, "").strip() for rule in Rule}
    days: dict[Rule, int] = {}
    errors: dict[str, str] = {}
    for rule in Rule:
        typed = form[rule.value]
        if typed.isdecimal() and 0 <= int(typed) <= 365:
            days[rule] = int(typed)
        else:
            errors[rule.value] = DAYS_MESSAGE
    if errors:
        return _rules(request, caller, form, errors, status_code=422)
    await rpc.send(reporting.REPLACE_FOLLOW_UP_RULES, FollowUpRules(days=days), caller)
    return saved("/ui/fristen", RULES_SAVED)


def _rules(
    request: Request,
    caller: Caller,
    form: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "editable": caller.role is Role.coordinator,
        "rules": [(rule.value, FOLLOW_UP_DAYS[rule.value], FOLLOW_UP[rule.value]) for rule in Rule],
        "defaults": {rule.value: days for rule, days in DEFAULT_DAYS.items()},
        "form": form,
        "errors": errors,
    }
    return render(request, "reporting/fristen.html", context, status_code=status_code)
