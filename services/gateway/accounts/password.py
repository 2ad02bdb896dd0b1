"""„Passwort ändern“ (`/ui/passwort`): a person replaces their password — first of all
the one-time password an admin passed on (accounts/pages.py): until they have, every
other page sends them here (identity.current_caller), so the one-time password is used
for exactly one sign-in.

Everyone changes only their own password: the page reads and writes the caller's row,
never one named in the request. The current password is asked again, so a session left
open on a shared computer cannot take the account over.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from services.gateway.accounts import rules
from services.gateway.adapters import accounts as store
from services.gateway.adapters.users import Account, find_by_service_id
from services.gateway.auth.passwords import hash_password, verify_password, weakness
from services.gateway.deps import CurrentCaller
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.templating import render
from shared.db import Database
from shared.identity import Caller

router = APIRouter(prefix="/ui", include_in_schema=False)

PATH = "/ui/passwort"
CHANGED = notice("passwort-geaendert", N_("Ihr neues Passwort gilt ab sofort."))
NO_PASSWORD = N_(
    "Diese Anmeldung hat kein Passwort in Auszug (sie kommt vom Anmeldedienst der Stadt "
    "oder ist eine Entwicklungsidentität)."
)
WRONG_CURRENT = N_("Das bisherige Passwort stimmt nicht. Bitte erneut eingeben.")
NOT_REPEATED = N_("Die beiden neuen Passwörter stimmen nicht überein. Bitte beide neu eingeben.")
SAME_AS_BEFORE = N_("Das neue Passwort muss sich vom bisherigen unterscheiden.")


async def _account(request: Request, caller: Caller) -> Account | None:
    db: Database = request.app.state.db
    async with db.read() as conn:
        account = await find_by_service_id(conn, caller.user_id)
    # An account of the city's OpenID provider has no password here.
    return account if account is not None and account.oidc_user_id is None else None


def _page(
    request: Request, account: Account | None, errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    due = account is not None and account.password_change_due
    context = {"account": account, "errors": errors, "due": due}
    return render(request, "accounts/passwort_aendern.html", context, status_code=status)


def password_problems(account: Account, form: dict[str, str]) -> dict[str, str]:
    """The messages at the fields of a submitted change (empty: it may be saved)."""
    current, new, repeated = (form.get(k, "") for k in ("current", "new", "repeated"))
    if not verify_password(account.password_hash, current):
        return {"current": WRONG_CURRENT}
    if new != repeated:
        return {"repeated": NOT_REPEATED}
    if new == current:
        return {"new": SAME_AS_BEFORE}
    inputs = [account.login, account.display_name or "", account.municipality]
    problem = weakness(new, inputs)
    return {"new": problem} if problem else {}


@router.get("/passwort", response_class=HTMLResponse)
async def password_page(request: Request, caller: CurrentCaller) -> Response:
    return _page(request, await _account(request, caller), {})


@router.post("/passwort", response_class=HTMLResponse)
async def change_password(request: Request, caller: CurrentCaller) -> Response:
    """Sets the caller's own password; a one-time password is replaced by it."""
    form = await checked_form(request)
    account = await _account(request, caller)
    if account is None:
        raise HTTPException(404, NO_PASSWORD)
    # Argon2 (and zxcvbn) take their time on purpose: off the event loop.
    errors = await asyncio.to_thread(password_problems, account, form)
    if errors:
        return _page(request, account, errors, 422)
    password_hash = await asyncio.to_thread(hash_password, form["new"])
    db: Database = request.app.state.db
    async with db.transaction() as conn:
        await store.update_account(
            conn, account.user_id, password_hash=password_hash, password_change_due=False
        )
        await store.record(
            conn, account, rules.Change.password_changed, None, caller.user_id, datetime.now(UTC)
        )
    return saved(PATH, CHANGED)
