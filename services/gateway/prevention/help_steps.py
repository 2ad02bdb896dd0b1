"""The steps of the help itself, taken by the caseworker of the provider running the case:
visit rhythm, home visits, mediation, negotiations with landlords, referrals out.

The service refuses an act without consent or after the time limit with its reason; the
forms are offered while the help runs, so that reason is what the caseworker reads.
"""

from __future__ import annotations

from services.gateway.ui import labels_prevention as lp
from services.gateway.ui.prevention_step import (
    Step,
    W,
    admitted,
    admitted_precarious,
    day,
    note,
)
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from shared.contracts import prevention as p

HELP_STEPS = (
    Step(
        "besuchsrhythmus",
        "plan_visit_rhythm",
        p.PlanVisitRhythm,
        N_("Besuchsrhythmus planen"),
        (
            Field("every_days", N_("Hausbesuch alle … Tage"), "number", required=True),
            day("planned_on", N_("Tag der Planung")),
            Field(
                "next_visit_due",
                N_("Nächster Besuch fällig am (optional)"),
                "date",
                hint=N_("Ohne Angabe: nach dem Rhythmus ab dem letzten Besuch."),
            ),
        ),
        frozenset({W}),
        admitted,
    ),
    Step(
        "hausbesuche",
        "record_home_visit",
        p.RecordHomeVisit,
        N_("Hausbesuch festhalten"),
        (
            day("done_on", N_("Tag des Hausbesuchs"), required=True),
            Field("findings", N_("Ergebnis des Besuchs"), "codes", lp.FINDING, required=True),
            Field(
                "next_visit_due",
                N_("Nächster Besuch fällig am (optional)"),
                "date",
                hint=N_("Ohne Angabe: nach dem geplanten Rhythmus."),
            ),
            note(),
        ),
        frozenset({W}),
        admitted,
    ),
    Step(
        "vermittlung",
        "record_mediation",
        p.RecordMediation,
        N_("Vermittlung festhalten"),
        (
            Field("party", N_("Vermittelt mit"), "select", lp.MEDIATION_PARTY, required=True),
            Field("topic", N_("Worum ging es?"), "select", lp.MEDIATION_TOPIC, required=True),
            day("held_on", N_("Tag des Vermittlungsgesprächs"), required=True),
            # Optional: the result is often known only later; the yearly report counts it.
            Field("outcome", N_("Ergebnis (optional)"), "select", lp.MEDIATION_OUTCOME),
            Field(
                "note",
                N_("Notiz (optional, bleibt in der Wohnintegrationshilfe)"),
                "textarea",
                hint=N_("z. B. Ratenzahlung der Mietrückstände vereinbart: 50 € monatlich."),
            ),
        ),
        frozenset({W}),
        admitted,
    ),
    Step(
        "vermieterverhandlung",
        "record_landlord_negotiation",
        p.RecordLandlordNegotiation,
        N_("Verhandlung mit Vermieter festhalten"),
        (
            Field(
                "landlord_kind", N_("Art des Vermieters"), "select", lp.LANDLORD_KIND, required=True
            ),
            Field("result", N_("Stand der Verhandlung"), "select", lp.NEGOTIATION, required=True),
            day("held_on", N_("Tag der Verhandlung"), required=True),
            note(),
        ),
        frozenset({W}),
        admitted_precarious,
    ),
    Step(
        "weitervermittlung",
        "refer_out",
        p.ReferOut,
        N_("In andere Hilfe vermitteln"),
        (
            Field("kind", N_("Art der Hilfe"), "select", lp.REFERRAL_OUT, required=True),
            day("referred_on", N_("Tag der Vermittlung")),
            note(),
        ),
        frozenset({W}),
        admitted,
    ),
)
