"""A Wohnintegrationshilfe case's course in plain words, from prevention's case view.

Built per request, in the request's language: every sentence goes through `gettext`
with named placeholders, the codes through `label()`, the days through `format_date`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.gateway.web.i18n import format_date, gettext, ngettext
from services.gateway.web.labels import label
from shared.contracts.placement import labels as placement_labels
from shared.contracts.prevention import CaseView, HomeVisitView
from shared.contracts.prevention import labels as pl


@dataclass(frozen=True)
class Entry:
    on: date
    text: str
    note: str | None = None


def _persons(case: CaseView) -> str:
    adults = ngettext("%(count)s Erwachsene", "%(count)s Erwachsene", case.adults)
    minors = ngettext("%(count)s Minderjährige", "%(count)s Minderjährige", case.minors)
    return f"{adults % {'count': case.adults}}, {minors % {'count': case.minors}}"


def _visit(visit: HomeVisitView) -> Entry:
    findings = ", ".join(label(pl.VISIT_FINDING, f) for f in visit.findings)
    text = gettext("Hausbesuch: %(findings)s. Nächster Besuch fällig am %(day)s") % {
        "findings": findings,
        "day": format_date(visit.next_visit_due),
    }
    if visit.due_on is not None and visit.done_on > visit.due_on:
        late = gettext("dieser war fällig am %(day)s") % {"day": format_date(visit.due_on)}
        text += f" ({late})"
    return Entry(visit.done_on, text + ".", visit.note)


def _beginning(case: CaseView) -> list[Entry]:
    """The referral, the check and the housing office's decisions."""
    received = gettext(
        "Meldung aufgenommen (%(source)s) für den Träger %(provider)s: %(group)s, %(persons)s."
    ) % {
        "source": label(pl.REFERRAL_SOURCE, case.source),
        "provider": case.provider,
        "group": label(pl.TARGET_GROUP, case.target_group),
        "persons": _persons(case),
    }
    entries = [Entry(case.received_on, received, case.note)]
    if case.eligibility is not None:
        check = case.eligibility
        if check.eligible:
            text = gettext("Voraussetzungen geprüft: keine vergleichbare Hilfe installiert.")
        else:
            helps = ", ".join(label(pl.COMPARABLE_HELP, h) for h in check.comparable_help)
            text = gettext(
                "Voraussetzungen geprüft: vergleichbare Hilfe installiert (%(helps)s)."
            ) % {"helps": helps}
        entries.append(Entry(check.checked_on, text, check.note))
    if case.admitted_on is not None:
        first_end = case.extensions[0].previous_ends_on if case.extensions else case.ends_on
        if first_end:
            text = gettext("Hilfe bewilligt (Fachstelle Wohnen), befristet bis %(day)s.") % {
                "day": format_date(first_end)
            }
        else:
            text = gettext("Hilfe bewilligt (Fachstelle Wohnen).")
        entries.append(Entry(case.admitted_on, text))
    if case.rejected_on is not None:
        reason = label(pl.REJECTION_REASON, case.rejection_reason)
        text = gettext("Hilfe abgelehnt: %(reason)s.") % {"reason": reason}
        entries.append(Entry(case.rejected_on, text))
    for extension in case.extensions:
        text = gettext("Hilfe verlängert bis %(day)s.") % {"day": format_date(extension.ends_on)}
        entries.append(Entry(extension.extended_on, text))
    if case.consent_given_on is not None:
        text = gettext("Der Haushalt hat der Hilfe zugestimmt.")
        entries.append(Entry(case.consent_given_on, text))
    if case.consent_withdrawn_on is not None:
        text = gettext("Der Haushalt hat seine Zustimmung widerrufen.")
        entries.append(Entry(case.consent_withdrawn_on, text))
    return entries


def _help(case: CaseView) -> list[Entry]:
    """What the provider did: visits, mediation, negotiations, referrals out."""
    entries = [_visit(v) for v in case.home_visits]
    for m in case.mediations:
        text = gettext("Vermittlung mit %(party)s: %(topic)s.") % {
            "party": label(pl.MEDIATION_PARTY, m.party),
            "topic": label(pl.MEDIATION_TOPIC, m.topic),
        }
        entries.append(Entry(m.held_on, text, m.note))
    for n in case.landlord_negotiations:
        text = gettext("Verhandlung mit Vermieter (%(kind)s): %(result)s.") % {
            "kind": label(placement_labels.LANDLORD_KIND, n.landlord_kind),
            "result": label(pl.NEGOTIATION_RESULT, n.result),
        }
        entries.append(Entry(n.held_on, text, n.note))
    for r in case.referrals_out:
        text = gettext("In andere Hilfe vermittelt: %(kind)s.") % {
            "kind": label(pl.REFERRAL_OUT_KIND, r.kind)
        }
        entries.append(Entry(r.referred_on, text, r.note))
    return entries


def course(case: CaseView) -> list[Entry]:
    """Oldest first; one entry per thing that happened in the case."""
    entries = _beginning(case) + _help(case)
    if case.closed_on is not None:
        text = gettext("Fall abgeschlossen: %(outcome)s.") % {
            "outcome": label(pl.CASE_OUTCOME, case.outcome)
        }
        entries.append(Entry(case.closed_on, text, case.closing_note))
    # Stable: on one day, the order above (referral before check before admission …).
    return sorted(entries, key=lambda e: e.on)
