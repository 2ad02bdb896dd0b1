"""The volunteer programme (Ehrenamt): volunteers, tandems, office hours, workshops."""

from __future__ import annotations

from services.reporting.domain import labels
from services.reporting.domain.figures.model import (
    Count,
    Dimension,
    FigureDefinition,
    Section,
    flag,
)
from shared.contracts.reporting.labels import BREAKDOWN

D = FigureDefinition

VOLUNTEER = Section(
    "volunteer",
    "Ehrenamt: Tandems, offene Sprechstunden, Workshops",
    (
        Count(
            D(
                "volunteers_active",
                "Aktive Ehrenamtliche",
                "Ehrenamtliche, die im Zeitraum mindestens einen Tag registriert waren "
                "(registriert bis zum Ende des Zeitraums, nicht vor seinem Beginn ausgeschieden).",
            ),
            "volunteers_active",
            "volunteer_id",
        ),
        Count(
            D(
                "volunteers_registered",
                "Neu gewonnene Ehrenamtliche",
                "Ehrenamtliche, die im Zeitraum registriert wurden.",
            ),
            "volunteer_registrations",
            "volunteer_id",
        ),
        Count(
            D("tandems_formed", "Gebildete Tandems", "Im Zeitraum gebildete Tandems."),
            "tandems",
            "tandem_id",
            when=flag("change", "formed"),
        ),
        Count(
            D("tandems_ended", "Beendete Tandems", "Im Zeitraum beendete Tandems, nach Grund."),
            "tandems",
            "tandem_id",
            when=flag("change", "ended"),
            breakdowns=(Dimension("reason", BREAKDOWN["reason"], labels.TANDEM_END),),
        ),
        Count(
            D(
                "office_hours_held",
                "Offene Sprechstunden",
                "Im Zeitraum abgehaltene offene Sprechstunden für Tandems.",
            ),
            "office_hours",
            "office_hour_id",
        ),
        Count(
            D(
                "consultations",
                "Beratungen",
                "Beratungen im Zeitraum per E-Mail, Telefon oder persönlich, in der offenen "
                "Sprechstunde oder als Einzeltermin; nach Weg und nach Ratsuchenden.",
            ),
            "consultations",
            "consultation_id",
            breakdowns=(
                Dimension("channel", BREAKDOWN["channel"], labels.CONSULTATION_CHANNEL),
                Dimension("visitor", BREAKDOWN["visitor"], labels.VISITOR),
            ),
        ),
        Count(
            D(
                "consultations_by_appointment",
                "davon Einzeltermine",
                "Beratungen im Zeitraum außerhalb der offenen Sprechstunde nach Absprache.",
            ),
            "consultations",
            "consultation_id",
            when=flag("appointment"),
        ),
        Count(
            D("workshops_held", "Workshops", "Im Zeitraum abgehaltene Workshops, nach Thema."),
            "workshops",
            "workshop_id",
            breakdowns=(Dimension("topic", BREAKDOWN["topic"], labels.WORKSHOP_TOPIC),),
        ),
        Count(
            D(
                "workshop_attendances",
                "Teilnahmen an Workshops",
                "Teilnahmen an den Workshops des Zeitraums; wer zwei Workshops besucht, zählt "
                "zweimal.",
            ),
            "workshop_attendances",
            "workshop_id",
        ),
        Count(
            D(
                "certificates_issued",
                "Ausgestellte Teilnahmebestätigungen",
                "Im Zeitraum ausgestellte qualifizierte Teilnahmebestätigungen.",
            ),
            "certificates",
            "certificate_id",
        ),
    ),
    chart="consultations",
)
