"""German labels for intake's part of the Art. 15 document: its personal-data tables,
their columns, its events and the codes they hold. The other services' parts start from
these column words too (service_labels.py)."""

from __future__ import annotations

from services.gateway.ui import labels

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
CONSENT_PURPOSES = {
    "data_processing": "Datenverarbeitung durch den Träger",
    "volunteer_tandem": "Weitergabe an ein ehrenamtliches Tandem",
    "provider_handover": "Weitergabe an einen anderen Träger",
}
RESIDENCE_OUTLOOK = {
    "permanent": "gesichert",
    "good": "gute Bleibeperspektive",
    "open": "Verfahren läuft",
    "tolerated": "Duldung",
    "not_applicable": "keine aufenthaltsrechtliche Frage",
    "unknown": "nicht erfasst",
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
    "role": labels.MEMBER_ROLES,
    "age_band": labels.AGE_BANDS,
    "result": labels.READINESS,
    "accommodation_kind": labels.ACCOMMODATION,
    "kind": labels.ACCOMMODATION,
    "status": labels.STATUS,
    "purpose_code": CONSENT_PURPOSES,
    "residence_outlook": RESIDENCE_OUTLOOK,
}
# Deregistration reasons are the one `reason` of intake's history with a German list.
REASONS = {
    "HouseholdDeregistered": {"reason": labels.DEREGISTRATION},
    "HouseholdDeregistrationRevoked": {"reason": labels.DEREGISTRATION},
}
