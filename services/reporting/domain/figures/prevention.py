"""Wohnintegrationshilfe: the yearly report the provider owes the city (seed 004, §10)."""

from __future__ import annotations

from services.reporting.domain import labels
from services.reporting.domain.figures.model import (
    Count,
    Dimension,
    FigureDefinition,
    Median,
    Section,
    flag,
)
from shared.contracts.reporting import Unit
from shared.contracts.reporting.labels import BREAKDOWN

D = FigureDefinition
_CHILDREN = flag("with_children")

PREVENTION = Section(
    "prevention",
    "Wohnintegrationshilfe",
    (
        Count(
            D(
                "referrals_received",
                "Meldungen",
                "Im Zeitraum gemeldete Haushalte (Selbstmeldung oder durch Dritte), nach Zugang "
                "und Zielgruppe.",
            ),
            "referrals",
            "case_id",
            breakdowns=(
                Dimension("source", BREAKDOWN["access"], labels.REFERRAL_SOURCE),
                Dimension("target_group", BREAKDOWN["target_group"], labels.TARGET_GROUP),
            ),
        ),
        Count(
            D(
                "cases_admitted",
                "Bewilligte Fälle",
                "Fälle, die die Fachstelle Wohnen im Zeitraum bewilligt hat, nach Zielgruppe.",
            ),
            "admissions",
            "case_id",
            breakdowns=(Dimension("target_group", BREAKDOWN["target_group"], labels.TARGET_GROUP),),
        ),
        Count(
            D(
                "cases_admitted_with_children",
                "davon Familien mit Kindern",
                "Bewilligte Fälle, in deren Haushalt bei Bewilligung Minderjährige lebten.",
            ),
            "admissions",
            "case_id",
            when=_CHILDREN,
        ),
        Count(
            D(
                "cases_rejected",
                "Abgelehnte Fälle",
                "Fälle, die die Fachstelle Wohnen im Zeitraum abgelehnt hat, nach Grund.",
            ),
            "rejections",
            "case_id",
            breakdowns=(Dimension("reason", BREAKDOWN["reason"], labels.REJECTION),),
        ),
        Count(
            D("home_visits_done", "Hausbesuche", "Im Zeitraum durchgeführte Hausbesuche."),
            "home_visits",
            "case_id",
        ),
        Count(
            D(
                "home_visits_late",
                "davon verspätet",
                "Hausbesuche im Zeitraum, die nach dem Tag stattfanden, an dem sie fällig waren.",
            ),
            "home_visits",
            "case_id",
            when=flag("late"),
        ),
        Count(
            D(
                "home_visits_overdue_at_period_end",
                "Überfällige Hausbesuche am Ende des Zeitraums",
                "Laufende Fälle, deren nächster Hausbesuch am letzten Tag des Zeitraums schon "
                "fällig war und bis dahin nicht stattgefunden hatte.",
            ),
            "visits_overdue",
            "case_id",
        ),
        Count(
            D(
                "mediations",
                "Vermittlungsgespräche",
                "Im Zeitraum erfasste Vermittlungen zwischen Haushalt und Vermieter, Jobcenter "
                "oder anderen Stellen, nach Gegenüber und nach Ergebnis.",
            ),
            "mediations",
            "case_id",
            breakdowns=(
                Dimension("party", BREAKDOWN["party"], labels.MEDIATION_PARTY),
                Dimension("outcome", BREAKDOWN["outcome"], labels.MEDIATION_OUTCOME),
            ),
        ),
        Count(
            D(
                "referrals_out",
                "Vermittlungen in andere Hilfen",
                "Im Zeitraum vermittelte andere Hilfen, nach Art.",
            ),
            "referrals_out",
            "case_id",
            breakdowns=(Dimension("kind", BREAKDOWN["kind"], labels.REFERRAL_OUT),),
        ),
        Count(
            D(
                "cases_closed",
                "Abgeschlossene Fälle",
                "Im Zeitraum beendete Fälle, nach Ergebnis.",
            ),
            "case_closures",
            "case_id",
            breakdowns=(Dimension("outcome", BREAKDOWN["outcome"], labels.CASE_OUTCOME),),
        ),
        Count(
            D(
                "cases_closed_with_children",
                "davon Familien mit Kindern",
                "Beendete Fälle, in deren Haushalt beim Abschluss Minderjährige lebten.",
            ),
            "case_closures",
            "case_id",
            when=_CHILDREN,
            breakdowns=(Dimension("outcome", BREAKDOWN["outcome"], labels.CASE_OUTCOME),),
        ),
        Median(
            D(
                "case_length_median_days",
                "Dauer der Hilfe (Median)",
                "Kalendertage von der Bewilligung bis zum Abschluss, Median über die im "
                "Zeitraum beendeten bewilligten Fälle.",
                Unit.days,
            ),
            "case_closures",
            "case_id",
            column="length_days",
            when=flag("admitted", True),
        ),
        Count(
            D(
                "aftercare_offered",
                "Angebotene Nachbetreuungen",
                "Haushalten nach ihrer Vermittlung im Zeitraum angebotene Nachbetreuungen.",
            ),
            "aftercare",
            "household_id",
            when=flag("status", "offered"),
        ),
        Count(
            D(
                "aftercare_accepted",
                "Angenommene Nachbetreuungen",
                "Im Zeitraum angenommene Angebote der Nachbetreuung.",
            ),
            "aftercare",
            "household_id",
            when=flag("status", "accepted"),
        ),
        Count(
            D(
                "aftercare_declined",
                "Nicht angenommene Nachbetreuungen",
                "Im Zeitraum abgelehnte oder nicht zustande gekommene Nachbetreuungen, nach Grund.",
            ),
            "aftercare",
            "household_id",
            when=flag("status", "declined"),
            breakdowns=(Dimension("reason", BREAKDOWN["reason"], labels.AFTERCARE_DECLINE),),
        ),
    ),
    chart="cases_closed",
)
