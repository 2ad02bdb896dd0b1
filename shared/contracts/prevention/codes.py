"""Codes of the prevention context (Wohnintegrationshilfe, seed 004).

Every code is what an event carries instead of free text, so the yearly report can count
by it. The German names in the comments are the seed's words.
"""

from __future__ import annotations

from enum import StrEnum

CONTEXT = "prevention"


class ReferralSource(StrEnum):
    """Wer den Haushalt gemeldet hat (Zugang zur Hilfe, seed 004 §6)."""

    self_referral = "self_referral"  # Selbstmelderin / Selbstmelder
    provider = "provider"  # freier Träger, sozialräumliche Institution, soziale Einrichtung
    housing_company = "housing_company"  # Wohnungsbaugesellschaft
    landlord = "landlord"  # örtliche Vermieterin / örtlicher Vermieter
    jobcenter = "jobcenter"
    social_office = "social_office"  # Außenstelle des Amtes für Soziales und Senioren
    senior_counselling = "senior_counselling"  # Seniorenberatung
    youth_welfare_service = "youth_welfare_service"  # Allgemeiner Sozialer Dienst (ASD)
    housing_office = "housing_office"  # Fachstelle Wohnen
    social_space_coordination = "social_space_coordination"  # Sozialraumkoordination
    parish = "parish"  # Pfarrgemeinde


class TargetGroup(StrEnum):
    """Zielgruppe (seed 004 §2)."""

    re_admission = "re_admission"  # Wiedereinweisung (prekäre Wohnsituation)
    assignment_into_vacant_flat = "assignment_into_vacant_flat"  # Einweisung in Leerstand
    secured_tenancy_at_risk_of_recurrence = "secured_tenancy_at_risk_of_recurrence"

    @property
    def precarious(self) -> bool:
        """Haushalte in prekären Wohnsituationen (beschlagnahmte oder zugewiesene Wohnung)."""
        return self is not TargetGroup.secured_tenancy_at_risk_of_recurrence


class HousingSituation(StrEnum):
    """Wie der Haushalt bei der Meldung wohnt."""

    own_tenancy = "own_tenancy"  # eigener Mietvertrag (gesichert, aber gefährdet)
    requisitioned_flat = "requisitioned_flat"  # durch die Stadt beschlagnahmte Wohnung
    assigned_flat = "assigned_flat"  # ordnungsbehördliche Einweisung (Belegungsrechtswohnung)

    @property
    def without_lease(self) -> bool:
        """Beschlagnahmt oder eingewiesen: ein eigener Mietvertrag ist das Ziel."""
        return self is not HousingSituation.own_tenancy


class ComparableHelp(StrEnum):
    """Bereits installierte Hilfen mit vergleichbarer Zielausrichtung (seed 004 §4)."""

    sgb_xii_67 = "sgb_xii_67"  # Hilfen nach § 67 SGB XII
    sgb_xii_53 = "sgb_xii_53"  # Eingliederungshilfe nach § 53 SGB XII
    sgb_viii = "sgb_viii"  # Hilfen nach SGB VIII (z. B. Hilfen zur Erziehung)


class RejectionReason(StrEnum):
    comparable_help_installed = "comparable_help_installed"
    outside_target_group = "outside_target_group"
    household_declined = "household_declined"
    other = "other"


class VisitFinding(StrEnum):
    """Was ein Hausbesuch ergeben hat (seed 004 §5)."""

    economic_difficulties = "economic_difficulties"
    family_difficulties = "family_difficulties"
    rent_arrears = "rent_arrears"
    condition_of_flat = "condition_of_flat"
    none = "none"


class MediationParty(StrEnum):
    """Mit wem vermittelt wurde (Wohnungsgeber, Jobcenter, andere Institutionen)."""

    landlord = "landlord"
    housing_company = "housing_company"
    jobcenter = "jobcenter"
    social_office = "social_office"
    other_office = "other_office"


class MediationTopic(StrEnum):
    rent_arrears = "rent_arrears"  # Mietrückstände
    rent_payment = "rent_payment"  # Mietzahlung, Direktüberweisung
    benefits = "benefits"  # Leistungen (Bürgergeld, Grundsicherung, Wohngeld)
    condition_of_flat = "condition_of_flat"  # Zustand der Wohnung
    neighbourhood_conflict = "neighbourhood_conflict"
    lease = "lease"  # Mietvertrag, Nutzungsverhältnis
    other = "other"


class MediationOutcome(StrEnum):
    """Was die Vermittlung ergab (für den Jahresbericht der Wohnintegrationshilfe)."""

    agreement_reached = "agreement_reached"  # Einigung erzielt
    instalment_agreement = "instalment_agreement"  # Ratenzahlung vereinbart
    no_agreement = "no_agreement"  # keine Einigung
    ongoing = "ongoing"  # läuft noch


class NegotiationResult(StrEnum):
    """Verhandlung mit einem potenziellen Vermieter."""

    lease_offered = "lease_offered"
    ongoing = "ongoing"
    declined = "declined"


class ReferralOutKind(StrEnum):
    """Vermittlung anderer Hilfen (seed 004 §5)."""

    debt_counselling = "debt_counselling"  # Schuldnerberatung
    addiction_help = "addiction_help"  # Suchthilfe
    family_help = "family_help"  # Familienhilfe
    senior_counselling = "senior_counselling"  # Seniorenberatung
    sgb_xii_67_help = "sgb_xii_67_help"  # Hilfen nach §§ 67 ff. SGB XII
    other = "other"


class CaseOutcome(StrEnum):
    tenancy_kept = "tenancy_kept"  # Wohnung erhalten
    own_lease_signed = "own_lease_signed"  # eigener Mietvertrag (nur beschlagnahmt/eingewiesen)
    moved_to_other_help = "moved_to_other_help"
    eviction = "eviction"  # Räumung
    contact_lost = "contact_lost"
    consent_withdrawn = "consent_withdrawn"


class CaseStatus(StrEnum):
    referred = "referred"  # gemeldet, noch nicht entschieden
    admitted = "admitted"  # bewilligt, Hilfe läuft
    rejected = "rejected"
    closed = "closed"


class AftercareStatus(StrEnum):
    offered = "offered"
    accepted = "accepted"
    declined = "declined"
    withdrawn = "withdrawn"  # zurückgezogen, e.g. the placement was retracted


class AftercareWithdrawalReason(StrEnum):
    """Why prevention took an aftercare offer back (never the household's answer)."""

    placement_retracted = "placement_retracted"  # Vermittlung zurückgenommen


class AftercareDeclineReason(StrEnum):
    not_needed = "not_needed"
    household_declined = "household_declined"
    not_reachable = "not_reachable"
