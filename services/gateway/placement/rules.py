"""The municipality's placement rules as a page: the Jobcenter's guideline values per
household size (gross cold rent, appropriate size). The days after which a proposal or a
guarantee is chased are the due list's (`/ui/fristen`); the page points there.

Coordinators and caseworkers read them (placement's readers); only the coordination
changes them, so a caseworker sees the table without the form and is refused (403) if
it posts one. The number of rooms that fits a household is placement's fixed rule, not
one of the municipality's settings, so it is not on this page.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import STATUS
from services.gateway.placement import formats
from services.gateway.placement.new_landlord import coordination_only
from services.gateway.placement.rules_form import (
    rule_errors,
    rules_body,
    rules_values,
    submitted_values,
)
from services.gateway.web.i18n import N_
from services.gateway.web.security import checked_form
from services.gateway.web.templating import render
from shared.contracts import placement as c
from shared.contracts.placement import operations as ops
from shared.identity import Role
from shared.rpc import ErrorKind, RemoteError
from shared.validation import field_errors

ONLY_COORDINATION = N_("Nur die Koordination darf die Regeln der Kommune ändern.")


async def rules_page(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """The rules in force; for the coordination as a form to change them."""
    rules = await rpc.send(ops.GET_RULES, c.GetRules(), caller)
    values, rows = rules_values(rules)
    saved = request.query_params.get("gespeichert") == "1"
    editable = caller.role is Role.coordinator
    return _render(request, editable, values, rows, {}, rules=rules, saved=saved)


async def replace_rules(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Replaces the rules as a whole with what the form holds."""
    submitted = await checked_form(request)
    coordination_only(caller, ONLY_COORDINATION)
    values, rows = submitted_values(submitted)
    body, persons_at = rules_body(values)
    try:
        rules = c.PlacementRules.model_validate(body)
        await rpc.send(ops.REPLACE_RULES, rules, caller)
    except ValidationError as exc:
        errors = rule_errors(field_errors(exc.errors()), persons_at)
        return _render(request, True, values, rows, errors, status_code=422)
    except RemoteError as exc:
        if exc.error.fields:
            errors = rule_errors(exc.error.fields, persons_at)
            return _render(request, True, values, rows, errors, status_code=422)
        if exc.error.kind not in (ErrorKind.rule, ErrorKind.conflict):
            raise
        errors = {"": exc.error.message}
        return _render(request, True, values, rows, errors, status_code=STATUS[exc.error.kind])
    return RedirectResponse("/ui/wohnungen/regeln?gespeichert=1", status_code=303)


def _render(
    request: Request,
    editable: bool,
    values: dict[str, str],
    rows: int,
    errors: dict[str, str],
    *,
    rules: c.PlacementRules | None = None,
    saved: bool = False,
    status_code: int = 200,
) -> HTMLResponse:
    """The page; read-only (`editable` false) it shows `rules`, the form shows `values`."""
    context = {
        "editable": editable,
        "rules": rules,
        "limits": {limit.persons: limit for limit in rules.rent_limits} if rules else {},
        "form": values,
        "rows": range(1, rows + 1),
        "general": errors.pop("", None),
        "errors": errors,
        "saved": saved,
        "formats": formats,
    }
    return render(request, "placement/rules.html", context, status_code=status_code)


def add_routes(router: APIRouter) -> None:
    """The rules page on the offers router, before `/{offer_id}` catches its path."""
    router.add_api_route("/regeln", rules_page, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/regeln", replace_rules, methods=["POST"], response_class=HTMLResponse)
