"""Letters kept by the service that owns their subject (shared/contracts/letters.py).

A context wires letters in a few lines: its kinds as `LetterKind`s (a default template in
German, the placeholders with a description and a sample value each), a table from
`letter_template_table` in its own metadata (and a migration creating it), one
`LetterBook` over both, and a use case that reads the subject's data, checks that the
caller may act on it and calls `LetterBook.write`.

**Templates.** The coordination edits a kind's subject line and body per municipality;
a saved template wins over the default shipped here. A template is plain text with
`{{ placeholder }}`s, rendered by a `SandboxedEnvironment` with `StrictUndefined` — never
the page templates' environment: a template is text someone typed, so it may neither
reach Python's internals (`{{ ''.__class__ }}`) nor name a value the kind does not
declare. Saving renders the template with the sample values first, and an unknown
placeholder or a syntax error is refused at its field, naming the placeholder or the line.

**Print.** The PDF (fpdf2) is a German business letter: letterhead (the municipality and
the sending team), recipient, place and date, subject line, body, closing. Names of
refugees are often not Latin-1 (Đorđević, Ağa): with DejaVu Sans installed (Debian package
`fonts-dejavu-core`) every character prints as given; without it the built-in Helvetica is
used and characters it lacks are reduced to their base letter (`add_fonts`, `printable`,
also the certificate's).

**Why no event.** Saving a template is configuration of the municipality, like the
placement rules; a written letter is kept as a document of its subject. Neither is a fact
a figure or another context needs, and a letter's text is personal data.
"""

from __future__ import annotations

import base64
import operator
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from fpdf import FPDF
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import Column, MetaData, String, Table, Text, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.casework.documents import Archive
from shared.clock import utcnow
from shared.contracts.documents import DocumentKind
from shared.contracts.letters import (
    LetterFile,
    LetterTemplateRef,
    LetterTemplates,
    LetterTemplateView,
    Placeholder,
    SaveLetterTemplate,
)
from shared.decider import FieldRefused
from shared.eventstore.schema import UTCDateTime

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Letters Unicode does not decompose into a base letter and a mark.
_BASE = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "ı": "i", "Ħ": "H", "ħ": "h"})
# A rendered text longer than this is a template gone wrong (a loop), not a letter.
_RENDERED_MAX = 50_000


# ---------------------------------------------------------------- kinds


@dataclass(frozen=True)
class LetterKind:
    """One kind of letter of one owner: its default template and its placeholders."""

    code: str
    title: str
    purpose: str
    subject_line: str
    body: str
    placeholders: tuple[Placeholder, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.placeholders)

    @property
    def samples(self) -> dict[str, str]:
        return {p.name: p.sample for p in self.placeholders}


def placeholder(name: str, description: str, sample: str) -> Placeholder:
    return Placeholder(name=name, description=description, sample=sample)


# ---------------------------------------------------------------- rendering


class _Sandbox(SandboxedEnvironment):
    """The sandbox, also refusing arithmetic that builds huge values (`"x" * 10**9`)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if not all(isinstance(v, int) and abs(v) <= 1000 for v in (left, right)):
            raise SecurityError("arithmetic on texts or large numbers")
        op: Callable[[Any, Any], Any] = operator.mul if operator_name == "*" else operator.pow
        return op(left, right)


_ENV = _Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


class TemplateRefused(Exception):
    """A template that does not render; `message` (German) says where and why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def render_text(source: str, values: Mapping[str, str], known: frozenset[str]) -> str:
    """`source` with its placeholders filled from `values`; refuses a placeholder not in
    `known`, a syntax error (naming the line) and anything the sandbox refuses."""
    try:
        parsed = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateRefused(
            f"Zeile {exc.lineno}: Die Vorlage ist so nicht lesbar ({_syntax(exc)}). "
            "Platzhalter stehen in doppelten geschweiften Klammern, etwa {{ betrag }}."
        ) from exc
    unknown = sorted(meta.find_undeclared_variables(parsed) - known)
    if unknown:
        names = ", ".join(f"{{{{ {name} }}}}" for name in unknown)
        raise TemplateRefused(
            f"Unbekannter Platzhalter {names}: bitte nur die aufgeführten Platzhalter verwenden."
        )
    try:
        text = _ENV.from_string(source).render(dict(values))
    except SecurityError as exc:
        raise TemplateRefused(
            "Die Vorlage greift auf etwas anderes zu als die Platzhalter; bitte nur "
            "Platzhalter wie {{ betrag }} einsetzen."
        ) from exc
    except TemplateError as exc:
        raise TemplateRefused(
            "Die Vorlage lässt sich mit den Beispielwerten nicht ausfüllen; bitte nur "
            "Platzhalter wie {{ betrag }} einsetzen."
        ) from exc
    if len(text) > _RENDERED_MAX:
        raise TemplateRefused("Die ausgefüllte Vorlage wäre viel zu lang für einen Brief.")
    return text


