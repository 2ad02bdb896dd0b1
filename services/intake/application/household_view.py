"""The household detail view: state from the events, personal data from intake's tables."""

from __future__ import annotations

from services.intake.adapters.personal_data import PersonalData
from services.intake.domain.household import Household
from shared.contracts.intake import (
    ERASED,
    RESTRICTED,
    ConsentView,
    Deregistration,
    DuplicateView,
    HouseholdStatus,
    HouseholdView,
    MemberView,
    PrivacyStatus,
    ReadinessAssessmentView,
)
from shared.contracts.intake.views import AccommodationRecord
from shared.identity import Caller, Role


def household_view(
    caller: Caller,
    state: Household,
    version: int,
    personal: PersonalData,
    consents: list[ConsentView] | None = None,
) -> HouseholdView:
    assert state.household_id and state.provider and state.registered_on
    assert state.accommodation_kind
    deregistration = None
    if state.deregistered_on is not None and state.deregistration_reason is not None:
        deregistration = Deregistration(
            reason=state.deregistration_reason,
            deregistered_on=state.deregistered_on,
            note=personal.deregistration_note,
        )
    # Another household's id may belong to another provider: coordinators only.
    duplicates = (
        [
            DuplicateView(household_id=state.household_id, other_household_id=o, status=s)
            for o, s in state.duplicates
        ]
        if caller.role is Role.coordinator
        else []
    )
    return HouseholdView(
        household_id=state.household_id,
        municipality=caller.municipality,
        provider=state.provider,
        status=HouseholdStatus.deregistered if state.deregistered else HouseholdStatus.active,
        caseworker=state.caseworker,
        registered_on=state.registered_on,
        accommodation=AccommodationRecord(kind=state.accommodation_kind, site=personal.site),
        adults=state.adults,
        minors=state.minors,
        persons=state.persons,
        members=_shown(state, personal.members),
        former_members=_shown(state, personal.former_members),
        contact=personal.contact,
        note=personal.note,
        wbs=state.wbs,
        wbs_valid_until=state.wbs_valid_until,
        residence_outlook=state.residence_outlook,
        languages=list(state.languages),
        consent=personal.consent,
        consents=consents or [],
        readiness=[
            ReadinessAssessmentView(
                assessment_id=a.assessment_id,
                assessed_on=a.assessed_on,
                criteria=dict(a.criteria),
                result=a.result,
                note=personal.readiness_notes.get(a.assessment_id),
            )
            for a in state.readiness
        ],
        current_readiness=state.current_readiness,
        deregistration=deregistration,
        possible_duplicates=duplicates,
        version=version,
        privacy=privacy_status(state, personal),
        accessible_flat_needed=state.accessible_flat_needed,
        preferred_districts=list(state.preferred_districts),
    )


def _shown(state: Household, members: list[MemberView]) -> list[MemberView]:
    """Members as shown: an erased member keeps role and age band, named „gelöscht“."""
    return [
        m.model_copy(update={"given_name": ERASED, "family_name": None, "birth_date": None})
        if state.member_erased_on(m.member_id) is not None
        else m
        for m in members
    ]


def privacy_status(state: Household, personal: PersonalData) -> PrivacyStatus | None:
    """What to show instead of names: „gelöscht“ once erased, „eingeschränkt“ if restricted."""
    if state.erased:
        return PrivacyStatus(label=ERASED, erased_on=state.erased_on)
    if state.restricted:
        return PrivacyStatus(
            label=RESTRICTED,
            restricted_reason=state.restriction,
            restricted_on=state.restricted_on,
            restriction_note=personal.restriction_note,
        )
    return None
