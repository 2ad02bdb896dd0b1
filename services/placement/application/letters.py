"""Placement's letters (shared/casework/letters.py): the request for a guarantee to the
Jobcenter (or another authority), and the proposal of a household to a landlord.

**Who.** The coordination edits the templates and requests guarantees, so it alone writes
the guarantee letter. A proposal letter may be written by whoever sees the proposal on the
offer: the coordination, and the caseworker of the household's provider (the offer's view
is already cut to the caller's scope, so another provider's household is "not found").

**What the proposal discloses.** A landlord is no recipient any of the household's
consents covers (shared/contracts/intake/consents.py: data processing by the provider, a
volunteer tandem, another provider). So the letter names no person: it gives the
household's short reference, its size and whether it holds a WBS — what placement itself
knows and what identifies nobody — and the provider who accompanies it. Names and contact
data reach the landlord from the household or, with a consent for it, from its provider.
Placement holds no names at all; this keeps it so.
"""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from services.placement.adapters.households import searcher
from services.placement.adapters.tables import letter_templates
from services.placement.application import access
from services.placement.application.documents import archive
from services.placement.application.landlords import Landlords
from services.placement.application.offers import Offers
from shared.application import CommandExecutor
from shared.casework.letters import (
    Letter,
    LetterBook,
    LetterKind,
    german_day,
    keep_letter,
    letter_pdf,
)
from shared.casework.letters import placeholder as p
from shared.clock import today
from shared.contracts import places
from shared.contracts.letters import (
    LetterFile,
    LetterTemplateRef,
    LetterTemplates,
    LetterTemplatesQuery,
    SaveLetterTemplate,
    WriteLetter,
)
from shared.contracts.placement import labels
from shared.contracts.placement import operations as ops
from shared.contracts.placement.views import GuaranteeView, OfferView
from shared.decider import FieldRefused, NotFound
from shared.identity import Caller
from shared.rpc import RpcRouter

OWNER = "placement"
GUARANTEE_REQUEST = "guarantee_request"
PROPOSAL = "proposal"
TEAM = "Amt für Wohnungswesen – Auszugsmanagement"

_HOUSEHOLD = p("haushalt", "Zeichen des Haushalts (kurze Kennung, kein Name)", "Haushalt ad07fd63")
_PERSONS = p("personen", "Personen im Haushalt", "4 Personen")
_ADDRESS = p("anschrift", "Anschrift der Wohnung", "Kalker Hauptstraße 12, 51103 Köln")
_DISTRICT = p("veedel", "Stadtteil der Wohnung", "Kalk")
_ROOMS = p("zimmer", "Zimmer", "3")
_AVAILABLE = p("bezugsfertig_ab", "bezugsfertig ab", "01.02.2027")
_GROSS = p("bruttokaltmiete", "Bruttokaltmiete (Kaltmiete und kalte Nebenkosten)", "780,00 €")
_LANDLORD = p("vermieter", "Vermieter (Name, sonst Art)", "GAG Immobilien AG")
_PROVIDER = p("traeger", "Träger, der den Haushalt begleitet", "Caritas Köln")

GUARANTEE_LETTER = LetterKind(
    code=GUARANTEE_REQUEST,
    title="Antrag auf Übernahme an das Jobcenter",
    purpose="Antrag auf Kautions- oder Mietübernahme für eine angebotene Wohnung",
    subject_line="Antrag auf {{ art }} – {{ haushalt }}",
    body="""Sehr geehrte Damen und Herren,

für den Haushalt {{ haushalt }} ({{ personen }}) beantragen wir die {{ art }} in Höhe von {{ betrag }} als {{ form }} für die folgende Wohnung:

{{ anschrift }}, {{ veedel }}
{{ zimmer }} Zimmer, {{ wohnflaeche }} m², bezugsfertig ab {{ bezugsfertig_ab }}
Kaltmiete {{ kaltmiete }}, kalte Nebenkosten {{ nebenkosten }}, Bruttokaltmiete {{ bruttokaltmiete }}
Vermieter: {{ vermieter }}

Der Haushalt wird von {{ traeger }} auf dem Weg in die eigene Wohnung begleitet. Der Vermieter hält die Wohnung nur kurz frei; wir bitten daher um eine rasche Entscheidung.

Bitte geben Sie bei Rückfragen das Zeichen {{ haushalt }} und den Antrag vom {{ beantragt_am }} an.""",  # noqa: E501
    placeholders=(
        _HOUSEHOLD,
        _PERSONS,
        p("art", "Art der Übernahme", "Kautionsübernahme"),
        p("betrag", "beantragter Betrag", "2.340,00 €"),
        p("form", "Darlehen oder Beihilfe", "Darlehen"),
        p("beantragt_am", "Tag des Antrags", "07.12.2026"),
        p("stelle", "Stelle, bei der beantragt wird", "Jobcenter"),
        _ADDRESS,
        _DISTRICT,
        _ROOMS,
        p("wohnflaeche", "Wohnfläche in m²", "72,5"),
        p("kaltmiete", "Kaltmiete", "620,00 €"),
        p("nebenkosten", "kalte Nebenkosten", "160,00 €"),
        _GROSS,
        _AVAILABLE,
        _LANDLORD,
        _PROVIDER,
    ),
)

