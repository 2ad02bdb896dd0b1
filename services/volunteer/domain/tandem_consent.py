"""A tandem needs the household's `volunteer_tandem` consent in force on its first day.

Policy rule: a tandem rests on the household's `volunteer_tandem` consent; when that
consent is withdrawn, the tandem ends (Art. 7 (3) DSGVO: from then on no more data go
to the volunteer; what was disclosed before stays lawful).

The tandem ends on the day of the withdrawal, or later if support acts or a supported
placement were recorded after it: a policy never fails on what staff recorded. A tandem
resting on another consent, or none active, is left as it is, so a replayed or
redelivered withdrawal ends nothing twice and never a tandem formed afterwards.
"""

from __future__ import annotations

from services.volunteer.domain.days import german
from services.volunteer.domain.tandem_commands import (
    EndOnConsentWithdrawn,
    FormTandem,
    KnownConsent,
)
from services.volunteer.domain.tandem_state import Event, HouseholdTandems
from shared.clock import business_time
from shared.contracts.volunteer import TandemEnded, TandemEndReason
from shared.decider import RuleViolation

# Volunteer learns consents from intake's events a moment after they are recorded.
NO_CONSENT = (
    "Für die Weitergabe an ein ehrenamtliches Tandem liegt keine gültige Einwilligung des "
    "Haushalts für den {day} vor. Bitte die Einwilligung „Weitergabe an ein ehrenamtliches "
    "Tandem“ in der Aufnahme erfassen. Ist sie eben erst erfasst, ist die Einwilligung noch "
    "nicht eingegangen: bitte in einem Moment erneut versuchen."
)


# TandemEndReason has no `consent_withdrawn` yet: the reporting labels would need it too.
CONSENT_WITHDRAWN = TandemEndReason.other


def require_consent(command: FormTandem) -> KnownConsent:
    """The consent a new tandem rests on, or the rule its formation breaks."""
    if command.consent is None:
        raise RuleViolation("consent_missing", NO_CONSENT.format(day=german(command.formed_on)))
    return command.consent


def end_on_withdrawal(command: EndOnConsentWithdrawn, state: HouseholdTandems) -> list[Event]:
    tandem = state.active
    if tandem is None or tandem.consent_id != command.consent_id:
        return []
    assert state.household_id
    recorded_after = [s.supported_on for s in tandem.support] + [
        c.lease_signed_on for c in state.confirmations if c.tandem_id == tandem.tandem_id
    ]
    day = max([command.withdrawn_on, tandem.formed_on, *recorded_after])
    return [
        TandemEnded(
            tandem_id=tandem.tandem_id,
            volunteer_id=tandem.volunteer_id,
            household_id=state.household_id,
            reason=CONSENT_WITHDRAWN,
            occurred_at=business_time(day),
        )
    ]
