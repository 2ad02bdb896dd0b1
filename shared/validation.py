"""Validation errors as a person can act on them: the field, and what is wrong, in German;
and the one answer to a client-chosen id that is taken, whoever took it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.decider import RuleViolation

ID_UNAVAILABLE = "Diese Kennung kann nicht verwendet werden. Bitte ohne eigene Kennung anlegen."


class IdUnavailable(RuleViolation):
    """A client-chosen id that is taken, whoever took it (HTTP 409).

    Answered alike whether the id belongs to the caller's own provider, another provider
    or another municipality, so that the answer never tells whose it is.
    """

    def __init__(self, code: str) -> None:
        super().__init__(code, ID_UNAVAILABLE)


async def refuse_taken_id(
    conn: AsyncConnection, code: str, taken: ColumnElement[bool], client_id: object | None
) -> None:
    """Raise `IdUnavailable` when a client-chosen id already has a row matching `taken`,
    in any tenant: for tables a consumer fills later, where a collision would not fail
    the command but the projection (or drop the second tenant's row unseen)."""
    if client_id is not None and await conn.scalar(select(exists().where(taken))):
        raise IdUnavailable(code)


@asynccontextmanager
async def client_id_guard(code: str, client_id: object | None) -> AsyncIterator[None]:
    """Turn a unique violation of a create's personal-data or read-model rows into
    `IdUnavailable`: ids are unique across municipalities there, while the event streams
    are named per municipality, so another tenant's id passes the decider and collides
    only in those tables (the transaction has rolled back; nothing is stored). Without a
    `client_id` (the service chose a fresh one) a violation is a fault and stays one."""
    try:
        yield
    except IntegrityError as exc:
        if client_id is None:
            raise
        raise IdUnavailable(code) from exc


# What a person types instead: every message says what to type, in words a social worker
# uses (a date as TT.MM.JJJJ, an amount with a decimal comma), never a format code or a
# field's name. The staff UI translates them (`locale/en/core.po`; the ones with a number
# through `parameterised`).
MISSING = "Bitte ausfüllen."
# The example in ISO form tells an API client what to send (the UI's date field sends it).
DAY = "Bitte ein gültiges Datum eingeben, z. B. 01.03.2026 (über die Schnittstelle: 2026-03-01)."
MOMENT = "Bitte Datum und Uhrzeit eingeben, z. B. 01.03.2026, 14:30."
AMOUNT = "Bitte einen Betrag eingeben, z. B. 650,50."
WHOLE = "Bitte eine ganze Zahl eingeben, z. B. 3."
NUMBER = "Bitte eine Zahl eingeben, z. B. 2,5."
CHOICE = "Bitte einen der vorgesehenen Werte wählen: {expected}."
TIME = "Bitte eine Uhrzeit eingeben, z. B. 14:30."
FORM = "Bitte die Schreibweise prüfen: die Eingabe enthält Zeichen, die hier nicht vorkommen."
_MESSAGES: dict[str, str] = {
    "missing": MISSING,
    "extra_forbidden": "Dieses Feld ist nicht vorgesehen.",
    "string_too_short": "Bitte mindestens {min_length} Zeichen eingeben.",
    "string_too_long": "Bitte höchstens {max_length} Zeichen eingeben.",
    "string_pattern_mismatch": FORM,
    "string_type": "Bitte einen Text eingeben.",
    "too_short": "Bitte mindestens {min_length} Einträge angeben.",
    "too_long": "Bitte höchstens {max_length} Einträge angeben.",
    "date_from_datetime_parsing": DAY,
    "date_parsing": DAY,
    "date_type": DAY,
    "enum": CHOICE,
    "int_parsing": WHOLE,
    "int_type": WHOLE,
    "int_from_float": WHOLE,
    "greater_than_equal": "Bitte mindestens {ge} eingeben.",
    "less_than_equal": "Bitte höchstens {le} eingeben.",
    "uuid_parsing": "Ungültige Kennung: bitte den Eintrag aus der Liste wählen.",
    "uuid_type": "Ungültige Kennung: bitte den Eintrag aus der Liste wählen.",
    "bool_parsing": "Bitte Ja oder Nein wählen.",
    "bool_type": "Bitte Ja oder Nein wählen.",
    "model_attributes_type": "Objekt erwartet.",
    "model_type": "Objekt erwartet.",
    "list_type": "Liste erwartet.",
    "json_invalid": "Kein gültiges JSON.",
    "greater_than": "Bitte mehr als {gt} eingeben.",
    "less_than": "Bitte weniger als {lt} eingeben.",
    "multiple_of": "Bitte ein Vielfaches von {multiple_of} eingeben.",
    "decimal_parsing": AMOUNT,
    "decimal_type": AMOUNT,
    "decimal_max_digits": "Zu viele Stellen (höchstens {max_digits}).",
    "decimal_max_places": "Bitte höchstens {decimal_places} Stellen nach dem Komma eingeben.",
    "decimal_whole_digits": "Zu viele Stellen vor dem Komma.",
    "float_parsing": NUMBER,
    "float_type": NUMBER,
    "datetime_parsing": MOMENT,
    "datetime_from_date_parsing": MOMENT,
    "datetime_type": MOMENT,
    "time_parsing": TIME,
    "time_type": TIME,
    "timezone_aware": "Zeitpunkt mit Zeitzone erwartet (z. B. +01:00).",
    "literal_error": CHOICE,
    # A file's content through the API (shared/contracts/documents.py).
    "base64_decode": "Bitte den Inhalt der Datei base64-kodiert senden.",
}
# A text that must match a pattern: what to type, by the pattern the contracts use.
_PATTERNS: dict[str, str] = {
    r"^[0-9 +()/-]{4,40}$": (
        "Bitte eine Telefonnummer aus Ziffern eingeben, z. B. 0221 123456 oder "
        "+49 176 12345678 (erlaubt sind auch Leerzeichen, +, -, / und Klammern)."
    ),
    r"^[a-z0-9][a-z0-9_-]*$": (
        "Bitte einen Eintrag aus der Liste wählen (ein Kürzel in Kleinbuchstaben ohne "
        "Leerzeichen, z. B. caritas)."
    ),
    r"^[a-z0-9][a-z0-9-]*$": (
        "Bitte einen Eintrag aus der Liste wählen (ein Kürzel in Kleinbuchstaben ohne "
        "Leerzeichen, z. B. kalk)."
    ),
    r"^[a-z]{2,3}$": (
        "Bitte ein Sprachkürzel aus zwei oder drei Buchstaben eingeben, z. B. de oder ar."
    ),
    r"^[A-Za-z0-9][A-Za-z0-9._@:-]*$": (
        "Bitte eine Anmeldekennung ohne Leerzeichen und Umlaute eingeben, z. B. m.mueller."
    ),
}
# Messages with a number in them, for the UI's translation (`parameterised`).
_WITH_NUMBERS = sorted({t for t in _MESSAGES.values() if "{" in t})


def parameterised(message: str, also: Iterable[str] = ()) -> tuple[str, dict[str, str]] | None:
    """The message's template and its numbers, if it is one of those with a number (or
    one of the templates `also`, with numbers or days): "Bitte mindestens 2 Zeichen
    eingeben." → ("Bitte mindestens {min_length} Zeichen eingeben.", {"min_length": "2"}).
    The UI translates the template, then fills it in."""
    for template in (*_WITH_NUMBERS, *also):
        names = re.findall(r"\{(\w+)\}", template)
        pattern = re.escape(template)
        for name in names:
            pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>-?[0-9.,]+)")
        found = re.fullmatch(pattern, message)
        if found:
            return template, found.groupdict()
    return None


