"""What a step on a Wohnintegrationshilfe case is (its form, operation and when it is
offered), and the small parts the steps share: day and note fields, case conditions, the
German reason a role is refused with.

Labels and titles are German, marked with `N_`; the templates translate them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from services.gateway.web.submit import Refusal
from shared.contracts import prevention as p
from shared.contracts.operation import Addressed, Operation
from shared.identity import Role

OPEN = (p.CaseStatus.referred, p.CaseStatus.admitted)


@dataclass(frozen=True)
class Step:
    """A form on the case page: offered to the roles its operation allows, while `when`."""

    path: str
    op: Operation[Addressed[Any], p.CaseRef]
    title: str
    fields: tuple[Field, ...]
    when: Callable[[p.CaseView], bool]
    # Why another role may not take it: the service's own words (access.py).
    refused: str

    def offered_to(self, role: Role) -> bool:
        return self.op.allows(role)


def in_words(refusal: Refusal, op: Operation[Any, Any], role: Role, refused: str) -> Refusal:
    """A role `op` does not allow is refused by its service before it reads the form, with
    a general "not your role": the page says who may instead."""
    if refusal.status == 403 and not op.allows(role):
        return Refusal(403, general=refused)
    return refusal


def referred(case: p.CaseView) -> bool:
    return case.status is p.CaseStatus.referred


def admitted(case: p.CaseView) -> bool:
    return case.status is p.CaseStatus.admitted


def admitted_unappointed(case: p.CaseView) -> bool:
    """The next home visit can be arranged: one open appointment per case."""
    return admitted(case) and case.appointment is None


def admitted_appointed(case: p.CaseView) -> bool:
    return admitted(case) and case.appointment is not None


def admitted_precarious(case: p.CaseView) -> bool:
    """Negotiating with potential landlords belongs to precarious housing only."""
    return admitted(case) and case.target_group.precarious


def without_consent(case: p.CaseView) -> bool:
    return case.status in OPEN and case.consent_given_on is None


def with_consent(case: p.CaseView) -> bool:
    return case.status in OPEN and case.consent_given_on is not None


def day(name: str, label: str, *, required: bool = False) -> Field:
    """A day field that starts with today."""
    return Field(name, label, "date", today=True, required=required)


def note() -> Field:
    return Field("note", N_("Notiz (optional, bleibt in der Wohnintegrationshilfe)"), "textarea")
