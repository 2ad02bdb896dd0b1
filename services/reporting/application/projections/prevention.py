"""Facts from prevention's events (Wohnintegrationshilfe and aftercare). Events that do not
name the provider get the case's provider from the envelope."""

from __future__ import annotations

from collections.abc import Iterable

from services.reporting.adapters import prevention_tables as t
from services.reporting.adapters.prevention_tables import WITHDRAWN
from services.reporting.application.projections.common import (
    BatchContext,
    Fact,
    Handler,
    code,
    event_of,
    fact,
)
from shared.clock import business_day
from shared.contracts.prevention import (
    AftercareAccepted,
    AftercareDeclined,
    AftercareOffered,
    CaseAdmitted,
    CaseClosed,
    CaseRejected,
    HomeVisitDone,
    MediationRecorded,
    ReferralReceived,
    ReferredOut,
    VisitRhythmPlanned,
)
from shared.contracts.prevention.events import AftercareWithdrawn
from shared.envelope import DomainEvent
from shared.eventstore.store import RecordedEvent


def referred(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, ReferralReceived)
    yield fact(
        t.referrals,
        recorded,
        e.provider,
        case_id=e.case_id,
        source=code(e.source),
        target_group=code(e.target_group),
        housing_situation=code(e.housing_situation),
        adults=e.adults,
        minors=e.minors,
        household_id=e.household_id,
    )


def admitted(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, CaseAdmitted)
    yield fact(
        t.admissions,
        recorded,
        e.provider,
        case_id=e.case_id,
        target_group=code(e.target_group),
        adults=e.adults,
        minors=e.minors,
        with_children=e.minors > 0,
        ends_on=e.ends_on,
    )


def rejected(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, CaseRejected)
    provider = recorded.envelope.provider
    yield fact(t.rejections, recorded, provider, case_id=e.case_id, reason=code(e.reason))


def _schedule(recorded: RecordedEvent, case_id: object, next_visit_due: object) -> Fact:
    return fact(
        t.visit_schedule,
        recorded,
        recorded.envelope.provider,
        case_id=case_id,
        stream_version=recorded.envelope.stream_version,
        next_visit_due=next_visit_due,
    )


def rhythm_planned(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, VisitRhythmPlanned)
    yield _schedule(recorded, e.case_id, e.next_visit_due)


def visited(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, HomeVisitDone)
    late = e.due_on is not None and business_day(e.occurred_at) > e.due_on
    yield fact(
        t.home_visits,
        recorded,
        recorded.envelope.provider,
        case_id=e.case_id,
        visit_id=e.visit_id,
        due_on=e.due_on,
        late=late,
    )
    yield _schedule(recorded, e.case_id, e.next_visit_due)


def mediated(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, MediationRecorded)
    yield fact(
        t.mediations,
        recorded,
        recorded.envelope.provider,
        case_id=e.case_id,
        party=code(e.party),
        topic=code(e.topic),
        # None for a mediation recorded before outcomes were asked.
        outcome=code(e.outcome),
    )


def referred_out(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, ReferredOut)
    provider = recorded.envelope.provider
    yield fact(t.referrals_out, recorded, provider, case_id=e.case_id, kind=code(e.kind))


def closed(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    e = event_of(recorded, CaseClosed)
    length = None
    if e.admitted_on is not None:
        length = (business_day(e.occurred_at) - e.admitted_on).days
    yield fact(
        t.case_closures,
        recorded,
        recorded.envelope.provider,
        case_id=e.case_id,
        outcome=code(e.outcome),
        target_group=code(e.target_group),
        housing_situation=code(e.housing_situation),
        adults=e.adults,
        minors=e.minors,
        with_children=e.minors > 0,
        admitted=e.admitted_on is not None,
        admitted_on=e.admitted_on,
        length_days=length,
    )


_AFTERCARE_STATUS = {
    AftercareOffered: "offered",
    AftercareAccepted: "accepted",
    AftercareDeclined: "declined",
    AftercareWithdrawn: WITHDRAWN,
}


def aftercare(recorded: RecordedEvent, _: BatchContext) -> Iterable[Fact]:
    """One fact per step of the offer. A withdrawal is a correction on the day it was
    recorded: the sources leave out the household's earlier offer and acceptance from
    then on (services/reporting/adapters/corrections.py)."""
    e = recorded.event
    assert isinstance(
        e, AftercareOffered | AftercareAccepted | AftercareDeclined | AftercareWithdrawn
    )
    status = _AFTERCARE_STATUS[type(e)]
    reason = code(e.reason) if isinstance(e, AftercareDeclined | AftercareWithdrawn) else None
    yield fact(
        t.aftercare,
        recorded,
        e.provider,
        household_id=e.household_id,
        status=status,
        reason=reason,
    )


HANDLERS: dict[type[DomainEvent], Handler] = {
    ReferralReceived: referred,
    CaseAdmitted: admitted,
    CaseRejected: rejected,
    VisitRhythmPlanned: rhythm_planned,
    HomeVisitDone: visited,
    MediationRecorded: mediated,
    ReferredOut: referred_out,
    CaseClosed: closed,
    AftercareOffered: aftercare,
    AftercareAccepted: aftercare,
    AftercareDeclined: aftercare,
    AftercareWithdrawn: aftercare,
}
