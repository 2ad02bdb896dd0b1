"""E-mail to staff (services/gateway/mail): the backoff schedule, the texts (nothing in
them but kinds of steps, days, short references and links), and the outbox on a SQLite
file with a clock the test moves: a key enqueues once, a claimed row is no other
sender's until its claim runs out, a failed delivery waits its backoff and is counted."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from uuid import UUID

import aiosmtplib
import pytest
import sqlalchemy as sa
from prometheus_client import REGISTRY

from services.gateway.adapters import MIGRATIONS
from services.gateway.adapters.tables import mail_outbox
from services.gateway.mail.outbox import (
    ASSIGNED,
    Mail,
    MailSender,
    backoff,
    enqueue,
)
from services.gateway.mail.texts import Assigned, DigestSection, assigned_mail, digest_mail
from services.gateway.settings import GatewaySettings
from services.gateway.users import UsageError, account_from
from shared.contracts.followups import FollowUpItem, Rule, SubjectKind
from shared.contracts.reporting.labels import FOLLOW_UP
from shared.db import Database
from shared.migrations import upgrade

HOUSEHOLD = UUID("0a1b2c3d-0000-4000-8000-000000000001")
OFFER = UUID("9f8e7d6c-0000-4000-8000-000000000002")
BASE = "https://auszug.stadt.example"
DAY = date(2026, 12, 9)


def test_each_failure_waits_twice_as_long_as_the_one_before_up_to_an_hour() -> None:
    waits = [backoff(n, 60, 3600) for n in range(1, 10)]
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_the_account_command_takes_an_address_and_refuses_a_malformed_one() -> None:
    args = argparse.Namespace(
        role="caseworker",
        provider="caritas",
        login="m.muster",
        municipality="koeln",
        name=None,
        email="M.Muster@Caritas-Koeln.DE",
    )
    assert account_from(args, "ein-langes-Passwort-1").email == "M.Muster@caritas-koeln.de"
    args.email = "m.muster@caritas"
    with pytest.raises(UsageError, match=r"Die E-Mail-Adresse m\.muster@caritas ist ungültig"):
        account_from(args, "ein-langes-Passwort-1")


def test_an_assignment_mail_says_the_subject_by_short_reference_the_day_and_the_link() -> None:
    page = f"/ui/haushalte/{HOUSEHOLD}#wiedervorlagen"
    what = Assigned(SubjectKind.household, HOUSEHOLD, HOUSEHOLD, DAY, time(10, 30), page)
    subject, body = assigned_mail(what, BASE)
    assert subject == "Auszug: Wiedervorlage für Sie – Haushalt 0a1b2c3d, fällig am 09.12.2026"
    assert "Zu: Haushalt 0a1b2c3d\nFällig am: 09.12.2026, 10:30 Uhr\n" in body
    assert f"Öffnen: {BASE}{page}\n" in body
    offer = Assigned(SubjectKind.offer, OFFER, None, DAY, None, f"/ui/wohnungen/{OFFER}")
    assert "Zu: Wohnungsangebot 9f8e7d6c\nFällig am: 09.12.2026\n" in assigned_mail(offer, BASE)[1]


def item(kind: Rule | str, subject_kind: SubjectKind, overdue: int) -> FollowUpItem:
    on_household = subject_kind is SubjectKind.household or kind == Rule.stage_stalled
    return FollowUpItem(
        follow_up_id=UUID(int=overdue + 1000),
        kind=kind,
        subject_kind=subject_kind,
        subject_id=HOUSEHOLD if subject_kind is SubjectKind.household else OFFER,
        household_id=HOUSEHOLD if on_household else None,
        provider="caritas",
        anchor_on=DAY - timedelta(days=30),
        due_on=DAY - timedelta(days=overdue),
        assignee=None,
        days_overdue=overdue,
    )


# Every line a digest may have: fixed German, a heading with its count, one line per item
# (label · kind and short reference · day), its link, "… und N weitere". Nothing else: no
# place where a name or a text could stand.
LABELS = "|".join(re.escape(label) for label in (*FOLLOW_UP.values(), "Wiedervorlage"))
ALLOWED = re.compile(
    "|".join(
        (
            r"",
            r"Guten Tag,",
            r"in Auszug ist am \d\d\.\d\d\.\d{4} für Sie Folgendes fällig\.",
            r"(Meine fälligen Wiedervorlagen|Unverteilt im Team|Fällige Schritte) \(\d+\)",
            rf"- ({LABELS}) · (Haushalt|Wohnungsangebot) [0-9a-f]{{8}} · fällig am "
            r"\d\d\.\d\d\.\d{4}(, heute fällig|, 1 Tag überfällig|, \d+ Tage überfällig)",
            rf"  {re.escape(BASE)}/ui/[a-z/]+/[0-9a-f-]{{36}}(#[a-z-]+)?",
            r"… und \d+ weitere\.",
            rf"Alles auf einen Blick: {re.escape(BASE)}/ui/heute",
            r"Diese Nachricht enthält absichtlich keine Namen und keine Texte aus den Akten; "
            r"was zu tun ist, steht in Auszug\.",
            rf"Benachrichtigungen ein- oder ausschalten: {re.escape(BASE)}/ui/konto",
        )
    )
)


def test_a_digest_lists_kinds_days_short_references_and_links_and_nothing_else() -> None:
    mine = [item("written", SubjectKind.household, 0), item("written", SubjectKind.offer, 1)]
    steps = [item(rule, SubjectKind.offer, 3) for rule in Rule if rule != Rule.stage_stalled]
    steps.append(item(Rule.stage_stalled, SubjectKind.household, 12))
    sections = [
        DigestSection("Meine fälligen Wiedervorlagen", mine, 2),
        DigestSection("Unverteilt im Team", [], 0),
        DigestSection("Fällige Schritte", steps, len(steps) + 4),
    ]
    subject, body = digest_mail(sections, DAY, BASE)
    assert subject == f"Auszug: Ihre Übersicht für den 09.12.2026 – {len(steps) + 6} fällig"
    strange = [line for line in body.splitlines() if not ALLOWED.fullmatch(line)]
    assert strange == []
    assert "Unverteilt im Team" not in body  # an empty list is left out
    assert "- Wiedervorlage · Haushalt 0a1b2c3d · fällig am 09.12.2026, heute fällig\n" in body
    assert "Wohnungsangebot 9f8e7d6c · fällig am 08.12.2026, 1 Tag überfällig" in body
    assert f"  {BASE}/ui/haushalte/{HOUSEHOLD}#wiedervorlagen\n" in body
    assert f"  {BASE}/ui/wohnungen/{OFFER}#mietvertrag\n" in body
    assert "… und 4 weitere.\n" in body


# -- the outbox ------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 7, 5, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Recorded(MailSender):
    """The sender with its SMTP step replaced: the test decides what the server says."""

    def __init__(self, db: Database, clock: Clock, refuse: bool = False) -> None:
        settings = GatewaySettings.model_validate({"smtp_host": "127.0.0.1"})
        super().__init__(db, settings, now=clock)
        self.refuse = refuse
        self.sent: list[Mail] = []

    async def _send(self, mail: Mail) -> None:
        if self.refuse:
            raise aiosmtplib.SMTPDataError(451, "4.3.0 try again later")
        self.sent.append(mail)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    upgrade(MIGRATIONS, url)
    return Database(url)


def sample(name: str, **labels: str) -> float:
    value = REGISTRY.get_sample_value(name, labels)
    assert value is not None, name
    return value


MAIL = Mail("ben@caritas-koeln.de", "Auszug: Wiedervorlage für Sie", "Guten Tag,")


async def row(db: Database, key: str) -> sa.Row[tuple[object, ...]]:
    async with db.read() as conn:
        found = await conn.execute(sa.select(mail_outbox).where(mail_outbox.c.key == key))
        return found.one()


async def test_a_key_is_enqueued_once_and_sent_once(db: Database) -> None:
    clock = Clock()
    assert await enqueue(db, "assigned:x:1", ASSIGNED, MAIL, clock.now)
    assert not await enqueue(db, "assigned:x:1", ASSIGNED, MAIL, clock.now)
    sender = Recorded(db, clock)
    before = sample("auszug_mail_sent_total", kind=ASSIGNED)
    assert await sender.run_once() == 1
    assert await sender.run_once() == 0
    assert sender.sent == [MAIL]
    assert sample("auszug_mail_sent_total", kind=ASSIGNED) == before + 1
    assert (await row(db, "assigned:x:1")).sent_at == clock.now
    assert sample("auszug_mail_pending") == 0
    # A late retry of the request finds the key of the sent mail: still once.
    assert not await enqueue(db, "assigned:x:1", ASSIGNED, MAIL, clock.now)


async def test_a_claimed_mail_is_no_other_senders_until_the_claim_runs_out(db: Database) -> None:
    clock = Clock()
    await enqueue(db, "digest:ben:2026-12-07", "digest", MAIL, clock.now)
    first, second = Recorded(db, clock), Recorded(db, clock)
    assert await first.claim("digest:ben:2026-12-07") is not None
    assert await second.claim("digest:ben:2026-12-07") is None
    assert await second.run_once() == 0 and second.sent == []
    # The first replica died holding it: once the claim ran out, the other one sends it.
    clock.now += first.claim_for + timedelta(seconds=1)
    assert await second.run_once() == 1 and second.sent == [MAIL]


async def test_a_refused_mail_waits_its_backoff_is_counted_and_then_sent(db: Database) -> None:
    clock = Clock()
    await enqueue(db, "assigned:y:1", ASSIGNED, MAIL, clock.now)
    sender = Recorded(db, clock, refuse=True)
    failures = sample("auszug_mail_failures_total")
    assert await sender.run_once() == 0
    refused = await row(db, "assigned:y:1")
    assert (refused.attempts, refused.sent_at) == (1, None)
    assert refused.due_at == clock.now + timedelta(seconds=60)
    assert refused.last_error.startswith("SMTPDataError")
    assert sample("auszug_mail_failures_total") == failures + 1
    assert sample("auszug_mail_pending") == 1
    # Not tried again before its time; then again, waiting twice as long.
    clock.now += timedelta(seconds=59)
    await sender.run_once()
    assert sample("auszug_mail_failures_total") == failures + 1
    clock.now += timedelta(seconds=1)
    await sender.run_once()
    assert (await row(db, "assigned:y:1")).due_at == clock.now + timedelta(seconds=120)
    assert sample("auszug_mail_failures_total") == failures + 2
    sender.refuse = False
    clock.now += timedelta(seconds=120)
    assert await sender.run_once() == 1 and sender.sent == [MAIL]
    assert sample("auszug_mail_pending") == 0
