"""The due list's tables: open follow-ups (rule-made and written) and the days per rule
a municipality set.

A follow-up row carries what the list is scoped, filtered and sorted by (provider,
household, assignee, due day), so one page is one SQL query. `due_on` is stored, not
computed when read: a rule's days change rarely, and then that municipality's open rows
of that rule are recomputed in the same transaction (application/follow_up_rules.py).
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, String, Table, Time, Uuid

from services.reporting.adapters.schema import CODE, REPORTING

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
    Index("ix_follow_ups_due", "municipality", "due_on"),
    # Covers what the "Heute" lists filter, count and sort by (migration reporting_0010).
    Index(
        "ix_follow_ups_list",
        "municipality",
        "due_on",
        "due_time",
        "kind",
        "provider",
        "assignee",
        "household_id",
    ),
    Index("ix_follow_ups_subject", "subject_id", "kind"),
    Index("ix_follow_ups_household", "household_id"),
)

# Settings of the coordination, not derived from events: a rebuild keeps them.
follow_up_rules = Table(
    "follow_up_rules",
    REPORTING,
    Column("municipality", String(64), primary_key=True),
    Column("rule", String(CODE), primary_key=True),
    Column("days", Integer, nullable=False),
)
