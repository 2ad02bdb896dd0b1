"""The due list's tables: open follow-ups (rule-made and written) and the days per rule
a municipality set.

A follow-up row carries what the list is scoped, filtered and sorted by (provider,
household, assignee, due day), so one page is one SQL query. `due_on` is stored, not
computed when read: a rule's days change rarely, and then that municipality's open rows
of that rule are recomputed in the same transaction (application/follow_up_rules.py).
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, String, Table, Time, Uuid, text

from services.reporting.adapters.schema import CODE, REPORTING

# The columns after `municipality` of the list indexes (shared with the migration).
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "ix_follow_ups_list": (
        "due_on",
        "due_time",
        "follow_up_id",
        "kind",
        "provider",
        "assignee",
        "household_id",
        "subject_kind",
    ),
    "ix_follow_ups_kind": (
        "kind",
        "due_on",
        "due_time",
        "follow_up_id",
        "provider",
        "assignee",
        "household_id",
    ),
    "ix_follow_ups_provider": (
        "provider",
        "due_on",
        "due_time",
        "follow_up_id",
        "kind",
        "assignee",
        "household_id",
    ),
    "ix_follow_ups_assignee": (
        "assignee",
        "due_on",
        "due_time",
        "follow_up_id",
        "kind",
        "provider",
        "household_id",
    ),
}

follow_ups = Table(
    "follow_ups",
    REPORTING,
    Column("municipality", String(64), primary_key=True),
    # A rule-made one's id is `follow_up_id(rule, subject, key)`; a written one's its own.
    Column("follow_up_id", Uuid, primary_key=True),
    Column("kind", String(CODE), nullable=False),  # a `Rule` value or "written"
    Column("subject_kind", String(CODE), nullable=False),
    Column("subject_id", Uuid, nullable=False),
    Column("key", Uuid),
    Column("household_id", Uuid),
    Column("provider", String(64)),
    Column("anchor_on", Date, nullable=False),
    Column("due_on", Date, nullable=False),
    Column("due_time", Time),
    Column("assignee", String(120)),
    # One index per order a list is read in, each ending in the page's unique key and
    # covering what the lists filter by, so a page stops after its rows and the count
    # reads no table row (migration reporting_0011; bench/due_list.py):
    # by due day (the coordinator's lists), by kind (the team's written ones, a sort),
    # by provider (a caseworker's lists, a sort), by assignee ("mine", first part).
    Index("ix_follow_ups_list", "municipality", *LIST_COLUMNS["ix_follow_ups_list"]),
    Index("ix_follow_ups_kind", "municipality", *LIST_COLUMNS["ix_follow_ups_kind"]),
    Index("ix_follow_ups_provider", "municipality", *LIST_COLUMNS["ix_follow_ups_provider"]),
    # Only assigned rows (most are rule-made, never assigned): smaller to keep, and no
    # planner reads "unassigned" from it instead of from the caller's households.
    Index(
        "ix_follow_ups_assignee",
        "municipality",
        *LIST_COLUMNS["ix_follow_ups_assignee"],
        sqlite_where=text("assignee IS NOT NULL"),
        postgresql_where=text("assignee IS NOT NULL"),
    ),
    # A subject's rows (read first when a list asks for one subject), a close by subject.
    Index("ix_follow_ups_subject", "municipality", "subject_id", "kind"),
    # "Mine", second part: the unassigned rows of the caller's households.
    Index("ix_follow_ups_household", "municipality", "household_id", "assignee", "due_on"),
)

# Settings of the coordination, not derived from events: a rebuild keeps them.
follow_up_rules = Table(
    "follow_up_rules",
    REPORTING,
    Column("municipality", String(64), primary_key=True),
    Column("rule", String(CODE), primary_key=True),
    Column("days", Integer, nullable=False),
)