def _syntax(exc: TemplateSyntaxError) -> str:
    # Jinja's messages are English and technical; the two that a person typing a letter
    # makes are said in German, every other one as "Klammern oder Befehl".
    message = exc.message or ""
    if "unexpected end of template" in message or "unexpected '}'" in message:
        return "eine Klammer fehlt oder ist zu viel"
    return "Klammern oder Befehl prüfen"


def check(kind: LetterKind, subject_line: str, body: str) -> dict[str, str]:
    """The errors of a template at its fields (`subject_line`, `body`), rendered with the
    kind's sample values; empty if it renders."""
    errors: dict[str, str] = {}
    for field, source in (("subject_line", subject_line), ("body", body)):
        try:
            render_text(source, kind.samples, kind.names)
        except TemplateRefused as refused:
            errors[field] = refused.message
    return errors


# ---------------------------------------------------------------- the PDF


@dataclass(frozen=True)
class Letter:
    """What one printed letter says, every text already German and filled in."""

    title: str  # the document's title (PDF metadata, file name)
    sender: tuple[str, ...]  # letterhead: municipality or provider, team
    recipient: tuple[str, ...]
    place: str
    day: date
    subject_line: str
    body: str
    signature: str
    reference: str | None = None  # printed small at the end (a case's short id)
    # A certificate is no letter to someone: no closing formula, its subject as a heading.
    closing: str | None = "Mit freundlichen Grüßen"
    subject_as_heading: bool = False


def add_fonts(pdf: FPDF) -> str:
    """DejaVu Sans (regular and bold) if installed, else Helvetica: the font's name."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
        return "DejaVu"
    return "Helvetica"


def printable(font: str, text: str) -> str:
    """`text` as `font` prints it: as given in DejaVu; in Helvetica each character it
    lacks by its base letter, else `?`."""
    if font == "DejaVu":
        return text
    out = []
    for char in text.translate(_BASE).replace("„", '"').replace("“", '"').replace("•", "-"):
        if char.encode("latin-1", "ignore"):
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        out.append(base or "?")
    return "".join(out)


def german_day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def letter_pdf(letter: Letter) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(letter.title)
    pdf.set_lang("de")
    pdf.set_creator("Auszug")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    font = add_fonts(pdf)

    def write(text: str, *, size: int = 11, bold: bool = False, align: str = "L") -> None:
        pdf.set_font(font, "B" if bold else "", size)
        pdf.multi_cell(
            0, size * 0.5, printable(font, text), align=align, new_x="LMARGIN", new_y="NEXT"
        )

    for number, line in enumerate(letter.sender):
        write(line, size=10, bold=number == 0)
    pdf.ln(14)
    for line in letter.recipient:
        write(line)
    pdf.ln(10 if letter.recipient else 0)
    write(f"{letter.place}, den {german_day(letter.day)}", align="R")
    pdf.ln(8)
    if letter.subject_as_heading:
        write(letter.subject_line, size=20, bold=True, align="C")
    else:
        write(letter.subject_line, bold=True)
    pdf.ln(6)
    write(letter.body)
    pdf.ln(8)
    if letter.closing:
        write(letter.closing)
    pdf.ln(14)
    write(letter.signature)
    if letter.reference:
        pdf.ln(10)
        write(letter.reference, size=8)
    return bytes(pdf.output())


# ---------------------------------------------------------------- the templates table


def letter_template_table(metadata: MetaData) -> Table:
    """A context's saved templates: one row per municipality and kind (the default is
    not stored; a kind without a row prints from it)."""
    return Table(
        "letter_templates",
        metadata,
        Column("municipality", String(64), primary_key=True),
        Column("kind", String(40), primary_key=True),
        Column("subject_line", String(200), nullable=False),
        Column("body", Text, nullable=False),
        Column("updated_at", UTCDateTime(), nullable=False),
        # The pseudonymous user id (as events carry `actor`), never a name or a login.
        Column("updated_by", String(100), nullable=False),
    )


@dataclass(frozen=True)
class Filled:
    """A kind's template for one municipality, filled in."""

    subject_line: str
    body: str


