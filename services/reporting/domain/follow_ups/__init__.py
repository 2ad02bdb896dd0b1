"""Rule-made follow-ups as signals: what an event opens or closes. Pure.

Each source module (one per context whose events it reads) exposes
`signals(event, municipality, provider) -> list[Signal]`; `SOURCES` lists them and the
projection (services/reporting/application/projections/follow_ups.py) applies their signals
in stream order. A signal names its follow-up by rule, subject and `key` (a second id where
one subject has several at once: the household of a proposal, the guarantee of an offer),
so opening one twice (a redelivery, a replay) keeps one row, and a closing signal ends it
whichever event caused it. `Closed` with `key=None` closes every key of its rule and subject
(an offer withdrawn ends all its proposals' follow-ups).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from shared.contracts.followups import BEFORE, Rule, SubjectKind

_NAMESPACE = uuid5(NAMESPACE_URL, "https://auszug.example/follow-ups")


@dataclass(frozen=True)
class Opened:
    rule: Rule
    subject_kind: SubjectKind
    subject_id: UUID
    anchor_on: date  # the day the rule's days count from (or back from, `BEFORE`)
    key: UUID | None = None
    household_id: UUID | None = None
    provider: str | None = None


@dataclass(frozen=True)
class Closed:
    rule: Rule
    subject_id: UUID
    key: UUID | None = None  # None: every key of this rule on the subject
    # With `key=None`: only the keys of this household (a landlord's "no" ends that
    # household's viewing and guarantee steps on the offer, not the other households').
    household_id: UUID | None = None


Signal = Opened | Closed


def follow_up_id(rule: Rule, subject_id: UUID, key: UUID | None) -> UUID:
    """The stable id of a rule-made follow-up: the same step always has the same id."""
    return uuid5(_NAMESPACE, f"{rule.value}/{subject_id}/{key or ''}")


def due_on(rule: Rule, anchor_on: date, days: int) -> date:
    """The day a rule-made follow-up is due: `days` after its anchor, before it for the
    rules in `BEFORE`, and in working days (Monday to Friday) for an unanswered inquiry."""
    if rule in BEFORE:
        return anchor_on - timedelta(days=days)
    if rule is Rule.inquiry_unanswered:
        day, left = anchor_on, days
        while left > 0:
            day += timedelta(days=1)
            if day.weekday() < 5:
                left -= 1
        return day
    return anchor_on + timedelta(days=days)
