"""The steps of the help itself, taken by the caseworker of the provider running the case:
visit rhythm, home visits, mediation, negotiations with landlords, referrals out.

The service refuses an act without consent or after the time limit with its reason; the
forms are offered while the help runs, so that reason is what the caseworker reads.
"""

from __future__ import annotations

from services.gateway.prevention.step import (
    Step,
    admitted,
    admitted_appointed,
    admitted_precarious,
    admitted_unappointed,
    day,
    note,
)
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_
from shared.contracts.placement import labels as placement_labels
from shared.contracts.prevention import labels as pl
from shared.contracts.prevention import operations as ops

HELP_STEPS = (
    Step(
        "besuchsrhythmus",
        ops.PLAN_VISIT_RHYTHM,
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
        admitted,
        N_("Nur die Fachkraft des Trägers, der den Fall führt, darf den Besuchsrhythmus planen."),
    ),
    Step(
        "hausbesuche",
        ops.RECORD_HOME_VISIT,
        N_("Hausbesuch festhalten"),
        (
            day("done_on", N_("Tag des Hausbesuchs"), required=True),
            Field("findings", N_("Ergebnis des Besuchs"), "codes", pl.VISIT_FINDING, required=True),
            Field(
                "next_visit_due",
                N_("Nächster Besuch fällig am (optional)"),
                "date",
                hint=N_("Ohne Angabe: nach dem geplanten Rhythmus."),
            ),
            note(),
        ),
        admitted,
        N_("Nur die Fachkraft des Trägers, der den Fall führt, darf Hausbesuche festhalten."),
    ),
    Step(
        "vermittlung",
        ops.RECORD_MEDIATION,
        N_("Vermittlung festhalten"),
        (
            Field("party", N_("Vermittelt mit"), "select", pl.MEDIATION_PARTY, required=True),
            Field("topic", N_("Worum ging es?"), "select", pl.MEDIATION_TOPIC, required=True),
            day("held_on", N_("Tag des Vermittlungsgesprächs"), required=True),
            # Optional: the result is often known only later; the yearly report counts it.
            Field("outcome", N_("Ergebnis (optional)"), "select", pl.MEDIATION_OUTCOME),
            Field(
                "note",
                N_("Notiz (optional, bleibt in der Wohnintegrationshilfe)"),
                "textarea",
                hint=N_("z. B. Ratenzahlung der Mietrückstände vereinbart: 50 € monatlich."),
            ),
        ),
        admitted,
        N_("Nur die Fachkraft des Trägers, der den Fall führt, darf Vermittlungen festhalten."),
    ),
    Step(
        "vermieterverhandlung",
        ops.RECORD_LANDLORD_NEGOTIATION,
        N_("Verhandlung mit Vermieter festhalten"),
        (
            Field(
                "landlord_kind",
                N_("Art des Vermieters"),
                "select",
                placement_labels.LANDLORD_KIND,
                required=True,
            ),
            Field(
                "result",
                N_("Stand der Verhandlung"),
                "select",
                pl.NEGOTIATION_RESULT,
                required=True,
            ),
            day("held_on", N_("Tag der Verhandlung"), required=True),
            note(),
        ),
        admitted_precarious,
        N_(
            "Nur die Fachkraft des Trägers, der den Fall führt, "
            "darf Verhandlungen mit Vermietern festhalten."
        ),
    ),
    Step(
        "weitervermittlung",
        ops.REFER_OUT,
        N_("In andere Hilfe vermitteln"),
        (
            Field("kind", N_("Art der Hilfe"), "select", pl.REFERRAL_OUT_KIND, required=True),
            day("referred_on", N_("Tag der Vermittlung")),
            note(),
        ),
        admitted,
        N_("Nur die Fachkraft des Trägers, der den Fall führt, darf in andere Hilfen vermitteln."),
    ),
    # Home visit appointments (shared/contracts/appointments.py): the caseworker arranging
    # the visit attends it; it shows in their appointments and calendar feed.
    Step(
        "hausbesuch-vereinbaren",
        ops.APPOINT_HOME_VISIT,
        N_("Hausbesuch vereinbaren"),
        (
            Field("day", N_("Tag des Termins"), "date", required=True),
            Field("at", N_("Uhrzeit"), "time", required=True, hint=N_("z. B. 14:30")),
            Field(
                "minutes", N_("Dauer in Minuten (optional)"), "number", hint=N_("Ohne Angabe: 60.")
            ),
            Field(
                "place",
                N_("Ort (optional)"),
                hint=N_("z. B. die Anschrift des Haushalts oder ein Treffpunkt"),
            ),
        ),
        admitted_unappointed,
        N_("Nur die Fachkraft des Trägers, der den Fall führt, darf Hausbesuche vereinbaren."),
    ),
    Step(
        "hausbesuch-verschieben",
        ops.MOVE_HOME_VISIT,
        N_("Vereinbarten Hausbesuch verschieben"),
        (
            Field("day", N_("Neuer Tag des Termins"), "date", required=True),
            Field("at", N_("Neue Uhrzeit"), "time", required=True, hint=N_("z. B. 14:30")),
            Field(
                "minutes", N_("Dauer in Minuten (optional)"), "number", hint=N_("Ohne Angabe: 60.")
            ),
            Field(
                "place", N_("Neuer Ort (optional)"), hint=N_("Ohne Angabe bleibt der bisherige.")
            ),
        ),
        admitted_appointed,
        N_("Nur die Fachkraft des Trägers, der den Fall führt, darf Hausbesuche verschieben."),
    ),
    Step(
        "hausbesuch-absagen",
        ops.CANCEL_HOME_VISIT,
        N_("Vereinbarten Hausbesuch absagen"),
        (),
        admitted_appointed,
        N_("Nur die Fachkraft des Trägers, der den Fall führt, darf Hausbesuche absagen."),
    ),
)
