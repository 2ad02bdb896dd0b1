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
from shared.contracts.placement import labels as placement
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
from shared.contracts.prevention import labels as prevention
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
    AccommodationKind, {AccommodationKind(k): w for k, w in intake.ACCOMMODATION_KIND.items()}
)
DEREGISTRATION = _labels(
    DeregistrationReason,
    {DeregistrationReason(k): w for k, w in intake.DEREGISTRATION_REASON.items()},
)
READINESS = _labels(
    ReadinessResult, {ReadinessResult(k): w for k, w in intake.READINESS_RESULT.items()}
)

# ---------------------------------------------------------------- intake: inquiries
SENDER = _shared(SenderKind, intake.SENDER_KIND)
INQUIRY_CHANNEL = _shared(InquiryChannel, intake.INQUIRY_CHANNEL)
TRIAGE = _shared(TriageOutcome, intake.TRIAGE_OUTCOME)

# ---------------------------------------------------------------- placement
# Placement's words are placement's tables (shared/contracts/placement/labels.py).
LANDLORD_KIND = _shared(LandlordKind, placement.LANDLORD_KIND)
OFFER_SOURCE = _shared(OfferSource, placement.OFFER_SOURCE)
WITHDRAWAL = _shared(WithdrawalReason, placement.WITHDRAWAL_REASON)
LANDLORD_DECISION = _shared(LandlordDecision, placement.LANDLORD_DECISION)
VIEWING = _shared(ViewingOutcome, placement.VIEWING_OUTCOME)
GUARANTEE_KIND = _shared(GuaranteeKind, placement.GUARANTEE_KIND)
AUTHORITY = _shared(GuaranteeAuthority, placement.GUARANTEE_AUTHORITY)

# ---------------------------------------------------------------- prevention
# Prevention's words are its shared tables' (shared/contracts/prevention/labels.py).
REFERRAL_SOURCE = _shared(ReferralSource, prevention.REFERRAL_SOURCE)
TARGET_GROUP = _shared(TargetGroup, prevention.TARGET_GROUP)
REJECTION = _shared(RejectionReason, prevention.REJECTION_REASON)
REFERRAL_OUT = _shared(ReferralOutKind, prevention.REFERRAL_OUT_KIND)
CASE_OUTCOME = _shared(CaseOutcome, prevention.CASE_OUTCOME)
MEDIATION_PARTY = _shared(MediationParty, prevention.MEDIATION_PARTY)
# A mediation recorded before outcomes were asked has none: counted as "nicht erfasst".
MEDIATION_OUTCOME = {
    **_shared(MediationOutcome, prevention.MEDIATION_OUTCOME),
    "": "Ergebnis nicht erfasst",
}
AFTERCARE_DECLINE = _shared(AftercareDeclineReason, prevention.AFTERCARE_DECLINE_REASON)

# ---------------------------------------------------------------- volunteer
# Volunteer's words are its contract's tables (shared/contracts/volunteer/labels.py).
CONSULTATION_CHANNEL = _shared(ConsultationChannel, vl.CONSULTATION_CHANNEL)
VISITOR = _shared(Visitor, vl.VISITOR)
TANDEM_END = _shared(TandemEndReason, vl.TANDEM_END)
WORKSHOP_TOPIC = _shared(WorkshopTopic, vl.WORKSHOP_TOPIC)
