"""Schemathesis against the gateway's own /openapi.json, once per role: no answer is a 5xx,
every answer has a documented status and content type and fits the documented schema, and
no answer carries a field the schema does not name.

One backend only (SQLite): the answers are the gateway's and the services' code, the same
on both; the permission matrix (test_gateway_permissions.py) runs on both backends. The
world: two households of Caritas in Köln, one the generated cases may act on (its id fills
every `{household_id}`), one nobody touches so its id and names stay something to look for.
Every operation gets a few positive examples per role (fixed seed: CI sees the same cases),
changes also a few negative ones: invalid input must be a 4xx in German, never a 5xx.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from services.gateway.app import create_app
from services.gateway.policy import ANALYST_TEMPLATES
from shared.identity import Role
from support.nats_server import NatsServer
from support.openapi_fields import documented_response, undocumented_fields
from support.system import System, household, wait_until

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# A live server is slow next to Hypothesis' expectations, and a fixed seed makes the cases
# the same in every run; no shrinking: the first failing request is the finding.
SETTINGS = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
    suppress_health_check=list(HealthCheck),
)
NEGATIVE_EXAMPLES = 3
ERROR_FIELDS = {"kind", "code", "message", "fields"}
# What a framework says when an answer slipped past the German error handlers.
ENGLISH = re.compile(
    r"Field required|Input should|should be|Value error|not a valid|Not Found|"
    r"Method Not Allowed|Internal Server Error|Unprocessable"
)
WITNESS_NAMES = ("Zeugin", "Unberührt")


@dataclass
class World:
    system: System
    schema: schemathesis.BaseSchema
    spec: dict[str, Any]
    household_id: str  # the one generated cases act on
    witness_id: str  # the one nobody touches


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    workdir = tmp_path_factory.mktemp("schema")
    with NatsServer(workdir / "nats") as nats:
        system = System(workdir, nats)
        try:
            system.start()
            ids = []
            for given_name, family_name in (("Person 0", "Fallakte"), WITNESS_NAMES):
                body = household(provider="caritas")
                body["members"][0] |= {"given_name": given_name, "family_name": family_name}
                created = system.register(body)
                assert created.status_code == 201, created.text
                ids.append(created.json()["household_id"])
            wait_until(
                lambda: ids[1] in system.http.get(f"{system.gateway}/api/caseboard").text,
                what="the households on the coordinator's caseboard",
            )
            url = f"{system.gateway}/openapi.json"
            schema = schemathesis.openapi.from_url(url)
            spec = httpx.get(url, timeout=10).json()
            yield World(system, schema, spec, ids[0], ids[1])
        finally:
            system.stop()


def operations() -> list[tuple[str, str]]:
    """(method, template) of every API operation the gateway documents."""
    spec = create_app().openapi()
    return [(m.upper(), path) for path, ops in spec["paths"].items() for m in ops]


def identity(role: Role) -> dict[str, str]:
    return {
        "x-auszug-user": f"{role.value}-caritas",
        "x-auszug-role": role.value,
        "x-auszug-municipality": "koeln",
        "x-auszug-provider": "caritas",
    }


def check_body(
    world: World, method: str, template: str, role: Role, response: schemathesis.Response
) -> None:
    """What the schema checks cannot see: error shape, German, fields, the analyst's view."""
    status = response.status_code
    text = response.content.decode("utf-8", "replace")
    is_json = response.headers.get("content-type", [""])[0].startswith("application/json")
    body: Any = response.json() if is_json else None
    if status >= 400:
        assert isinstance(body, dict) and set(body) == {"error"}, (
            f"not the error shape: {text[:300]}"
        )
        error = body["error"]
        assert set(error) <= ERROR_FIELDS, f"error with more fields: {text[:300]}"
        said = [error["message"], *(f["message"] for f in error.get("fields", []))]
        english = [m for m in said if ENGLISH.search(m)]
        assert error["message"] and not english, f"not German: {english}"
    elif body is not None:
        documented = documented_response(world.spec, method, template, status)
        extra = undocumented_fields(body, documented or {}, world.spec)
        assert not extra, f"fields outside the documented schema: {extra}"
    if role is Role.analyst and status < 300:
        assert template in ANALYST_TEMPLATES | {"/api/session"}, "an analyst got a non-aggregate"
        leaked = [
            s
            for s in (
                "household_id",
                "case_id",
                world.household_id,
                world.witness_id,
                *WITNESS_NAMES,
            )
            if s in text
        ]
        assert not leaked, f"an analyst saw {leaked}"


def exercise(world: World, method: str, template: str, mode: GenerationMode, n: int) -> None:
    """Every role sends `n` generated cases of `mode`; the first failure ends the test."""
    operation = world.schema.find_operation_by_path(method, template)  # type: ignore[attr-defined]
    assert operation is not None, f"{method} {template} not in the live /openapi.json"
    # Valid cases act on the real household; invalid ones may break its id too.
    positive = mode is GenerationMode.POSITIVE and "{household_id}" in template
    fixed = {"household_id": world.household_id} if positive else None
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=fixed)
    for role in Role:
        probe(world, method, template, role, strategy, n)


def probe(world: World, method: str, template: str, role: Role, strategy: Any, n: int) -> None:
    headers = identity(role)

    @given(case=strategy)
    @settings(SETTINGS, max_examples=n)
    def run(case: schemathesis.Case[Any]) -> None:
        response = case.call(headers=headers, timeout=30)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
            check_body(world, method, template, role, response)
        except BaseException as exc:
            exc.add_note(f"role {role.value}: {case.as_curl_command(headers=headers)}")
            answer = response.content.decode("utf-8", "replace")[:500]
            exc.add_note(f"answer {response.status_code}: {answer}")
            raise

    run()


def cases() -> list[Any]:
    return [pytest.param(m, t, id=f"{m} {t}") for m, t in operations()]


@pytest.mark.parametrize(("method", "template"), cases())
def test_every_role_gets_documented_answers(world: World, method: str, template: str) -> None:
    exercise(world, method, template, GenerationMode.POSITIVE, SETTINGS.max_examples)
    operation = world.spec["paths"][template][method.lower()]
    inputs = {p["in"] for p in operation.get("parameters", [])}
    # Invalid input needs some input; a read whose only input is an id in its path gets a 422
    # from FastAPI itself, while a query model validated by hand once answered 500.
    if "requestBody" in operation or "query" in inputs or (method != "GET" and inputs):
        exercise(world, method, template, GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES)


def test_the_live_schema_is_the_apps(world: World) -> None:
    """The cases above come from the app's route table; the live server must serve the same."""
    live = {(m.upper(), p) for p, ops in world.spec["paths"].items() for m in ops}
    assert live == set(operations())


def post(world: World, path: str, body: Any) -> httpx.Response:
    url = f"{world.system.gateway}{path}"
    return httpx.post(url, json=body, headers=identity(Role.coordinator), timeout=30)


def test_every_validation_error_is_german(world: World) -> None:
    unknown = "00000000-0000-4000-8000-000000000000"
    answers = [
        post(world, "/api/landlords", {"cooperation_agreement": [1]}),
        post(world, f"/api/volunteers/{unknown}/leaving", 0.05),
    ]
    for answer in answers:
        assert answer.status_code == 422, answer.text
        said = [f["message"] for f in answer.json()["error"]["fields"]]
        assert not [m for m in said if ENGLISH.search(m)], answer.text


def test_huge_amounts_are_refused(world: World) -> None:
    answer = post(world, "/api/offers", {"cold_rent": -6.0301e130})
    assert answer.status_code == 422, answer.text
