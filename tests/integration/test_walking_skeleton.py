"""The thin slice over HTTP: a household registered at the gateway shows up in the figures."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta
from uuid import uuid4

from shared.clock import today
from shared.envelope import Envelope
from shared.messaging import DLQ_STREAM, EVENTS_STREAM
from support.nats_server import connect
from support.system import System, household, wait_until


def test_a_registered_household_is_counted_in_the_year_of_its_registration(system: System) -> None:
    response = system.register(household("2025-12-31", adults=2, minors=3))
    assert response.status_code == 201, response.text
    household_id = response.json()["household_id"]

    figures = system.wait_for_households(2025, 1)
    assert figures == {
        "households_registered": 1,
        "persons_registered": 5,
        "adults_registered": 2,
        "minors_registered": 3,
    }
    # Business time, in the municipality's time zone: 31 December stays in 2025.
    assert system.figures(2026)["households_registered"] == 0

    detail = system.http.get(f"{system.gateway}/api/households/{household_id}")
    assert detail.status_code == 200
    assert detail.json()["persons"] == 5
    assert detail.json()["members"][0]["given_name"] == "Person 0"


def test_figures_are_per_provider_and_per_municipality(system: System) -> None:
    assert system.register(household(provider="caritas")).status_code == 201
    assert system.register(household(provider="drk", adults=2)).status_code == 201
    assert (
        system.register(household(provider="drk"), **{"x-auszug-municipality": "bergisch-gladbach"})
    ).status_code == 201
    system.wait_for_households(2025, 2)
    assert system.figures(2025, provider="drk")["persons_registered"] == 2

    def gladbach_households() -> int:
        response = system.http.get(
            f"{system.gateway}/api/reports/yearly/2025",
            headers={"x-auszug-municipality": "bergisch-gladbach"},
        )
        figures = {f["key"]: f["value"] for f in response.json()["figures"]}
        return int(figures["households_registered"])

    wait_until(lambda: gladbach_households() == 1, what="Bergisch Gladbach's household counted")


def test_invalid_input_is_a_422_naming_the_field_and_appends_nothing(system: System) -> None:
    bad = household()
    bad["registered_on"] = "2025-02-30"
    bad["members"][0]["age_band"] = "uralt"
    response = system.register(bad)
    assert response.status_code == 422
    fields = {f["field"]: f["message"] for f in response.json()["error"]["fields"]}
    assert set(fields) == {"registered_on", "members.0.age_band"}
    # A person reads a German example, an API client the ISO form it must send.
    assert "01.03.2026" in fields["registered_on"] and "2026-03-01" in fields["registered_on"]

    # A rule of the domain, not the shape: refused by the service, as a 409. (A day more
    # than a year ahead is implausible and refused at the field already.)
    future = system.register(household((today() + timedelta(days=30)).isoformat()))
    assert future.status_code == 409
    assert "Zukunft" in future.json()["error"]["message"]

    appended = {k: v for k, v in system["intake"].metrics().items() if "events_appended_total" in k}
    assert sum(appended.values()) == 0, appended


def test_a_caseworker_cannot_see_another_providers_household(system: System) -> None:
    household_id = system.register(household(provider="caritas")).json()["household_id"]
    as_drk = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk"}
    as_caritas = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas"}
    url = f"{system.gateway}/api/households/{household_id}"
    assert system.http.get(url, headers=as_drk).status_code == 404
    assert system.http.get(url, headers=as_caritas).status_code == 200
    other_city = {"x-auszug-municipality": "bergisch-gladbach"}
    assert system.http.get(url, headers=other_city).status_code == 404
    refused = system.register(household(provider="caritas"), **as_drk)
    assert refused.status_code == 403


def test_two_concurrent_writes_to_one_household_one_wins_one_gets_409(system: System) -> None:
    body = household(household_id=str(uuid4()))
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def post() -> None:
        barrier.wait()
        statuses.append(system.register(body).status_code)

    threads = [threading.Thread(target=post) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [201, 409]
    system.wait_for_households(2025, 1)


def test_a_malformed_message_is_dead_lettered_and_the_rest_still_flows(system: System) -> None:
    unknown = Envelope(
        event_id=uuid4(),
        event_type="HouseholdTeleported",
        schema_version=1,
        stream_id="household:koeln:x",
        stream_version=2,
        municipality="koeln",
        provider=None,
        actor="a-newer-release",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=datetime(2025, 6, 1, tzinfo=UTC),
        recorded_at=datetime(2025, 6, 1, tzinfo=UTC),
        payload={"household_id": str(uuid4())},
    )

    async def publish_garbage() -> None:
        # Garbage on intake's subjects: only intake's credentials may publish there.
        nc = await connect(system.nats.url, "intake")
        js = nc.jetstream()
        await js.publish("auszug.intake.HouseholdRegistered", b"{not an envelope")
        # A well-formed envelope of a type this release does not know: skipped, counted.
        await js.publish("auszug.intake.HouseholdTeleported", unknown.model_dump_json().encode())
        await nc.drain()

    assert system.register(household()).status_code == 201
    asyncio.run(publish_garbage())
    assert system.register(household()).status_code == 201

    system.wait_for_households(2025, 2)
    metric = 'auszug_events_dead_lettered_total{consumer="reporting-figures",reason="malformed"}'
    wait_until(lambda: system["reporting"].metrics().get(metric) == 1.0, what=metric)
    skipped = 'auszug_events_consumed_total{consumer="reporting-figures",outcome="unknown_type"}'
    assert system["reporting"].metrics().get(skipped) == 1.0

    async def dead_letter_and_event_count() -> tuple[str, int]:
        nc = await connect(system.nats.url)
        js = nc.jetstream()
        # Every consumer of intake's subjects dead-letters it once, under its own subject.
        dead = await js.get_last_msg(DLQ_STREAM, "auszug.dlq.reporting-figures")
        events = await js.stream_info(EVENTS_STREAM)
        await nc.drain()
        assert dead.headers is not None and dead.data == b"{not an envelope"
        return dead.headers["Auszug-Reason"], events.state.messages

    assert asyncio.run(dead_letter_and_event_count()) == ("malformed", 4)
