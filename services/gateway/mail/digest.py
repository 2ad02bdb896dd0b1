"""The daily overview by mail ("Tägliche Übersicht", issue 15).

Once a day (`AUSZUG_GATEWAY_DIGEST_AT`, Europe/Berlin) the gateway asks reporting's due
list for every active account with an address and the overview on, as that person (a
caller made from the account, so reporting scopes it exactly as their "Heute" page: my
follow-ups due today and overdue, my team's unassigned, the rule-made steps of my scope),
and enqueues one mail with what it finds; nothing due, no mail. The key
`digest:<user>:<day>` makes a second run, or the run of a second replica, mail nobody
twice.
"""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import structlog
from prometheus_client import Counter, Gauge

from services.gateway.adapters.users import Account, digest_recipients
from services.gateway.identity import caller_of
from services.gateway.mail.outbox import DIGEST, Mail, enqueue, exists
from services.gateway.mail.texts import DigestSection, digest_mail
from services.gateway.reporting.today import SECTIONS
from services.gateway.settings import GatewaySettings
from shared.clock import BUSINESS_TZ, utcnow
from shared.contracts.followups import FollowUpList, FollowUpQuery
from shared.contracts.reporting import operations as reporting
from shared.daily import DailyJob
from shared.db import Database
from shared.rpc import RpcClient

log = structlog.get_logger(__name__)

# The most items of one section a mail lists; the rest is counted ("… und 3 weitere").
LISTED = 50

DIGEST_RUNS = Counter(
    "auszug_mail_digest_runs_total",
    "Scheduled runs of the daily overview, by outcome (success, failure, overlapped).",
    ["outcome"],
)
DIGEST_LAST_SUCCESS = Gauge(
    "auszug_mail_digest_last_success_timestamp_seconds",
    "When the daily overview last ran through (Unix time).",
)


def today() -> date:
    return utcnow().astimezone(BUSINESS_TZ).date()


async def digest_of(rpc: RpcClient, account: Account, on: date) -> list[DigestSection]:
    """What "Heute" shows the account's person on `on`, one section per list."""
    caller = caller_of(account, uuid4())
    sections = []
    for section in SECTIONS:
        query = FollowUpQuery.model_validate({**section.fixed, "as_of": on, "per_page": LISTED})
        answer: FollowUpList = await rpc.send(reporting.FOLLOW_UPS, query, caller)
        sections.append(DigestSection(section.heading, answer.items, answer.page.total))
    return sections


async def send_digests(
    db: Database, rpc: RpcClient, settings: GatewaySettings, on: date | None = None
) -> int:
    """Enqueues the overview of `on` (default: today) for everyone who wants it; how many
    were enqueued. One person's failure (reporting busy) does not stop the others; the
    run fails at the end if anyone's failed, so it is counted and logged."""
    on = on or today()
    base = settings.public_url.rstrip("/")
    async with db.read() as conn:
        recipients = await digest_recipients(conn)
    enqueued = failed = 0
    for account in recipients:
        key = f"digest:{account.service_user_id}:{on.isoformat()}"
        if not account.email or not reporting.FOLLOW_UPS.allows(account.role):
            continue
        if await exists(db, key):
            continue
        try:
            sections = await digest_of(rpc, account, on)
        except Exception:
            log.exception("daily overview not made", user_id=account.service_user_id)
            failed += 1
            continue
        if not any(section.total for section in sections):
            continue
        subject, body = digest_mail(sections, on, base)
        if await enqueue(db, key, DIGEST, Mail(account.email, subject, body), utcnow()):
            enqueued += 1
    log.info("daily overview enqueued", day=on.isoformat(), mails=enqueued, failed=failed)
    if failed:
        raise RuntimeError(f"the daily overview of {failed} people could not be made")
    return enqueued


def digest_job(db: Database, rpc: RpcClient, settings: GatewaySettings) -> DailyJob:
    async def run() -> int:
        return await send_digests(db, rpc, settings)

    return DailyJob(
        "mail-digest",
        run,
        settings.digest_at,
        runs=DIGEST_RUNS,
        last_success=DIGEST_LAST_SUCCESS,
    )
