"""Erasure of a case's personal data (Art. 17 DSGVO): the contact person, the address,
who referred in person and every note go; the case's events stay, holding ids, counts,
codes and days only, so every figure is unchanged. Pure: no I/O.

Allowed in any state of the case: a data subject's request does not wait for the case
to end. A case keeps running afterwards on its codes; what staff note later is new.
"""

from __future__ import annotations

from services.prevention.domain import case_rules as rules
from services.prevention.domain.case_commands import ErasePersonalData
from services.prevention.domain.case_state import Case, Event
from shared.clock import business_time
from shared.contracts.prevention.events import CasePersonalDataErased
from shared.decider import RuleViolation


def erase(command: ErasePersonalData, state: Case) -> list[Event]:
    """One erasure per case: a second one finds nothing left and says since when."""
    case_id = rules.referred(state)
    if state.erased_on is not None:
        raise RuleViolation(
            "already_erased",
            "Die personenbezogenen Daten dieses Falls wurden bereits am "
            f"{rules.german(state.erased_on)} gelöscht.",
        )
    return [
        CasePersonalDataErased(
            case_id=case_id, ground=command.ground, occurred_at=business_time(command.today)
        )
    ]
