"""Who changed what (*Änderungen*): one subject's history, read from the events of the
stream that owns it (a household, an offer, a prevention case, a volunteer).

The one contract for every context that shows one: each declares `HISTORY`
(`HistoryQuery` → `History`, a query, paged) in its own operations.py, with the same
scope checks as the subject's page; shared/casework/history.py reads the owner's event
table. An entry says what happened (the event type, which the gateway words in German),
when (`occurred_at`: the day it took effect; `recorded_at`: when it was entered) and who
(`actor`: the pseudonymous user id services know staff by, or `system:<service>` for a
step a service took itself; the gateway names the person for those allowed to see it).

Events carry no personal data (docs/architecture.md, invariant 6), and an entry carries
less still: only the few `facts` its context lists for that event type (e.g. the names of
the fields a rectification changed), never the whole payload.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.paging import PageInfo, PageQuery

# A screen full, like a subject's notes.
PER_PAGE = 20
# The actor of a step a service took on its own (shared/envelope.py `caused_by`).
SYSTEM_PREFIX = "system:"

# A fact is a code or a list of codes (field names, provider codes), never free text.
Fact = str | list[str]


class HistoryQuery(PageQuery):
    """One page of a subject's changes, newest first (a query, so the id is in the body)."""

    model_config = ConfigDict(extra="forbid")

    subject_id: UUID
    sort: Literal["recorded"] = "recorded"
    descending: bool = Field(default=True, description="Neueste zuerst")
    per_page: int = Field(default=PER_PAGE, ge=1, le=200, description="Einträge je Seite")


class HistoryEntry(BaseModel):
    event_type: str
    schema_version: int
    occurred_at: datetime
    recorded_at: datetime
    actor: str
    facts: dict[str, Fact] = Field(default_factory=dict)


class History(BaseModel):
    subject_id: UUID
    entries: list[HistoryEntry]
    page: PageInfo
