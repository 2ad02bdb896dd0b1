"""The steps of a Wohnintegrationshilfe case the staff take on its page: the form each
has, the RPC it sends, who sees it and when.

Who may take a step is its operation's roles (shared/contracts/prevention/operations.py):
a page offers only those forms, so nobody is shown a form the service would refuse. A
step posted anyway is refused (403), and the page says who may take it. The help's own
acts are in help_steps.py; here the decisions on the case around them.
"""

from __future__ import annotations

from services.gateway.prevention.help_steps import HELP_STEPS
from services.gateway.prevention.step import (
    Step,
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
from shared.contracts.prevention import labels as pl
from shared.contracts.prevention import operations as ops
from shared.identity import Role

__all__ = ["BY_PATH", "STEPS", "Step", "offered"]

# Closing by hand: a withdrawal has its own step (the service refuses it here).
OUTCOME_BY_HAND = {k: v for k, v in pl.CASE_OUTCOME.items() if k != "consent_withdrawn"}
DECISIONS = (
    Step(
        "pruefung",
        ops.CHECK_ELIGIBILITY,
        N_("Voraussetzungen prüfen"),
        (
            Field(
                "comparable_help",
                N_("Bereits installierte vergleichbare Hilfen"),
                "codes",
                pl.COMPARABLE_HELP,
                hint=N_("Nichts ankreuzen, wenn keine installiert ist."),
            ),
            day("checked_on", N_("Tag der Prüfung")),
            note(),
        ),
        referred,
        N_("Nur der Träger des Falls oder die Fachstelle Wohnen darf die Voraussetzungen prüfen."),
    ),
    Step(
        "bewilligung",
        ops.ADMIT_CASE,
        N_("Hilfe bewilligen"),
        (
            day("admitted_on", N_("Tag der Bewilligung")),
            Field("ends_on", N_("Befristet bis (einschließlich)"), "date", required=True),
        ),
        referred,
        N_("Nur die Fachstelle Wohnen darf die Hilfe bewilligen."),
    ),
    Step(
        "ablehnung",
        ops.REJECT_CASE,
        N_("Hilfe ablehnen"),
        (
            Field(
                "reason", N_("Grund der Ablehnung"), "select", pl.REJECTION_REASON, required=True
            ),
            day("rejected_on", N_("Tag der Ablehnung")),
            note(),
        ),
        referred,
        N_("Nur die Fachstelle Wohnen darf die Hilfe ablehnen."),
    ),
    Step(
        "verlaengerung",
        ops.EXTEND_CASE,
        N_("Hilfe verlängern"),
        (
            Field("ends_on", N_("Neues Ende der Hilfe"), "date", required=True),
            day("extended_on", N_("Tag der Verlängerung")),
        ),
        admitted,
        N_("Nur die Fachstelle Wohnen darf die Hilfe verlängern."),
    ),
    Step(
        "zustimmung",
        ops.RECORD_CONSENT,
        N_("Zustimmung des Haushalts festhalten"),
        (day("given_on", N_("Tag der Zustimmung")),),
        without_consent,
        N_("Nur der Träger des Falls oder die Fachstelle Wohnen darf die Zustimmung festhalten."),
    ),
    Step(
        "widerruf",
        ops.WITHDRAW_CONSENT,
        N_("Widerruf der Zustimmung festhalten"),
        (day("withdrawn_on", N_("Tag des Widerrufs")), note()),
        with_consent,
        N_("Nur der Träger des Falls oder die Fachstelle Wohnen darf den Widerruf festhalten."),
    ),
)
CLOSING = Step(
    "abschluss",
    ops.CLOSE_CASE,
    N_("Fall abschließen"),
    (
        Field("outcome", N_("Ergebnis der Hilfe"), "select", OUTCOME_BY_HAND, required=True),
        day("closed_on", N_("Tag des Abschlusses")),
        note(),
    ),
    admitted,
    N_("Nur der Träger des Falls oder die Fachstelle Wohnen darf den Fall abschließen."),
)
# The page's order: decisions, then the help, closing last.
STEPS = (*DECISIONS, *HELP_STEPS, CLOSING)
BY_PATH = {step.path: step for step in STEPS}


def offered(case: p.CaseView, role: Role) -> list[Step]:
    """The steps this role may take on the case as it stands now."""
    return [step for step in STEPS if step.offered_to(role) and step.when(case)]
