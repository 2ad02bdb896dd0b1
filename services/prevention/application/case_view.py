"""The case detail view: state from the events, personal data from prevention's tables."""

from __future__ import annotations

from datetime import date

from services.prevention.adapters import personal_data as pd
from services.prevention.domain.case_state import Case
from shared.clock import business_day
from shared.contracts.prevention import views as vw
from shared.contracts.prevention.events import (
    HomeVisitDone,
    LandlordNegotiationRecorded,
    MediationRecorded,
    ReferredOut,
)


def case_view(
    municipality: str, state: Case, version: int, personal: pd.CasePersonalData, today: date
) -> vw.CaseView:
    assert state.case_id and state.provider and state.source and state.received_on
    assert state.target_group and state.housing_situation
    eligibility = None
    if state.eligibility_checked_on is not None:
        eligibility = vw.Eligibility(
            checked_on=state.eligibility_checked_on,
            comparable_help=list(state.comparable_help),
            eligible=not state.comparable_help,
            note=personal.note_of(pd.ELIGIBILITY),
        )
    visits = [_visit(a, personal) for a in state.acts if isinstance(a, HomeVisitDone)]
    mediations = [
        vw.MediationView(
            mediation_id=a.mediation_id,
            held_on=business_day(a.occurred_at),
            party=a.party,
            topic=a.topic,
            outcome=a.outcome,
            note=personal.note_of(a.mediation_id),
        )
        for a in state.acts
        if isinstance(a, MediationRecorded)
    ]
    negotiations = [
        vw.NegotiationView(
            negotiation_id=a.negotiation_id,
            held_on=business_day(a.occurred_at),
            landlord_kind=a.landlord_kind,
            result=a.result,
            note=personal.note_of(a.negotiation_id),
        )
        for a in state.acts
        if isinstance(a, LandlordNegotiationRecorded)
    ]
    referrals = [
        vw.ReferralOutView(
            referral_id=a.referral_id,
            referred_on=business_day(a.occurred_at),
            kind=a.kind,
            note=personal.note_of(a.referral_id),
        )
        for a in state.acts
        if isinstance(a, ReferredOut)
    ]
    return vw.CaseView(
        case_id=state.case_id,
        municipality=municipality,
        provider=state.provider,
        status=state.status,
        source=state.source,
        target_group=state.target_group,
        housing_situation=state.housing_situation,
        adults=state.adults,
        minors=state.minors,
        with_children=state.minors > 0,
        household_id=state.household_id,
        received_on=state.received_on,
        admitted_on=state.admitted_on,
        ends_on=state.ends_on,
        next_visit_due=state.next_visit_due,
        closed_on=state.closed_on,
        outcome=state.outcome,
        contact=personal.contact,
        street_address=personal.street_address,
        referred_by=personal.referred_by,
        note=personal.note,
        eligibility=eligibility,
        rejection_reason=state.rejection_reason,
        rejected_on=state.rejected_on,
        consent_given_on=state.consent_given_on,
        consent_withdrawn_on=state.consent_withdrawn_on,
        visit_every_days=state.visit_every_days,
        visit_overdue=state.visit_overdue(today),
        home_visits=visits,
        mediations=mediations,
        landlord_negotiations=negotiations,
        referrals_out=referrals,
        extensions=[
            vw.Extension(
                extended_on=business_day(e.occurred_at),
                previous_ends_on=e.previous_ends_on,
                ends_on=e.ends_on,
            )
            for e in state.extensions
        ],
        closing_note=personal.note_of(pd.CLOSING) or personal.note_of(pd.CONSENT_WITHDRAWAL),
        version=version,
        erased_on=state.erased_on,
        appointment=(
            None
            if state.appointment is None
            else vw.HomeVisitAppointmentView(
                appointment_id=state.appointment.appointment_id,
                day=state.appointment.day,
                at=state.appointment.at,
                minutes=state.appointment.minutes,
                attendee=state.appointment.attendee,
                place=personal.appointment_place,
            )
        ),
    )


def _visit(act: HomeVisitDone, personal: pd.CasePersonalData) -> vw.HomeVisitView:
    return vw.HomeVisitView(
        visit_id=act.visit_id,
        done_on=business_day(act.occurred_at),
        findings=list(act.findings),
        due_on=act.due_on,
        next_visit_due=act.next_visit_due,
        note=personal.note_of(act.visit_id),
    )
