"""The expected figures of the volunteer programme, prevention and the central inbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from services.reporting.demo.model import Year
from shared.clock import BUSINESS_TZ

if TYPE_CHECKING:
    from services.reporting.demo.expected import Tally


def volunteer_figures(t: Tally, y: Year, ours: Callable[[str], bool]) -> None:
    first, last = y.first, y.last
    for v in y.volunteers:
        if not ours(v.provider):
            continue
        if v.registered_on <= last and not (v.left_on and v.left_on < first):
            t.add("volunteers_active")
        if first <= v.registered_on <= last:
            t.add("volunteers_registered")
    for h in y.households:
        tandem = h.tandem
        if tandem is None or not ours(tandem.volunteer.provider):
            continue
        if first <= tandem.formed_on <= last:
            t.add("tandems_formed")
        if tandem.ended and first <= tandem.ended[0] <= last:
            t.add("tandems_ended", reason=tandem.ended[1])
    for hour in y.office_hours:
        if ours(hour.provider) and first <= hour.held_on <= last:
            t.add("office_hours_held")
            for channel, visitor, _ in hour.consultations:
                t.add("consultations", channel=channel, visitor=visitor)
    for a in y.appointments:
        if ours(a.provider) and first <= a.held_on <= last:
            t.add("consultations", channel=a.channel, visitor=a.visitor)
            t.add("consultations_by_appointment")
    for w in y.workshops:
        if not ours(w.provider):
            continue
        if first <= w.held_on <= last:
            t.add("workshops_held", topic=w.topic)
            t.add("workshop_attendances", w.attendees)
        if first <= w.certificates_on <= last:
            t.add("certificates_issued", w.certificates)


def prevention_figures(t: Tally, y: Year, ours: Callable[[str], bool]) -> None:
    first, last = y.first, y.last

    def inside(day: date) -> bool:
        return first <= day <= last

    for c in y.cases:
        if not ours(c.provider):
            continue
        children = c.minors > 0
        if inside(c.referred_on):
            t.add("referrals_received", source=c.source, target_group=c.target_group)
        if c.rejected and inside(c.rejected[0]):
            t.add("cases_rejected", reason=c.rejected[1])
        if c.admitted_on is None or c.first_due is None or c.consent_on is None:
            continue
        if inside(c.admitted_on):
            t.add("cases_admitted", target_group=c.target_group)
            if children:
                t.add("cases_admitted_with_children")
        for visit, due in zip(c.visits, c.due_dates(), strict=False):
            if inside(visit):
                t.add("home_visits_done")
                if visit > due:
                    t.add("home_visits_late")
        for day, party, _ in c.mediations:
            if inside(day):
                # The demo records no outcomes: every mediation counts as "nicht erfasst".
                t.add("mediations", party=party, outcome="")
        for day, kind in c.referrals_out:
            if inside(day):
                t.add("referrals_out", kind=kind)
        if c.closed and inside(c.closed[0]):
            outcome = c.closed[1]
            t.add("cases_closed", outcome=outcome)
            if children:
                t.add("cases_closed_with_children", outcome=outcome)
            t.sample("case_length_median_days", (c.closed[0] - c.admitted_on).days)
        schedule = [(c.consent_on, c.first_due), *zip(c.visits, c.due_dates()[1:], strict=False)]
        known = [due for day, due in schedule if day <= last]
        still_open = c.admitted_on <= last and not (c.closed and c.closed[0] <= last)
        if still_open and known and known[-1] < last:
            t.add("home_visits_overdue_at_period_end")


def inbox_figures(t: Tally, y: Year, provider: str | None) -> None:
    if provider is not None:
        return

    def day(moment: datetime) -> date:
        return moment.astimezone(BUSINESS_TZ).date()

    for q in y.inquiries:
        received = day(q.received_at)
        if y.first <= received <= y.last:
            t.add("inquiries_received", sender_kind=q.sender, channel=q.channel)
        triaged = day(q.triage[1]) if q.triage else None
        if received <= y.last and (triaged is None or triaged > y.last):
            t.add("inquiries_open_at_period_end")
        if q.triage and triaged and y.first <= triaged <= y.last:
            t.add("inquiries_triaged", outcome=q.triage[0])
            hours = (q.triage[1] - q.received_at).total_seconds() / 3600
            t.sample("inquiry_first_answer_hours_median", round(hours, 1))
