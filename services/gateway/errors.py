"""One error shape for every HTTP error: `{"error": {kind, code, message, fields}}`.

Pages of the staff UI get the same errors as a German HTML page instead, and a
sign-in form where the API would answer 401.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from services.gateway.deps import CHANGING, IDEMPOTENCY_HEADER, rpc_client
from services.gateway.identity import current_caller
from services.gateway.web.i18n import N_
from shared.idempotency import KEY_PATTERN
from shared.rpc import ErrorKind, RemoteError, RpcError
from shared.validation import FieldError, field_errors

STATUS = {
    ErrorKind.validation: 422,
    ErrorKind.conflict: 409,
    ErrorKind.rule: 409,
    ErrorKind.not_found: 404,
    ErrorKind.forbidden: 403,
    ErrorKind.unavailable: 503,
    ErrorKind.internal: 500,
}
# Statuses raised by the gateway itself (sign-in, throttling, unknown paths).
HTTP_KINDS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    413: "too_large",
    429: "throttled",
}
# The framework's own words for a body it cannot read are English; the caller reads German.
HTTP_MESSAGES = {400: "Die Anfrage ist nicht lesbar: JSON in UTF-8 erwartet."}
# Titles of the UI's error page (translated there, see ui/i18n.py).
TITLES = {
    403: N_("Kein Zugriff"),
    404: N_("Nicht gefunden"),
    409: N_("Nicht möglich"),
    422: N_("Eingabe prüfen"),
    503: N_("Vorübergehend nicht erreichbar"),
}


# What the gateway answers on every route that needs a caller / asks a service.
CALLER_ERRORS = {
    401: "Nicht angemeldet (in Produktion: ohne gültige Sitzung).",
    403: "Ihre Rolle hat keinen Zugang, oder die Sicherheitsprüfung (CSRF) schlug fehl.",
}
BODY_ERRORS = {400: HTTP_MESSAGES[400], 413: "Die Anfrage ist zu groß."}
VALIDATION = "Eingabe unvollständig oder ungültig; `fields` nennt die Felder."
SERVICE_ERRORS = {
    429: "Gerade sind sehr viele Anfragen offen; `Retry-After` sagt, wann erneut versuchen.",
    503: "Ein Dienst antwortet gerade nicht; bitte später erneut versuchen.",
}
# Every change a service executes takes an idempotency key (deps.py, shared/idempotency.py).
IDEMPOTENCY_PARAMETER = {
    "name": IDEMPOTENCY_HEADER,
    "in": "header",
    "required": False,
    "description": "Frei gewählter Schlüssel dieser Anfrage (1–200 druckbare ASCII-Zeichen, "
    "z. B. eine UUID). Wird dieselbe Anfrage mit demselben Schlüssel innerhalb von 24 Stunden "
    "vom selben Konto wiederholt (etwa nach einer Zeitüberschreitung oder einem 503), "
    "antwortet der Dienst mit dem ersten Ergebnis (gleicher Status, gleicher Inhalt) und "
    "speichert nichts ein zweites Mal. Derselbe Schlüssel mit anderer Eingabe: 422. "
    "Ohne Schlüssel wird jede Anfrage ausgeführt.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": KEY_PATTERN},
}
KEY_ERRORS = {
    409: "Die Anfrage mit diesem Schlüssel wird gerade schon bearbeitet "
    "(`code`: `request_in_progress`).",
    422: "Der Schlüssel wurde schon für eine andere Eingabe verwendet "
    "(`code`: `idempotency_key_reused`) oder ist ungültig (`idempotency_key_invalid`).",
}


# What a service may answer on a route besides validation: `responses=documented(404, 409)`.
SERVICE_ANSWERS = {
    404: "Nicht gefunden (oder nicht sichtbar für Sie).",
    409: "Eine Regel steht entgegen; `message` sagt, welche.",
}


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route that names these statuses (shape: ErrorResponse)."""
    return {status: {"description": SERVICE_ANSWERS[status]} for status in statuses}


