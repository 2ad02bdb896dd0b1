"""The gateway's own tables: staff accounts, sessions, sign-in attempts, access log.

The gateway owns no domain data; these tables exist because authentication and the
record of who read which personal data belong to the one HTTP surface.
"""

from __future__ import annotations

import sqlalchemy as sa

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
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    # HMAC of the cookie's token: a copy of this table signs nobody in.
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.user_id"), nullable=False, index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
)

login_attempts = sa.Table(
    "login_attempts",
    metadata,
    sa.Column("attempt_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("login", sa.String(120), nullable=False, index=True),
    sa.Column("client_ip", sa.String(64), nullable=False, index=True),
    sa.Column("succeeded", sa.Boolean, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
)

access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("entry_id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("municipality", sa.String(64), nullable=False),
    sa.Column("user_id", sa.String(120), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("subject", sa.String(20), nullable=False),
    sa.Column("subject_id", sa.Uuid, nullable=False),
    sa.Column("route", sa.String(200), nullable=False),
    sa.Column("correlation_id", sa.Uuid, nullable=False),
    sa.Index("ix_access_log_subject", "subject", "subject_id"),
)
