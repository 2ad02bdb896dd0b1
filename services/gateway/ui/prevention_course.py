"""A Wohnintegrationshilfe case's course in plain German, from prevention's case view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.gateway.ui import labels_prevention as lp
from services.gateway.ui.labels import label
from shared.contracts.prevention import CaseView, HomeVisitView


@dataclass(frozen=True)
class Entry:
    on: date
    text: str
    note: str | None = None


def _german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _persons(case: CaseView) -> str:
    return f"{case.adults} Erwachsene, {case.minors} Minderjährige"


def _visit(visit: HomeVisitView) -> Entry:
    findings = ", ".join(label(lp.FINDING, f) for f in visit.findings)
    text = f"Hausbesuch: {findings}. Nächster Besuch fällig am {_german(visit.next_visit_due)}"
    if visit.due_on is not None and visit.done_on > visit.due_on:
        text += f" (dieser war fällig am {_german(visit.due_on)})"
    return Entry(visit.done_on, text + ".", visit.note)


def course(case: CaseView) -> list[Entry]:
    """Oldest first; one entry per thing that happened in the case."""
    source = label(lp.SOURCE, case.source)
    group = label(lp.TARGET_GROUP, case.target_group)
    entries = [
        Entry(
            case.received_on,
            f"Meldung aufgenommen ({source}) für den Träger {case.provider}: {group}, "
            f"{_persons(case)}.",
            case.note,
        )
    ]
    if case.eligibility is not None:
        check = case.eligibility
        if check.eligible:
            text = "Voraussetzungen geprüft: keine vergleichbare Hilfe installiert."
        else:
            helps = ", ".join(label(lp.COMPARABLE_HELP, h) for h in check.comparable_help)
            text = f"Voraussetzungen geprüft: vergleichbare Hilfe installiert ({helps})."
        entries.append(Entry(check.checked_on, text, check.note))
    if case.admitted_on is not None:
        first_end = case.extensions[0].previous_ends_on if case.extensions else case.ends_on
        until = f", befristet bis {_german(first_end)}" if first_end else ""
        entries.append(Entry(case.admitted_on, f"Hilfe bewilligt (Fachstelle Wohnen){until}."))
    if case.rejected_on is not None:
        reason = label(lp.REJECTION, case.rejection_reason)
        entries.append(Entry(case.rejected_on, f"Hilfe abgelehnt: {reason}."))
    for extension in case.extensions:
        text = f"Hilfe verlängert bis {_german(extension.ends_on)}."
        entries.append(Entry(extension.extended_on, text))
    if case.consent_given_on is not None:
        entries.append(Entry(case.consent_given_on, "Der Haushalt hat der Hilfe zugestimmt."))
    if case.consent_withdrawn_on is not None:
        text = "Der Haushalt hat seine Zustimmung widerrufen."
        entries.append(Entry(case.consent_withdrawn_on, text))
    entries += [_visit(v) for v in case.home_visits]
    for m in case.mediations:
        party, topic = label(lp.MEDIATION_PARTY, m.party), label(lp.MEDIATION_TOPIC, m.topic)
        entries.append(Entry(m.held_on, f"Vermittlung mit {party}: {topic}.", m.note))
    for n in case.landlord_negotiations:
        kind, result = label(lp.LANDLORD_KIND, n.landlord_kind), label(lp.NEGOTIATION, n.result)
        entries.append(Entry(n.held_on, f"Verhandlung mit Vermieter ({kind}): {result}.", n.note))
    for r in case.referrals_out:
        text = f"In andere Hilfe vermittelt: {label(lp.REFERRAL_OUT, r.kind)}."
        entries.append(Entry(r.referred_on, text, r.note))
    if case.closed_on is not None:
        outcome = label(lp.OUTCOME, case.outcome)
        entries.append(Entry(case.closed_on, f"Fall abgeschlossen: {outcome}.", case.closing_note))
    # Stable: on one day, the order above (referral before check before admission …).
    return sorted(entries, key=lambda e: e.on)