PROPOSAL_LETTER = LetterKind(
    code=PROPOSAL,
    title="Vorschlag an den Vermieter",
    purpose="Vorschlag eines Haushalts für ein Wohnungsangebot, ohne Namen: keine "
    "Einwilligung des Haushalts deckt die Weitergabe an Vermieter",
    subject_line="Ihr Wohnungsangebot {{ anschrift }}: unser Vorschlag {{ haushalt }}",
    body="""Sehr geehrte Damen und Herren,

vielen Dank für Ihr Angebot der Wohnung {{ anschrift }} in {{ veedel }} ({{ zimmer }} Zimmer, Bruttokaltmiete {{ bruttokaltmiete }}, bezugsfertig ab {{ bezugsfertig_ab }}). Wir schlagen Ihnen dafür am {{ vorgeschlagen_am }} einen Haushalt vor, den {{ traeger }} auf dem Weg in die eigene Wohnung begleitet:

Zeichen: {{ haushalt }}
Personen: {{ personen }} ({{ erwachsene }} Erwachsene, {{ kinder }} Kinder)
Wohnberechtigungsschein: {{ wbs }}

Namen und Kontaktdaten erhalten Sie vom Haushalt selbst oder, mit seiner Einwilligung, von uns; bis dahin nennen Sie bitte das Zeichen {{ haushalt }}. Für eine Besichtigung melden Sie sich gern bei uns.""",  # noqa: E501
    placeholders=(
        _HOUSEHOLD,
        _PERSONS,
        p("erwachsene", "Erwachsene im Haushalt", "2"),
        p("kinder", "Kinder im Haushalt", "2"),
        p("wbs", "Wohnberechtigungsschein", "liegt vor"),
        p("vorgeschlagen_am", "Tag des Vorschlags", "07.12.2026"),
        _ADDRESS,
        _DISTRICT,
        _ROOMS,
        _GROSS,
        _AVAILABLE,
        _LANDLORD,
        _PROVIDER,
    ),
)

LETTERS = LetterBook(OWNER, letter_templates, (GUARANTEE_LETTER, PROPOSAL_LETTER))
EDIT = "Briefvorlagen bearbeiten"
NOT_ASKED = "nicht angegeben"


def euro(value: Decimal | None) -> str:
    """1.234,50 € as a letter prints it (always German: the letter is)."""
    if value is None:
        return NOT_ASKED
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") + " €"


