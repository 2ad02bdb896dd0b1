"""The rest of a planned year: households that are not placed, guarantees, prevention
cases, office hours, workshops, the inbox, offers nobody took, volunteers without tandem."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from services.reporting.demo.model import (
    PREVENTION_PROVIDER,
    PROVIDERS,
    Appointment,
    Case,
    Guarantee,
    Household,
    Inquiry,
    OfficeHour,
    Volunteer,
    Workshop,
)

if TYPE_CHECKING:
    from services.reporting.demo.plan import Planner

SITUATIONS = {
    "secured_tenancy_at_risk_of_recurrence": "own_tenancy",
    "re_admission": "requisitioned_flat",
    "assignment_into_vacant_flat": "assigned_flat",
}
TOPICS = ("flat_search", "viewing", "application", "wbs", "rent_costs", "tenancy", "other")


def settle_unplaced(p: Planner, h: Household) -> None:
    """A household still searching: maybe a move into a flat, a birth, a hand-over, leaving."""
    last = h.readiness[0] if h.readiness else h.registered_on
    if h.kind == "shelter" and p.chance(0.15):
        h.flat_on = p.after(last, 1, 90)
        last = h.flat_on
    if p.chance(0.1):
        h.birth_on = p.after(last, 1, 120)
        last = h.birth_on
    if h.tandem is not None:
        if p.chance(0.3):
            h.tandem.ended = (p.after(max(last, h.tandem.formed_on), 20, 90), "by_agreement")
        return  # with a tandem, neither handed over nor deregistered
    if p.chance(0.07) and last + timedelta(days=2) < p.horizon:
        others = [x for x in PROVIDERS if x != h.provider]
        h.handover = (p.after(last, 1, 60), p.rng.choice(others))
        last = h.handover[0]
    if p.chance(0.15) and last + timedelta(days=2) < p.horizon:
        reason = p.pick("moved_on_own", "left_city", "other", weights=(0.5, 0.3, 0.2))
        h.deregistration = (p.after(last, 1, 60), reason)


def guarantees(p: Planner, viewing: date) -> list[Guarantee]:
    wanted = []
    if p.chance(0.7):
        wanted.append(("deposit", p.pick("jobcenter", "social_office", weights=(0.8, 0.2))))
    if p.chance(0.2):
        wanted.append(("rent", p.pick("social_office", "housing_office")))
    found = []
    for kind, authority in wanted:
        requested = p.after(viewing, 0, 3)
        decision = p.pick("approved", "declined", weights=(0.9, 0.1))
        found.append(Guarantee(kind, authority, requested, p.after(requested, 1, 25), decision))
    return found


def surroundings(p: Planner, n: int) -> None:
    y = p.plan
    y.cases = [case(p) for _ in range(max(4, n // 4))]
    for _ in range(max(3, n // 5)):
        consultations = [
            (
                p.pick("in_person", "phone", "email", weights=(0.7, 0.2, 0.1)),
                p.pick("tandem", "volunteer_alone", "refugee_alone"),
                p.rng.choice(TOPICS),
            )
            for _ in range(p.rng.randint(1, 4))
        ]
        held = p.day(y.first, p.horizon)
        y.office_hours.append(OfficeHour(p.rng.choice(PROVIDERS), held, consultations))
    for _ in range(max(2, n // 10)):
        channel = p.pick("email", "phone", "in_person")
        visitor = p.pick("tandem", "volunteer_alone", "refugee_alone")
        held = p.day(y.first, p.horizon)
        y.appointments.append(
            Appointment(p.rng.choice(PROVIDERS), held, channel, visitor, p.rng.choice(TOPICS))
        )
    for _ in range(max(2, n // 20)):
        attendees = p.rng.randint(2, 8)
        topic = p.pick("flat_search", "tenancy_rights_and_duties", "heating_and_ventilation")
        held = p.day(y.first, p.horizon)
        certificates = p.rng.randint(0, attendees)
        y.workshops.append(
            Workshop(
                p.rng.choice(PROVIDERS), topic, held, attendees, certificates, p.after(held, 0, 7)
            )
        )
    for _ in range(max(5, n // 2)):
        received = p.moment(p.day(y.first, p.horizon), p.rng.randint(8, 17))
        inquiry = Inquiry(
            p.pick("resident", "landlord", "volunteer", "office", "other"),
            p.pick("email", "phone", "in_person", "letter", weights=(0.5, 0.3, 0.15, 0.05)),
            received,
        )
        if p.chance(0.85):
            answered = received + timedelta(hours=p.rng.randint(1, 72))
            inquiry.triage = (p.pick("answered", "forwarded", weights=(0.7, 0.3)), answered)
        y.inquiries.append(inquiry)
    for _ in range(max(3, n // 6)):
        offer = p.offer(p.day(y.first, p.horizon - timedelta(days=20)))
        if p.chance(0.4):
            reason = p.pick("landlord_withdrew", "let_elsewhere", "unsuitable", "other")
            offer.end = ("withdrawn", p.after(offer.received_on, 5, 60), reason)
        elif p.chance(0.5):
            offer.end = ("expired", p.after(offer.received_on, 10, 60), None)
    for _ in range(max(2, n // 15)):
        registered = p.day(date(y.year - 1, 3, 1), p.horizon - timedelta(days=10))
        volunteer = Volunteer(p.rng.choice(PROVIDERS), registered, p.after(registered, 0, 10))
        if p.chance(0.3):
            volunteer.left_on = p.after(volunteer.agreement_on, 1, 200)
        y.volunteers.append(volunteer)


def case(p: Planner) -> Case:
    y = p.plan
    target = p.pick(*SITUATIONS, weights=(0.6, 0.25, 0.15))
    referred = p.day(y.first, p.horizon - timedelta(days=40))
    c = Case(
        PREVENTION_PROVIDER,
        referred,
        p.pick("self_referral", "provider", "jobcenter", "housing_office", "landlord", "parish"),
        target,
        SITUATIONS[target],
        p.rng.randint(1, 2),
        p.rng.choice((0, 0, 1, 2, 3, 4)),
    )
    checked = p.after(referred, 1, 5)
    if p.chance(0.15):
        reason = p.pick("outside_target_group", "household_declined", "other")
        c.rejected = (p.after(checked, 1, 10), reason)
        return c
    c.admitted_on = p.after(checked, 1, 14)
    c.ends_on = c.admitted_on + timedelta(days=365)
    c.consent_on = p.after(c.admitted_on, 0, 3)
    c.every_days = p.rng.choice((14, 21, 30))
    c.first_due = c.consent_on + timedelta(days=c.every_days)
    due, last = c.first_due, c.consent_on
    for _ in range(p.rng.randint(0, 6)):
        late = p.rng.choice((-2, -1, 0, 0, 0, 0, 1, 3, 8))
        visit = max(due + timedelta(days=late), last + timedelta(days=1))
        if visit > p.horizon:
            break
        c.visits.append(visit)
        due, last = visit + timedelta(days=c.every_days), visit
    for _ in range(p.rng.randint(0, 2)):
        c.mediations.append(
            (
                p.after(c.consent_on, 1, 60),
                p.pick("landlord", "jobcenter", "social_office"),
                p.pick("rent_arrears", "benefits", "lease"),
            )
        )
    for _ in range(p.rng.randint(0, 2)):
        c.referrals_out.append(
            (
                p.after(c.consent_on, 1, 60),
                p.pick("debt_counselling", "addiction_help", "family_help"),
            )
        )
    acts = [last, *(m[0] for m in c.mediations), *(r[0] for r in c.referrals_out)]
    if p.chance(0.6) and max(acts) + timedelta(days=2) < p.horizon:
        outcomes = ["tenancy_kept", "moved_to_other_help", "eviction", "contact_lost"]
        if c.situation != "own_tenancy":
            outcomes.append("own_lease_signed")
        c.closed = (p.after(max(acts), 1, 30), p.rng.choice(outcomes))
    return c
