"""The four registration figures: the first thing every report shows."""

from __future__ import annotations

from services.reporting.domain.figures.model import Count, FigureDefinition

_DUPLICATES = (
    " Ein Datensatz, der als Doppelfall eines früher aufgenommenen Haushalts bestätigt wurde, "
    "zählt nicht (mehr)."
)

HOUSEHOLDS_REGISTERED = FigureDefinition(
    "households_registered",
    "Aufgenommene Haushalte",
    "Haushalte, deren Aufnahme ins Auszugsmanagement im Zeitraum liegt (Tag der Aufnahme, "
    "nicht Tag der Erfassung)." + _DUPLICATES,
)
PERSONS_REGISTERED = FigureDefinition(
    "persons_registered",
    "Personen in aufgenommenen Haushalten",
    "Alle Mitglieder der im Zeitraum aufgenommenen Haushalte zum Zeitpunkt der Aufnahme.",
)
ADULTS_REGISTERED = FigureDefinition(
    "adults_registered",
    "davon Erwachsene",
    "Mitglieder ab 18 Jahren der im Zeitraum aufgenommenen Haushalte.",
)
MINORS_REGISTERED = FigureDefinition(
    "minors_registered",
    "davon Minderjährige",
    "Mitglieder unter 18 Jahren der im Zeitraum aufgenommenen Haushalte.",
)

REGISTRATIONS = (
    Count(HOUSEHOLDS_REGISTERED, "registrations", "household_id"),
    Count(PERSONS_REGISTERED, "registrations", "household_id", measure="persons"),
    Count(ADULTS_REGISTERED, "registrations", "household_id", measure="adults"),
    Count(MINORS_REGISTERED, "registrations", "household_id", measure="minors"),
)
