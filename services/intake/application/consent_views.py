"""A household's consents as staff see them: the history from the events (purpose,
days), who consented and the wording from intake's tables."""

from __future__ import annotations

from services.intake.adapters.consents import ConsentDetails
from services.intake.domain.household_state import ConsentRecord, Household
from shared.contracts.intake import ConsentView


def consent_views(state: Household, details: list[ConsentDetails]) -> list[ConsentView]:
    """Every consent, oldest first. After an erasure the history stays without names;
    a consent recorded before consents had events is shown from its row alone."""
    rows = {d.consent_id: d for d in details}
    views = [consent_view(c, rows.get(c.consent_id)) for c in state.consents]
    known = {c.consent_id for c in state.consents}
    views += [
        consent_view(ConsentRecord(d.consent_id, d.purpose, d.given_on, d.withdrawn_on), d)
        for d in details
        if d.consent_id not in known
    ]
    return sorted(views, key=lambda v: v.given_on)


def consent_view(consent: ConsentRecord, row: ConsentDetails | None) -> ConsentView:
    return ConsentView(
        consent_id=consent.consent_id,
        purpose=consent.purpose,
        purpose_label=consent.purpose.label,
        given_on=consent.given_on,
        given_by=row.given_by if row else None,
        note=row.note if row else None,
        withdrawn_on=consent.withdrawn_on,
    )
