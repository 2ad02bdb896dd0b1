"""German labels for the parts of the Art. 15 document that placement, volunteer and
prevention answer: their tables, columns, events and codes.

A column or event without a label is shown under its technical name (see
disclosure.py), so a field a service adds later is never left out, only less readable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from services.gateway.households.exports.intake_labels import COLUMNS as INTAKE_COLUMNS
from shared.contracts.intake import labels as intake_labels
from shared.contracts.placement import labels as lp
from shared.contracts.volunteer import labels as vl

Words = Mapping[str, str]


@dataclass(frozen=True)
class Labels:
    """How one service's part reads: titles of tables, columns and events, code words."""

    title: str
    notes: tuple[str, ...]
    tables: Words
    columns: Words
    events: Words
    # Column → code → German; `by_event` overrides it for one event type's payload.
    values: Mapping[str, Words] = field(default_factory=dict)
    by_event: Mapping[str, Mapping[str, Words]] = field(default_factory=dict)


# Intake's column words (ids, names, birth dates, notes) and the counts, dates and ids
# several services keep alike.
COMMON = dict(INTAKE_COLUMNS) | {
    "adults": "Erwachsene",
    "minors": "Minderjährige",
    "offer_id": "Kennung des Wohnungsangebots",
    "moved_on": "Einzug am",
    "lease_signed_on": "Mietvertrag unterschrieben am",
    "registered_on": "Aufgenommen am",
    "deregistered_on": "Abgemeldet am",
    "decided_on": "Entschieden am",
    "status": "Stand",
    "decision": "Entscheidung",
    "kind": "Art",
}

PLACEMENT = Labels(
    title="Wohnungsvermittlung",
    notes=(
        "Vorschläge an Vermieter, Besichtigungen, Übernahmen und Mietvertrag. Passende "
        "Wohnungen werden bei jeder Anfrage neu berechnet und nicht gespeichert; dazu gibt "
        "es nichts auszugeben. Die Anschrift einer Wohnung ist nur für die Wohnung "
        "aufgeführt, für die der Haushalt den Mietvertrag unterschrieben hat.",
    ),
    tables={
        "candidate_households": "Angaben zum Haushalt in der Vermittlung",
        "proposals": "Vorschläge an Vermieter",
        "guarantees": "Übernahmen und Sicherheiten",
        "placements": "Mietvertrag und Einzug",
        "offers": "Wohnungen, für die der Haushalt vorgeschlagen wurde",
        "offer_details": "Anschrift der angemieteten Wohnung",
        "viewing_appointments": "Termine der Besichtigungen",
    },
    columns=COMMON
    | {
        "has_wbs": "Wohnberechtigungsschein vorhanden",
        "household_had_wbs": "Wohnberechtigungsschein vorhanden",
        "wbs_valid_until": "Wohnberechtigungsschein gültig bis",
        "readiness": "Wohnfähigkeit",
        "readiness_assessed_on": "Wohnfähigkeit eingeschätzt am",
        "proposed_on": "Vorgeschlagen am",
        "guarantee_id": "Kennung der Übernahme",
        "requested_from": "Beantragt",
        "requested_on": "Beantragt am",
        "landlord_id": "Kennung des Vermieters",
        "landlord_kind": "Art des Vermieters",
        "district": "Stadtteil",
        "rooms": "Zimmer",
        "size_m2": "Wohnfläche (m²)",
        "cold_rent": "Kaltmiete (€)",
        "running_costs": "Nebenkosten (€)",
        "available_from": "Verfügbar ab",
        "wbs_required": "Wohnberechtigungsschein erforderlich",
        "refugee_quota": "Richtlinie Flü",
        "accessible": "Barrierefrei",
        "source": "Herkunft des Angebots",
        "received_on": "Angebot eingegangen am",
        "closed_on": "Angebot geschlossen am",
        "street_address": "Anschrift",
        "viewing_id": "Kennung der Besichtigung",
        "viewing_on": "Besichtigung am",
        "outcome": "Ergebnis",
        "accompanied_by_tandem": "Vom Tandem begleitet",
        "tandem_id": "Kennung des Tandems",
        "volunteer_supported": "Von Ehrenamtlichen unterstützt",
        "reason": "Grund",
        "viewing_at": "Uhrzeit der Besichtigung",
        "place": "Treffpunkt",
        "attendee": "Wer hingeht",
        "held": "Hat stattgefunden",
        "amount": "Beantragter Betrag (€)",
        "requested_amount": "Beantragter Betrag (€)",
        "granted_amount": "Bewilligter Betrag (€)",
        "funding": "Als Darlehen oder Beihilfe",
        "gross_cold_rent": "Bruttokaltmiete laut Vertrag (€)",
        "warm_rent": "Warmmiete laut Vertrag (€)",
    },
    events={
        "HouseholdProposed": "Dem Vermieter vorgeschlagen",
        "LandlordDecided": "Antwort des Vermieters",
        "ViewingScheduled": "Besichtigung vereinbart",
        "ViewingHeld": "Besichtigung",
        "GuaranteeRequested": "Übernahme beantragt",
        "GuaranteeDecided": "Über Übernahme entschieden",
        "PlacementCompleted": "Mietvertrag unterschrieben",
        "PlacementRetracted": "Vermittlung zurückgenommen",
    },
    values={
        "readiness": intake_labels.READINESS_RESULT,
        # Landlords accept or decline, offices approve or decline: one word each.
        "decision": {"accepted": "Zusage", "approved": "bewilligt", "declined": "abgelehnt"},
        "kind": lp.GUARANTEE_KIND,
        "requested_from": lp.GUARANTEE_AUTHORITY,
        "landlord_kind": lp.LANDLORD_KIND,
        "source": lp.OFFER_SOURCE,
        "status": lp.OFFER_STATUS,
        "outcome": lp.VIEWING_OUTCOME,
        "reason": lp.RETRACTION_REASON,
        "funding": lp.GUARANTEE_FUNDING,
    },
    by_event={
        "LandlordDecided": {"decision": lp.LANDLORD_DECISION},
        "GuaranteeDecided": {"decision": lp.GUARANTEE_DECISION},
    },
)

