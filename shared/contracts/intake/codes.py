"""Codes of the intake context. See the package docstring."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import (
    Field,
)

from shared.contracts.intake import labels

CONTEXT = "intake"

ProviderCode = Annotated[
    str,
    Field(
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="Kurzname des Trägers, z. B. `caritas`, `drk`, `fluechtlingsrat`.",
    ),
]
LanguageCode = Annotated[
    str,
    Field(pattern=r"^[a-z]{2,3}$", description="Sprachcode nach ISO 639, z. B. `de`, `ar`, `ti`"),
]

DistrictCode = Annotated[
    str,
    Field(
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Kennung des Stadtteils (Veedel), z. B. `kalk` (Liste: places.py)",
    ),
]


class AccommodationKind(StrEnum):
    shelter = "shelter"
    city_rented_flat = "city_rented_flat"
    requisitioned_flat = "requisitioned_flat"
    assigned_flat = "assigned_flat"


class MemberRole(StrEnum):
    head = "head"
    partner = "partner"
    child = "child"
    other = "other"


class AgeBand(StrEnum):
    under_6 = "0-5"
    age_6_17 = "6-17"
    age_18_26 = "18-26"
    age_27_64 = "27-64"
    age_65_plus = "65+"

    @property
    def minor(self) -> bool:
        return self in (AgeBand.under_6, AgeBand.age_6_17)


class ResidenceOutlook(StrEnum):
    """Bleibeperspektive, as the caseworker knows it."""

    permanent = "permanent"  # gesichert: Niederlassungserlaubnis, Einbürgerung
    good = "good"  # gute Bleibeperspektive: Anerkennung, Aufenthaltserlaubnis
    open = "open"  # Verfahren läuft
    tolerated = "tolerated"  # Duldung
    not_applicable = "not_applicable"  # keine aufenthaltsrechtliche Frage
    unknown = "unknown"  # nicht erfasst


class CompositionChange(StrEnum):
    birth = "birth"
    joined = "joined"
    moved_away = "moved_away"


class DeregistrationReason(StrEnum):
    moved_out_via_placement = "moved_out_via_placement"
    moved_on_own = "moved_on_own"
    left_city = "left_city"
    other = "other"


class ReadinessCriterion(StrEnum):
    """The fixed criteria of a housing-readiness assessment (Wohnfähigkeit)."""

    rent_payment = "rent_payment"  # Miete und Nebenkosten zuverlässig zahlen
    tenancy_knowledge = "tenancy_knowledge"  # Mietvertrag, Hausordnung, Rechte und Pflichten
    neighbourhood = "neighbourhood"  # Zusammenleben in der Nachbarschaft
    household_management = "household_management"  # Haushaltsführung, Lüften, Müll
    language_for_contracts = "language_for_contracts"  # Sprache für Verträge und Ämter


class CriterionRating(StrEnum):
    met = "met"
    partly = "partly"
    not_met = "not_met"


class ReadinessResult(StrEnum):
    ready = "ready"
    ready_with_support = "ready_with_support"
    not_yet = "not_yet"


class DuplicateStatus(StrEnum):
    open = "open"
    linked = "linked"
    dismissed = "dismissed"


class SenderKind(StrEnum):
    resident = "resident"
    landlord = "landlord"
    volunteer = "volunteer"
    office = "office"
    other = "other"


class InquiryChannel(StrEnum):
    email = "email"
    phone = "phone"
    in_person = "in_person"
    letter = "letter"


class TriageOutcome(StrEnum):
    answered = "answered"
    forwarded = "forwarded"
    opened_as_case = "opened_as_case"


class ForwardTarget(StrEnum):
    provider = "provider"
    office = "office"


class ErasureSubject(StrEnum):
    """Whose personal data an erasure covers: a whole household, or one of its members
    (the household, its counts and the member's role and age band stay)."""

    household = "household"
    member = "member"


class ErasureScope(StrEnum):
    """How much of it: every personal datum held on the subject (names, birth dates,
    contact data, notes, consent details, linked inquiries)."""

    all_personal_data = "all_personal_data"


class ErasureGround(StrEnum):
    """Why the data were erased: on request (Art. 17 DSGVO) or by a retention rule."""

    data_subject_request = "data_subject_request"
    retention_expired = "retention_expired"


class RestrictionReason(StrEnum):
    """Art. 18 DSGVO / §84 SGB X: why a household is restricted instead of erased."""

    retention_duty = "retention_duty"
    accuracy_contested = "accuracy_contested"
    unlawful_but_kept = "unlawful_but_kept"
    legal_claims = "legal_claims"
    objection_pending = "objection_pending"


class ConsentPurpose(StrEnum):
    """What a household consented to (Art. 6 (1) a, Art. 7 DSGVO; §67b SGB X): each
    disclosure needs the consent of its own purpose, a general one does not cover it."""

    data_processing = "data_processing"  # Datenverarbeitung durch den Träger
    volunteer_tandem = "volunteer_tandem"  # Weitergabe an ein ehrenamtliches Tandem
    provider_handover = "provider_handover"  # Weitergabe an einen anderen Träger

    @property
    def label(self) -> str:
        return labels.CONSENT_PURPOSE[self.value]


class DisclosureKind(StrEnum):
    """To whom a household's data went: a volunteer tandem or another provider."""

    volunteer_tandem = "volunteer_tandem"
    provider_handover = "provider_handover"


class CorrectedField(StrEnum):
    """Which personal datum a rectification (Art. 16 DSGVO) changed: the name of the field,
    never its value. A member's fields name the person by `member_id` in intake's tables."""

    given_name = "given_name"
    family_name = "family_name"
    birth_date = "birth_date"
    phone = "phone"
    email = "email"
    note = "note"
