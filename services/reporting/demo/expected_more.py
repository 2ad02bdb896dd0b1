"""The expected figures of placements and offers, and the keys every answer has."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from services.reporting.demo.model import Household, Year

if TYPE_CHECKING:
    from services.reporting.demo.expected import Tally

MUNICIPAL_ONLY = (
    "offers_received",
    "offers_refugee_quota",
    "offers_let",
    "offers_withdrawn",
    "offers_expired",
    "inquiries_received",
    "inquiries_triaged",
    "inquiries_open_at_period_end",
)
COUNTS = [
    "households_registered",
    "persons_registered",
    "adults_registered",
    "minors_registered",
    "households_placed",
    "persons_placed",
    "adults_placed",
    "minors_placed",
    "placements_municipal_housing_company",
    "placements_refugee_quota",
    "placements_volunteer_supported",
    "persons_placed_volunteer_supported",
    "placements_viewing_with_tandem",
    "placements_without_wbs",
    "households_active_at_period_end",
    "households_deregistered",
    "readiness_assessments",
    "households_proposed",
    "landlord_decisions",
    "viewings_held",
    "viewings_accompanied_by_tandem",
    "guarantees_requested",
    "guarantees_approved",
    "guarantees_declined",
    "volunteers_active",
    "volunteers_registered",
    "tandems_formed",
    "tandems_ended",
    "office_hours_held",
    "consultations",
    "consultations_by_appointment",
    "workshops_held",
    "workshop_attendances",
    "certificates_issued",
    "referrals_received",
    "cases_admitted",
    "cases_admitted_with_children",
    "cases_rejected",
    "home_visits_done",
    "home_visits_late",
    "home_visits_overdue_at_period_end",
    "mediations",
    "referrals_out",
    "cases_closed",
    "cases_closed_with_children",
    "aftercare_offered",
    "aftercare_accepted",
    "aftercare_declined",
]
MEDIANS = ("guarantee_decision_days_median", "case_length_median_days")


def zeros(t: Tally, provider: str | None) -> None:
    """Every figure the answer has, at zero until counted."""
    t.zero(*COUNTS)
    if provider is None:
        t.zero(*MUNICIPAL_ONLY)
        t.samples.setdefault("inquiry_first_answer_hours_median", [])


def placement_figures(t: Tally, h: Household, first: date, last: date, municipal: bool) -> None:
    p = h.placement
    if p is None:
        return

    def inside(day: date) -> bool:
        return first <= day <= last

    if p.declined is not None:
        _, proposed, refused, _ = p.declined
        if inside(proposed):
            t.add("households_proposed")
        if inside(refused):
            t.add("landlord_decisions", decision="declined")
    if inside(p.proposed_on):
        t.add("households_proposed")
    if inside(p.decided_on):
        t.add("landlord_decisions", decision="accepted")
    if inside(p.viewing_on):
        t.add("viewings_held", outcome="household_interested")
        if p.accompanied:
            t.add("viewings_accompanied_by_tandem")
    for g in p.guarantees:
        if inside(g.requested_on):
            t.add("guarantees_requested", kind=g.kind, requested_from=g.authority)
        if inside(g.decided_on):
            t.add(f"guarantees_{g.decision}", kind=g.kind)
            days = (g.decided_on - g.requested_on).days
            t.sample("guarantee_decision_days_median", days, ("requested_from", g.authority))
    if p.aftercare is not None and inside(p.aftercare[1]):
        answer, _, reason = p.aftercare
        if reason:
            t.add(f"aftercare_{answer}", reason=reason)
        else:
            t.add(f"aftercare_{answer}")
    if not inside(p.lease_on):
        return
    kind, persons = p.offer.landlord.kind, h.adults + h.minors
    t.add("households_placed", landlord_kind=kind)
    t.add("persons_placed", persons, landlord_kind=kind)
    t.add("adults_placed", h.adults)
    t.add("minors_placed", h.minors)
    t.add("aftercare_offered")
    if municipal:
        t.add("offers_let")
    if kind == "municipal_housing_company":
        t.add("placements_municipal_housing_company")
        if p.offer.refugee_quota:
            t.add("placements_refugee_quota")
    if p.accompanied:
        t.add("placements_viewing_with_tandem")
    if not h.wbs:
        t.add("placements_without_wbs")
    tandem = h.tandem
    if (
        tandem
        and tandem.formed_on <= p.lease_on
        and (not tandem.ended or p.lease_on <= tandem.ended[0])
    ):
        t.add("placements_volunteer_supported")
        t.add("persons_placed_volunteer_supported", persons)


def offer_figures(t: Tally, y: Year, provider: str | None) -> None:
    if provider is not None:
        return
    for o in y.offers:
        if y.first <= o.received_on <= y.last:
            t.add("offers_received", source=o.source, landlord_kind=o.landlord.kind)
            if o.refugee_quota:
                t.add("offers_refugee_quota")
        if o.end and y.first <= o.end[1] <= y.last:
            if o.end[2]:
                t.add(f"offers_{o.end[0]}", reason=o.end[2])
            else:
                t.add(f"offers_{o.end[0]}")
