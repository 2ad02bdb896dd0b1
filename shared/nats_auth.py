"""Who may do what on the bus: the one table of NATS principals and their permissions.

Every process authenticates to NATS as a principal of its own and may publish, subscribe
and use the JetStream API only for what its job needs (deploy/README.md, "Who may do what on NATS"):

- a service publishes only its own events (`auszug.<context>.<Type>`), answers only its
  own requests (`auszug.rpc.<context>.…`, replies through `allow_responses`), dead-letters
  only under its own consumers' names, and manages, pulls from and acks only its own
  durable consumers, each with the filter subject declared here;
- only the gateway sends requests to the services (there are no calls between services);
- only the operator creates, changes or deletes streams (`python -m shared.provision`).

Each principal gets an inbox prefix of its own (`_INBOX_<name>`), so no process can
subscribe to the replies another one waits for. `ServiceHost` refuses to start a
consumer that is not declared here, so the table and the code cannot drift apart.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import bcrypt

from shared.messaging import DLQ_SUBJECT_ROOT, EVENT_CONTEXTS, EVENTS_STREAM, inbox_prefix

JS_API = "$JS.API"
OPERATOR = "operator"
GATEWAY = "gateway"
# A fresh read model replays the stream through short-lived consumers of its own; a slot
# per replica that may be catching up at the same time (shared.catchup).
CATCH_UP_SLOTS = 4


def catch_up_name(durable: str, slot: int) -> str:
    return f"{durable}_catchup_{slot}"


@dataclass(frozen=True)
class Principal:
    name: str
    # Durable consumer name → the filter subject it reads.
    consumers: Mapping[str, str] = field(default_factory=dict)
    publishes_events: bool = False
    answers_requests: bool = False
    sends_requests: bool = False
    operates_streams: bool = False

    def publish(self) -> list[str]:
        allow: list[str] = []
        if self.publishes_events:
            allow.append(f"auszug.{self.name}.*")
        if self.sends_requests:
            allow.append("auszug.rpc.*.*")
        if self.operates_streams:
            allow += [f"{JS_API}.>", "$JS.ACK.>"]
        if self.consumers:
            allow.append(f"{JS_API}.INFO")
            allow.append(f"{JS_API}.STREAM.INFO.{EVENTS_STREAM}")
        for durable, filter_subject in self.consumers.items():
            allow += _consumer_subjects(durable, filter_subject)
            allow.append(f"{DLQ_SUBJECT_ROOT}.{durable}")
            for slot in range(CATCH_UP_SLOTS):
                allow += _catch_up_subjects(catch_up_name(durable, slot), filter_subject)
        return allow

    def subscribe(self) -> list[str]:
        allow = [f"{inbox_prefix(self.name)}.>"]
        if self.operates_streams:
            # Operators' tools (the nats CLI, nats-py defaults) use the plain inbox; no
            # other principal's replies arrive there, each has a prefix of its own.
            allow.append("_INBOX.>")
        if self.answers_requests:
            allow.append(f"auszug.rpc.{self.name}.*")
        return allow


def _consumer_subjects(durable: str, filter_subject: str) -> list[str]:
    stream = EVENTS_STREAM
    return [
        f"{JS_API}.CONSUMER.CREATE.{stream}.{durable}.{filter_subject}",
        f"{JS_API}.CONSUMER.INFO.{stream}.{durable}",
        f"{JS_API}.CONSUMER.DELETE.{stream}.{durable}",
        f"{JS_API}.CONSUMER.MSG.NEXT.{stream}.{durable}",
        f"$JS.ACK.{stream}.{durable}.>",
    ]


def _catch_up_subjects(name: str, filter_subject: str) -> list[str]:
    stream = EVENTS_STREAM
    return [
        f"{JS_API}.CONSUMER.CREATE.{stream}.{name}.{filter_subject}",
        f"{JS_API}.CONSUMER.DELETE.{stream}.{name}",
        f"{JS_API}.CONSUMER.MSG.NEXT.{stream}.{name}",
    ]


_ALL_EVENTS = "auszug.*.*"

PRINCIPALS: dict[str, Principal] = {
    p.name: p
    for p in (
        Principal(
            "intake",
            consumers={
                "intake-placements": "auszug.placement.*",
                "intake-disclosures": "auszug.volunteer.*",
            },
            publishes_events=True,
            answers_requests=True,
        ),
        Principal(
            "placement",
            consumers={
                "placement-households": "auszug.intake.*",
                "placement-offers": "auszug.placement.*",
            },
            publishes_events=True,
            answers_requests=True,
        ),
        Principal(
            "volunteer",
            consumers={
                "volunteer-households": "auszug.intake.*",
                "volunteer-placements": "auszug.placement.PlacementCompleted",
                "volunteer-erasure": "auszug.intake.PersonalDataErased",
            },
            publishes_events=True,
            answers_requests=True,
        ),
        Principal(
            "prevention",
            consumers={
                "prevention-aftercare": "auszug.placement.*",
                "prevention-restrictions": "auszug.intake.*",
            },
            publishes_events=True,
            answers_requests=True,
        ),
        Principal(
            "reporting",
            consumers={"reporting-figures": _ALL_EVENTS, "reporting-facts": _ALL_EVENTS},
            answers_requests=True,
        ),
        Principal(GATEWAY, sends_requests=True),
        Principal(OPERATOR, operates_streams=True),
    )
}
assert all(p in PRINCIPALS for p in EVENT_CONTEXTS)


class UndeclaredConsumer(Exception):
    """A service tried to start a consumer that the bus would refuse it."""


def check_consumer(principal: str, durable: str, filter_subject: str) -> None:
    declared = PRINCIPALS[principal].consumers.get(durable)
    if declared != filter_subject:
        raise UndeclaredConsumer(
            f"consumer {durable!r} of {principal!r} reads {filter_subject!r}, but "
            f"shared/nats_auth.py declares {declared!r}: declare it there, or NATS refuses it"
        )


# --------------------------------------------------------------------- credentials

PASSWORD_SUFFIX = ".password"
AUTH_CONF = "auth.conf"
ACCOUNT = "AUSZUG"
# bcrypt cost of the hashes in auth.conf: the server checks one per connection, and a
# process connects once (and again after a broker restart).
BCRYPT_ROUNDS = 11


def password_file(directory: Path, principal: str) -> Path:
    return directory / f"{principal}{PASSWORD_SUFFIX}"


def _write_private(path: Path, text: str) -> None:
    """Create `path` readable by its owner only, from the first byte on."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(text)
    os.chmod(path, 0o600)  # also when it existed with wider bits


