"""One error shape for every HTTP error: `{"error": {kind, code, message, fields}}`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

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


def error_response(error: RpcError) -> JSONResponse:
    return JSONResponse({"error": error.model_dump(mode="json")}, status_code=STATUS[error.kind])


def install(app: FastAPI) -> None:
    @app.exception_handler(RemoteError)
    async def remote(_: Request, exc: RemoteError) -> JSONResponse:
        return error_response(exc.error)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = field_errors(exc.errors(), skip_prefix=("body", "query", "path"))
        names = ", ".join(f.field for f in fields)
        return error_response(
            RpcError(
                kind=ErrorKind.validation,
                code="invalid",
                message=f"Bitte die Eingabe prüfen: {names}.",
                fields=fields,
            )
        )
