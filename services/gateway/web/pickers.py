"""Pickers: a form field that names a household by what people know of it — a name, a
birth date, a phone number, a short id or the id — instead of a pasted UUID (finding 9).

On submit the gateway resolves the text through intake's directory (SEARCH_HOUSEHOLDS,
scoped to the caller): exactly one household → its id goes to the service; several → the
form comes back with a message at the field and the matching titles to choose from (radio
buttons named `<field>_wahl`); none → a message at the field. Roles that may not search
households (the housing office) still type the id; the service checks it as before.

Use: `picked = await pick_household(rpc, caller, form, "household_id")`; if
`picked.refusal(...)` is not None, show the form with it and `choices={name: picked.choices}`;
else send `picked.household_id`. The template renders the field with
`{% import "pickers.html" as pickers with context %}{{ pickers.household(name, label) }}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from uuid import UUID

from pydantic import ValidationError

from services.gateway.web.i18n import N_, gettext
from services.gateway.web.submit import Refusal
from shared.contracts.intake import operations as intake
from shared.contracts.intake.directory import HouseholdCard, SearchHouseholds
from shared.identity import Caller
from shared.rpc import RpcClient

CHOICE = "_wahl"
# More matches than this: the person types more rather than scrolling a long list.
MAX_CHOICES = 10
MAX_TEXT = 200

NOT_FOUND = N_(
    "Kein Haushalt gefunden, der zu „%(text)s“ passt. Geben Sie den Anfang des Namens, ein "
    "Geburtsdatum (TT.MM.JJJJ), eine Telefonnummer oder die Kurzkennung ein."
)
SEVERAL = N_("Mehrere Haushalte passen zu „%(text)s“. Bitte wählen Sie einen aus.")
MANY = N_(
    "%(count)s Haushalte passen zu „%(text)s“; hier stehen die ersten %(shown)s. Wählen Sie "
    "einen aus oder geben Sie mehr ein (z. B. Vor- und Nachname oder das Geburtsdatum)."
)
ID_ONLY = N_(
    "Bitte die Kennung des Haushalts eingeben, z. B. ad07fd63-1c2b-4d5e-8f90-123456789abc."
)


def picks_by_name(caller: Caller | None) -> bool:
    """Whether the caller's picker takes names (else only the id): a Jinja global."""
    return caller is not None and caller.role in intake.SEARCH_HOUSEHOLDS.roles


@dataclass
class HouseholdPick:
    """What the typed text names: one household, or the message and the choices."""

    text: str = ""
    household_id: UUID | None = None
    message: str | None = None
    choices: list[HouseholdCard] = field(default_factory=list)

    def refusal(self, name: str) -> Refusal | None:
        """The form's refusal (422, the message at the field), or None if resolved."""
        return None if self.message is None else Refusal(422, {name: self.message})

    def value(self) -> str:
        """What the service receives for the field: the id, or the text as typed (empty)."""
        return str(self.household_id) if self.household_id else self.text


async def pick_household(
    rpc: RpcClient, caller: Caller, submitted: Mapping[str, str], name: str
) -> HouseholdPick:
    """Resolve the field `name` of a submitted form (a choice made from the list wins)."""
    chosen = str(submitted.get(name + CHOICE, "")).strip()
    text = chosen or str(submitted.get(name, "")).strip()
    if not text:
        return HouseholdPick()  # the form's own rules say whether the field is needed
    if not picks_by_name(caller):
        try:
            return HouseholdPick(text, UUID(text))
        except ValueError:
            return HouseholdPick(text, message=gettext(ID_ONLY))
    try:
        query = SearchHouseholds(q=" ".join(text.split())[:MAX_TEXT], per_page=MAX_CHOICES)
    except ValidationError:  # control characters: no household is called like that
        return HouseholdPick(text, message=gettext(NOT_FOUND) % {"text": text})
    answer = await rpc.send(intake.SEARCH_HOUSEHOLDS, query, caller)
    if answer.page.total == 1:
        return HouseholdPick(text, answer.items[0].household_id)
    if answer.page.total == 0:
        return HouseholdPick(text, message=gettext(NOT_FOUND) % {"text": text})
    if answer.page.total > len(answer.items):
        message = gettext(MANY) % {
            "count": answer.page.total,
            "text": text,
            "shown": len(answer.items),
        }
    else:
        message = gettext(SEVERAL) % {"text": text}
    return HouseholdPick(text, message=message, choices=answer.items)


@dataclass
class HouseholdPicks:
    """Several picker fields of one form (the rows of an office hour)."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    choices: dict[str, list[HouseholdCard]] = field(default_factory=dict)

    def refusal(self) -> Refusal | None:
        return Refusal(422, dict(self.errors)) if self.errors else None


async def pick_households(
    rpc: RpcClient, caller: Caller, submitted: Mapping[str, str], names: list[str]
) -> HouseholdPicks:
    """Resolve each field of `names` (only those typed ask intake)."""
    picks = HouseholdPicks()
    for name in names:
        picked = await pick_household(rpc, caller, submitted, name)
        picks.values[name] = picked.value()
        if picked.message is not None:
            picks.errors[name] = picked.message
            picks.choices[name] = picked.choices
    return picks