def ensure_passwords(directory: Path) -> dict[str, str]:
    """Each principal's password, created once (32 random bytes) and kept after that."""
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    passwords = {}
    for name in PRINCIPALS:
        path = password_file(directory, name)
        if not path.exists():
            _write_private(path, secrets.token_urlsafe(32) + "\n")
        passwords[name] = path.read_text().strip()
    return passwords


def _hash(password: str) -> str:
    # "2a": the prefix every nats-server release recognises as a bcrypt hash.
    salt = bcrypt.gensalt(rounds=BCRYPT_ROUNDS, prefix=b"2a")
    return bcrypt.hashpw(password.encode(), salt).decode()


def _quoted(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def render_auth_conf(passwords: Mapping[str, str]) -> str:
    """The nats-server configuration fragment: one account, a user per principal."""
    users = []
    for name, principal in PRINCIPALS.items():
        users.append(
            "      {\n"
            f"        user: {json.dumps(name)}\n"
            f"        password: {json.dumps(_hash(passwords[name]))}\n"
            "        permissions: {\n"
            f"          publish: {{ allow: {_quoted(principal.publish())} }}\n"
            f"          subscribe: {{ allow: {_quoted(principal.subscribe())} }}\n"
            + ("          allow_responses: true\n" if principal.answers_requests else "")
            + "        }\n"
            "      }"
        )
    return (
        "# Generated by `python -m shared.nats_auth` from shared/nats_auth.py; do not edit.\n"
        "# Clients without credentials are refused; each user may do only what its job needs.\n"
        "accounts {\n"
        f"  {ACCOUNT} {{\n"
        "    jetstream: enabled\n"
        "    users: [\n" + "\n".join(users) + "\n    ]\n"
        "  }\n"
        "}\n"
    )


def ensure_credentials(directory: Path) -> Path:
    """Passwords (kept) and `auth.conf` (rewritten, so permission changes in the code
    reach the server at its next start). Returns the path of `auth.conf`."""
    passwords = ensure_passwords(directory)
    conf = directory / AUTH_CONF
    _write_private(conf, render_auth_conf(passwords))
    return conf


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m shared.nats_auth",
        description="Create the NATS users' passwords (kept once made) and the server's "
        f"{AUTH_CONF} (mode 0600) in DIRECTORY.",
    )
    parser.add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    print(ensure_credentials(args.directory))


if __name__ == "__main__":
    main()
