"""The steps of a Wohnintegrationshilfe case the staff take on its page: the form each
has, the RPC it sends, who sees it and when.

Who may take a step is the service's rule (services/prevention/application/access.py);
the roles here only decide which forms a page offers, so nobody is shown a form the
service would refuse. A step posted anyway is refused by the service (403 with its
German reason), which the page then shows. The help's own acts are in
prevention_help_steps.py; here the decisions on the case around them.
"""

from __future__ import annotations

from services.gateway.ui import labels_prevention as lp
from services.gateway.ui.prevention_help_steps import HELP_STEPS
from services.gateway.ui.prevention_step import (
    H,
    Step,
    W,
    admitted,
    day,
    note,
    referred,
    with_consent,
    without_consent,
)
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from shared.contracts import prevention as p
from shared.identity import Role

__all__ = ["BY_PATH", "STEPS", "Step", "offered"]

DECISIONS = (
    Step(
        "pruefung",
        "check_eligibility",
        p.CheckEligibility,
        N_("Voraussetzungen prüfen"),
        (
            Field(
                "comparable_help",
                N_("Bereits installierte vergleichbare Hilfen"),
                "codes",
                lp.COMPARABLE_HELP,
                hint=N_("Nichts ankreuzen, wenn keine installiert ist."),
            ),
            day("checked_on", N_("Tag der Prüfung")),
            note(),
        ),
        frozenset({W, H}),
        referred,
    ),
    Step(
        "bewilligung",
        "admit_case",
        p.AdmitCase,
        N_("Hilfe bewilligen"),
        (
            day("admitted_on", N_("Tag der Bewilligung")),
            Field("ends_on", N_("Befristet bis (einschließlich)"), "date", required=True),
        ),
        frozenset({H}),
        referred,
    ),
    Step(
        "ablehnung",
        "reject_case",
        p.RejectCase,
        N_("Hilfe ablehnen"),
        (
            Field("reason", N_("Grund der Ablehnung"), "select", lp.REJECTION, required=True),
            day("rejected_on", N_("Tag der Ablehnung")),
            note(),
        ),
        frozenset({H}),
        referred,
    ),
    Step(
        "verlaengerung",
        "extend_case",
        p.ExtendCase,
        N_("Hilfe verlängern"),
        (
            Field("ends_on", N_("Neues Ende der Hilfe"), "date", required=True),
            day("extended_on", N_("Tag der Verlängerung")),
        ),
        frozenset({H}),
        admitted,
    ),
    Step(
        "zustimmung",
        "record_consent",
        p.RecordConsent,
        N_("Zustimmung des Haushalts festhalten"),
        (day("given_on", N_("Tag der Zustimmung")),),
        frozenset({W, H}),
        without_consent,
    ),
    Step(
        "widerruf",
        "withdraw_consent",
        p.WithdrawConsent,
        N_("Widerruf der Zustimmung festhalten"),
        (day("withdrawn_on", N_("Tag des Widerrufs")), note()),
        frozenset({W, H}),
        with_consent,
    ),
)
CLOSING = Step(
    "abschluss",
    "close_case",
    p.CloseCase,
    N_("Fall abschließen"),
    (
        Field("outcome", N_("Ergebnis der Hilfe"), "select", lp.OUTCOME_BY_HAND, required=True),
        day("closed_on", N_("Tag des Abschlusses")),
        note(),
    ),
    frozenset({W, H}),
    admitted,
)
# The page's order: decisions, then the help, closing last.
STEPS = (*DECISIONS, *HELP_STEPS, CLOSING)
BY_PATH = {step.path: step for step in STEPS}


def offered(case: p.CaseView, role: Role) -> list[Step]:
    """The steps this role may take on the case as it stands now."""
    return [step for step in STEPS if role in step.roles and step.when(case)]
