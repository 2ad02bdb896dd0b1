"""Security headers on every answer, and the personal-data access log.

Both are pure ASGI middlewares: they only look at the response's start and the scope
the router filled in (`route`, `path_params`, `state.caller` from identity.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.gateway.adapters.access_log import Access, record_access
from shared.db import Database
from shared.http_metrics import route_template
from shared.identity import Caller

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
# Swagger UI and ReDoc load their scripts from a CDN and start with an inline script.
_DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; worker-src 'self' blob:; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
_COMMON = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
_HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeadersMiddleware:
    """CSP, no framing, no sniffing, no referrer to other sites; HSTS in production."""

    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] in ("/docs", "/redoc")
        extra = [(b"content-security-policy", (_DOCS_CSP if docs else _CSP).encode())]
        extra += _COMMON + ([_HSTS] if self.hsts else [])

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                # A route that sets one of these itself means it (a download's `sandbox`
                # CSP, web/documents.py): kept, not doubled by the page's.
                headers = message.get("headers", [])
                own = {name.lower() for name, _ in headers}
                message["headers"] = [*headers, *(h for h in extra if h[0] not in own)]
            await send(message)

        await self.app(scope, receive, with_headers)


# Route template → (subject, path parameter naming it). Reads of personal data only.
AUDITED: dict[str, tuple[str, str]] = {
    "/api/households/{household_id}": ("household", "household_id"),
    "/api/tandem-households/{household_id}": ("household", "household_id"),
    "/api/households/{household_id}/offers": ("household", "household_id"),
    "/api/households/{household_id}/export": ("household", "household_id"),
    "/api/households/{household_id}/auskunft": ("household", "household_id"),
    "/api/households/{household_id}/auskunft.pdf": ("household", "household_id"),
    "/ui/haushalte/{household_id}": ("household", "household_id"),
    # A document's download (web/documents.py): the route names it as a download.
    "/ui/haushalte/{household_id}/unterlagen/{document_id}": ("household", "household_id"),
    "/api/households/{household_id}/documents/{document_id}": ("household", "household_id"),
    "/api/inquiries/{inquiry_id}": ("inquiry", "inquiry_id"),
    "/api/prevention/cases/{case_id}": ("prevention_case", "case_id"),
    "/ui/praevention/{case_id}": ("prevention_case", "case_id"),
    "/ui/praevention/{case_id}/unterlagen/{document_id}": ("prevention_case", "case_id"),
    "/api/prevention/cases/{case_id}/documents/{document_id}": ("prevention_case", "case_id"),
    "/api/volunteers/{volunteer_id}": ("volunteer", "volunteer_id"),
    "/ui/ehrenamt/ehrenamtliche/{volunteer_id}/unterlagen/{document_id}": (
        "volunteer",
        "volunteer_id",
    ),
    "/api/volunteers/{volunteer_id}/documents/{document_id}": ("volunteer", "volunteer_id"),
    "/api/tandems/{tandem_id}": ("tandem", "tandem_id"),
    # An offer's documents (a lease may name a household): each download on the offer's log.
    "/ui/wohnungen/{offer_id}/unterlagen/{document_id}": ("offer", "offer_id"),
    "/api/offers/{offer_id}/documents/{document_id}": ("offer", "offer_id"),
}


class AccessLogMiddleware:
    """Records each successful read of an audited route: who, which subject, when."""

    def __init__(self, app: ASGIApp, *, db: Database) -> None:
        self.app = app
        self.db = db

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return

        async def record_then_send(message: Message) -> None:
            # Recorded before the first byte leaves: data nobody can account for is not shown.
            if message["type"] == "http.response.start" and message["status"] == 200:
                await self._record(scope)
            await send(message)

        await self.app(scope, receive, record_then_send)

    async def _record(self, scope: Scope) -> None:
        template = route_template(scope)
        caller = scope.get("state", {}).get("caller")
        if template not in AUDITED or not isinstance(caller, Caller):
            return
        subject, parameter = AUDITED[template]
        subject_id = scope.get("path_params", {}).get(parameter)
        access = Access(
            at=datetime.now(UTC),
            municipality=caller.municipality,
            user_id=caller.user_id,
            role=caller.role.value,
            subject=subject,
            subject_id=UUID(str(subject_id)),
            route=template,
            correlation_id=caller.correlation_id,
        )
        async with self.db.transaction() as conn:
            await record_access(conn, access)
