"""Codes of the volunteer context (Ehrenamt): the values events and requests may carry.

Every code is a short English identifier; the German labels people read live in the
views and documents that show them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

CONTEXT = "volunteer"

DistrictCode = Annotated[
    str,
    Field(
        min_length=2,
        max_length=64,
        pattern=r"^[a-z0-9][a-z0-9_-]*$",
        description="Stadtteil/Veedel als Kürzel, z. B. `ehrenfeld`, `kalk`, `refrath`.",
    ),
]
UserId = Annotated[
    str,
    Field(
        min_length=2,
        max_length=120,
        # `:` for the gateway's pseudonyms of identity-provider users (`oidc:<hmac>`).
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._@:-]*$",
        description="Benutzerkennung der Ehrenamtlichen (das Gateway setzt die Kennung des "
        "Kontos ein, nicht den Login).",
    ),
]
Minutes = Annotated[int, Field(ge=5, le=600, description="Dauer in Minuten")]


class OnboardingStep(StrEnum):
    """Steps before a volunteer accompanies a household; the agreement is required."""

    first_talk = "first_talk"  # Erstgespräch beim Träger
    agreement_signed = "agreement_signed"  # Ehrenamtsvereinbarung unterschrieben
    police_certificate = "police_certificate"  # erweitertes Führungszeugnis vorgelegt


class TandemEndReason(StrEnum):
    flat_found = "flat_found"  # der Haushalt hat eine Wohnung gefunden
    household_left = "household_left"  # der Haushalt ist weggezogen / nicht mehr erreichbar
    volunteer_stopped = "volunteer_stopped"  # die/der Ehrenamtliche hört auf
    by_agreement = "by_agreement"  # einvernehmlich beendet
    other = "other"


class SupportKind(StrEnum):
    """Where a tandem's volunteer supported the household (seed 001)."""

    viewing = "viewing"  # Besichtigung
    formalities = "formalities"  # Formalitäten, Anträge, Unterlagen
    office = "office"  # Behördengang (Jobcenter, Sozialamt, Wohnungsamt …)
    landlord = "landlord"  # Kontakt zum Vermieter


class ConsultationChannel(StrEnum):
    email = "email"
    phone = "phone"
    in_person = "in_person"


class Visitor(StrEnum):
    """Who came to a consultation (offene Sprechstunde or Einzeltermin)."""

    tandem = "tandem"  # Ehrenamtliche/r mit Geflüchteten
    volunteer_alone = "volunteer_alone"
    refugee_alone = "refugee_alone"


class ConsultationTopic(StrEnum):
    flat_search = "flat_search"  # Wohnungssuche allgemein
    viewing = "viewing"  # Besichtigung vorbereiten/nachbereiten
    application = "application"  # Bewerbung, Unterlagen, Selbstauskunft
    wbs = "wbs"  # Wohnberechtigungsschein
    rent_costs = "rent_costs"  # Kosten der Unterkunft, Jobcenter, Mietobergrenzen
    landlord_contact = "landlord_contact"  # Kontakt zu Vermieter/Wohnungsgesellschaft
    tenancy = "tenancy"  # Mietvertrag, Rechte und Pflichten
    moving = "moving"  # Umzug, Einzug, Ummeldung
    volunteer_role = "volunteer_role"  # Rolle und Grenzen des Ehrenamts
    other = "other"


class WorkshopTopic(StrEnum):
    flat_search = "flat_search"  # Wohnungssuche
    application_documents = "application_documents"  # Bewerbungsunterlagen
    tenancy_rights_and_duties = "tenancy_rights_and_duties"  # Rechte und Pflichten als Mieter
    rent_and_utilities = "rent_and_utilities"  # Miete, Nebenkosten, Kaution
    heating_and_ventilation = "heating_and_ventilation"  # Heizen, Lüften, Energie sparen
    waste_and_house_rules = "waste_and_house_rules"  # Mülltrennung, Hausordnung
    neighbourhood = "neighbourhood"  # gute Nachbarschaft
