"""Validation errors as a person can act on them: the field, and what is wrong, in German;
and the one answer to a client-chosen id that is taken, whoever took it."""

from __future__ import annotations

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


_MESSAGES: dict[str, str] = {
    "missing": "Pflichtfeld fehlt.",
    "extra_forbidden": "Dieses Feld ist nicht vorgesehen.",
    "string_too_short": "Zu kurz (mindestens {min_length} Zeichen).",
    "string_too_long": "Zu lang (höchstens {max_length} Zeichen).",
    "string_pattern_mismatch": "Ungültiges Format.",
    "string_type": "Text erwartet.",
    "too_short": "Zu wenige Einträge (mindestens {min_length}).",
    "too_long": "Zu viele Einträge (höchstens {max_length}).",
    "date_from_datetime_parsing": "Ungültiges Datum (erwartet JJJJ-MM-TT).",
    "date_parsing": "Ungültiges Datum (erwartet JJJJ-MM-TT).",
    "date_type": "Datum erwartet (JJJJ-MM-TT).",
    "enum": "Ungültiger Wert; erlaubt: {expected}.",
    "int_parsing": "Ganze Zahl erwartet.",
    "int_type": "Ganze Zahl erwartet.",
    "greater_than_equal": "Muss mindestens {ge} sein.",
    "less_than_equal": "Darf höchstens {le} sein.",
    "uuid_parsing": "Ungültige Kennung (UUID erwartet).",
    "uuid_type": "Ungültige Kennung (UUID erwartet).",
    "bool_parsing": "Ja/Nein-Wert erwartet.",
    "bool_type": "Ja/Nein-Wert erwartet.",
    "model_attributes_type": "Objekt erwartet.",
    "model_type": "Objekt erwartet.",
    "list_type": "Liste erwartet.",
    "json_invalid": "Kein gültiges JSON.",
    "greater_than": "Muss größer als {gt} sein.",
    "less_than": "Muss kleiner als {lt} sein.",
    "multiple_of": "Muss ein Vielfaches von {multiple_of} sein.",
    "decimal_parsing": "Zahl erwartet (z. B. 612.50).",
    "decimal_type": "Zahl erwartet (z. B. 612.50).",
    "decimal_max_digits": "Zu viele Stellen (höchstens {max_digits}).",
    "decimal_max_places": "Zu viele Nachkommastellen (höchstens {decimal_places}).",
    "decimal_whole_digits": "Zu viele Stellen vor dem Komma.",
    "float_parsing": "Zahl erwartet.",
    "float_type": "Zahl erwartet.",
    "datetime_parsing": "Ungültiger Zeitpunkt (erwartet JJJJ-MM-TTThh:mm).",
    "datetime_from_date_parsing": "Ungültiger Zeitpunkt (erwartet JJJJ-MM-TTThh:mm).",
    "datetime_type": "Zeitpunkt erwartet (JJJJ-MM-TTThh:mm).",
    "timezone_aware": "Zeitpunkt mit Zeitzone erwartet (z. B. +01:00).",
    "literal_error": "Ungültiger Wert; erlaubt: {expected}.",
}


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
    if kind in ("too_long", "too_short") and isinstance(error.get("input"), str):
        # An optional text with a validator of its own (`Line | None`) is measured by
        # pydantic's generic length check, which speaks of entries; it is characters.
        kind = f"string_{kind}"
    if kind == "value_error":
        message = str(error.get("msg", ""))
        if "email address" in message:  # EmailStr reports through a generic value_error
            return "Ungültige E-Mail-Adresse."
        # Our own validators raise ValueError with a German sentence; pydantic prefixes it.
        return message.removeprefix("Value error, ")
    template = _MESSAGES.get(kind)
    if template is None:
        return str(error.get("msg", "Ungültiger Wert."))
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return template.split(" (")[0]
