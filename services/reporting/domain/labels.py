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
    AccommodationKind, {AccommodationKind(k): w for k, w in intake.ACCOMMODATION_KIND.items()}
)
DEREGISTRATION = _labels(
    DeregistrationReason,
    {DeregistrationReason(k): w for k, w in intake.DEREGISTRATION_REASON.items()},
)
READINESS = _labels(
    ReadinessResult, {ReadinessResult(k): w for k, w in intake.READINESS_RESULT.items()}
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
