"""intake: the household directory (search by name, birth date, phone, short id)

Revision ID: intake_0006
Revises: intake_0005
Create Date: 2026-12-07

Adds the search keys of the members' names (each word without case, accents and
punctuation) and the directory's row per household, and fills both for what exists: the
keys from the names, the rows from the households' events (provider, persons, day of
registration, restricted, deregistered), folded here as the service's state does, with
the head's name key to sort by. The normalisation
and the fold are copied on purpose: a migration stays as it was written even when the
service's code changes.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "intake_0006"
down_revision = "intake_0005"
branch_labels = None
depends_on = None

BUSINESS_TZ = ZoneInfo("Europe/Berlin")


PLAIN_LETTERS = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"}
)


def _search_key(text: str | None) -> str | None:
    if not text:
        return None
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(PLAIN_LETTERS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", plain).split()) or None


# Byte order on PostgreSQL too: a prefix is an index range (see tables.py).
SEARCH_KEY = sa.String(100).with_variant(sa.String(100, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_index("ix_household_members_birth_date", "household_members", ["birth_date"])
    op.create_table(
        "household_name_keys",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("key", SEARCH_KEY, primary_key=True),
        sa.Column("household_id", sa.Uuid, nullable=False),
    )
    op.create_index("ix_household_name_keys_key", "household_name_keys", ["key", "household_id"])
    op.create_index("ix_household_name_keys_household_id", "household_name_keys", ["household_id"])
    op.create_table(
        "household_directory",
        sa.Column("household_id", sa.Uuid, primary_key=True),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("provider", sa.String(64), nullable=False),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("persons", sa.Integer, nullable=False),
        sa.Column("restricted", sa.Boolean, nullable=False),
        sa.Column("deregistered", sa.Boolean, nullable=False),
        sa.Column("id_hex", SEARCH_KEY, nullable=False),
        sa.Column("sort_name", SEARCH_KEY, nullable=False),
    )
    op.create_index(
        "ix_household_directory_scope",
        "household_directory",
        ["municipality", "provider", "registered_on"],
    )
    op.create_index("ix_household_directory_id_hex", "household_directory", ["id_hex"])
    op.create_index(
        "ix_household_directory_by_name",
        "household_directory",
        ["municipality", "sort_name", "household_id"],
    )
    op.create_index(
        "ix_household_directory_by_day",
        "household_directory",
        ["municipality", "registered_on", "household_id"],
    )
    sort_names = _backfill_keys()
    _backfill_directory(sort_names)


def _backfill_keys() -> dict[UUID, str | None]:
    """The name keys of every member; the sort name of every household (its head's)."""
    bind = op.get_bind()
    members = sa.table(
        "household_members",
        sa.column("member_id", sa.Uuid),
        sa.column("household_id", sa.Uuid),
        sa.column("position", sa.Integer),
        sa.column("role", sa.String),
        sa.column("given_name", sa.String),
        sa.column("family_name", sa.String),
        sa.column("left_on", sa.Date),
    )
    keys = sa.table(
        "household_name_keys",
        sa.column("member_id", sa.Uuid),
        sa.column("key", sa.String),
        sa.column("household_id", sa.Uuid),
    )
    rows: list[dict[str, Any]] = []
    heads: dict[UUID, tuple[bool, int, str | None]] = {}
    current = members.c.left_on.is_(None)  # who moved away is not looked for by name
    for member in bind.execute(sa.select(members).where(current)).all():
        words: set[str] = set()
        for name in (member.given_name, member.family_name):
            words.update((_search_key(name) or "").split())
        rows += [
            {"member_id": member.member_id, "key": w, "household_id": member.household_id}
            for w in sorted(words)
        ]
        rank = (member.role != "head", member.position)
        known = heads.get(member.household_id)
        if known is None or rank < known[:2]:
            name = _search_key(member.family_name or member.given_name)
            heads[member.household_id] = (*rank, name)
    if rows:
        bind.execute(keys.insert(), rows)
    return {household_id: head[2] for household_id, head in heads.items()}


def _day(moment: datetime) -> date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BUSINESS_TZ).date()


def _backfill_directory(sort_names: dict[UUID, str | None]) -> None:
    bind = op.get_bind()
    events = sa.table(
        "events",
        sa.column("position", sa.BigInteger),
        sa.column("stream_id", sa.String),
        sa.column("event_type", sa.String),
        sa.column("municipality", sa.String),
        sa.column("occurred_at", UTCDateTime()),
        sa.column("payload", sa.JSON),
    )
    rows: dict[str, dict[str, Any]] = {}
    history = bind.execute(
        sa.select(events).where(events.c.stream_id.like("household:%")).order_by(events.c.position)
    )
    for event in history:
        payload, kind = event.payload, event.event_type
        if kind == "HouseholdRegistered":
            household_id = UUID(payload["household_id"])
            rows[event.stream_id] = {
                "household_id": household_id,
                "municipality": event.municipality,
                "provider": payload["provider"],
                "registered_on": _day(event.occurred_at),
                "persons": payload["adults"] + payload["minors"],
                "restricted": False,
                "deregistered": False,
                "id_hex": household_id.hex,
                "sort_name": sort_names.get(household_id) or "",
            }
            continue
        row = rows.get(event.stream_id)
        if row is None:
            continue
        if kind == "HouseholdCompositionChanged":
            row["persons"] = payload["adults"] + payload["minors"]
        elif kind == "HouseholdHandedOver":
            row["provider"] = payload["to_provider"]
        elif kind == "HouseholdDeregistered":
            row["deregistered"] = True
        elif kind == "HouseholdDeregistrationRevoked":
            row["deregistered"] = False
        elif kind == "ProcessingRestricted":
            row["restricted"] = True
        elif kind == "RestrictionLifted":
            row["restricted"] = False
    if rows:
        directory = sa.table(
            "household_directory",
            sa.column("household_id", sa.Uuid),
            sa.column("municipality", sa.String),
            sa.column("provider", sa.String),
            sa.column("registered_on", sa.Date),
            sa.column("persons", sa.Integer),
            sa.column("restricted", sa.Boolean),
            sa.column("deregistered", sa.Boolean),
            sa.column("id_hex", sa.String),
            sa.column("sort_name", sa.String),
        )
        bind.execute(directory.insert(), list(rows.values()))


def downgrade() -> None:
    op.drop_table("household_directory")
    op.drop_table("household_name_keys")
    op.drop_index("ix_household_members_birth_date", "household_members")
