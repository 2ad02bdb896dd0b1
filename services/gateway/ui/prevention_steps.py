"""The steps of a Wohnintegrationshilfe case the staff take on its page: the form each
has, the RPC it sends, who sees it and when.

Who may take a step is the service's rule (services/prevention/application/access.py);
the roles here only decide which forms a page offers, so nobody is shown a form the
service would refuse. A step posted anyway is refused by the service (403 with its
German reason), which the page then shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from services.gateway.ui import labels_prevention as lp
from services.gateway.ui.prevention_forms import Field
from shared.contracts import prevention as p
from shared.identity import Role

W, H = Role.caseworker, Role.housing_office
OPEN = (p.CaseStatus.referred, p.CaseStatus.admitted)


def _referred(case: p.CaseView) -> bool:
    return case.status is p.CaseStatus.referred


def _admitted(case: p.CaseView) -> bool:
    return case.status is p.CaseStatus.admitted


def _without_consent(case: p.CaseView) -> bool:
    return case.status in OPEN and case.consent_given_on is None


def _with_consent(case: p.CaseView) -> bool:
    return case.status in OPEN and case.consent_given_on is not None


def _day(name: str, label: str, *, required: bool = False) -> Field:
    return Field(name, label, "date", today=True, required=required)


def _note() -> Field:
    return Field("note", "Notiz (optional, bleibt in der Wohnintegrationshilfe)", "textarea")


@dataclass(frozen=True)
class Step:
    path: str
    rpc: str
    model: type[BaseModel]
    title: str
    fields: tuple[Field, ...]
    roles: frozenset[Role]
    when: Callable[[p.CaseView], bool]


STEPS = (
    Step(
        "pruefung",
        "check_eligibility",
        p.CheckEligibility,
        "Voraussetzungen prüfen",
        (
            Field(
                "comparable_help",
                "Bereits installierte vergleichbare Hilfen",
                "codes",
                lp.COMPARABLE_HELP,
                hint="Nichts ankreuzen, wenn keine installiert ist.",
            ),
            _day("checked_on", "Tag der Prüfung"),
            _note(),
        ),
        frozenset({W, H}),
        _referred,
    ),
    Step(
        "bewilligung",
        "admit_case",
        p.AdmitCase,
        "Hilfe bewilligen",
        (
            _day("admitted_on", "Tag der Bewilligung"),
            Field("ends_on", "Befristet bis (einschließlich)", "date", required=True),
        ),
        frozenset({H}),
        _referred,
    ),
    Step(
        "ablehnung",
        "reject_case",
        p.RejectCase,
        "Hilfe ablehnen",
        (
            Field("reason", "Grund der Ablehnung", "select", lp.REJECTION, required=True),
            _day("rejected_on", "Tag der Ablehnung"),
            _note(),
        ),
        frozenset({H}),
        _referred,
    ),
    Step(
        "verlaengerung",
        "extend_case",
        p.ExtendCase,
        "Hilfe verlängern",
        (
            Field("ends_on", "Neues Ende der Hilfe", "date", required=True),
            _day("extended_on", "Tag der Verlängerung"),
        ),
        frozenset({H}),
        _admitted,
    ),
    Step(
        "zustimmung",
        "record_consent",
        p.RecordConsent,
        "Zustimmung des Haushalts festhalten",
        (_day("given_on", "Tag der Zustimmung"),),
        frozenset({W, H}),
        _without_consent,
    ),
    Step(
        "widerruf",
        "withdraw_consent",
        p.WithdrawConsent,
        "Widerruf der Zustimmung festhalten",
        (_day("withdrawn_on", "Tag des Widerrufs"), _note()),
        frozenset({W, H}),
        _with_consent,
    ),
    Step(
        "besuchsrhythmus",
        "plan_visit_rhythm",
        p.PlanVisitRhythm,
        "Besuchsrhythmus planen",
        (
            Field("every_days", "Hausbesuch alle … Tage", "number", required=True),
            _day("planned_on", "Tag der Planung"),
            Field(
                "next_visit_due",
                "Nächster Besuch fällig am (optional)",
                "date",
                hint="Ohne Angabe: nach dem Rhythmus ab dem letzten Besuch.",
            ),
        ),
        frozenset({W}),
        _admitted,
    ),
    Step(
        "hausbesuche",
        "record_home_visit",
        p.RecordHomeVisit,
        "Hausbesuch festhalten",
        (
            _day("done_on", "Tag des Hausbesuchs", required=True),
            Field("findings", "Ergebnis des Besuchs", "codes", lp.FINDING, required=True),
            Field(
                "next_visit_due",
                "Nächster Besuch fällig am (optional)",
                "date",
                hint="Ohne Angabe: nach dem geplanten Rhythmus.",
            ),
            _note(),
        ),
        frozenset({W}),
        _admitted,
    ),
    Step(
        "weitervermittlung",
        "refer_out",
        p.ReferOut,
        "In andere Hilfe vermitteln",
        (
            Field("kind", "Art der Hilfe", "select", lp.REFERRAL_OUT, required=True),
            _day("referred_on", "Tag der Vermittlung"),
            _note(),
        ),
        frozenset({W}),
        _admitted,
    ),
    Step(
        "abschluss",
        "close_case",
        p.CloseCase,
        "Fall abschließen",
        (
            Field("outcome", "Ergebnis der Hilfe", "select", lp.OUTCOME_BY_HAND, required=True),
            _day("closed_on", "Tag des Abschlusses"),
            _note(),
        ),
        frozenset({W, H}),
        _admitted,
    ),
)
BY_PATH = {step.path: step for step in STEPS}


def offered(case: p.CaseView, role: Role) -> list[Step]:
    """The steps this role may take on the case as it stands now."""
    return [step for step in STEPS if role in step.roles and step.when(case)]
