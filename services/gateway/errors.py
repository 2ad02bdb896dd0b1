"""One error shape for every HTTP error: `{"error": {kind, code, message, fields}}`.

Pages of the staff UI get the same errors as a German HTML page instead, and a
sign-in form where the API would answer 401.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from shared.rpc import ErrorKind, RemoteError, RpcError
from shared.validation import field_errors

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
HTTP_KINDS = {401: "unauthorized", 403: "forbidden", 404: "not_found", 429: "throttled"}
TITLES = {
    403: "Kein Zugriff",
    404: "Nicht gefunden",
    409: "Nicht möglich",
    422: "Eingabe prüfen",
    503: "Vorübergehend nicht erreichbar",
}


def error_response(error: RpcError) -> JSONResponse:
    return JSONResponse({"error": error.model_dump(mode="json")}, status_code=STATUS[error.kind])


def _is_page(request: Request) -> bool:
    return request.url.path.startswith("/ui")


def _page(request: Request, status: int, message: str) -> Response:
    # Imported here: the templates need the app's settings, the API does not need them.
    from services.gateway.ui.templating import render

    title = TITLES.get(status, "Fehler")
    return render(request, "fehler.html", {"title": title, "message": message}, status)


def install(app: FastAPI) -> None:
    @app.exception_handler(RemoteError)
    async def remote(request: Request, exc: RemoteError) -> Response:
        if _is_page(request):
            return _page(request, STATUS[exc.error.kind], exc.error.message)
        return error_response(exc.error)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_page(request) and exc.status_code == 401:
            return RedirectResponse("/ui/anmelden", status_code=303)
        if _is_page(request):
            return _page(request, exc.status_code, str(exc.detail))
        kind = HTTP_KINDS.get(exc.status_code, "http")
        body = {"kind": kind, "code": kind, "message": str(exc.detail), "fields": []}
        return JSONResponse({"error": body}, status_code=exc.status_code, headers=exc.headers)

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