class LetterBook:
    """One owner's letter kinds and their saved templates in `table`."""

    def __init__(self, owner: str, table: Table, kinds: Sequence[LetterKind]) -> None:
        self.owner = owner
        self.table = table
        self.kinds = {kind.code: kind for kind in kinds}

    def kind(self, code: str) -> LetterKind:
        """The kind `code`, refused at the field `kind` if this owner has none such."""
        if code not in self.kinds:
            raise FieldRefused("kind", "letter_kind_unknown", "Diese Briefart gibt es nicht.")
        return self.kinds[code]

    async def templates(self, conn: AsyncConnection, municipality: str) -> LetterTemplates:
        t = self.table
        rows = (await conn.execute(select(t).where(t.c.municipality == municipality))).all()
        saved = {row.kind: row for row in rows}
        views = []
        for kind in self.kinds.values():
            row = saved.get(kind.code)
            views.append(
                LetterTemplateView(
                    owner=self.owner,
                    kind=kind.code,
                    title=kind.title,
                    purpose=kind.purpose,
                    subject_line=row.subject_line if row else kind.subject_line,
                    body=row.body if row else kind.body,
                    placeholders=list(kind.placeholders),
                    updated_at=row.updated_at if row else None,
                    updated_by=row.updated_by if row else None,
                )
            )
        return LetterTemplates(templates=views)

    async def save(
        self,
        conn: AsyncConnection,
        municipality: str,
        request: SaveLetterTemplate,
        author: str,
    ) -> LetterTemplateRef:
        """Store the template inside `conn`'s transaction (the caller checked the role);
        refused at its field unless it renders with the kind's sample values."""
        kind = self.kind(request.kind)
        errors = check(kind, request.subject_line, request.body)
        for field, message in errors.items():
            raise FieldRefused(field, "letter_template_invalid", message)
        t = self.table
        values = {
            "subject_line": request.subject_line,
            "body": request.body,
            "updated_at": utcnow(),
            "updated_by": author,
        }
        changed = await conn.execute(
            update(t).where(t.c.municipality == municipality, t.c.kind == kind.code).values(values)
        )
        if changed.rowcount == 0:
            await conn.execute(
                insert(t).values({"municipality": municipality, "kind": kind.code, **values})
            )
        return LetterTemplateRef(owner=self.owner, kind=kind.code)

    async def fill(
        self, conn: AsyncConnection, municipality: str, code: str, values: Mapping[str, str]
    ) -> Filled:
        """The municipality's template of `code` (saved, else the default) filled with
        `values`, which must give exactly the kind's placeholders."""
        kind = self.kind(code)
        if set(values) != kind.names:
            raise ValueError(f"letter {code}: values {sorted(values)} != {sorted(kind.names)}")
        t = self.table
        row = (
            await conn.execute(
                select(t.c.subject_line, t.c.body).where(
                    t.c.municipality == municipality, t.c.kind == code
                )
            )
        ).first()
        subject_line, body = (row.subject_line, row.body) if row else (kind.subject_line, kind.body)
        return Filled(
            render_text(subject_line, values, kind.names), render_text(body, values, kind.names)
        )


def letter_file(subject_id: UUID, kind: str, file_name: str, content: bytes) -> LetterFile:
    """The answer of `WRITE_LETTER` carrying the PDF itself (the owner keeps no documents
    of this subject)."""
    return LetterFile(
        subject_id=subject_id,
        kind=kind,
        file_name=file_name,
        content_base64=base64.b64encode(content).decode("ascii"),
    )


async def keep_letter(
    archive: Archive,
    conn: AsyncConnection,
    municipality: str,
    subject_id: UUID,
    kind: str,
    file_name: str,
    content: bytes,
    author: str,
    *,
    reader_may_download: bool = True,
) -> LetterFile:
    """Keep the letter as a document of its subject inside `conn`'s transaction
    (shared/casework/documents.py); the answer names the document, and the gateway sends
    the browser to its download. A writer who may not read the subject's documents (a
    caseworker's proposal on an offer, whose documents are the coordination's) gets the
    PDF in the answer instead (`reader_may_download` false)."""
    ref = await archive.keep_generated(
        conn,
        municipality,
        subject_id,
        kind=DocumentKind.letter,
        file_name=file_name,
        media_type="application/pdf",
        content=content,
        author=author,
    )
    return LetterFile(
        subject_id=subject_id,
        kind=kind,
        file_name=file_name,
        document_id=ref.document_id,
        content_base64="" if reader_may_download else base64.b64encode(content).decode("ascii"),
    )
