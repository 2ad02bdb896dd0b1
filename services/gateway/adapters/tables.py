"""The gateway's own tables: staff accounts, sessions, sign-in throttling, access log,
the mail outbox.

The gateway owns no domain data; these tables exist because authentication and the
record of who read which personal data belong to the one HTTP surface.
"""

from __future__ import annotations

import sqlalchemy as sa

from shared.eventstore.schema import UTCDateTime

metadata = sa.MetaData()

users = sa.Table(
    "users",
    metadata,
    sa.Column("user_id", sa.Uuid, primary_key=True),
    # Services see `user_id` (a pseudonym: it lands in events as the actor), never the login.
    sa.Column("login", sa.String(120), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("municipality", sa.String(64), nullable=False),
    sa.Column("provider", sa.String(64)),
    sa.Column("display_name", sa.String(120)),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", UTCDateTime, nullable=False),
    # Where the person's notifications go (mail/): their own work address, set by them on
    # "Mein Konto" or by the operator; `digest` False: no daily overview.
    sa.Column("email", sa.String(254)),
    sa.Column("digest", sa.Boolean, nullable=False, server_default=sa.true()),
    # Set when an admin gave the account a one-time password (accounts/): until the
    # person chooses their own on „Passwort ändern“, that is the only page they reach.
    sa.Column("password_change_due", sa.Boolean, nullable=False, server_default=sa.false()),
)

sessions = sa.Table(
    "sessions",
    metadata,
    # HMAC of the cookie's token: a copy of this table signs nobody in.
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.user_id"), nullable=False, index=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("last_seen_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False),
)

# Failed sign-ins, counted per scope (auth/authenticator.py): one row per login name from
# one address, per login name and per address, under a hash of the scope (no login or
# address in clear, and any length fits).
login_throttle = sa.Table(
    "login_throttle",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure_at", UTCDateTime, nullable=False, index=True),
    sa.Column("blocked_until", UTCDateTime, nullable=False),
)

access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("entry_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("municipality", sa.String(64), nullable=False),
    sa.Column("user_id", sa.String(120), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("subject", sa.String(20), nullable=False),
    sa.Column("subject_id", sa.Uuid, nullable=False),
    sa.Column("route", sa.String(200), nullable=False),
    sa.Column("correlation_id", sa.Uuid, nullable=False),
    sa.Index("ix_access_log_subject", "subject", "subject_id"),
)

# Mails to staff (mail/outbox.py): one row per mail under a key that a retry or a second
# replica repeats (so it is sent once), rendered when enqueued; a sender claims a due row
# (`claimed_by`/`claimed_until`) before it talks to the SMTP server. A failed attempt
# moves `due_at` on (backoff). Sent rows are deleted after a week.
mail_outbox = sa.Table(
    "mail_outbox",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("recipient", sa.String(254), nullable=False),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("due_at", UTCDateTime, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("claimed_by", sa.String(64)),
    sa.Column("claimed_until", UTCDateTime),
    sa.Column("sent_at", UTCDateTime),
    sa.Column("last_error", sa.String(300)),
    sa.Index("ix_mail_outbox_due", "sent_at", "due_at"),
)

# Who changed which account how (accounts/, issue 16): one row per change an admin makes
# on „Konten“. `what` names the change (accounts/rules.Change); `value` the new code of a
# role or provider, else empty — never a password, never an address.
account_changes = sa.Table(
    "account_changes",
    metadata,
    sa.Column("change_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("municipality", sa.String(64), nullable=False),
    sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.user_id"), nullable=False),
    # The pseudonymous id of the admin (as the services know them), named on the page.
    sa.Column("changed_by", sa.String(120), nullable=False),
    sa.Column("what", sa.String(20), nullable=False),
    sa.Column("value", sa.String(64)),
    sa.Index("ix_account_changes_user", "user_id", "at"),
)
