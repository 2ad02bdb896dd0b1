"""The German words for every event type of the streams a change history shows (a
household, an offer, a prevention case, a volunteer), and for the facts an entry carries.

One table for all four: an event type's name is unique across the platform (the event
registry refuses a second). tests/unit/test_history_labels.py fails when an event type of
these streams has no word here.
"""

from __future__ import annotations

from services.gateway.web.i18n import N_

EVENT_TYPES = {
    # intake: the household
    "HouseholdRegistered": N_("Haushalt aufgenommen"),
    "HouseholdCompositionChanged": N_("Zusammensetzung geändert"),
    "AccommodationChanged": N_("Unterbringung geändert"),
    "HouseholdHandedOver": N_("An einen anderen Träger übergeben"),
    "HouseholdDeregistered": N_("Abgemeldet"),
    "HouseholdDeregistrationRevoked": N_("Abmeldung zurückgenommen"),
    "HousingReadinessAssessed": N_("Wohnfähigkeit eingeschätzt"),
    "PossibleDuplicateFlagged": N_("Möglicher Doppeleintrag erkannt"),
    "HouseholdsLinkedAsDuplicate": N_("Als Doppeleintrag verknüpft"),
    "DuplicateDismissed": N_("Kein Doppeleintrag"),
    "DuplicateDecisionRevoked": N_("Entscheidung zum Doppeleintrag zurückgenommen"),
    "PersonalDataErased": N_("Personenbezogene Daten gelöscht"),
    "ProcessingRestricted": N_("Verarbeitung eingeschränkt"),
    "RestrictionLifted": N_("Einschränkung aufgehoben"),
    "HouseholdConsentGiven": N_("Einwilligung erteilt"),
    "HouseholdConsentWithdrawn": N_("Einwilligung widerrufen"),
    "CaseworkerAssigned": N_("Zuständigkeit geändert"),
    "PersonalDataCorrected": N_("Stammdaten korrigiert"),
    "HouseholdNeedsChanged": N_("Wohnungsbedarf geändert"),
    # placement: the offer
    "OfferReceived": N_("Wohnungsangebot erfasst"),
    "OfferWithdrawn": N_("Wohnungsangebot zurückgezogen"),
    "OfferExpired": N_("Wohnungsangebot abgelaufen"),
    "HouseholdProposed": N_("Haushalt vorgeschlagen"),
    "LandlordDecided": N_("Entscheidung des Vermieters erfasst"),
    "ViewingScheduled": N_("Besichtigung vereinbart"),
    "ViewingHeld": N_("Besichtigung erfasst"),
    "GuaranteeRequested": N_("Kostenübernahme beantragt"),
    "GuaranteeDecided": N_("Entscheidung zur Kostenübernahme erfasst"),
    "PlacementCompleted": N_("Mietvertrag unterschrieben"),
    "PlacementRetracted": N_("Vermittlung zurückgenommen"),
    # prevention: the case
    "ReferralReceived": N_("Fall gemeldet"),
    "EligibilityChecked": N_("Anspruch geprüft"),
    "CaseAdmitted": N_("Fall aufgenommen"),
    "CaseRejected": N_("Fall abgelehnt"),
    "ConsentRecorded": N_("Einwilligung erfasst"),
    "ConsentWithdrawn": N_("Einwilligung widerrufen"),
    "VisitRhythmPlanned": N_("Besuchsrhythmus geplant"),
    "HomeVisitDone": N_("Hausbesuch erfasst"),
    "HomeVisitAppointed": N_("Hausbesuch vereinbart"),
    "HomeVisitAppointmentMoved": N_("Hausbesuch verschoben"),
    "HomeVisitAppointmentCancelled": N_("Hausbesuch abgesagt"),
    "MediationRecorded": N_("Vermittlungsgespräch erfasst"),
    "LandlordNegotiationRecorded": N_("Verhandlung mit dem Vermieter erfasst"),
    "ReferredOut": N_("An eine andere Hilfe verwiesen"),
    "CaseExtended": N_("Hilfe verlängert"),
    "CaseClosed": N_("Fall abgeschlossen"),
    "CasePersonalDataErased": N_("Personenbezogene Daten gelöscht"),
    # volunteer
    "VolunteerRegistered": N_("Ehrenamtliche/r aufgenommen"),
    "VolunteerOnboarded": N_("Schritt der Einarbeitung erledigt"),
    "VolunteerLeft": N_("Ehrenamt beendet"),
    "VolunteerPersonalDataErased": N_("Personenbezogene Daten gelöscht"),
    # volunteer: an individual consultation's appointment (the consultation's stream)
    "ConsultationAppointed": N_("Einzeltermin vereinbart"),
    "ConsultationAppointmentMoved": N_("Einzeltermin verschoben"),
    "ConsultationAppointmentCancelled": N_("Einzeltermin abgesagt"),
}
# An event type newer than this table (a deployment between two releases).
OTHER = N_("Sonstige Änderung")

# Who did it, for those who do not see names, and for a step a service took itself.
SYSTEM = N_("automatisch")
UNKNOWN = N_("unbekannt")
