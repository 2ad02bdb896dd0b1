"""The whole Art. 15 document: one part per service, each with what it stores and what
happened, in German — the readable form of `CompleteExport`, from which HTML and PDF are
rendered alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from services.gateway.households.exports import service_labels as sl
from services.gateway.households.exports.complete import CompleteExport
from services.gateway.households.exports.disclosure import (
    Happening,
    Section,
    disclosure,
    happenings,
    sections,
    shown,
)
from services.gateway.households.exports.prevention_labels import PREVENTION
from services.gateway.households.timeline import placement_timeline
from shared.contracts.intake.privacy import RecordedFact
from shared.contracts.placement import CourseEntry

# The same words open the HTML page and the PDF.
INTRO = (
    "Diese Auskunft enthält alles, was Auszug über den Haushalt speichert: in der Aufnahme, "
    "der Wohnungsvermittlung, dem Ehrenamt und der Prävention, je Bereich die "
    "personenbezogenen Angaben und den Verlauf. Dieselben Daten gibt es maschinenlesbar "
    "als JSON."
)
INTAKE = (
    "Aufnahme",
    (
        "Die Angaben zum Haushalt und zu seinen Personen, Einwilligungen, Notizen und "
        "Anfragen, wie die Aufnahme sie speichert.",
    ),
)


@dataclass(frozen=True)
class Part:
    title: str
    notes: tuple[str, ...]
    sections: list[Section]
    history: list[Happening]


@dataclass(frozen=True)
class Document:
    household_id: str
    municipality: str
    exported_on: str
    parts: list[Part]


def document(export: CompleteExport) -> Document:
    """Every service's part in the order a household meets them: intake first."""
    intake = disclosure(export.intake)
    placement = _part(sl.PLACEMENT, export.placement.records, export.placement.history)
    course = _course(export.placement.course)
    return Document(
        household_id=str(export.household_id),
        municipality=export.municipality,
        exported_on=shown(export.exported_on),
        parts=[
            Part(*INTAKE, intake.sections, intake.history),
            Part(
                placement.title, placement.notes, [course, *placement.sections], placement.history
            ),
            _part(sl.VOLUNTEER, export.volunteer.records, export.volunteer.history),
            _part(PREVENTION, export.prevention.records, export.prevention.history),
        ],
    )


def _part(labels: sl.Labels, records: Mapping[str, Any], history: Iterable[RecordedFact]) -> Part:
    return Part(
        title=labels.title,
        notes=labels.notes,
        sections=sections(records, labels.tables, labels.columns, labels.values),
        history=happenings(history, labels.events, labels.columns, labels.values, labels.by_event),
    )


def _course(course: list[CourseEntry]) -> Section:
    """The way through placement in the staff's words, one record per step."""
    return Section(
        "Weg durch die Vermittlung",
        [[("Tag", shown(e.on)), ("Schritt", e.text)] for e in placement_timeline(course)],
    )
