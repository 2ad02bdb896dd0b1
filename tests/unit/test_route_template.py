"""The gateway's policy, access log and metrics see the whole path template of a route,
also of one in a router included into another (found in the UI's nested page routers,
which the policy refused for every role because it saw only `/x/{a}`)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from starlette.testclient import TestClient

from shared.http_metrics import route_template


def test_a_nested_routers_route_has_its_whole_template() -> None:
    outer, inner = APIRouter(prefix="/ui/wohnungen"), APIRouter()

    @inner.get("/vermieter/{landlord_id}")
    async def nested(landlord_id: str, request: Request) -> str:
        return route_template(request.scope)

    @outer.get("/liste")
    async def direct(request: Request) -> str:
        return route_template(request.scope)

    outer.include_router(inner)
    app = FastAPI()
    app.include_router(outer)
    client = TestClient(app)
    assert client.get("/ui/wohnungen/vermieter/7").json() == "/ui/wohnungen/vermieter/{landlord_id}"
    assert client.get("/ui/wohnungen/liste").json() == "/ui/wohnungen/liste"
