"""German labels for prevention's part of the Art. 15 document: the aftercare offer, and
the Wohnintegrationshilfe cases referred with the household's id."""

from __future__ import annotations

from services.gateway.households.exports.service_labels import COMMON, Labels
from shared.contracts.notes import NOTE_KIND
from shared.contracts.prevention import labels as lx

PREVENTION = Labels(
    title="Prävention (Wohnintegrationshilfe)",
    notes=(
        "Die Nachbetreuung, die dem Haushalt nach seinem Einzug angeboten wurde, und die "
        "Fälle der Wohnintegrationshilfe, die mit der Kennung dieses Haushalts gemeldet "
        "wurden. Ein Fall, der ohne diese Kennung gemeldet wurde, ist mit keinem Haushalt "
        "verbunden und hier nicht enthalten.",
    ),
    tables={
        "aftercare_offers": "Nachbetreuung",
        "case_index": "Fälle der Wohnintegrationshilfe",
        "case_details": "Angaben zu den Fällen",
        "case_notes": "Notizen zu den Fällen",
        "follow_ups": "Wiedervorlagen zu den Fällen",
        "case_file_notes": "Notizen in der Fallakte",
        "home_visit_appointments": "Vereinbarte Hausbesuche",
    },
    columns=COMMON
    | {
        "offered_on": "Angeboten am",
        "decline_reason": "Grund der Ablehnung",
        "case_id": "Kennung des Falls",
        "source": "Gemeldet von",
        "target_group": "Zielgruppe",
        "housing_situation": "Wohnsituation",
        "received_on": "Gemeldet am",
        "admitted_on": "Bewilligt am",
        "ends_on": "Befristet bis",
        "next_visit_due": "Nächster Hausbesuch fällig",
        "last_visit_on": "Letzter Hausbesuch",
        "closed_on": "Abgeschlossen am",
        "outcome": "Ergebnis",
        "contact_name": "Ansprechperson",
        "phone": "Telefon",
        "email": "E-Mail",
        "street_address": "Anschrift",
        "referred_by": "Gemeldet durch",
        "note": "Notiz",
        "entry": "Zu",
        "finding": "Befund",
        "kind": "Art",
        "household_id": "Kennung des Haushalts",
        "provider": "Träger",
        "appointment_id": "Kennung des Termins",
        "day": "Tag",
        "at": "Uhrzeit",
        "minutes": "Dauer (Minuten)",
        "attendee": "Wer hingeht",
        "place": "Ort",
    },
    events={
        "AftercareOffered": "Nachbetreuung angeboten",
        "AftercareAccepted": "Nachbetreuung angenommen",
        "AftercareDeclined": "Nachbetreuung abgelehnt",
        "AftercareWithdrawn": "Nachbetreuung zurückgezogen",
        "ReferralReceived": "Zur Wohnintegrationshilfe gemeldet",
        "EligibilityChecked": "Voraussetzungen geprüft",
        "CaseAdmitted": "Hilfe bewilligt",
        "CaseRejected": "Hilfe abgelehnt",
        "ConsentRecorded": "Einwilligung erfasst",
        "ConsentWithdrawn": "Einwilligung widerrufen",
        "VisitRhythmPlanned": "Rhythmus der Hausbesuche festgelegt",
        "HomeVisitDone": "Hausbesuch",
        "MediationRecorded": "Vermittlung (Mediation)",
        "LandlordNegotiationRecorded": "Verhandlung mit dem Vermieter",
        "ReferredOut": "An andere Hilfe vermittelt",
        "CaseExtended": "Hilfe verlängert",
        "CaseClosed": "Fall abgeschlossen",
        "CasePersonalDataErased": "Personenbezogene Daten des Falls gelöscht",
        "HomeVisitAppointed": "Hausbesuch vereinbart",
        "HomeVisitAppointmentMoved": "Vereinbarter Hausbesuch verschoben",
        "HomeVisitAppointmentCancelled": "Vereinbarter Hausbesuch abgesagt",
    },
    values={
        # An offer's and a case's states have different codes: one table reads both.
        "status": lx.AFTERCARE_STATUS | lx.CASE_STATUS,
        "decline_reason": lx.AFTERCARE_DECLINE_REASON,
        "source": lx.REFERRAL_SOURCE,
        "target_group": lx.TARGET_GROUP,
        "housing_situation": lx.HOUSING_SITUATION,
        "outcome": lx.CASE_OUTCOME,
        "finding": lx.VISIT_FINDING,
        "note_kind": NOTE_KIND,
    },
    by_event={
        "AftercareDeclined": {"reason": lx.AFTERCARE_DECLINE_REASON},
        "AftercareWithdrawn": {"reason": lx.AFTERCARE_WITHDRAWAL_REASON},
        "CaseRejected": {"reason": lx.REJECTION_REASON},
        "ReferredOut": {"kind": lx.REFERRAL_OUT_KIND},
    },
)
