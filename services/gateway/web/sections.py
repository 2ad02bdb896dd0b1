"""What every casework section of a subject's page does alike (notes, documents,
follow-ups): read its page of rows as the caller — no section where the caller may not —,
read which page the URL asks for, and hand a refused form's state only to its own form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request

from shared.contracts.operation import Operation, Q, R
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient

# The highest page number a URL may ask for; past it (or not a number) is page 1.
LAST_PAGE = 100_000


def page_number(request: Request, parameter: str) -> int:
    """The page `parameter` of the URL asks for; 1 for anything else."""
    raw = request.query_params.get(parameter, "")
    return int(raw) if raw.isdecimal() and 0 < int(raw) <= LAST_PAGE else 1


async def visible(rpc: RpcClient, operation: Operation[Q, R], query: Q, caller: Caller) -> R | None:
    """The owner's answer, or None where the caller may not see the section: a role the
    operation does not allow, or a subject the owner refuses (another provider's, a
    restricted household's) — the page then shows no section, and says nothing of why."""
    if not operation.allows(caller.role):
        return None
    try:
        return await rpc.send(operation, query, caller)
    except RemoteError as exc:
        if exc.error.kind in (ErrorKind.forbidden, ErrorKind.not_found):
            return None
        raise


def form_state(
    anchor: str,
    active: str | None,
    typed: Mapping[str, str] | None,
    errors: Mapping[str, str] | None,
    general: str | None,
) -> dict[str, Any]:
    """What a page hands the section of a refused post: only the form `anchor` posted."""
    if active != anchor:
        return {}
    return {"typed": typed, "errors": errors, "general": general}
