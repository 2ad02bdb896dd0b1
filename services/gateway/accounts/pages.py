"""„Konten“ (`/ui/konten`): the admin of a municipality manages its accounts in the UI —
the list, a new account with a one-time password, and per account its role, provider,
name, address, deactivation (its sessions end at once), reactivation, a new one-time
password, and who changed what.

Accounts are the gateway's own data (adapters/tables.users): no service is asked and no
event is written; each change is recorded in `account_changes` in the same transaction.
The rules are accounts/rules.py. An account of another municipality answers 404, like
an id that does not exist.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.exc import IntegrityError

from services.gateway.accounts import rules
from services.gateway.adapters import accounts as store
from services.gateway.adapters.users import Account, add_user, find_by_id, staff_names
from services.gateway.auth.passwords import hash_password
from services.gateway.deps import CurrentCaller
from services.gateway.web.i18n import N_
from services.gateway.web.list_query import beyond_last, list_query
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.templating import render
from shared.contracts.places import providers_of
from shared.db import Database
from shared.identity import Caller, Role

router = APIRouter(prefix="/ui", include_in_schema=False)

LIST = "/ui/konten"
SAVED = notice("konto-geaendert", N_("Die Änderungen am Konto sind gespeichert."))
DEACTIVATED = notice(
    "konto-deaktiviert",
    N_("Das Konto ist deaktiviert; alle seine Sitzungen sind beendet."),
)
REACTIVATED = notice(
    "konto-aktiviert", N_("Das Konto ist wieder aktiv; es meldet sich mit seinem Passwort an.")
)
UNCHANGED = notice("konto-unveraendert", N_("Es war nichts geändert; nichts gespeichert."))
NOT_FOUND = N_("Dieses Konto gibt es nicht.")
# A new password is never a notice in the URL: it is shown in the answer to the post only.
NO_STORE = {"Cache-Control": "no-store"}


class LoginTaken(Exception):
    """The login belongs to an account already (of any municipality: logins are unique)."""


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _now() -> datetime:
    return datetime.now(UTC)


async def _managed(request: Request, caller: Caller, user_id: UUID) -> Account:
    """The account if the caller manages it; 404 for one of another municipality too."""
    async with _db(request).read() as conn:
        account = await find_by_id(conn, user_id)
    if account is None or not rules.manages(caller, account):
        raise HTTPException(404, NOT_FOUND)
    return account


def _choices(caller: Caller) -> dict[str, Any]:
    return {"providers": providers_of(caller.municipality), "roles": list(Role)}


@router.get("/konten", response_class=HTMLResponse)
async def account_list(request: Request, caller: CurrentCaller) -> Response:
    """The municipality's accounts, filtered by role, provider and state, paged in SQL."""
    query = list_query(request, store.AccountQuery)
    async with _db(request).read() as conn:
        found, info = await store.page_of_accounts(conn, caller.municipality, query)
        if last := beyond_last(query, info):
            query = last
            found, info = await store.page_of_accounts(conn, caller.municipality, query)
    context = {"accounts": found, "page": info, "query": query, **_choices(caller)}
    return render(request, "accounts/konten.html", context)


def _new_page(
    request: Request, caller: Caller, form: dict[str, str], errors: dict[str, str], status: int
) -> HTMLResponse:
    context = {"form": form, "errors": errors, **_choices(caller)}
    return render(request, "accounts/neu.html", context, status_code=status)


@router.get("/konten/neu", response_class=HTMLResponse)
async def new_account_page(request: Request, caller: CurrentCaller) -> Response:
    return _new_page(request, caller, {"role": "caseworker"}, {}, 200)


@router.post("/konten/neu", response_class=HTMLResponse)
async def create_account(request: Request, caller: CurrentCaller) -> Response:
    """Creates the account with a one-time password, shown once in this answer."""
    submitted = await checked_form(request)
    form = {k: submitted.get(k, "").strip() for k in rules.FORM_FIELDS}
    form["login"] = form["login"].lower()
    draft, errors = rules.account_form(form, caller.municipality)
    if problem := rules.login_problem(form["login"]):
        errors["login"] = problem
    if draft is not None and (
        problem := rules.grant_problem(caller, draft.role, caller.municipality)
    ):
        errors["role"] = problem
    if errors or draft is None:
        return _new_page(request, caller, form, errors, 422)
    password = rules.one_time_password()
    account = Account(
        user_id=uuid4(),
        login=form["login"],
        # Argon2 takes its time on purpose: off the event loop.
        password_hash=await asyncio.to_thread(hash_password, password),
        role=draft.role,
        municipality=caller.municipality,
        provider=draft.provider,
        display_name=draft.display_name,
        email=draft.email,
        password_change_due=True,
    )
    try:
        async with _db(request).transaction() as conn:
            if await store.login_taken(conn, account.login):
                raise LoginTaken
            now = _now()
            await add_user(conn, account, now)
            await store.record(
                conn, account, rules.Change.created, draft.role.value, caller.user_id, now
            )
    # Two admins who create the same login at once: the unique index decides for one.
    except (LoginTaken, IntegrityError):
        return _new_page(request, caller, form, {"login": rules.LOGIN_TAKEN}, 422)
    context = {"account": account, "password": password, "created": True}
    response = render(request, "accounts/passwort.html", context, status_code=201)
    response.headers.update(NO_STORE)
    return response


