"""Nobody on the bus who does not belong (issue 12): every process signs in to NATS, and
each principal may publish and subscribe only what shared/nats_auth.py grants it.

The caller a request carries is trusted by the services only because nobody but the
gateway can send them requests; these tests try, with each principal's credentials, every
other service's request subjects, every foreign event subject, the dead letters of other
consumers, other principals' reply inboxes and the stream administration, and expect a
refusal from the server for each — and no refusal for what the principal's job needs.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import Any

import nats
import pytest
from nats.aio.client import Client as NatsClient
from nats.errors import Error as NatsError
from nats.js.api import StreamConfig

from shared.messaging import EVENT_CONTEXTS, EVENTS_STREAM
from shared.nats_auth import GATEWAY, OPERATOR, PRINCIPALS
from support.nats_server import NatsServer, connect, login

SERVICES = tuple(name for name, p in PRINCIPALS.items() if p.answers_requests)
DURABLES = {d: name for name, p in PRINCIPALS.items() for d in p.consumers}
# nats-py hands the server's error on in lower case, subject included.
VIOLATION = re.compile(r'permissions violation for (publish|subscription) to "([^"]+)"')


async def signed_in(server: NatsServer, principal: str) -> tuple[NatsClient, set[tuple[str, str]]]:
    """A client of `principal`, and the permission violations the server reports to it."""
    refusals: set[tuple[str, str]] = set()

    async def on_error(error: Exception) -> None:
        if found := VIOLATION.search(str(error)):
            refusals.add((found.group(1), found.group(2)))

    nc = await connect(server.url, principal, error_cb=on_error, allow_reconnect=False)
    return nc, refusals


def attempts(principal: str) -> tuple[list[str], list[str]]:
    """Subjects to publish to and to subscribe to: everything a principal could want."""
    publish = [f"auszug.rpc.{s}.get_household" for s in SERVICES]
    publish += [f"auszug.{c}.HouseholdRegistered" for c in EVENT_CONTEXTS]
    publish += [f"auszug.dlq.{d}" for d in DURABLES]
    publish += [
        f"$JS.API.STREAM.DELETE.{EVENTS_STREAM}",
        f"$JS.API.STREAM.PURGE.{EVENTS_STREAM}",
        "$JS.API.STREAM.CREATE.FORGED",
        f"$JS.API.STREAM.MSG.GET.{EVENTS_STREAM}",
    ]
    publish += [f"$JS.API.CONSUMER.DELETE.{EVENTS_STREAM}.{d}" for d in DURABLES]
    # Its own durable name, but reading everything: the filter is pinned as well.
    publish += [f"$JS.API.CONSUMER.CREATE.{EVENTS_STREAM}.{d}.auszug.>" for d in DURABLES]
    publish += [f"$JS.API.CONSUMER.CREATE.{EVENTS_STREAM}.anything.auszug.intake.*"]
    subscribe = [f"auszug.rpc.{s}.*" for s in SERVICES]
    subscribe += [f"_INBOX_{p}.>" for p in PRINCIPALS if p != OPERATOR]
    subscribe += ["auszug.intake.*", "auszug.>", ">"]
    return publish, subscribe


def allowed(principal: str, kind: str, subject: str) -> bool:
    """What the principal's job needs, written out independently of shared/nats_auth.py."""
    me = PRINCIPALS[principal]
    if principal == OPERATOR:
        return kind == "Publish" and subject.startswith("$JS.API.")
    if kind == "Subscription":
        return subject in (f"auszug.rpc.{principal}.*", f"_INBOX_{principal}.>") and (
            me.answers_requests or subject.startswith("_INBOX_")
        )
    if subject.startswith("auszug.rpc."):
        return principal == GATEWAY
    if subject.startswith("auszug.dlq."):
        return DURABLES.get(subject.removeprefix("auszug.dlq.")) == principal
    if subject.startswith("auszug."):
        return subject.split(".")[1] == principal and principal in EVENT_CONTEXTS
    own_delete = f"$JS.API.CONSUMER.DELETE.{EVENTS_STREAM}."
    if subject.startswith(own_delete):  # a rebuild or a changed filter drops its durable
        return DURABLES.get(subject.removeprefix(own_delete)) == principal
    return False  # the JetStream API beyond its own consumers with their own filters


@pytest.mark.parametrize("principal", sorted(PRINCIPALS))
async def test_each_principal_is_refused_everything_but_its_job(
    nats_server: NatsServer, principal: str
) -> None:
    nc, refusals = await signed_in(nats_server, principal)
    publish, subscribe = attempts(principal)
    try:
        for subject in subscribe:
            await nc.subscribe(subject)
            await nc.flush()
        for subject in publish:
            await nc.publish(subject, b"{}")
        await nc.flush()
        expected = {("publish", s.lower()) for s in publish if not allowed(principal, "Publish", s)}
        expected |= {
            ("subscription", s.lower())
            for s in subscribe
            if not allowed(principal, "Subscription", s)
        }
        await until(lambda: refusals >= expected, what=f"{len(expected)} refusals")
        # And nothing the job needs was refused.
        assert refusals == expected
    finally:
        await nc.close()


async def test_the_operator_alone_administers_streams_and_no_one_forges_an_event(
    nats_server: NatsServer,
) -> None:
    operator = await connect(nats_server.url)
    js = operator.jetstream()
    await js.add_stream(StreamConfig(name="THROWAWAY", subjects=["throwaway.>"]))
    assert await js.delete_stream("THROWAWAY")
    before = (await js.stream_info(EVENTS_STREAM)).state.messages

    for principal in (p for p in PRINCIPALS if p != "intake"):
        nc, _ = await signed_in(nats_server, principal)
        try:
            # JetStream publish waits for the stream's acknowledgement: a refused publish
            # never reaches the stream, so it times out instead.
            with pytest.raises(NatsError):
                await nc.jetstream().publish(
                    "auszug.intake.HouseholdRegistered", b"{}", timeout=0.5
                )
            if principal != OPERATOR:
                with pytest.raises(NatsError):
                    await nc.jetstream().delete_stream(EVENTS_STREAM)
        finally:
            await nc.close()
    assert (await js.stream_info(EVENTS_STREAM)).state.messages == before
    await operator.close()


async def test_a_client_without_or_with_wrong_credentials_cannot_connect(
    nats_server: NatsServer,
) -> None:
    async def refused(connecting: Callable[[], Awaitable[NatsClient]]) -> None:
        with pytest.raises(NatsError):
            nc = await connecting()
            await nc.close()

    quiet: dict[str, Any] = {
        "allow_reconnect": False,
        "max_reconnect_attempts": 0,
        "connect_timeout": 2,
    }
    await refused(lambda: nats.connect(nats_server.url, **quiet))
    wrong = login(nats_server.url, "intake").options() | {"password": "guessed"}
    await refused(lambda: nats.connect(**wrong, **quiet))


async def until(check: Callable[[], bool], *, what: str) -> None:
    try:
        async with asyncio.timeout(10):
            while not check():  # noqa: ASYNC110 - the server's answers arrive on their own
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None
