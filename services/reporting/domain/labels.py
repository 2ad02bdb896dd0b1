"""German labels of the codes figures are broken down by, in the order a report lists them.

A code the labels do not know yet (a newer release of a producer) is shown as itself
rather than dropped, so a breakdown always adds up to its figure.
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
from shared.contracts.placement import (
    GuaranteeAuthority,
    GuaranteeKind,
    LandlordDecision,
    LandlordKind,
    OfferSource,
    ViewingOutcome,
    WithdrawalReason,
)
from shared.contracts.placement import labels as pl
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
from shared.contracts.volunteer import (
    ConsultationChannel,
    TandemEndReason,
    Visitor,
    WorkshopTopic,
)

Labels = Mapping[str, str]


def _labels(enum: type[StrEnum], german: Mapping[StrEnum, str]) -> Labels:
    missing = set(enum) - set(german)
    assert not missing, f"no German label for {missing}"
    return {code.value: german[code] for code in enum}


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
SENDER = _labels(
    SenderKind,
    {
        SenderKind.resident: "Bewohnerinnen und Bewohner",
        SenderKind.landlord: "Vermieterinnen und Vermieter",
        SenderKind.volunteer: "Ehrenamtliche",
        SenderKind.office: "Ämter und Behörden",
        SenderKind.other: "Sonstige",
    },
)
INQUIRY_CHANNEL = _labels(
    InquiryChannel,
    {
        InquiryChannel.email: "E-Mail",
        InquiryChannel.phone: "Telefon",
        InquiryChannel.in_person: "Persönlich",
        InquiryChannel.letter: "Brief",
    },
)
TRIAGE = _labels(
    TriageOutcome,
    {
        TriageOutcome.answered: "beantwortet",
        TriageOutcome.forwarded: "weitergeleitet",
        TriageOutcome.opened_as_case: "als Haushaltsfall eröffnet",
    },
)
# Placement's words are placement's tables (shared/contracts/placement/labels.py).
LANDLORD_KIND = _labels(LandlordKind, {code: pl.LANDLORD_KIND[code] for code in LandlordKind})
OFFER_SOURCE = _labels(OfferSource, {code: pl.OFFER_SOURCE[code] for code in OfferSource})
WITHDRAWAL = _labels(
    WithdrawalReason, {code: pl.WITHDRAWAL_REASON[code] for code in WithdrawalReason}
)
LANDLORD_DECISION = _labels(
    LandlordDecision, {code: pl.LANDLORD_DECISION[code] for code in LandlordDecision}
)
VIEWING = _labels(ViewingOutcome, {code: pl.VIEWING_OUTCOME[code] for code in ViewingOutcome})
GUARANTEE_KIND = _labels(GuaranteeKind, {code: pl.GUARANTEE_KIND[code] for code in GuaranteeKind})
AUTHORITY = _labels(
    GuaranteeAuthority, {code: pl.GUARANTEE_AUTHORITY[code] for code in GuaranteeAuthority}
)
REFERRAL_SOURCE = _labels(
    ReferralSource,
    {
        ReferralSource.self_referral: "Selbstmeldung",
        ReferralSource.provider: "Freier Träger / soziale Einrichtung",
        ReferralSource.housing_company: "Wohnungsbaugesellschaft",
        ReferralSource.landlord: "Örtliche Vermieterin / örtlicher Vermieter",
        ReferralSource.jobcenter: "Jobcenter",
        ReferralSource.social_office: "Amt für Soziales und Senioren",
        ReferralSource.senior_counselling: "Seniorenberatung",
        ReferralSource.youth_welfare_service: "Allgemeiner Sozialer Dienst",
        ReferralSource.housing_office: "Fachstelle Wohnen",
        ReferralSource.social_space_coordination: "Sozialraumkoordination",
        ReferralSource.parish: "Pfarrgemeinde",
    },
)
TARGET_GROUP = _labels(
    TargetGroup,
    {
        TargetGroup.re_admission: "Wiedereinweisung",
        TargetGroup.assignment_into_vacant_flat: "Einweisung in leerstehenden Wohnraum",
        TargetGroup.secured_tenancy_at_risk_of_recurrence: "Gesichertes Mietverhältnis, "
        "Wiederholungsgefahr",
    },
)
REJECTION = _labels(
    RejectionReason,
    {
        RejectionReason.comparable_help_installed: "Vergleichbare Hilfe bereits installiert",
        RejectionReason.outside_target_group: "Nicht in der Zielgruppe",
        RejectionReason.household_declined: "Haushalt hat abgelehnt",
        RejectionReason.other: "Sonstiges",
    },
)
REFERRAL_OUT = _labels(
    ReferralOutKind,
    {
        ReferralOutKind.debt_counselling: "Schuldnerberatung",
        ReferralOutKind.addiction_help: "Suchthilfe",
        ReferralOutKind.family_help: "Familienhilfe",
        ReferralOutKind.senior_counselling: "Seniorenberatung",
        ReferralOutKind.sgb_xii_67_help: "Hilfen nach §§ 67 ff. SGB XII",
        ReferralOutKind.other: "Sonstige Hilfen",
    },
)
CASE_OUTCOME = _labels(
    CaseOutcome,
    {
        CaseOutcome.tenancy_kept: "Wohnung erhalten",
        CaseOutcome.own_lease_signed: "Eigener Mietvertrag",
        CaseOutcome.moved_to_other_help: "In andere Hilfe übergeleitet",
        CaseOutcome.eviction: "Räumung",
        CaseOutcome.contact_lost: "Kontakt abgebrochen",
        CaseOutcome.consent_withdrawn: "Einverständnis zurückgezogen",
    },
)
MEDIATION_PARTY = _labels(
    MediationParty,
    {
        MediationParty.landlord: "Vermieterin / Vermieter",
        MediationParty.housing_company: "Wohnungsgesellschaft",
        MediationParty.jobcenter: "Jobcenter",
        MediationParty.social_office: "Amt für Soziales",
        MediationParty.other_office: "Andere Stelle",
    },
)
# A mediation recorded before outcomes were asked has none: counted as "nicht erfasst".
MEDIATION_OUTCOME = {
    **_labels(
        MediationOutcome,
        {
            MediationOutcome.agreement_reached: "Einigung erzielt",
            MediationOutcome.instalment_agreement: "Ratenzahlung vereinbart",
            MediationOutcome.no_agreement: "Keine Einigung",
            MediationOutcome.ongoing: "Vermittlung läuft noch",
        },
    ),
    "": "Ergebnis nicht erfasst",
}
AFTERCARE_DECLINE = _labels(
    AftercareDeclineReason,
    {
        AftercareDeclineReason.not_needed: "nicht benötigt",
        AftercareDeclineReason.household_declined: "vom Haushalt abgelehnt",
        AftercareDeclineReason.not_reachable: "nicht erreichbar",
    },
)
CONSULTATION_CHANNEL = _labels(
    ConsultationChannel,
    {
        ConsultationChannel.email: "E-Mail",
        ConsultationChannel.phone: "Telefon",
        ConsultationChannel.in_person: "Persönlich",
    },
)
VISITOR = _labels(
    Visitor,
    {
        Visitor.tandem: "Tandem (Ehrenamtliche mit Geflüchteten)",
        Visitor.volunteer_alone: "Ehrenamtliche allein",
        Visitor.refugee_alone: "Geflüchtete allein",
    },
)
TANDEM_END = _labels(
    TandemEndReason,
    {
        TandemEndReason.flat_found: "Wohnung gefunden",
        TandemEndReason.household_left: "Haushalt weggezogen / nicht erreichbar",
        TandemEndReason.volunteer_stopped: "Ehrenamtliche/r hört auf",
        TandemEndReason.by_agreement: "Einvernehmlich beendet",
        TandemEndReason.other: "Sonstiges",
    },
)
WORKSHOP_TOPIC = _labels(
    WorkshopTopic,
    {
        WorkshopTopic.flat_search: "Wohnungssuche",
        WorkshopTopic.application_documents: "Bewerbungsunterlagen",
        WorkshopTopic.tenancy_rights_and_duties: "Rechte und Pflichten als Mieter",
        WorkshopTopic.rent_and_utilities: "Miete, Nebenkosten, Kaution",
        WorkshopTopic.heating_and_ventilation: "Heizen, Lüften, Energie sparen",
        WorkshopTopic.waste_and_house_rules: "Mülltrennung, Hausordnung",
        WorkshopTopic.neighbourhood: "Gute Nachbarschaft",
    },
)
