"""Receiving a referral for the Wohnintegrationshilfe: the form with every field of the
request (`ReceiveReferral`); errors next to their field, typed values kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.prevention.case import page
from services.gateway.web import fields as forms
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.pickers import pick_household
from services.gateway.web.security import checked_form
from services.gateway.web.submit import Refusal, send_form
from shared.contracts.intake.directory import HouseholdCard
from shared.contracts.places import provider_name, providers_of
from shared.contracts.prevention import labels as pl
from shared.contracts.prevention import operations as ops
from shared.identity import Caller, Role
from shared.validation import FieldError

FIELDS = (
    # The provider's choices depend on the caller: see `_fields`.
    Field("provider", N_("Träger, der die Hilfe leistet"), "select", required=True),
    Field("received_on", N_("Tag der Meldung"), "date", today=True),
    Field("source", N_("Wer hat gemeldet?"), "select", pl.REFERRAL_SOURCE, required=True),
    Field("target_group", N_("Zielgruppe"), "select", pl.TARGET_GROUP, required=True),
    Field(
        "housing_situation",
        N_("Wohnsituation bei der Meldung"),
        "select",
        pl.HOUSING_SITUATION,
        required=True,
        hint=N_(
            "Prekär (Wiedereinweisung, Leerstand): beschlagnahmte oder zugewiesene "
            "Wohnung; gesichertes Mietverhältnis: eigener Mietvertrag."
        ),
    ),
    Field("adults", N_("Erwachsene im Haushalt"), "number", required=True),
    Field("minors", N_("Minderjährige Kinder im Haushalt"), "number", required=True),
    Field(
        "household_id",
        N_("Haushalt im Auszugsmanagement (optional)"),
        hint=N_(
            "Nur, wenn der Haushalt dort schon aufgenommen ist: sein Name, Geburtsdatum, "
            "Telefon oder seine Kennung."
        ),
    ),
    Field("contact.name", N_("Ansprechperson des Haushalts: Name (optional)")),
    Field("contact.phone", N_("Telefon (optional)"), "tel"),
    Field("contact.email", N_("E-Mail (optional)"), "email"),
    Field("street_address", N_("Anschrift des Haushalts (optional)")),
    Field("referred_by", N_("Meldende Person oder Stelle (optional)")),
    Field("note", N_("Notiz (optional)"), "textarea"),
)


NO_PROVIDER = N_("Bitte den Träger wählen, der die Hilfe leistet.")
RECEIVED = notice("meldung_aufgenommen", N_("Die Meldung ist aufgenommen, der Fall angelegt."))


def _fields(caller: Caller) -> tuple[Field, ...]:
    """The form's fields, the provider a choice of the caller's municipality's providers
    by name (a caseworker: their own), so that no typo becomes a provider nobody sees."""
    providers = providers_of(caller.municipality)
    if caller.role is Role.caseworker and caller.provider:
        providers = {caller.provider: provider_name(caller.provider, caller.municipality)}
    return tuple(replace(f, options=providers) if f.name == "provider" else f for f in FIELDS)


def _form(
    request: Request,
    caller: Caller,
    values: Mapping[str, str],
    outcome: Refusal | None = None,
    choices: list[HouseholdCard] | None = None,
) -> HTMLResponse:
    context = {
        "fields": _fields(caller),
        "choices": {"household_id": choices or []},
        "form": values,
        "errors": outcome.errors if outcome else {},
        "general": outcome.general if outcome else None,
    }
    status = outcome.status if outcome else 200
    return page(request, "referral.html", context, status)


async def new_referral(request: Request, caller: CurrentCaller) -> Response:
    """The empty form: today's date, the caseworker's own provider, one adult."""
    values = forms.form_values(FIELDS, None)
    values.update(provider=caller.provider or "", adults="1", minors="0")
    return _form(request, caller, values)


async def receive_referral(request: Request, caller: CurrentCaller, rpc: Rpc) -> Response:
    """A referral opens a case; personal data stays in the Wohnintegrationshilfe."""
    submitted = await checked_form(request)
    values = forms.form_values(FIELDS, submitted)
    # Said first: the field's message is the first one found for it.
    unchosen = [] if values["provider"] else [FieldError(field="provider", message=NO_PROVIDER)]
    # The household in move-out management is named as people know it (finding 9).
    picked = await pick_household(rpc, caller, submitted, "household_id")
    if refusal := picked.refusal("household_id"):
        return _form(request, caller, values, refusal, picked.choices)
    created, refusal = await send_form(
        rpc,
        ops.RECEIVE_REFERRAL,
        forms.body(FIELDS, {**values, "household_id": picked.value()}),
        caller,
        known=[f.name for f in FIELDS],
        problems=[*unchosen, *forms.missing(FIELDS, values)],
    )
    if created is None:
        return _form(request, caller, values, refusal)
    return saved(f"/ui/praevention/{created.case_id}", RECEIVED)


def install(router: APIRouter) -> None:
    """Add the form's routes to the area's pages router (`/neu` under its prefix)."""
    router.add_api_route("/neu", new_referral, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route("/neu", receive_referral, methods=["POST"], response_class=HTMLResponse)
