"""The offers pages' forms: typed text to request bodies, and errors back to their fields.

Field names are the request models' own (`contact_person.name` for nested ones), so a
validation error lands next to the field that caused it. Amounts may be typed the German
way (`1.234,50 €`), a district as it is spoken (`Mülheim`). An empty field is left out,
so the model's default or its German "Bitte ausfüllen." applies. Every value typed is
kept for the form shown again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from services.gateway.web.submit import CHECKED

OFFER_FIELDS = (
    "landlord_id",
    "district",
    "street_address",
    "rooms",
    "size_m2",
    "cold_rent",
    "running_costs",
    "available_from",
    "wbs_required",
    "source",
    "received_on",
    "note",
)
OFFER_FLAGS = ("refugee_quota", "accessible")
OFFER_DECIMALS = ("rooms", "size_m2", "cold_rent", "running_costs")
LANDLORD_FIELDS = (
    "kind",
    "name",
    "contact_person.name",
    "contact_person.phone",
    "contact_person.email",
    "cooperation_agreed_on",
    "registered_on",
    "note",
)
LANDLORD_FLAGS = ("cooperation_agreement",)


def decimal_text(typed: str) -> str:
    """`1.234,50 €` → `1234.50`; `2,5` → `2.5`; `650.50` stays; `1,234.50` (English, with
    both marks the last one is the decimal point) → `1234.50`. A lone comma is German's
    decimal comma. Anything else is left for the model to refuse with its German message."""
    text = typed.replace("€", "").replace("m²", "").replace(" ", "").replace("\u00a0", "")
    if "," in text and "." in text and text.rindex(".") > text.rindex(","):
        return text.replace(",", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return text


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def district_code(typed: str) -> str:
    """The district as the code placement keeps: `Mülheim` → `muelheim`, `Neustadt Nord` →
    `neustadt-nord`. What still does not fit is left for the model to refuse."""
    return "-".join(typed.lower().translate(_UMLAUTS).split())


def plain_body(
    values: Mapping[str, str],
    fields: Iterable[str],
    flags: Iterable[str] = (),
    decimals: Iterable[str] = (),
) -> dict[str, Any]:
    """The JSON body: filled fields (dotted names nested), ticked boxes true, others false."""
    body: dict[str, Any] = {}
    decimal_names = set(decimals)
    for name in fields:
        value = values.get(name, "")
        if not value:
            continue
        if name in decimal_names:
            value = decimal_text(value)
        *parents, leaf = name.split(".")
        target = body
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = value
    for name in flags:
        body[name] = values.get(name) == CHECKED
    return body


def offer_body(values: Mapping[str, str]) -> dict[str, Any]:
    """The body of `ReceiveOffer`; the WBS question is answered "true" or "false"."""
    body = plain_body(values, OFFER_FIELDS, OFFER_FLAGS, OFFER_DECIMALS)
    if "district" in body:
        body["district"] = district_code(body["district"])
    return body


def landlord_body(values: Mapping[str, str]) -> dict[str, Any]:
    """The body of `RegisterLandlord`."""
    return plain_body(values, LANDLORD_FIELDS, LANDLORD_FLAGS)
