"""A real SMTP server on loopback for the gateway's mail (aiosmtpd, in a thread): what
arrives is parsed and kept; `refusing` makes it answer every mail with 451 (try later),
as a mail server does that is overloaded or greylists."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from .ports import free_port


class Inbox:
    """The receiving side: `messages` in the order they arrived, `refused` counts 451s."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refused = 0
        self.refusing = False
        self.port = free_port()
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            if self.refusing:
                self.refused += 1
                return "451 4.3.0 Bitte spaeter noch einmal"
            parsed = message_from_bytes(envelope.content, policy=policy.default)
            assert isinstance(parsed, EmailMessage)
            self.messages.append(parsed)
        return "250 OK"

    def received(self) -> list[EmailMessage]:
        with self._lock:
            return list(self.messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.received() if m["To"] == address]

    @property
    def env(self) -> dict[str, str]:
        """The gateway's settings for this server: no TLS on loopback; quick polls and
        retries, so a test waits for fractions of a second, not minutes."""
        return {
            "AUSZUG_GATEWAY_SMTP_HOST": "127.0.0.1",
            "AUSZUG_GATEWAY_SMTP_PORT": str(self.port),
            "AUSZUG_GATEWAY_SMTP_STARTTLS": "false",
            "AUSZUG_GATEWAY_SMTP_FROM": "Auszug <auszug@stadt.example>",
            "AUSZUG_GATEWAY_PUBLIC_URL": "https://auszug.stadt.example",
            "AUSZUG_GATEWAY_MAIL_POLL_SECONDS": "0.1",
            "AUSZUG_GATEWAY_MAIL_RETRY_SECONDS": "0.2",
            "AUSZUG_GATEWAY_MAIL_RETRY_MAX_SECONDS": "0.5",
        }


def body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    content = part.get_content()
    assert isinstance(content, str)
    return content


@contextmanager
def smtp_server() -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()
