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

Tandems and volunteers the same way (`pick_tandem`, `pick_ready_volunteer` → `Pick`, its
`choices` each a `Choice` of id and title; `pickers.tandem(...)`, `pickers.volunteer(...)`,
or `pickers.search_field(...)` on a page with its own form state): a tandem by its
volunteer's name (volunteer's SEARCH_TANDEMS) or by its household's (intake's search, the
households found named to the same query), a volunteer by name among those ready for a
tandem. Both scoped by the services as every list is; an id typed is sent as it is and
checked by the service. Several fields of one form collect into `Picks`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from pydantic import ValidationError

from services.gateway.web.i18n import N_, format_date, gettext
from services.gateway.web.submit import Refusal
from shared.contracts.intake import operations as intake
from shared.contracts.intake.directory import HouseholdCard, SearchHouseholds
from shared.contracts.paging import MAX_PER_PAGE
from shared.contracts.places import provider_name
from shared.contracts.volunteer import ListVolunteers, SearchTandems, TandemView, VolunteerView
from shared.contracts.volunteer import operations as volunteer
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


# ---------------------------------------------------------------- tandems and volunteers
# Known by a name too: a tandem by its volunteer's or its household's (finding 9), a
# volunteer by theirs (a choice of every ready volunteer stopped at 200, finding 18).

TANDEM_NOT_FOUND = N_(
    "Kein aktives Tandem gefunden, das zu „%(text)s“ passt. Geben Sie den Anfang des Namens "
    "der oder des Ehrenamtlichen oder den Namen des Haushalts ein."
)
TANDEM_SEVERAL = N_("Mehrere Tandems passen zu „%(text)s“. Bitte wählen Sie eines aus.")
TANDEM_MANY = N_(
    "%(count)s Tandems passen zu „%(text)s“; hier stehen die ersten %(shown)s. Wählen Sie "
    "eines aus oder geben Sie mehr ein (z. B. Vor- und Nachname)."
)
TANDEM_ID_ONLY = N_(
    "Bitte die Kennung des Tandems eingeben, z. B. ad07fd63-1c2b-4d5e-8f90-123456789abc."
)
VOLUNTEER_NOT_FOUND = N_(
    "Niemand gefunden, der zu „%(text)s“ passt und ein Tandem bilden kann (nur wer die "
    "Ehrenamtsvereinbarung unterschrieben hat). Geben Sie den Anfang des Vor- oder Nachnamens "
    "ein."
)
VOLUNTEER_SEVERAL = N_(
    "Mehrere Ehrenamtliche passen zu „%(text)s“. Bitte wählen Sie eine Person aus."
)
VOLUNTEER_MANY = N_(
    "%(count)s Ehrenamtliche passen zu „%(text)s“; hier stehen die ersten %(shown)s. Wählen "
    "Sie eine Person aus oder geben Sie mehr ein (z. B. Vor- und Nachname)."
)
VOLUNTEER_ID_ONLY = N_(
    "Bitte die Kennung der oder des Ehrenamtlichen eingeben, z. B. "
    "ad07fd63-1c2b-4d5e-8f90-123456789abc."
)


@dataclass(frozen=True)
class Texts:
    """The messages of one kind of picker (each with `%(text)s`; MANY also with
    `%(count)s` and `%(shown)s`)."""

    not_found: str
    several: str
    many: str
    id_only: str


TANDEM = Texts(TANDEM_NOT_FOUND, TANDEM_SEVERAL, TANDEM_MANY, TANDEM_ID_ONLY)
READY_VOLUNTEER = Texts(VOLUNTEER_NOT_FOUND, VOLUNTEER_SEVERAL, VOLUNTEER_MANY, VOLUNTEER_ID_ONLY)


@dataclass(frozen=True)
class Choice:
    """One match offered to choose: its id and the title a person recognises it by."""

    value: UUID
    title: str


@dataclass
class Pick:
    """What a tandem or volunteer field's text names: one id, or the message and choices."""

    text: str = ""
    picked: UUID | None = None
    message: str | None = None
    choices: list[Choice] = field(default_factory=list)

    def refusal(self, name: str) -> Refusal | None:
        """The form's refusal (422, the message at the field), or None if resolved."""
        return None if self.message is None else Refusal(422, {name: self.message})

    def value(self) -> str:
        """What the service receives for the field: the id, or the text as typed (empty)."""
        return str(self.picked) if self.picked else self.text


def _submitted(submitted: Mapping[str, str], name: str) -> tuple[str, bool]:
    """The field's text and whether it was chosen from the list (a choice wins)."""
    chosen = str(submitted.get(name + CHOICE, "")).strip()
    return (chosen, True) if chosen else (str(submitted.get(name, "")).strip(), False)


