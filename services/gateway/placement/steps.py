"""The steps from proposal to lease, each a form on the offer's page posted here.

A step that succeeds goes back to the offer's page (303). One that the model or the
placement service refuses shows the page again with the German reason next to the field
(422) or above that step's form (409; 403/404 when a household or viewing is not the
caller's to work on), the typed values kept. Who may take which step is placement's rule
(services/placement/application/access.py); the page only hides forms a role cannot use.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.placement.forms import plain_body
from services.gateway.placement.offer_page import Failed, offer_page
from services.gateway.web.i18n import N_
from services.gateway.web.notices import Notice, notice, saved
from services.gateway.web.pickers import pick_tandem
from services.gateway.web.security import checked_form
from services.gateway.web.submit import SHOWN as SHOWN_AT_FORM
from services.gateway.web.submit import Refusal, form_values, send_form
from shared.contracts.operation import Operation, R
from shared.contracts.placement import operations as ops
from shared.identity import Caller
from shared.rpc import ErrorKind, RpcClient

# The field of a step that names a tandem (the viewing's companion): resolved by the picker.
TANDEM = "tandem_id"
NOTHING_TICKED = N_("Bitte mindestens einen Haushalt ankreuzen.")
# A household or viewing that is not the caller's to work on is said at the step, too.
SHOWN = (*SHOWN_AT_FORM, ErrorKind.not_found)


@dataclass(frozen=True)
class Step:
    """One step's form: where it posts (`slug`), the operation it sends (a command on the
    offer), its text fields, its tick boxes, its fields ticked several times (a list), the
    confirmation after it and the section of the offer's page it changes (`anchor`), and
    which of placement's refusals (by code) belong at which of its fields: a date that
    contradicts the offer's course is said at that date, an amount at that amount.
    `decimals` are typed the German way (`1.950,50 €`)."""

    slug: str
    op: Operation[Any, Any]
    fields: tuple[str, ...]
    done: Notice
    anchor: str
    flags: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    at_field: Mapping[str, str] = field(default_factory=dict)
    decimals: tuple[str, ...] = ()


def _dated(name: str, *codes: str) -> dict[str, str]:
    """Placement's date rules of a step, all said at its date field `name`."""
    return dict.fromkeys(("in_future", *codes), name)


PROPOSED = notice("vorgeschlagen", N_("Der Haushalt ist dem Vermieter vorgeschlagen."))
LANDLORD_DECIDED = notice(
    "vermieter-entschieden", N_("Die Entscheidung des Vermieters ist festgehalten.")
)
VIEWING_SCHEDULED = notice("besichtigung-vereinbart", N_("Die Besichtigung ist vereinbart."))
VIEWING_HELD = notice("besichtigung-festgehalten", N_("Die Besichtigung ist festgehalten."))
GUARANTEE_REQUESTED = notice("uebernahme-beantragt", N_("Die Übernahme ist beantragt."))
GUARANTEE_DECIDED = notice(
    "uebernahme-entschieden", N_("Die Entscheidung über die Übernahme ist festgehalten.")
)
PLACED = notice(
    "vermittelt", N_("Mietvertrag und Einzug sind festgehalten: die Vermittlung ist abgeschlossen.")
)
WITHDRAWN = notice("zurueckgezogen", N_("Das Angebot ist zurückgezogen."))
EXPIRED = notice("abgelaufen", N_("Der Ablauf des Angebots ist festgehalten."))

STEPS = (
    Step("vorschlag", ops.PROPOSE_HOUSEHOLDS, ("proposed_on",), PROPOSED, "vorschlaege",
         lists=("household_ids",), at_field=_dated("proposed_on", "before_received")),
    Step("vermieter-entscheidung", ops.RECORD_LANDLORD_DECISION,
         ("household_id", "decision", "decided_on"), LANDLORD_DECIDED, "vorschlaege",
         at_field=_dated("decided_on", "before_proposal")),
    Step("besichtigung", ops.SCHEDULE_VIEWING,
         ("household_id", "viewing_on", "viewing_at", "place"),
         VIEWING_SCHEDULED, "besichtigungen", at_field={"before_proposal": "viewing_on"}),
    Step("besichtigung-ergebnis", ops.RECORD_VIEWING,
         ("viewing_id", "held_on", "outcome", "tandem_id"), VIEWING_HELD, "besichtigungen",
         flags=("accompanied_by_tandem",),
         at_field=_dated("held_on", "before_proposal", "held_before_scheduled")),
    Step("uebernahme", ops.REQUEST_GUARANTEE,
         ("household_id", "kind", "requested_from", "requested_on", "amount", "funding"),
         GUARANTEE_REQUESTED, "uebernahmen",
         at_field={**_dated("requested_on", "before_proposal"),
                   "deposit_above_limit": "amount"},
         decimals=("amount",)),
    Step("uebernahme-entscheidung", ops.DECIDE_GUARANTEE,
         ("guarantee_id", "decision", "decided_on", "granted_amount", "funding"),
         GUARANTEE_DECIDED, "uebernahmen",
         at_field={**_dated("decided_on", "before_request"),
                   "deposit_above_limit": "granted_amount",
                   "declined_with_amount": "granted_amount"},
         decimals=("granted_amount",)),
    Step("mietvertrag", ops.COMPLETE_PLACEMENT,
         ("household_id", "lease_signed_on", "moved_on", "gross_cold_rent", "warm_rent",
          "size_m2"),
         PLACED, "stand", flags=("rent_confirmed",),
         at_field={**_dated("moved_on", "moved_before_lease", "before_available"),
                   "before_acceptance": "lease_signed_on",
                   "rent_implausible": "gross_cold_rent",
                   "warm_below_cold": "warm_rent"},
         decimals=("gross_cold_rent", "warm_rent", "size_m2")),
    Step("ruecknahme", ops.WITHDRAW_OFFER, ("reason", "withdrawn_on"), WITHDRAWN, "stand",
         at_field=_dated("withdrawn_on", "before_received")),
    Step("ablauf", ops.EXPIRE_OFFER, ("expired_on",), EXPIRED, "stand",
         at_field=_dated("expired_on", "before_received")),
)  # fmt: skip


