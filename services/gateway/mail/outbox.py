"""The gateway's mail outbox: mails to staff are rows first, then sent.

A request or the daily digest only inserts a row (`enqueue`, under a key its retry or a
second replica repeats, so the mail is sent once); the sender task (`MailSender`, in the
gateway's lifespan) delivers due rows through the SMTP server. So a slow or refusing
mail server never blocks or fails a request: a failed delivery waits (`backoff`: the
first retry after `mail_retry_seconds`, then twice as long each time, at most
`mail_retry_max_seconds`) and is tried again.

Two gateway replicas share the table: a sender claims a row with one conditional UPDATE
(only a row nobody holds, or whose claim ran out) before it talks to the server, so one
mail is never sent by both. A sender that dies holding a claim leaves the row to the
others once the claim runs out (at-least-once: a crash between the server's "250 OK"
and the commit of `sent_at` sends that one mail again).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any
from uuid import uuid4

import aiosmtplib
import sqlalchemy as sa
import structlog
from prometheus_client import Counter, Gauge
from sqlalchemy.exc import IntegrityError

from services.gateway.adapters.tables import mail_outbox
from services.gateway.settings import GatewaySettings
from shared.clock import utcnow
from shared.db import Database

log = structlog.get_logger(__name__)

ASSIGNED = "assigned"
DIGEST = "digest"
KINDS = (ASSIGNED, DIGEST)
# Sent rows are kept this long (their key answers a late retry), then deleted.
KEEP_SENT = timedelta(days=7)
# Rows one pass of the sender takes on.
BATCH = 20

SENT = Counter("auszug_mail_sent_total", "Mails the SMTP server accepted, by kind.", ["kind"])
FAILURES = Counter(
    "auszug_mail_failures_total", "Deliveries that failed (refused, unreachable, timed out)."
)
PENDING = Gauge("auszug_mail_pending", "Mails in the outbox not yet sent.")
OLDEST_PENDING = Gauge(
    "auszug_mail_oldest_pending_age_seconds", "Age of the oldest mail not yet sent (0: none)."
)
for _kind in KINDS:
    SENT.labels(kind=_kind)  # present at 0 from the start, for rate() and alerts


@dataclass(frozen=True)
class Mail:
    """A rendered mail: plain German text, no personal data of households (texts.py)."""

    recipient: str
    subject: str
    body: str


def backoff(attempts: int, first: float, cap: float) -> float:
    """Seconds to wait after the `attempts`-th failed delivery (1, 2, 4 … × `first`)."""
    return float(min(first * 2 ** max(attempts - 1, 0), cap))


async def exists(db: Database, key: str) -> bool:
    async with db.read() as conn:
        found = await conn.execute(sa.select(mail_outbox.c.key).where(mail_outbox.c.key == key))
        return found.first() is not None


async def enqueue(db: Database, key: str, kind: str, mail: Mail, now: datetime) -> bool:
    """Adds the mail under `key` unless a mail with that key exists; True when added."""
    row = {
        "key": key,
        "kind": kind,
        "recipient": mail.recipient,
        "subject": mail.subject,
        "body": mail.body,
        "created_at": now,
        "due_at": now,
        "attempts": 0,
    }
    try:
        async with db.transaction() as conn:
            found = await conn.execute(sa.select(mail_outbox.c.key).where(mail_outbox.c.key == key))
            if found.first() is not None:
                return False
            await conn.execute(mail_outbox.insert().values(**row))
    except IntegrityError:  # another request or replica inserted it first
        return False
    log.info("mail enqueued", kind=kind, key=key)
    return True


class MailSender:
    """Delivers due rows of the outbox, one pass every `mail_poll_seconds`."""

    def __init__(
        self, db: Database, settings: GatewaySettings, *, now: Callable[[], datetime] = utcnow
    ) -> None:
        self.db, self.settings, self.now = db, settings, now
        self.name = uuid4().hex
        self._task: asyncio.Task[None] | None = None
        # A claim outlives one delivery (its timeout) by a margin.
        self.claim_for = timedelta(seconds=2 * settings.smtp_timeout_seconds + 60)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.loop(), name="mail-sender")
            log.info(
                "mail sender started",
                host=self.settings.smtp_host,
                port=self.settings.smtp_port,
                starttls=self.settings.smtp_starttls,
            )

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def loop(self) -> None:
        while True:
            try:
                await self.run_once()
            except Exception:  # the database away for a moment: log, try again later
                log.exception("mail sender pass failed")
            await asyncio.sleep(self.settings.mail_poll_seconds)

    async def run_once(self) -> int:
        """One pass: every due row this sender can claim; how many were sent."""
        now = self.now()
        free = sa.or_(mail_outbox.c.claimed_until.is_(None), mail_outbox.c.claimed_until < now)
        async with self.db.read() as conn:
            keys = (
                await conn.scalars(
                    sa.select(mail_outbox.c.key)
                    .where(mail_outbox.c.sent_at.is_(None), mail_outbox.c.due_at <= now, free)
                    .order_by(mail_outbox.c.due_at, mail_outbox.c.key)
                    .limit(BATCH)
                )
            ).all()
        sent = 0
        for key in keys:
            if await self._deliver(key):
                sent += 1
        await self._tidy_and_measure()
        return sent

    async def claim(self, key: str) -> sa.Row[Any] | None:
        """The row, now held by this sender; None when it is sent or another one holds it
        (one conditional UPDATE: of two replicas asking at once, one gets it)."""
        now = self.now()
        async with self.db.transaction() as conn:
            claimed = await conn.execute(
                mail_outbox.update()
                .where(
                    mail_outbox.c.key == key,
                    mail_outbox.c.sent_at.is_(None),
                    sa.or_(
                        mail_outbox.c.claimed_until.is_(None),
                        mail_outbox.c.claimed_until < now,
                    ),
                )
                .values(claimed_by=self.name, claimed_until=now + self.claim_for)
            )
            if claimed.rowcount != 1:
                return None
            return (
                await conn.execute(sa.select(mail_outbox).where(mail_outbox.c.key == key))
            ).one()

    async def _deliver(self, key: str) -> bool:
        row = await self.claim(key)
        if row is None:
            return False
        try:
            await self._send(Mail(row.recipient, row.subject, row.body))
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            await self._failed(key, row.kind, row.attempts + 1, exc)
            return False
        async with self.db.transaction() as conn:
            await conn.execute(
                mail_outbox.update()
                .where(mail_outbox.c.key == key, mail_outbox.c.claimed_by == self.name)
                .values(sent_at=self.now(), claimed_by=None, claimed_until=None)
            )
        SENT.labels(kind=row.kind).inc()
        log.info("mail sent", kind=row.kind, key=key, attempts=row.attempts + 1)
        return True

    async def _failed(self, key: str, kind: str, attempts: int, exc: Exception) -> None:
        FAILURES.inc()
        wait = backoff(
            attempts, self.settings.mail_retry_seconds, self.settings.mail_retry_max_seconds
        )
        async with self.db.transaction() as conn:
            await conn.execute(
                mail_outbox.update()
                .where(mail_outbox.c.key == key, mail_outbox.c.claimed_by == self.name)
                .values(
                    attempts=attempts,
                    due_at=self.now() + timedelta(seconds=wait),
                    claimed_by=None,
                    claimed_until=None,
                    last_error=f"{type(exc).__name__}: {exc}"[:300],
                )
            )
        log.warning(
            "mail not delivered, retried later",
            kind=kind,
            key=key,
            attempts=attempts,
            retry_in_seconds=wait,
            error=type(exc).__name__,
        )

    async def _send(self, mail: Mail) -> None:
        settings = self.settings
        message = EmailMessage()
        message["From"] = settings.smtp_from
        message["To"] = mail.recipient
        message["Subject"] = mail.subject
        message["Date"] = format_datetime(self.now())
        message["Message-ID"] = make_msgid(domain="auszug")
        message.set_content(mail.body)
        await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            start_tls=settings.smtp_starttls,
            username=settings.smtp_user,
            password=settings.smtp_password,
            timeout=settings.smtp_timeout_seconds,
        )

    async def _tidy_and_measure(self) -> None:
        now = self.now()
        async with self.db.transaction() as conn:
            await conn.execute(mail_outbox.delete().where(mail_outbox.c.sent_at < now - KEEP_SENT))
        async with self.db.read() as conn:
            count, oldest = (
                await conn.execute(
                    sa.select(sa.func.count(), sa.func.min(mail_outbox.c.created_at)).where(
                        mail_outbox.c.sent_at.is_(None)
                    )
                )
            ).one()
        PENDING.set(count)
        OLDEST_PENDING.set((now - oldest).total_seconds() if oldest is not None else 0.0)
