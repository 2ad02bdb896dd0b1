"""German labels for intake's part of the Art. 15 document: its personal-data tables,
their columns, its events, and which of intake's code tables (shared/contracts/intake/
labels.py) each column's codes come from. The other services' parts start from these
column words too (service_labels.py)."""

from __future__ import annotations

from shared.contracts.intake import labels

TABLES = {
    "household_details": "Angaben zum Haushalt",
    "household_members": "Personen im Haushalt",
    "household_consents": "Einwilligungen",
    "readiness_notes": "Notizen zur Wohnfähigkeit",
    "household_restrictions": "Einschränkung der Verarbeitung",
    "inquiry_details": "Anfragen an die zentrale Anlaufstelle",
    "inquiry_notes": "Notizen zu Anfragen",
    "tandem_disclosures": "Weitergaben an Ehrenamts-Tandems",
}
COLUMNS = {
    "household_id": "Kennung des Haushalts",
    "municipality": "Kommune",
    "accommodation_site": "Unterkunft",
    "phone": "Telefon",
    "email": "E-Mail",
    "note": "Notiz",
    "phone_key": "Suchschlüssel Telefon (abgeleitet)",
    "deregistration_note": "Notiz zur Abmeldung",
    "member_id": "Kennung der Person",
    "position": "Reihenfolge",
    "role": "Rolle im Haushalt",
    "age_band": "Altersgruppe",
    "given_name": "Vorname",
    "family_name": "Nachname",
    "birth_date": "Geburtsdatum",
    "family_name_key": "Suchschlüssel Nachname (abgeleitet)",
    "consent_id": "Kennung der Einwilligung",
    "purpose": "Zweck",
    "purpose_code": "Zweck (Kürzel)",
    "given_on": "Erteilt am",
    "given_by": "Erteilt von",
    "withdrawn_on": "Widerrufen am",
    "assessment_id": "Kennung der Einschätzung",
    "reason": "Grund",
    "restricted_on": "Eingeschränkt am",
    "inquiry_id": "Kennung der Anfrage",
    "sender_name": "Absender",
    "text": "Text",
    "triage": "Bearbeitungsschritt",
    "tandem_id": "Kennung des Tandems",
    "provider": "Träger",
    "formed_on": "Gebildet am",
    "consent_given_on": "Einwilligung vom",
    "ended_on": "Beendet am",
    "left_on": "Ausgezogen am",
    "adults": "Erwachsene",
    "minors": "Minderjährige",
    "accommodation_kind": "Art der Unterkunft",
    "wbs": "Wohnberechtigungsschein",
    "wbs_valid_until": "Wohnberechtigungsschein gültig bis",
    "residence_outlook": "Bleibeperspektive",
    "languages": "Sprachen",
    "consent_given": "Einwilligung erteilt",
    "criteria": "Kriterien",
    "result": "Ergebnis",
}
EVENTS = {
    "HouseholdRegistered": "Haushalt aufgenommen",
    "HouseholdCompositionChanged": "Zusammensetzung des Haushalts geändert",
    "AccommodationChanged": "Unterbringung geändert",
    "HouseholdHandedOver": "An einen anderen Träger übergeben",
    "HouseholdDeregistered": "Abgemeldet",
    "HouseholdDeregistrationRevoked": "Abmeldung zurückgenommen (Vermittlung zurückgenommen)",
    "HousingReadinessAssessed": "Wohnfähigkeit eingeschätzt",
    "PossibleDuplicateFlagged": "Mögliche Doppelerfassung erkannt",
    "HouseholdsLinkedAsDuplicate": "Als Doppelerfassung zusammengeführt",
    "DuplicateDismissed": "Keine Doppelerfassung",
    "DuplicateDecisionRevoked": "Entscheidung zur Doppelerfassung zurückgenommen",
    "PersonalDataErased": "Personenbezogene Daten gelöscht",
    "ProcessingRestricted": "Verarbeitung eingeschränkt",
    "RestrictionLifted": "Einschränkung aufgehoben",
    "HouseholdConsentGiven": "Einwilligung erteilt",
    "HouseholdConsentWithdrawn": "Einwilligung widerrufen",
    "ConsentGiven": "Einwilligung erteilt",
    "ConsentWithdrawn": "Einwilligung widerrufen",
}


# Codes shown in German where the column says which list they come from.
VALUES = {
    "role": labels.MEMBER_ROLE,
    "age_band": labels.AGE_BAND,
    "result": labels.READINESS_RESULT,
    "accommodation_kind": labels.ACCOMMODATION_KIND,
    "kind": labels.ACCOMMODATION_KIND,
    "status": labels.HOUSEHOLD_STATUS,
    "purpose_code": labels.CONSENT_PURPOSE,
    "residence_outlook": labels.RESIDENCE_OUTLOOK,
}
# Deregistration reasons are the one `reason` of intake's history with a German list.
REASONS = {
    "HouseholdDeregistered": {"reason": labels.DEREGISTRATION_REASON},
    "HouseholdDeregistrationRevoked": {"reason": labels.DEREGISTRATION_REASON},
}
