"""What a step on a Wohnintegrationshilfe case is (its form, RPC, roles and when it is
offered), and the small parts the steps share: day and note fields, case conditions.

Labels and titles are German, marked with `N_`; the templates translate them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from shared.contracts import prevention as p
from shared.identity import Role

W, H = Role.caseworker, Role.housing_office
OPEN = (p.CaseStatus.referred, p.CaseStatus.admitted)


@dataclass(frozen=True)
class Step:
    path: str
    rpc: str
    model: type[BaseModel]
    title: str
    fields: tuple[Field, ...]
    roles: frozenset[Role]
    when: Callable[[p.CaseView], bool]


def referred(case: p.CaseView) -> bool:
    return case.status is p.CaseStatus.referred


def admitted(case: p.CaseView) -> bool:
    return case.status is p.CaseStatus.admitted


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
