"""The gateway's edge: refuse what must not cost memory before anything reads a body.

FastAPI reads and parses a JSON body before it resolves a route's dependencies, so an
anonymous 100 MB body used to be parsed (+1 GiB) before its 401. This pure ASGI
middleware runs first and, by the request's headers alone,
1. answers 401 (the UI: the sign-in page) when a non-public route is called without any
   credentials (identity.credentials: no session cookie, no bearer token, not in
   development) — whether the credentials are valid is decided later, as before;
2. answers 413 when `Content-Length` exceeds the route's limit;
3. counts the bytes of a body while the app reads it and stops with 413 as soon as the
   limit is passed (a chunked body declares no length).
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.gateway.errors import gateway_error
from services.gateway.identity import credentials
from services.gateway.settings import GatewaySettings

# Reachable without credentials: sign-in (API, form, OpenID Connect), the sign-in page's
# files, sign-out, and everything outside /api and /ui (docs, health, metrics).
PUBLIC = ("/api/session", "/ui/anmelden", "/ui/abmelden", "/ui/static/")
GUARDED = ("/api/", "/ui")


class BodyTooLarge(HTTPException):
    """Raised from `receive` once a body passes its limit: an HTTPException, so FastAPI's
    body parsing passes it on and the gateway's handler answers it in the usual shape."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_message(limit))


def too_large_message(limit: int) -> str:
    size = f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
    return f"Die Anfrage ist zu groß: höchstens {size} sind möglich."


# Where documents are uploaded (web/documents.py): `/ui/…/unterlagen`, `/api/…/documents`.
# The subject's id sits before these, so no prefix of `body_limits` can name them.
UPLOADS = ("/unterlagen", "/documents")


def body_limit(settings: GatewaySettings, path: str) -> int:
    """The limit of the longest configured prefix of `path`, else the general one; an
    upload of a document at least `upload_max_body_bytes`."""
    prefixes = [p for p in settings.body_limits if path.startswith(p)]
    limit = settings.body_limits[max(prefixes, key=len)] if prefixes else settings.max_body_bytes
    if path.endswith(UPLOADS):
        return max(limit, settings.upload_max_body_bytes)
    return limit


def needs_credentials(path: str) -> bool:
    return path.startswith(GUARDED) and not path.startswith(PUBLIC)


def declared_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class EdgeMiddleware:
    """Anonymous callers and oversized bodies are refused before a body is read."""

    def __init__(self, app: ASGIApp, *, settings: GatewaySettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if needs_credentials(path) and credentials(HTTPConnection(scope), self.settings) is None:
            await self._refuse(scope, receive, send, 401, "Anmeldung erforderlich.")
            return
        limit = body_limit(self.settings, path)
        declared = declared_length(scope)
        if declared is not None and declared > limit:
            await self._refuse(scope, receive, send, 413, too_large_message(limit))
            return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def noting_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, noting_send)
        except BodyTooLarge:
            # Read by code that does not pass HTTPExceptions on: answer here, if still possible.
            if started:
                raise
            await self._refuse(scope, receive, send, 413, too_large_message(limit))

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, status: int, message: str
    ) -> None:
        headers = {"WWW-Authenticate": "Cookie"} if status == 401 else None
        response = gateway_error(Request(scope), status, message, headers)
        await response(scope, receive, send)