class FieldError(BaseModel):
    field: str
    message: str


def field_errors(
    errors: Iterable[Mapping[str, Any]], *, skip_prefix: Sequence[str] = ()
) -> list[FieldError]:
    """Turn pydantic/FastAPI error dicts into `FieldError`s with German messages."""
    result = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        while loc and loc[0] in skip_prefix:
            loc = loc[1:]
        result.append(FieldError(field=".".join(loc) or "(Eingabe)", message=_message(error)))
    return result


def _message(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind in ("too_long", "too_short") and isinstance(error.get("input"), str):
        # An optional text with a validator of its own (`Line | None`) is measured by
        # pydantic's generic length check, which speaks of entries; it is characters.
        kind = f"string_{kind}"
    if kind == "value_error":
        message = str(error.get("msg", ""))
        if "email address" in message:  # EmailStr reports through a generic value_error
            return "Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@beispiel.de."
        # Our own validators raise ValueError with a German sentence; pydantic prefixes it.
        return message.removeprefix("Value error, ")
    if kind == "string_too_short" and context.get("min_length") == 1:
        return MISSING  # an empty text: there is nothing to count
    if kind == "too_short" and context.get("min_length") == 1:
        return "Bitte mindestens einen Eintrag wählen."
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(str(context.get("pattern", "")), FORM)
    if kind in ("enum", "literal_error") and "expected" in context:
        context = {**context, "expected": str(context["expected"]).replace(" or ", " oder ")}
    template = _MESSAGES.get(kind)
    if template is None:
        return str(error.get("msg", "Ungültiger Wert."))
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return template.split(" (")[0]