VOLUNTEER = Labels(
    title="Ehrenamt",
    notes=(
        "Tandems, Unterstützung durch Ehrenamtliche, Beratungen, Workshops und "
        "Teilnahmebestätigungen. Die Ehrenamtlichen eines Tandems sind nur mit ihrer "
        "Kennung genannt: ihr Name ist ihr eigenes personenbezogenes Datum, nicht das des "
        "Haushalts. Namen der Teilnehmenden an Workshops stehen so, wie das Ehrenamt sie "
        "gespeichert hat.",
    ),
    tables={
        "known_households": "Angaben zum Haushalt im Ehrenamt",
        "known_consents": "Einwilligungen, die das Ehrenamt kennt",
        "household_placements": "Vermittlungen, die das Ehrenamt kennt",
        "tandem_index": "Tandems",
        "attendee_details": "Teilnehmende an Workshops",
        "consultation_appointments": "Vereinbarte Einzeltermine (Beratung nach Absprache)",
    },
    columns=COMMON
    | {
        "tandem_id": "Kennung des Tandems",
        "volunteer_id": "Kennung der/des Ehrenamtlichen",
        "accommodation_kind": "Unterkunft",
        "consent_id": "Kennung der Einwilligung",
        "purpose": "Zweck",
        "given_on": "Erteilt am",
        "withdrawn_on": "Widerrufen am",
        "consent_given_on": "Einwilligung vom",
        "placement_event_id": "Kennung der Vermittlung",
        "attendee_id": "Kennung der teilnehmenden Person",
        "workshop_id": "Kennung des Workshops",
        "member_id": "Kennung der Person im Haushalt",
        "certificate_id": "Kennung der Teilnahmebestätigung",
        "support_id": "Kennung der Unterstützung",
        "consultation_id": "Kennung der Beratung",
        "office_hour_id": "Kennung der Sprechstunde",
        "channel": "Weg",
        "visitor": "Wer kam",
        "topic": "Thema",
        "duration_minutes": "Dauer (Minuten)",
        "appointment": "Einzeltermin",
        "reason": "Grund",
        "appointment_id": "Kennung des Einzeltermins",
        "day": "Tag des Termins",
        "at": "Uhrzeit",
        "minutes": "Dauer (Minuten)",
        "attendee": "Wer den Termin wahrnimmt",
        "place": "Ort",
    },
    events={
        "TandemFormed": "Tandem gebildet",
        "TandemEnded": "Tandem beendet",
        "TandemSupportRecorded": "Unterstützung durch das Tandem",
        "PlacementSupportConfirmed": "Vermittlung mit Unterstützung des Tandems",
        "ConsultationHeld": "Beratung",
        "ConsultationAppointed": "Einzeltermin vereinbart",
        "WorkshopAttended": "An einem Workshop teilgenommen",
        "CertificateIssued": "Teilnahmebestätigung ausgestellt",
    },
    values={
        "accommodation_kind": intake_labels.ACCOMMODATION_KIND,
        "purpose": intake_labels.CONSENT_PURPOSE,
        "reason": vl.TANDEM_END,
        "channel": vl.CONSULTATION_CHANNEL,
        "visitor": vl.VISITOR,
        "topic": vl.WORKSHOP_TOPIC,
    },
    by_event={
        "TandemSupportRecorded": {"kind": vl.SUPPORT_KIND},
        "ConsultationHeld": {"topic": vl.CONSULTATION_TOPIC},
    },
)
