"""Replay: dropping the reporting read model and rebuilding it from the stream gives the
live figures exactly; republishing every stored event changes no figure."""

from __future__ import annotations

import asyncio

from shared.messaging import EVENTS_STREAM
from support.bus import stream_messages
from support.nats_server import connect
from support.system import System, household, run_module, wait_until

PROVIDERS = ("caritas", "drk", "fluechtlingsrat")
YEARS = (2023, 2024, 2025)


def all_figures(system: System) -> dict[tuple[int, str | None], dict[str, int]]:
    result: dict[tuple[int, str | None], dict[str, int]] = {}
    for year in YEARS:
        result[(year, None)] = system.figures(year)
        for provider in PROVIDERS:
            result[(year, provider)] = system.figures(year, provider=provider)
    return result


def test_a_rebuilt_read_model_equals_the_live_one(system: System) -> None:
    n = 90
    for i in range(n):
        year = YEARS[i % 3]
        body = household(
            f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            PROVIDERS[i % 2 + i % 3 // 2],
            adults=1 + i % 2,
            minors=i % 4,
        )
        assert system.register(body).status_code == 201
    system.wait_for_households(2025, n // 3)
    system.wait_for_households(2023, n // 3)
    live = all_figures(system)
    assert sum(f["households_registered"] for (y, p), f in live.items() if p is None) == n

    system["reporting"].stop()
    out = run_module(system, "reporting", "services.reporting", "rebuild")
    assert "dropped" in out
    system["reporting"].start()
    system.wait_for_households(2025, n // 3)
    system.wait_for_households(2024, n // 3)
    system.wait_for_households(2023, n // 3)
    assert all_figures(system) == live


def test_republishing_every_stored_event_changes_no_figure(system: System) -> None:
    for i in range(20):
        assert system.register(household(minors=i % 2)).status_code == 201
    before = system.wait_for_households(2025, 20)
    published = "auszug_outbox_published_total"
    published_before = system["intake"].metrics()[published]

    out = run_module(system, "intake", "shared.republish", "intake")
    assert "20 events queued" in out
    wait_until(
        lambda: system["intake"].metrics()[published] >= published_before + 20,
        what="the running relay republished all 20",
    )
    # Within the duplicate window JetStream itself drops them: still 20 messages.
    assert stream_messages(system.nats.url) == 20
    assert system.figures(2025) == before


def test_a_redelivered_event_beyond_the_duplicate_window_is_dropped_by_the_consumer(
    system: System,
) -> None:
    assert system.register(household(adults=2)).status_code == 201
    before = system.wait_for_households(2025, 1)

    async def publish_again_as_if_after_the_window() -> None:
        reader = await connect(system.nats.url)
        original = await reader.jetstream().get_msg(EVENTS_STREAM, 1)
        await reader.drain()
        nc = await connect(system.nats.url, "intake")
        js = nc.jetstream()
        assert original.subject is not None and original.data is not None
        # A new Nats-Msg-Id: JetStream cannot recognise it, only the consumer can.
        await js.publish(original.subject, original.data, headers={"Nats-Msg-Id": "replayed"})
        await nc.drain()

    asyncio.run(publish_again_as_if_after_the_window())
    duplicate = 'auszug_events_consumed_total{consumer="reporting-figures",outcome="duplicate"}'
    wait_until(lambda: system["reporting"].metrics().get(duplicate) == 1.0, what=duplicate)
    assert system.figures(2025) == before
