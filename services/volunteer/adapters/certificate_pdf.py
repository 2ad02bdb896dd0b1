"""The certificate document (Teilnahmebestätigung) as a PDF: the letter kind
`certificate_texts.CERTIFICATE` filled with one attendee's data and printed as the letters
are (shared/casework/letters.py: fonts, fallback, layout).

Names of refugees are often not Latin-1 (Đorđević, Ağa): with DejaVu Sans every
character prints as given, without it each by its nearest Latin-1 letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from services.volunteer.adapters import certificate_texts as texts
from shared.casework.letters import Filled, Letter, german_day, letter_pdf, render_text
from shared.contracts.volunteer import WorkshopTopic

TITLE = "Teilnahmebestätigung"


@dataclass(frozen=True)
class CertificateContent:
    certificate_id: UUID
    name: str
    birth_date: date | None
    topic: WorkshopTopic
    held_on: date
    duration_minutes: int
    site: str
    provider: str
    municipality: str
    issued_on: date


def certificate_values(content: CertificateContent) -> dict[str, str]:
    """The certificate template's placeholders for `content`."""
    topic, contents = texts.TOPICS[content.topic]
    return {
        "name": content.name,
        "geboren_am": german_day(content.birth_date) if content.birth_date else "",
        "workshop": topic,
        "inhalte": "\n".join(f"•  {line}" for line in contents),
        "am": german_day(content.held_on),
        "dauer": texts.duration(content.duration_minutes),
        "ort": content.site,
        "traeger": texts.provider_name(content.provider, content.municipality),
        "stadt": texts.municipality_name(content.municipality),
        "ausgestellt_am": german_day(content.issued_on),
    }


def default_text(content: CertificateContent) -> Filled:
    """The default template filled in (a municipality without a template of its own)."""
    kind, values = texts.CERTIFICATE, certificate_values(content)
    return Filled(
        render_text(kind.subject_line, values, kind.names),
        render_text(kind.body, values, kind.names),
    )


def render_certificate(content: CertificateContent, text: Filled | None = None) -> bytes:
    """The certificate with `text` (the municipality's template filled in; the default's
    when None)."""
    text = text or default_text(content)
    city = texts.municipality_name(content.municipality)
    provider = texts.provider_name(content.provider, content.municipality)
    return letter_pdf(
        Letter(
            title=TITLE,
            sender=(provider, f"Auszugsmanagement {city}"),
            recipient=(),
            place=city,
            day=content.issued_on,
            subject_line=text.subject_line,
            body=text.body,
            signature=f"______________________________\n{provider}",
            reference=f"Nummer der Bestätigung: {content.certificate_id}",
            closing=None,
            subject_as_heading=True,
        )
    )
