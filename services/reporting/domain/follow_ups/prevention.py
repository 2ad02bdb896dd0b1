"""Rule-made follow-ups from prevention's events. Pure.

- `home_visit_due` on a running case: due on the day its next home visit is planned for,
  the `next_visit_due` of the latest `VisitRhythmPlanned` or `HomeVisitDone` — the day
  reporting's "overdue home visits" count from (services/reporting/adapters/states.py,
  `visits_overdue`): due on that day, overdue after it. A rhythm can only be planned and a
  visit recorded on an admitted case, and each names the next day, so every one re-anchors
  the follow-up; the case's closing ends it.
- `time_limit_ending` on a running case: counts back from the last day of the help
  (`ends_on` at admission); an extension re-anchors it on the new day, the closing ends it.
  Past that day it stays overdue: an expired time limit is not left unmarked.
- `aftercare_unanswered` on a household offered aftercare: counts from the day of the
  offer; accepted, declined or withdrawn (its placement retracted) ends it. One offer per
  household is open at a time (prevention's aftercare stream), so it needs no key.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from services.reporting.domain.follow_ups import Closed, Opened, Signal
from shared.clock import business_day
from shared.contracts.followups import Rule, SubjectKind
from shared.contracts.prevention.events import (
    AftercareAccepted,
    AftercareDeclined,
    AftercareOffered,
    AftercareWithdrawn,
    CaseAdmitted,
    CaseClosed,
    CaseExtended,
    HomeVisitDone,
    VisitRhythmPlanned,
)
from shared.envelope import DomainEvent


def signals(event: DomainEvent, municipality: str, provider: str | None) -> list[Signal]:
    match event:
        case CaseAdmitted():
            return [_case(Rule.time_limit_ending, event.case_id, event.ends_on, event.provider)]
        case CaseExtended():
            return [_case(Rule.time_limit_ending, event.case_id, event.ends_on, provider)]
        case VisitRhythmPlanned() | HomeVisitDone():
            return [_case(Rule.home_visit_due, event.case_id, event.next_visit_due, provider)]
        case CaseClosed():
            return [
                Closed(Rule.home_visit_due, event.case_id),
                Closed(Rule.time_limit_ending, event.case_id),
            ]
        case AftercareOffered():
            return [
                Opened(
                    Rule.aftercare_unanswered,
                    SubjectKind.household,
                    event.household_id,
                    anchor_on=business_day(event.occurred_at),
                    household_id=event.household_id,
                    provider=event.provider,
                )
            ]
        case AftercareAccepted() | AftercareDeclined() | AftercareWithdrawn():
            return [Closed(Rule.aftercare_unanswered, event.household_id)]
    return []


def _case(rule: Rule, case_id: UUID, anchor_on: date, provider: str | None) -> Opened:
    return Opened(
        rule, SubjectKind.prevention_case, case_id, anchor_on=anchor_on, provider=provider
    )
