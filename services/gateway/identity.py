"""Who is calling the gateway.

Until sign-in is built (its own issue), development and test use an identity taken
from request headers, defaulting to a coordinator of Köln. In production that path is
off and every request is refused: access is denied by default.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID, uuid4

from fastapi import Depends, Header, HTTPException, Request
from pydantic import ValidationError

from shared.identity import Caller, Role


def current_caller(
    request: Request,
    x_auszug_user: Annotated[str, Header()] = "dev-koordinatorin",
    x_auszug_role: Annotated[str, Header()] = Role.coordinator.value,
    x_auszug_municipality: Annotated[str, Header()] = "koeln",
    x_auszug_provider: Annotated[str | None, Header()] = None,
    x_correlation_id: Annotated[str | None, Header()] = None,
) -> Caller:
    if not request.app.state.settings.development_identity:
        raise HTTPException(401, "Anmeldung erforderlich.")
    try:
        return Caller(
            user_id=x_auszug_user,
            role=Role(x_auszug_role),
            municipality=x_auszug_municipality,
            provider=x_auszug_provider,
            correlation_id=UUID(x_correlation_id) if x_correlation_id else uuid4(),
        )
    except (ValueError, ValidationError) as exc:
        raise HTTPException(401, f"Ungültige Entwicklungs-Identität: {exc}") from exc


CurrentCaller = Annotated[Caller, Depends(current_caller)]
