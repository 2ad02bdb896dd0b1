"""The central inbox (zentraler Posteingang): inquiries, how they were triaged, how fast."""

from __future__ import annotations

from services.reporting.domain import labels
from services.reporting.domain.figures.model import (
    Count,
    Dimension,
    FigureDefinition,
    Median,
    Section,
)
from shared.contracts.reporting import Unit
from shared.contracts.reporting.labels import BREAKDOWN

D = FigureDefinition
_INBOX = " Der Posteingang gehört keinem Träger: in Berichten je Träger entfällt diese Zahl."

INBOX = Section(
    "inbox",
    "Zentraler Posteingang",
    (
        Count(
            D(
                "inquiries_received",
                "Eingegangene Anfragen",
                "Im Zeitraum eingegangene Anfragen, nach Absender und Weg." + _INBOX,
            ),
            "inquiries",
            "inquiry_id",
            breakdowns=(
                Dimension("sender_kind", BREAKDOWN["sender_kind"], labels.SENDER),
                Dimension("channel", BREAKDOWN["channel"], labels.INQUIRY_CHANNEL),
            ),
            municipal_only=True,
        ),
        Count(
            D(
                "inquiries_triaged",
                "Bearbeitete Anfragen",
                "Anfragen, die im Zeitraum zum ersten Mal bearbeitet wurden, nach Ergebnis dieser "
                "ersten Bearbeitung." + _INBOX,
            ),
            "first_triages",
            "inquiry_id",
            breakdowns=(Dimension("outcome", BREAKDOWN["outcome"], labels.TRIAGE),),
            municipal_only=True,
        ),
        Count(
            D(
                "inquiries_open_at_period_end",
                "Unbearbeitete Anfragen am Ende des Zeitraums",
                "Anfragen, die bis zum Ende des Zeitraums eingegangen und bis dahin noch nicht "
                "bearbeitet waren." + _INBOX,
            ),
            "inquiries_open",
            "inquiry_id",
            municipal_only=True,
        ),
        Median(
            D(
                "inquiry_first_answer_hours_median",
                "Zeit bis zur ersten Antwort (Median)",
                "Stunden vom Eingang einer Anfrage bis zu ihrer ersten Bearbeitung, Median über "
                "die im Zeitraum zum ersten Mal bearbeiteten Anfragen." + _INBOX,
                Unit.hours,
            ),
            "first_triages",
            "inquiry_id",
            column="hours",
            municipal_only=True,
        ),
    ),
    chart="inquiries_received",
)
