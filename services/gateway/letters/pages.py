"""The page „Briefvorlagen“: every letter kind of every owner with the template in force
in the coordinator's municipality, and one form per kind to change it, beside the list of
its placeholders (name, meaning, an example).

The coordination's alone (gateway policy and each service's rule): the templates speak
for the municipality. The service checks a template before it keeps it (it must render
with the sample values: no unknown placeholder, no syntax error, nothing but
placeholders), and its German reason is shown at the field.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.letters.owners import OWNERS, TITLES, LetterOwner
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import form_values, send_form
from services.gateway.web.templating import render
from shared.contracts.letters import LetterTemplatesQuery, LetterTemplateView
from shared.identity import Caller
from shared.rpc import RpcClient

router = APIRouter(prefix="/ui/briefvorlagen", include_in_schema=False)
SAVED = notice("briefvorlage-gespeichert", N_("Die Briefvorlage ist gespeichert."))
FIELDS = ("subject_line", "body")
_UNKNOWN = N_("Diese Briefart gibt es nicht.")


@router.get("", response_class=HTMLResponse)
async def letter_templates(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """Every owner's kinds, each with whether the municipality changed its template."""
    owners = [
        (owner, (await rpc.send(owner.templates, LetterTemplatesQuery(), caller)).templates)
        for owner in OWNERS.values()
    ]
    return render(request, "letters/briefvorlagen.html", {"owners": owners, "titles": TITLES})


@router.get("/{owner}/{kind}", response_class=HTMLResponse)
async def letter_template(
    owner: str, kind: str, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    found, template = await _template(rpc, caller, owner, kind)
    values = {"subject_line": template.subject_line, "body": template.body}
    return _form(request, found, template, values, {})


@router.post("/{owner}/{kind}", response_class=HTMLResponse)
async def save_letter_template(
    owner: str, kind: str, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    submitted = await checked_form(request)
    found, template = await _template(rpc, caller, owner, kind)
    values = form_values(submitted, FIELDS)
    # The body keeps its line breaks and blank lines: they are the letter's paragraphs.
    values["body"] = submitted.get("body", "").replace("\r\n", "\n")
    body = {"kind": kind, **values}
    ref, refusal = await send_form(rpc, found.save, body, caller, known=FIELDS)
    if ref is not None:
        return saved("/ui/briefvorlagen", SAVED, anchor=f"{owner}-{kind}")
    assert refusal is not None
    errors = dict(refusal.errors)
    general = errors.pop("", None) or refusal.general
    return _form(request, found, template, values, errors, general, refusal.status)


async def _template(
    rpc: RpcClient, caller: Caller, owner: str, kind: str
) -> tuple[LetterOwner, LetterTemplateView]:
    """The owner and its kind's template; an unknown one is "not found"."""
    found = OWNERS.get(owner)
    if found is None:
        raise HTTPException(404, detail=_UNKNOWN)
    templates = (await rpc.send(found.templates, LetterTemplatesQuery(), caller)).templates
    for template in templates:
        if template.kind == kind:
            return found, template
    raise HTTPException(404, detail=_UNKNOWN)


def _form(
    request: Request,
    owner: LetterOwner,
    template: LetterTemplateView,
    values: dict[str, str],
    errors: dict[str, str],
    general: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context: dict[str, Any] = {
        "owner": owner,
        "template": template,
        "title": TITLES.get((owner.owner, template.kind), template.title),
        "form": values,
        "errors": errors,
        "general": general,
    }
    return render(request, "letters/briefvorlage.html", context, status_code=status_code)
