"""A login typed by staff (e.g. at volunteer registration) → the user id services know.

The volunteer service matches a volunteer's own tandems on the caller's user id; since
that id is pseudonymous (pseudonyms.py), the gateway translates the login a coordinator
types into it before the request leaves. Only in development and test, a login without
an account passes unchanged: there the `x-auszug-user` header names callers by it.
"""

from __future__ import annotations

from fastapi import Request

from services.gateway.adapters.users import user_id_for_login
from services.gateway.settings import GatewaySettings
from shared.db import Database
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcError
from shared.validation import FieldError


def no_account(field: str) -> RemoteError:
    """422 naming the field, as the services' validation errors do."""
    message = "Kein Konto mit diesem Login in Ihrer Kommune. Bitte zuerst das Konto anlegen."
    return RemoteError(
        RpcError(
            kind=ErrorKind.validation,
            code="invalid",
            message=f"Bitte die Eingabe prüfen: {field}.",
            fields=[FieldError(field=field, message=message)],
        )
    )


async def service_user_id(request: Request, caller: Caller, login: str, field: str) -> str:
    """The user id of the account with this login in the caller's municipality; raises
    RemoteError (422 on `field`) when there is none, outside development."""
    db: Database = request.app.state.db
    async with db.read() as conn:
        found = await user_id_for_login(conn, caller.municipality, login)
    if found is not None:
        return found
    settings: GatewaySettings = request.app.state.settings
    if settings.development_identity:
        return login
    raise no_account(field)
