"""The figures the council papers ask for, with the definition shown next to each.

A definition says what counts and what does not, in the words a committee reads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureDefinition:
    key: str
    label: str
    definition: str


HOUSEHOLDS_REGISTERED = FigureDefinition(
    "households_registered",
    "Aufgenommene Haushalte",
    "Haushalte, deren Aufnahme ins Auszugsmanagement im Zeitraum liegt (Tag der Aufnahme, "
    "nicht Tag der Erfassung).",
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