def _account_page(
    request: Request,
    caller: Caller,
    account: Account,
    history: list[store.AccountChange],
    names: dict[str, str],
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    refusal: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    form = form or {
        "role": account.role.value,
        "provider": account.provider or "",
        "display_name": account.display_name or "",
        "email": account.email or "",
    }
    context = {
        "account": account,
        "history": history,
        "names": names,
        "changes": rules.CHANGES,
        "form": form,
        "errors": errors or {},
        "refusal": refusal,
        "oidc": account.oidc_user_id is not None,
        "yourself": account.service_user_id == caller.user_id,
        **_choices(caller),
    }
    return render(request, "accounts/konto.html", context, status_code=status)


async def _show(
    request: Request, caller: Caller, account: Account, status: int = 200, **extra: Any
) -> HTMLResponse:
    async with _db(request).read() as conn:
        history = await store.changes_of(conn, account.user_id)
        names = await staff_names(conn, {c.changed_by for c in history})
    return _account_page(request, caller, account, history, names, status=status, **extra)


@router.get("/konten/{user_id}", response_class=HTMLResponse)
async def account_page(request: Request, caller: CurrentCaller, user_id: UUID) -> Response:
    """The account, the form to change it, and who changed what."""
    account = await _managed(request, caller, user_id)
    return await _show(request, caller, account)


@router.post("/konten/{user_id}", response_class=HTMLResponse)
async def save_account(request: Request, caller: CurrentCaller, user_id: UUID) -> Response:
    """Saves role, provider, name and address; each change is recorded."""
    submitted = await checked_form(request)
    account = await _managed(request, caller, user_id)
    form = {k: submitted.get(k, "").strip() for k in rules.FORM_FIELDS if k != "login"}
    if account.oidc_user_id is not None:
        return await _show(request, caller, account, 409, form=form, refusal=rules.FROM_PROVIDER)
    draft, errors = rules.account_form(form, caller.municipality)
    if draft is not None and (
        problem := rules.grant_problem(caller, draft.role, account.municipality)
    ):
        errors["role"] = problem
    if errors or draft is None:
        return await _show(request, caller, account, 422, form=form, errors=errors)
    found = rules.changes(account, draft)
    if not found:
        return saved(f"{LIST}/{user_id}", UNCHANGED)
    async with _db(request).transaction() as conn:
        others = await store.other_active_admins(conn, account.municipality, account.user_id)
        if problem := rules.last_admin_problem(account, draft.role, account.active, others):
            refused = problem
        else:
            refused = None
            now = _now()
            await store.update_account(
                conn,
                account.user_id,
                role=draft.role.value,
                provider=draft.provider,
                display_name=draft.display_name,
                email=draft.email,
            )
            for what, value in found:
                await store.record(conn, account, what, value, caller.user_id, now)
    if refused:
        return await _show(request, caller, account, 409, form=form, refusal=refused)
    return saved(f"{LIST}/{user_id}", SAVED)


@router.post("/konten/{user_id}/deaktivieren", response_class=HTMLResponse)
async def deactivate(request: Request, caller: CurrentCaller, user_id: UUID) -> Response:
    """Deactivates the account; its sessions are deleted in the same transaction."""
    await checked_form(request)
    account = await _managed(request, caller, user_id)
    if not account.active:
        return saved(f"{LIST}/{user_id}", DEACTIVATED)
    async with _db(request).transaction() as conn:
        others = await store.other_active_admins(conn, account.municipality, account.user_id)
        refused = rules.last_admin_problem(account, account.role, False, others)
        if refused is None:
            now = _now()
            await store.update_account(conn, account.user_id, active=False)
            await store.end_sessions(conn, account.user_id)
            await store.record(conn, account, rules.Change.deactivated, None, caller.user_id, now)
    if refused:
        return await _show(request, caller, account, 409, refusal=refused)
    return saved(f"{LIST}/{user_id}", DEACTIVATED)


@router.post("/konten/{user_id}/reaktivieren", response_class=HTMLResponse)
async def reactivate(request: Request, caller: CurrentCaller, user_id: UUID) -> Response:
    await checked_form(request)
    account = await _managed(request, caller, user_id)
    if not account.active:
        async with _db(request).transaction() as conn:
            await store.update_account(conn, account.user_id, active=True)
            await store.record(
                conn, account, rules.Change.reactivated, None, caller.user_id, _now()
            )
    return saved(f"{LIST}/{user_id}", REACTIVATED)


@router.post("/konten/{user_id}/passwort", response_class=HTMLResponse)
async def reset_password(request: Request, caller: CurrentCaller, user_id: UUID) -> Response:
    """A new one-time password, shown once in this answer; the account's sessions end."""
    await checked_form(request)
    account = await _managed(request, caller, user_id)
    if account.oidc_user_id is not None:
        return await _show(request, caller, account, 409, refusal=rules.FROM_PROVIDER)
    password = rules.one_time_password()
    password_hash = await asyncio.to_thread(hash_password, password)
    async with _db(request).transaction() as conn:
        await store.update_account(
            conn, account.user_id, password_hash=password_hash, password_change_due=True
        )
        await store.end_sessions(conn, account.user_id)
        await store.record(conn, account, rules.Change.password_reset, None, caller.user_id, _now())
    context = {"account": account, "password": password, "created": False}
    response = render(request, "accounts/passwort.html", context)
    response.headers.update(NO_STORE)
    return response