class ApiError(BaseModel):
    kind: ErrorKind | Literal["bad_request", "unauthorized", "too_large", "throttled", "http"]
    code: str
    message: str
    fields: list[FieldError] = []


class ErrorResponse(BaseModel):
    """The body of every error answer of the API."""

    error: ApiError


def error_response(error: RpcError) -> JSONResponse:
    return JSONResponse({"error": error.model_dump(mode="json")}, status_code=STATUS[error.kind])


def _is_page(request: Request) -> bool:
    return request.url.path.startswith("/ui")


def _page(request: Request, status: int, message: str) -> Response:
    # Imported here: the templates need the app's settings, the API does not need them.
    from services.gateway.web.templating import render

    title = TITLES.get(status, N_("Fehler"))
    return render(request, "fehler.html", {"title": title, "message": message}, status)


def gateway_error(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """An error the gateway gives itself: the API's shape, or the UI's page (a sign-in
    form where the API would answer 401)."""
    if _is_page(request) and status == 401:
        return RedirectResponse("/ui/anmelden", status_code=303)
    # A page the caller must see first (identity.py: a one-time password to replace).
    if _is_page(request) and status == 303 and headers and "Location" in headers:
        return RedirectResponse(headers["Location"], status_code=303)
    if _is_page(request):
        page = _page(request, status, message)
        page.headers.update(headers or {})
        return page
    kind = HTTP_KINDS.get(status, "http")
    message = HTTP_MESSAGES.get(status, message)
    body = {"kind": kind, "code": kind, "message": message, "fields": []}
    return JSONResponse({"error": body}, status_code=status, headers=dict(headers or {}))


def _depends_on(dependant: Dependant, call: Any) -> bool:
    return any(d.call is call or _depends_on(d, call) for d in dependant.dependencies)


def _document_errors(app: FastAPI) -> None:
    """Make /openapi.json tell the truth about errors: every one has the shape above (not
    FastAPI's `{"detail": …}`), and every route names the statuses the gateway itself gives."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        spec = generate()
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        if "ErrorResponse" in schemas:
            return spec
        error = ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(error.pop("$defs", {}), ErrorResponse=error)
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
        for context in iter_route_contexts(app.routes):
            route = context.route
            if not isinstance(route, APIRoute) or not route.include_in_schema:
                continue
            asks_service = _depends_on(route.dependant, rpc_client)
            for method in context.methods or ():
                operation = spec["paths"][context.path_format][method.lower()]
                responses = operation["responses"]
                keyed = asks_service and method.upper() in CHANGING
                if keyed:
                    operation.setdefault("parameters", []).append(IDEMPOTENCY_PARAMETER)
                gateway = {
                    **(BODY_ERRORS if route.body_field is not None else {}),
                    **(CALLER_ERRORS if _depends_on(route.dependant, current_caller) else {}),
                    **(SERVICE_ERRORS if asks_service else {}),
                }
                for status, description in gateway.items():
                    responses.setdefault(str(status), {"description": description})
                for status, response in responses.items():
                    if status[0] in "45":
                        response["content"] = content
                    if response.get("description") == "Validation Error":
                        response["description"] = VALIDATION
                for status, description in (KEY_ERRORS if keyed else {}).items():
                    response = responses.setdefault(str(status), {"content": content})
                    known = response.get("description")
                    response["description"] = (
                        f"{known} Oder: {description}" if known else description
                    )
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def install(app: FastAPI) -> None:
    _document_errors(app)

    @app.exception_handler(RemoteError)
    async def remote(request: Request, exc: RemoteError) -> Response:
        if _is_page(request):
            return _page(request, STATUS[exc.error.kind], exc.error.message)
        return error_response(exc.error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return gateway_error(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = field_errors(exc.errors(), skip_prefix=("body", "query", "path"))
        names = ", ".join(f.field for f in fields)
        message = f"Bitte die Eingabe prüfen: {names}."
        if _is_page(request):
            return _page(request, 422, message)
        return error_response(
            RpcError(kind=ErrorKind.validation, code="invalid", message=message, fields=fields)
        )
