"""„Mein Konto“ (`/ui/konto`): who I am signed in as (login, role, scope), and where my
mail goes — my address and the daily overview on or off.

Only an account of the gateway has an address (a person signed in with a password or
through the city's provider); an identity of development headers sees its role and
scope and a note instead of the form. Everyone changes only their own account: the
page reads and writes the caller's row, never one named in the request.
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.adapters.users import Account, find_by_service_id, set_mail_settings
from services.gateway.deps import CurrentCaller
from services.gateway.settings import GatewaySettings
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.templating import render
from shared.db import Database
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

PATH = "/ui/konto"
SAVED = notice("konto-gespeichert", N_("Ihre Einstellungen für E-Mails sind gespeichert."))
BAD_ADDRESS = N_(
    "Bitte eine vollständige E-Mail-Adresse angeben, z. B. m.muster@caritas-koeln.de "
    "(oder das Feld leeren: dann kommen keine E-Mails)."
)
NO_ACCOUNT = N_("Diese Anmeldung gehört zu keinem Konto in Auszug; E-Mails gibt es nur für Konten.")
ADDRESS_MAX = 254


async def _account(request: Request, caller: Caller) -> Account | None:
    db: Database = request.app.state.db
    async with db.read() as conn:
        return await find_by_service_id(conn, caller.user_id)


def _page(
    request: Request,
    caller: Caller,
    account: Account | None,
    form: dict[str, str],
    errors: dict[str, str],
    status_code: int = 200,
) -> HTMLResponse:
    settings: GatewaySettings = request.app.state.settings
    context = {
        "account": account,
        "login": account.login if account else getattr(request.state, "login", caller.user_id),
        "form": form,
        "errors": errors,
        "mail_on": settings.mail_on,
    }
    return render(request, "mail/konto.html", context, status_code=status_code)


@router.get("/konto", response_class=HTMLResponse)
async def account_page(request: Request, caller: CurrentCaller) -> Response:
    """My login, role and scope; my address and the daily overview."""
    account = await _account(request, caller)
    form = {
        "email": (account.email or "") if account else "",
        "digest": "ja" if account is None or account.digest else "",
    }
    return _page(request, caller, account, form, {})


@router.post("/konto", response_class=HTMLResponse)
async def save_account(request: Request, caller: CurrentCaller) -> Response:
    """Saves my address (empty: none, no mail at all) and whether the overview comes; a
    malformed address comes back with its message at the field, nothing saved."""
    submitted = await checked_form(request)
    account = await _account(request, caller)
    if account is None:
        raise HTTPException(404, NO_ACCOUNT)
    form = {
        "email": submitted.get("email", "").strip(),
        "digest": "ja" if submitted.get("digest") else "",
    }
    email: str | None = None
    if form["email"]:
        try:
            checked = validate_email(form["email"], check_deliverability=False)
        except EmailNotValidError:
            checked = None
        if checked is None or len(checked.normalized) > ADDRESS_MAX:
            return _page(request, caller, account, form, {"email": BAD_ADDRESS}, 422)
        email = checked.normalized
    db: Database = request.app.state.db
    async with db.transaction() as conn:
        await set_mail_settings(conn, account.user_id, email, bool(form["digest"]))
    return saved(PATH, SAVED)
