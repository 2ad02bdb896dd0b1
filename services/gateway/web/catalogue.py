"""Keeps the English catalogues whole: what is marked for translation but missing, and
which template text is not marked at all.

    .venv/bin/python -m services.gateway.web.catalogue [AREA]

prints every missing text as a .po entry under the file it belongs in (paste, then
translate), and every unmarked template text with its place. tests/unit/test_ui_catalogue.py
asserts both lists are empty.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from services.gateway.web import i18n

GATEWAY = Path(__file__).parent.parent
# Every gateway module and template (the error page titles come from errors.py).
METHODS = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
CONTRACTS = GATEWAY.parent.parent / "shared" / "contracts"
CONTRACT_METHODS = [("*/labels.py", "python")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
# Which catalogue a text belongs in: its area's (the gateway package it lives in), else
# core.
AREAS = (
    "inquiries",
    "placement",
    "volunteer",
    "prevention",
    "follow_ups",
    "mail",
    "history",
    "letters",
    "accounts",
)
# The Art. 15 document is the German record handed to the data subject (households/exports).
NOT_TRANSLATED = {"disclosure_document.html"}
# Texts that read the same in every language.
SAME_EVERYWHERE = {
    "Auszug",
    "m²",
    "€",
    "PDF",
    "CSV",
    "JSON",
    "E-Mail",
    "Tandem",
    "Tandems",
    "Workshops",
}


@dataclass(frozen=True)
class Message:
    text: str
    plural: str | None
    file: str
    line: int


def area_of(file: str) -> str:
    package = Path(file).parts[0]
    if package in AREAS:
        return package
    return "core"


def marked_messages() -> Iterator[Message]:
    """Every text the UI marks for translation, with where it stands: in the gateway, and
    in the label tables of the contracts (`placement/labels.py` belongs to placement)."""
    for directory, methods, options in (
        (GATEWAY, METHODS, OPTIONS),
        (CONTRACTS, CONTRACT_METHODS, {}),
    ):
        for file, line, message, _comments, _context in extract_from_dir(
            str(directory), methods, options, KEYWORDS, strip_comment_tags=True
        ):
            if isinstance(message, tuple):
                yield Message(message[0], message[1], file, line)
            elif message:
                yield Message(message, None, file, line)


def known_texts(locale: str = i18n.ENGLISH) -> dict[str, set[str]]:
    """Text → its translations over all of the locale's catalogues (more than one is a
    contradiction between two areas)."""
    known: dict[str, set[str]] = {}
    for po_file in sorted((i18n.CATALOGUES / locale).glob("*.po")):
        with po_file.open("rb") as source:
            catalog = read_po(source, locale=locale)
        for entry in catalog:
            if not entry.id:
                continue
            key = str(entry.id[0] if isinstance(entry.id, tuple) else entry.id)
            raw = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            strings = [str(s) for s in raw if s]
            if strings and len(strings) == len(raw):
                known.setdefault(key, set()).add("\x00".join(strings))
    return known


def missing_messages() -> list[Message]:
    known = known_texts()
    return [message for message in marked_messages() if message.text not in known]


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_RAW = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>", re.S)
_TEXT_ATTRIBUTE = re.compile(r'\b(title|alt|placeholder|aria-label)="([^"]*)"', re.I)
_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]")
_WORDS = re.compile(r"^[A-ZÄÖÜ]|[ äöüß]")
HOLE = "\x01"  # stands for a Jinja expression or tag in the markup


def unmarked_texts(source: str) -> list[tuple[int, str]]:
    """Visible template texts outside `{% trans %}` and `_(…)`, with their line.

    Reads the template with Jinja's own lexer: markup between the tags is checked for
    text nodes and human-readable attributes; a string literal in an expression that
    reads like words (capitalised, a space, an umlaut) must be the argument of `_(`.
    """
    from services.gateway.web.templating import templates

    markup: list[tuple[int, str]] = []
    found: list[tuple[int, str]] = []
    in_trans = False
    previous: list[tuple[str, str]] = []
    for line, kind, value in templates.env.lex(source):
        if (
            kind == "name"
            and value in ("trans", "endtrans")
            and previous[-1:] == [("block_begin", previous[-1][1] if previous else "")]
        ):
            in_trans = value == "trans"
        if kind == "data":
            markup.append((line, HOLE if in_trans else value))
        elif kind == "string" and not in_trans:
            value = value[1:-1]
            called = [k + ":" + v for k, v in previous[-2:]]
            marked = called in (["name:_", "operator:("], ["name:gettext", "operator:("])
            words_like = bool(_WORDS.search(value) and _LETTER.search(value))
            if words_like and not marked and "=" not in value and value not in SAME_EVERYWHERE:
                found.append((line, value))
        elif kind in ("variable_begin", "block_begin"):
            markup.append((line, HOLE))
        if kind not in ("whitespace", "comment", "linecomment"):
            previous = [*previous[-2:], (kind, value)]
    found.extend(_unmarked_markup(markup))
    return sorted(found)


def _unmarked_markup(parts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    text = ""
    lines: list[int] = []  # the template line of every character of `text`
    for line, value in parts:
        for offset, char in enumerate(value):
            text += char
            lines.append(line + value.count("\n", 0, offset))

    def blank(match: re.Match[str]) -> str:
        return "".join(c if c == "\n" else " " for c in match.group(0))

    text = _HTML_COMMENT.sub(blank, text)
    text = _RAW.sub(blank, text)
    for match in _TEXT_ATTRIBUTE.finditer(text):
        words = match.group(2).replace(HOLE, "").strip()
        if _LETTER.search(words):
            found.append((lines[match.start()], words))
    visible = _TAG.sub(blank, text)
    start = 0
    for chunk in visible.split("\n"):
        for piece in chunk.split(HOLE):
            words = " ".join(piece.split()).strip(" ·–-:,.()/|")
            readable = bool(words and _LETTER.search(words) and '="' not in words)
            if readable and words not in SAME_EVERYWHERE:
                found.append((lines[start], words))
        start += len(chunk) + 1
    return found


def unmarked_template_texts() -> list[tuple[str, int, str]]:
    return [
        (str(path.relative_to(GATEWAY)), line, words)
        for path in sorted(GATEWAY.glob("*/templates/**/*.html"))
        if path.name not in NOT_TRANSLATED
        for line, words in unmarked_texts(path.read_text(encoding="utf-8"))
    ]


def contradictions() -> dict[str, set[str]]:
    return {text: ways for text, ways in known_texts().items() if len(ways) > 1}


def _po_entry(message: Message) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    if message.plural is None:
        return f'#: {message.file}:{message.line}\nmsgid {quoted(message.text)}\nmsgstr ""\n'
    return (
        f"#: {message.file}:{message.line}\nmsgid {quoted(message.text)}\n"
        f'msgid_plural {quoted(message.plural)}\nmsgstr[0] ""\nmsgstr[1] ""\n'
    )


def main(area: str | None = None) -> int:
    """Prints what is missing (of one area, when given: core or one of AREAS); 1 when
    anything is."""
    missing = [m for m in missing_messages() if area in (None, area_of(m.file))]
    seen: set[str] = set()
    for message in sorted(missing, key=lambda m: (area_of(m.file), m.file, m.line)):
        if message.text in seen:
            continue
        seen.add(message.text)
        print(f"# → locale/en/{area_of(message.file)}.po")
        print(_po_entry(message))
    unmarked = [u for u in unmarked_template_texts() if area in (None, area_of(u[0]))]
    for name, line, words in unmarked:
        print(f"unmarked: {name}:{line}: {words}", file=sys.stderr)
    for text, ways in contradictions().items():
        print(f"two translations of {text!r}: {sorted(ways)}", file=sys.stderr)
    return 1 if missing or unmarked or contradictions() else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else None))