def _as_id(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


def _answer(text: str, texts: Texts, total: int, choices: list[Choice]) -> Pick:
    """The pick for `total` matches of which `choices` are the first."""
    if total == 1 and choices:
        return Pick(text, choices[0].value)
    if total == 0 or not choices:
        return Pick(text, message=gettext(texts.not_found) % {"text": text})
    if total > len(choices):
        shown = {"count": total, "text": text, "shown": len(choices)}
        return Pick(text, message=gettext(texts.many) % shown, choices=choices)
    return Pick(text, message=gettext(texts.several) % {"text": text}, choices=choices)


def _search_text(text: str) -> str:
    return " ".join(text.split())[:MAX_TEXT]


async def pick_tandem(
    rpc: RpcClient, caller: Caller, submitted: Mapping[str, str], name: str
) -> Pick:
    """Resolve the tandem field `name`: an id as it is (volunteer checks it), else the
    active tandems the caller sees whose volunteer's name fits the text or whose household
    intake finds by it (the caller's scope in both services: another provider's tandem
    is not found, exactly like one that does not exist)."""
    text, chosen = _submitted(submitted, name)
    if not text:
        return Pick()  # the form's own rules say whether the field is needed
    if (tandem_id := _as_id(text)) is not None:
        return Pick(text, tandem_id)
    if chosen:  # a choice is an id; anything else was not offered
        return Pick(text, message=gettext(TANDEM_NOT_FOUND) % {"text": text})
    if caller.role not in volunteer.SEARCH_TANDEMS.roles:
        return Pick(text, message=gettext(TANDEM_ID_ONLY))
    households: list[UUID] = []
    if picks_by_name(caller):
        try:
            search = SearchHouseholds(q=_search_text(text), per_page=MAX_PER_PAGE)
        except ValidationError:  # control characters: no household is called like that
            search = None
        if search is not None:
            found = await rpc.send(intake.SEARCH_HOUSEHOLDS, search, caller)
            households = [card.household_id for card in found.items]
    try:
        query = SearchTandems(q=_search_text(text), household_ids=households, per_page=MAX_CHOICES)
    except ValidationError:
        return Pick(text, message=gettext(TANDEM_NOT_FOUND) % {"text": text})
    tandems = await rpc.send(volunteer.SEARCH_TANDEMS, query, caller)
    # Imported here: the households package imports the templating, which imports this.
    from services.gateway.households.titles import household_titles

    titles = await household_titles(rpc, caller, [t.household_id for t in tandems.tandems])
    choices = [
        Choice(t.tandem_id, tandem_title(t, tandems.volunteer_names, titles))
        for t in tandems.tandems
    ]
    return _answer(text, TANDEM, tandems.page.total, choices)


def tandem_title(
    tandem: TandemView, volunteer_names: Mapping[UUID, str], titles: Mapping[UUID, str]
) -> str:
    """ "Anna Schmidt mit Familie Öztürk (Caritas Köln, 5 Personen), seit 02.03.2026"."""
    from services.gateway.households.titles import neutral_title  # see pick_tandem

    return gettext("%(volunteer)s mit %(household)s, seit %(day)s") % {
        "volunteer": volunteer_names.get(tandem.volunteer_id) or gettext("gelöscht"),
        "household": titles.get(tandem.household_id) or neutral_title(tandem.household_id),
        "day": format_date(tandem.formed_on),
    }


async def pick_ready_volunteer(
    rpc: RpcClient, caller: Caller, submitted: Mapping[str, str], name: str
) -> Pick:
    """Resolve the volunteer field `name` among those who may form a tandem now (agreement
    signed) in the caller's scope: an id as it is (volunteer checks it), else by name."""
    text, chosen = _submitted(submitted, name)
    if not text:
        return Pick()
    if (volunteer_id := _as_id(text)) is not None:
        return Pick(text, volunteer_id)
    if chosen:  # a choice is an id; anything else was not offered
        return Pick(text, message=gettext(VOLUNTEER_NOT_FOUND) % {"text": text})
    if caller.role not in volunteer.LIST_VOLUNTEERS.roles:
        return Pick(text, message=gettext(VOLUNTEER_ID_ONLY))
    try:
        query = ListVolunteers(q=_search_text(text), status="ready", per_page=MAX_CHOICES)
    except ValidationError:
        return Pick(text, message=gettext(VOLUNTEER_NOT_FOUND) % {"text": text})
    found = await rpc.send(volunteer.LIST_VOLUNTEERS, query, caller)
    choices = [Choice(v.volunteer_id, volunteer_title(v, caller)) for v in found.volunteers]
    return _answer(text, READY_VOLUNTEER, found.page.total, choices)


def volunteer_title(person: VolunteerView, caller: Caller) -> str:
    """ "Anna Schmidt (Caritas Köln)"."""
    full = " ".join(n for n in (person.given_name, person.family_name) if n)
    return f"{full or gettext('gelöscht')} ({provider_name(person.provider, caller.municipality)})"


# ---------------------------------------------------------------- several fields of one form

# The matches of a form's pickers to choose from, by field (what the templates read).
FieldChoices = Mapping[str, Sequence[HouseholdCard] | Sequence[Choice]]


@dataclass
class Picks:
    """Several picker fields of one form (the rows of an office hour)."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    choices: dict[str, Sequence[HouseholdCard] | Sequence[Choice]] = field(default_factory=dict)

    def refusal(self) -> Refusal | None:
        return Refusal(422, dict(self.errors)) if self.errors else None

    def add(self, name: str, picked: HouseholdPick | Pick) -> None:
        self.values[name] = picked.value()
        if picked.message is not None:
            self.errors[name] = picked.message
            self.choices[name] = picked.choices


async def pick_households(
    rpc: RpcClient, caller: Caller, submitted: Mapping[str, str], names: list[str]
) -> Picks:
    """Resolve each field of `names` (only those typed ask intake)."""
    picks = Picks()
    for name in names:
        picks.add(name, await pick_household(rpc, caller, submitted, name))
    return picks


async def pick_tandems(
    rpc: RpcClient, caller: Caller, submitted: Mapping[str, str], names: list[str], into: Picks
) -> Picks:
    """Resolve each tandem field of `names` into `into` (only those typed ask anybody)."""
    for name in names:
        into.add(name, await pick_tandem(rpc, caller, submitted, name))
    return into