async def submit(
    rpc: RpcClient,
    caller: Caller,
    op: Operation[Any, R],
    body: dict[str, Any],
    fields: tuple[str, ...],
    *,
    on: UUID | None = None,
    at_field: Mapping[str, str] | None = None,
) -> tuple[R | None, Refusal | None]:
    """Validate `body` as `op`'s command and send it to placement (with the id of the offer
    or landlord it acts on, for a command on one): the answer, or the refusal a person can
    act on; an error no field of the form shows goes above the form."""
    result, refusal = await send_form(
        rpc, op, body, caller, on=on, known=fields, shown=SHOWN, rules_at_field=at_field
    )
    if refusal is not None and refusal.status == 422:
        refusal.general = refusal.errors.pop("", None)
    return result, refusal


# A proposal sent from a household's own list of fitting offers goes back there: the form
# says so with `zurueck=haushalt` (a fixed word, never a URL: no redirect elsewhere).
BACK = "zurueck"
HOUSEHOLD_SECTION = "wohnungsangebote"


def _household_page(back: object, household_ids: object) -> str | None:
    if back != "haushalt" or not isinstance(household_ids, list) or len(household_ids) != 1:
        return None
    try:
        return f"/ui/haushalte/{UUID(str(household_ids[0]))}"
    except ValueError:
        return None


def _handler(step: Step) -> Callable[..., Awaitable[Response]]:
    async def take_step(
        offer_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
    ) -> Response:
        submitted = await checked_form(request)
        values = form_values(submitted, step.fields, step.flags)
        body = plain_body(values, step.fields, step.flags, step.decimals)
        if TANDEM in step.fields:
            # The tandem is named as people know it; the picker finds its id (finding 9).
            picked = await pick_tandem(rpc, caller, submitted, TANDEM)
            if picked.message is not None:
                failed = Failed(step.slug, values, {TANDEM: picked.message}, None, picked.choices)
                return await offer_page(request, caller, rpc, offer_id, failed, 422)
            if picked.picked is not None:
                body[TANDEM] = str(picked.picked)
        form = await request.form()  # parsed once already; lists are not in the flat dict
        for name in step.lists:
            body[name] = [v for v in form.getlist(name) if isinstance(v, str)]
            values[name] = " ".join(body[name])
        names = step.fields + step.flags + step.lists
        _, refusal = await submit(
            rpc, caller, step.op, body, names, on=offer_id, at_field=step.at_field
        )
        if refusal is None:
            back = _household_page(form.get(BACK), body.get("household_ids"))
            if back is not None:
                return saved(back, step.done, anchor=HOUSEHOLD_SECTION)
            return saved(f"/ui/wohnungen/{offer_id}", step.done, anchor=step.anchor)
        for name in step.lists:
            if name in refusal.errors and not body[name]:
                refusal.errors[name] = NOTHING_TICKED
        failed = Failed(step.slug, values, refusal.errors, refusal.general)
        return await offer_page(request, caller, rpc, offer_id, failed, refusal.status)

    take_step.__doc__ = f"Step `{step.op.name}` of the offer, from its form on the offer's page."
    return take_step


def add_routes(router: APIRouter) -> None:
    """One POST route per step on the offers router. Added to it directly, not through a
    nested router: the gateway's policy reads the route's own path template, which for a
    nested router lacks the outer prefix (seen with FastAPI 0.165)."""
    for step in STEPS:
        router.add_api_route(
            f"/{{offer_id}}/{step.slug}",
            _handler(step),
            methods=["POST"],
            response_class=HTMLResponse,
            name=f"ui_offer_{step.op.name}",
        )
