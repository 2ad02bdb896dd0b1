"""The readable German form of an Art. 15 export: the same data as the JSON, in sections
a person can read — what is stored about them, and what happened when.

Every stored value is shown (also derived search keys), labelled in German where the
label is known and by its technical name otherwise, so that nothing is left out of the
readable form that the machine-readable one holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from services.gateway.ui import labels
from shared.contracts.intake import HouseholdExport

BERLIN = ZoneInfo("Europe/Berlin")

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
}
EVENTS = {
    "HouseholdRegistered": "Haushalt aufgenommen",
    "HouseholdCompositionChanged": "Zusammensetzung des Haushalts geändert",
    "AccommodationChanged": "Unterbringung geändert",
    "HouseholdHandedOver": "An einen anderen Träger übergeben",
    "HouseholdDeregistered": "Abgemeldet",
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
}
# Deregistration reasons are the one `reason` of intake's history with a German list.
REASONS = {"HouseholdDeregistered": labels.DEREGISTRATION}


@dataclass(frozen=True)
class Section:
    title: str
    records: list[list[tuple[str, str]]]


@dataclass(frozen=True)
class Happening:
    on: str
    what: str
    details: list[tuple[str, str]]


@dataclass(frozen=True)
class Disclosure:
    household_id: str
    municipality: str
    exported_on: str
    sections: list[Section]
    history: list[Happening]


def disclosure(export: HouseholdExport) -> Disclosure:
    """The export, labelled in German, oldest happening first."""
    sections = [
        Section(
            TABLES.get(table, table),
            [[(COLUMNS.get(k, k), _value(k, v)) for k, v in row.items()] for row in rows],
        )
        for table, rows in export.personal_data.items()
    ]
    history = [
        Happening(
            on=shown(fact.occurred_at),
            what=EVENTS.get(fact.event_type, fact.event_type),
            details=[
                (COLUMNS.get(k, k), _value(k, v, REASONS.get(fact.event_type)))
                for k, v in fact.payload.items()
            ],
        )
        for fact in sorted(export.history, key=lambda f: f.occurred_at)
    ]
    return Disclosure(
        household_id=str(export.household_id),
        municipality=export.municipality,
        exported_on=shown(export.exported_on),
        sections=sections,
        history=history,
    )


def _value(column: str, value: Any, reasons: dict[str, str] | None = None) -> str:
    words = reasons if column == "reason" and reasons else VALUES.get(column)
    if words is not None and isinstance(value, str) and value in words:
        return f"{words[value]} ({value})"
    return shown(value)


def shown(value: Any) -> str:
    """A value as a German reader expects it: dates as 21.11.2026, yes/no, "–" for none."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime):
        return value.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        # Dates and times in event payloads arrive as ISO text.
        try:
            parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return value
        return shown(parsed)
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) or "–"
    if isinstance(value, dict):
        return "; ".join(f"{COLUMNS.get(k, k)}: {shown(v)}" for k, v in value.items()) or "–"
    return str(value)
