"""Dependencies every route takes: the caller (see identity.py) and the RPC client.

The RPC client of a request that changes something carries its idempotency key: the
`Idempotency-Key` header of an API call, the token rendered into a UI form (see
ui/form_tokens.py). The service that executes the command keeps the key with what it wrote
(shared/idempotency.py), so a retry with the same key is answered, not done again.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Request

from services.gateway.identity import CurrentCaller
from services.gateway.web.form_tokens import form_token
from shared.idempotency import KEY_PATTERN
from shared.rpc import ErrorKind, RemoteError, RpcClient, RpcError

IDEMPOTENCY_HEADER = "Idempotency-Key"
CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
INVALID_KEY = RpcError(
    kind=ErrorKind.validation,
    code="idempotency_key_invalid",
    message=f"Der Schlüssel im Kopf „{IDEMPOTENCY_HEADER}“ muss aus 1 bis 200 "
    "druckbaren ASCII-Zeichen bestehen (Buchstaben, Ziffern, Satzzeichen).",
)


async def rpc_client(request: Request) -> RpcClient:
    client: RpcClient = request.app.state.rpc
    if request.method not in CHANGING:
        return client
    key, from_form = await _idempotency_key(request)
    if key is None:
        return client
    if not re.fullmatch(KEY_PATTERN, key):
        raise RemoteError(INVALID_KEY)
    # A form's token with other values is the form filled in anew (shared/idempotency.py).
    return client.keyed(key, per_body=from_form)


async def _idempotency_key(request: Request) -> tuple[str | None, bool]:
    """The key, and whether it is a UI form's token."""
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is not None:
        return key, False
    content_type = request.headers.get("content-type", "")
    if request.url.path.startswith("/ui") and content_type.startswith(FORM_TYPES):
        # Parsed once: the route's own `request.form()` gets the same form.
        return form_token(await request.form()), True
    return None, False


Rpc = Annotated[RpcClient, Depends(rpc_client)]

__all__ = ["CurrentCaller", "Rpc"]
