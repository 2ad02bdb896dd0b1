"""German labels of the codes figures are broken down by, in the order a report lists them.

The words are the contexts' own tables (`shared/contracts/<context>/labels.py`, the ones
the staff UI and the exports show); this module puts them in the order of the code's enum
and checks that every code has one. A code the labels do not know yet (a newer release of a
producer) is shown as itself rather than dropped, so a breakdown always adds up to its figure.

One block per context below: a context's tables change only in its own block.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from shared.contracts.intake import (
    AccommodationKind,
    DeregistrationReason,
    InquiryChannel,
    ReadinessResult,
    SenderKind,
    TriageOutcome,
)
from shared.contracts.intake import labels as intake
from shared.contracts.placement import (
    GuaranteeAuthority,
    GuaranteeKind,
    LandlordDecision,
    LandlordKind,
    OfferSource,
    ViewingOutcome,
    WithdrawalReason,
)
from shared.contracts.prevention import (
    AftercareDeclineReason,
    CaseOutcome,
    MediationOutcome,
    MediationParty,
    ReferralOutKind,
    ReferralSource,
    RejectionReason,
    TargetGroup,
)
from shared.contracts.prevention import labels as pl
from shared.contracts.volunteer import (
    ConsultationChannel,
    TandemEndReason,
    Visitor,
    WorkshopTopic,
)
from shared.contracts.volunteer import labels as vl

Labels = Mapping[str, str]


def _labels(enum: type[StrEnum], german: Mapping[StrEnum, str]) -> Labels:
    missing = set(enum) - set(german)
    assert not missing, f"no German label for {missing}"
    return {code.value: german[code] for code in enum}


def _shared(enum: type[StrEnum], table: Mapping[str, str]) -> Labels:
    """A context's shared table (keyed by the code's value) in the order of `enum`."""
    missing = {code.value for code in enum} - set(table)
    assert not missing, f"no German label for {missing}"
    return {code.value: table[code.value] for code in enum}


# ---------------------------------------------------------------- intake: households
ACCOMMODATION = _labels(
    AccommodationKind,
    {
        AccommodationKind.shelter: "Städtische Unterkunft",
        AccommodationKind.city_rented_flat: "Von der Stadt angemietete Wohnung",
        AccommodationKind.requisitioned_flat: "Beschlagnahmte Wohnung",
        AccommodationKind.assigned_flat: "Ordnungsbehördlich zugewiesene Wohnung",
    },
)
DEREGISTRATION = _labels(
    DeregistrationReason,
    {
        DeregistrationReason.moved_out_via_placement: "Auszug über das Auszugsmanagement",
        DeregistrationReason.moved_on_own: "Auszug in Eigenregie",
        DeregistrationReason.left_city: "Wegzug aus der Stadt",
        DeregistrationReason.other: "Sonstiges",
    },
)
READINESS = _labels(
    ReadinessResult,
    {
        ReadinessResult.ready: "wohnfähig",
        ReadinessResult.ready_with_support: "wohnfähig mit Unterstützung",
        ReadinessResult.not_yet: "noch nicht wohnfähig",
    },
)

# ---------------------------------------------------------------- intake: inquiries
SENDER = _shared(SenderKind, intake.SENDER_KIND)
INQUIRY_CHANNEL = _shared(InquiryChannel, intake.INQUIRY_CHANNEL)
TRIAGE = _shared(TriageOutcome, intake.TRIAGE_OUTCOME)

# ---------------------------------------------------------------- placement
LANDLORD_KIND = _labels(
    LandlordKind,
    {
        LandlordKind.municipal_housing_company: "Städtische Wohnungsgesellschaft (z. B. GAG)",
        LandlordKind.housing_company: "Andere Wohnungsgesellschaft",
        LandlordKind.private: "Privat",
    },
)
OFFER_SOURCE = _labels(
    OfferSource,
    {
        OfferSource.housing_company_quota: "Kontingent einer Wohnungsgesellschaft",
        OfferSource.private_landlord: "Private Vermieterin / privater Vermieter",
        OfferSource.volunteer_network: "Über Ehrenamtliche",
        OfferSource.public_relations: "Öffentlichkeitsarbeit",
    },
)
WITHDRAWAL = _labels(
    WithdrawalReason,
    {
        WithdrawalReason.landlord_withdrew: "Vermieter hat zurückgezogen",
        WithdrawalReason.let_elsewhere: "anderweitig vermietet",
        WithdrawalReason.unsuitable: "ungeeignet",
        WithdrawalReason.other: "Sonstiges",
    },
)
LANDLORD_DECISION = _labels(
    LandlordDecision,
    {LandlordDecision.accepted: "angenommen", LandlordDecision.declined: "abgelehnt"},
)
VIEWING = _labels(
    ViewingOutcome,
    {
        ViewingOutcome.household_interested: "Haushalt interessiert",
        ViewingOutcome.household_not_interested: "Haushalt nicht interessiert",
        ViewingOutcome.did_not_take_place: "nicht stattgefunden",
    },
)
GUARANTEE_KIND = _labels(
    GuaranteeKind,
    {
        GuaranteeKind.deposit: "Kautionsübernahme",
        GuaranteeKind.rent: "Mietübernahme",
        GuaranteeKind.security: "Sicherheitsleistung",
        GuaranteeKind.release: "Freistellung",
    },
)
AUTHORITY = _labels(
    GuaranteeAuthority,
    {
        GuaranteeAuthority.jobcenter: "Jobcenter",
        GuaranteeAuthority.social_office: "Amt für Soziales",
        GuaranteeAuthority.housing_office: "Amt für Wohnungswesen",
        GuaranteeAuthority.other: "Andere Stelle",
    },
)

# ---------------------------------------------------------------- prevention
# Prevention's words are its shared tables' (shared/contracts/prevention/labels.py).
REFERRAL_SOURCE = _labels(ReferralSource, {c: pl.REFERRAL_SOURCE[c] for c in ReferralSource})
TARGET_GROUP = _labels(TargetGroup, {c: pl.TARGET_GROUP[c] for c in TargetGroup})
REJECTION = _labels(RejectionReason, {c: pl.REJECTION_REASON[c] for c in RejectionReason})
REFERRAL_OUT = _labels(ReferralOutKind, {c: pl.REFERRAL_OUT_KIND[c] for c in ReferralOutKind})
CASE_OUTCOME = _labels(CaseOutcome, {c: pl.CASE_OUTCOME[c] for c in CaseOutcome})
MEDIATION_PARTY = _labels(MediationParty, {c: pl.MEDIATION_PARTY[c] for c in MediationParty})
# A mediation recorded before outcomes were asked has none: counted as "nicht erfasst".
MEDIATION_OUTCOME = {
    **_labels(MediationOutcome, {c: pl.MEDIATION_OUTCOME[c] for c in MediationOutcome}),
    "": "Ergebnis nicht erfasst",
}
AFTERCARE_DECLINE = _labels(
    AftercareDeclineReason,
    {c: pl.AFTERCARE_DECLINE_REASON[c] for c in AftercareDeclineReason},
)

# ---------------------------------------------------------------- volunteer
# Volunteer's words are its contract's tables (shared/contracts/volunteer/labels.py).
CONSULTATION_CHANNEL = _labels(
    ConsultationChannel, {code: vl.CONSULTATION_CHANNEL[code] for code in ConsultationChannel}
)
VISITOR = _labels(Visitor, {code: vl.VISITOR[code] for code in Visitor})
TANDEM_END = _labels(TandemEndReason, {code: vl.TANDEM_END[code] for code in TandemEndReason})
WORKSHOP_TOPIC = _labels(WorkshopTopic, {code: vl.WORKSHOP_TOPIC[code] for code in WorkshopTopic})
