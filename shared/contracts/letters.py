"""Letters (*Briefe*): printable German PDF letters from templates the coordination edits
per municipality — a household's proposal to a landlord, a guarantee request to the
Jobcenter, a home visit's appointment, a participation certificate.

The one contract for every context that writes letters: each declares in its own
operations.py `LETTER_TEMPLATES` (a query: its kinds, their current text, the
placeholders), `SAVE_LETTER_TEMPLATE` (the coordination's) and `WRITE_LETTER` (renders one
letter about a subject and keeps it), with these bodies, so the gateway's page
„Briefvorlagen“ lists every owner's kinds alike. How a service keeps and renders them:
shared/casework/letters.py.

A letter's text names people (a household's size, a flat's address, a name on a
certificate): it is rendered in the owning service from its own tables and never enters
an event.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from shared.contracts.inputs import Line, Text, WorkDay

# A letter's body fits two pages of A4; a subject line one line.
BODY_MAX = 8000
SUBJECT_MAX = 200


def _trimmed(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


SubjectLine = Annotated[
    Line, BeforeValidator(_trimmed), Field(min_length=1, max_length=SUBJECT_MAX)
]
Body = Annotated[Text, BeforeValidator(_trimmed), Field(min_length=1, max_length=BODY_MAX)]


class Placeholder(BaseModel):
    """A value a template may name as `{{ name }}`: what it is, and an example."""

    name: str
    description: str = Field(description="was der Platzhalter einsetzt (deutsch)")
    sample: str = Field(description="ein Beispielwert, mit dem die Vorlage geprüft wird")


class LetterTemplatesQuery(BaseModel):
    """The letter kinds of one owner with their current text in the caller's municipality."""

    model_config = ConfigDict(extra="forbid")


class LetterTemplateView(BaseModel):
    owner: str = Field(description="der Dienst, dem die Briefart gehört (placement …)")
    kind: str
    title: str = Field(description="Name der Briefart (deutsch)")
    purpose: str = Field(description="wofür der Brief ist (deutsch)")
    subject_line: str
    body: str
    placeholders: list[Placeholder]
    # None: the default shipped with Auszug is in force (never saved for the municipality).
    updated_at: datetime | None
    updated_by: str | None = Field(description="pseudonyme Kennung, wer zuletzt speicherte")


class LetterTemplates(BaseModel):
    templates: list[LetterTemplateView]


class SaveLetterTemplate(BaseModel):
    """Die Vorlage einer Briefart für die eigene Kommune speichern."""

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(max_length=40, description="Briefart")
    subject_line: SubjectLine = Field(description="Betreffzeile (mit Platzhaltern)")
    body: Body = Field(description=f"Brieftext (mit Platzhaltern), höchstens {BODY_MAX} Zeichen")


class LetterTemplateRef(BaseModel):
    owner: str
    kind: str


class WriteLetter(BaseModel):
    """Einen Brief zu einem Vorgang erstellen und als Dokument ablegen."""

    model_config = ConfigDict(extra="forbid")

    kind: str = Field(max_length=40, description="Briefart")
    subject_id: UUID = Field(description="Vorgang: Wohnungsangebot, Fall, Workshop …")
    about: UUID | None = Field(
        default=None,
        description="worum es im Vorgang geht: der Antrag auf Übernahme, der vorgeschlagene "
        "Haushalt, die Bestätigung",
    )
    # An appointment the letter announces (a home visit) is not kept anywhere else yet:
    # its day and time come with the request.
    appointment_on: WorkDay | None = Field(default=None, description="Tag des Termins")
    appointment_at: time | None = Field(default=None, description="Uhrzeit des Termins")


class LetterFile(BaseModel):
    """The written letter. Where the owner keeps documents of the subject, the letter is
    kept as one (`document_id`); the PDF travels here (`content_base64`) only where the
    writer may not download the subject's documents or none are kept — else it is empty
    and the download is the document's."""

    subject_id: UUID
    kind: str
    file_name: str
    media_type: str = "application/pdf"
    content_base64: str = ""
    document_id: UUID | None = None