def number(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def persons(count: int) -> str:
    return "1 Person" if count == 1 else f"{count} Personen"


def short_ref(household_id: UUID) -> str:
    """The household's pseudonymous reference, as the gateway's `short_id` writes it."""
    return f"Haushalt {household_id.hex[:8]}"


class PlacementLetters:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands
        self.offers = Offers(commands)
        self.landlords = Landlords(commands)

    async def templates(self, caller: Caller) -> LetterTemplates:
        access.coordinator_only(caller, EDIT)
        async with self.commands.db.read() as conn:
            return await LETTERS.templates(conn, caller.municipality)

    async def save(self, request: SaveLetterTemplate, caller: Caller) -> LetterTemplateRef:
        access.coordinator_only(caller, EDIT)
        async with self.commands.db.transaction() as conn:
            return await LETTERS.save(conn, caller.municipality, request, caller.user_id)

    async def write(self, request: WriteLetter, caller: Caller) -> LetterFile:
        kind = LETTERS.kind(request.kind)
        if kind.code == GUARANTEE_REQUEST:
            access.coordinator_only(caller, "Anträge auf Übernahme schreiben")
        offer = await self.offers.get(request.subject_id, caller)
        if request.about is None:
            raise FieldRefused("about", "letter_about_missing", _ABOUT_MISSING[kind.code])
        landlord = await self.landlords.get(offer.landlord_id, caller)
        landlord_name = landlord.name or labels.LANDLORD_KIND[landlord.kind]
        city = places.municipality_name(caller.municipality)
        if kind.code == GUARANTEE_REQUEST:
            guarantee = _guarantee(offer, request.about)
            household_id = guarantee.household_id
            recipient: tuple[str, ...] = (
                f"{labels.GUARANTEE_AUTHORITY[guarantee.requested_from]} {city}",
            )
        else:
            household_id = _proposed(offer, request.about)
            contact = landlord.contact_person.name if landlord.contact_person else None
            recipient = (landlord_name, *((f"z. Hd. {contact}",) if contact else ()))
        async with self.commands.db.transaction() as conn:
            household = await searcher(conn, caller.municipality, household_id)
            if household is None:
                raise NotFound("household", "Haushalt nicht gefunden.")
            values = {
                "haushalt": short_ref(household_id),
                "personen": persons(household.adults + household.minors),
                "anschrift": offer.street_address or "(Anschrift nicht erfasst)",
                "veedel": places.district_name(offer.district, caller.municipality),
                "zimmer": number(offer.rooms),
                "bezugsfertig_ab": german_day(offer.available_from),
                "bruttokaltmiete": euro(offer.cold_rent + offer.running_costs),
                "vermieter": landlord_name,
                "traeger": places.provider_name(household.provider, caller.municipality),
            }
            if kind.code == GUARANTEE_REQUEST:
                values |= {
                    "art": labels.GUARANTEE_KIND[guarantee.kind],
                    "betrag": euro(guarantee.amount),
                    "form": labels.GUARANTEE_FUNDING[guarantee.funding]
                    if guarantee.funding
                    else NOT_ASKED,
                    "beantragt_am": german_day(guarantee.requested_on),
                    "stelle": labels.GUARANTEE_AUTHORITY[guarantee.requested_from],
                    "wohnflaeche": number(offer.size_m2),
                    "kaltmiete": euro(offer.cold_rent),
                    "nebenkosten": euro(offer.running_costs),
                }
            else:
                proposed_on = next(
                    q.proposed_on for q in offer.proposals if q.household_id == household_id
                )
                values |= {
                    "erwachsene": str(household.adults),
                    "kinder": str(household.minors),
                    "wbs": _WBS[household.has_wbs],
                    "vorgeschlagen_am": german_day(proposed_on),
                }
            filled = await LETTERS.fill(conn, caller.municipality, kind.code, values)
            name = _FILE_NAMES[kind.code].format(short=household_id.hex[:8])
            pdf = letter_pdf(
                Letter(
                    title=kind.title,
                    sender=(f"Stadt {city}", TEAM),
                    recipient=recipient,
                    place=city,
                    day=today(),
                    subject_line=filled.subject_line,
                    body=filled.body,
                    signature=f"Stadt {city}, {TEAM}",
                    reference=f"Zeichen: {short_ref(household_id)} · "
                    f"Angebot {offer.offer_id.hex[:8]}",
                )
            )
            # Kept with the offer's documents (application/documents.py), the coordination's
            # file of what was sent about the flat; a caseworker, who does not read them,
            # gets the letter itself.
            return await keep_letter(
                archive(self.commands.db),
                conn,
                caller.municipality,
                offer.offer_id,
                kind.code,
                name,
                pdf,
                caller.user_id,
                reader_may_download=ops.FETCH_DOCUMENT.allows(caller.role),
            )


_ABOUT_MISSING = {
    GUARANTEE_REQUEST: "Bitte den Antrag auf Übernahme wählen.",
    PROPOSAL: "Bitte den vorgeschlagenen Haushalt wählen.",
}
_FILE_NAMES = {
    GUARANTEE_REQUEST: "Antrag-Uebernahme-{short}.pdf",
    PROPOSAL: "Vorschlag-Vermieter-{short}.pdf",
}
_WBS = {True: "liegt vor", False: "liegt nicht vor", None: "nicht bekannt"}


def _guarantee(offer: OfferView, guarantee_id: UUID) -> GuaranteeView:
    for guarantee in offer.guarantees:
        if guarantee.guarantee_id == guarantee_id:
            return guarantee
    raise NotFound("guarantee", "Antrag auf Übernahme nicht gefunden.")


def _proposed(offer: OfferView, household_id: UUID) -> UUID:
    # The offer's view lists only the proposals the caller may see (scope, restriction).
    if any(q.household_id == household_id for q in offer.proposals):
        return household_id
    raise NotFound("proposal", "Vorschlag nicht gefunden.")


def register(rpc: RpcRouter, commands: CommandExecutor) -> None:
    """Answer placement's three letter operations."""
    letters = PlacementLetters(commands)

    @rpc.handle(ops.LETTER_TEMPLATES)
    async def templates(body: LetterTemplatesQuery, caller: Caller) -> LetterTemplates:
        return await letters.templates(caller)

    @rpc.handle(ops.SAVE_LETTER_TEMPLATE)
    async def save(body: SaveLetterTemplate, caller: Caller) -> LetterTemplateRef:
        return await letters.save(body, caller)

    @rpc.handle(ops.WRITE_LETTER)
    async def write(body: WriteLetter, caller: Caller) -> LetterFile:
        return await letters.write(body, caller)
