"""The places and organisations Auszug knows by code: municipalities, their providers and
districts, and the languages staff record — each with the name a person reads.

Events and tables keep the short code (`caritas`, `kalk`); every page, report, CSV and PDF
shows the name from here, and every form offers these codes as a choice instead of free
text, so that a typo ("karitas") cannot become a provider nobody sees. This is the static
registry of the reference city; making it data that an administrator edits is its own
work (municipalities and providers as data, with events of their own).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    # Provider code → display name. The city's own team is a provider here too.
    providers: Mapping[str, str]
    # District (Stadtteil/Veedel) code → display name.
    districts: Mapping[str, str] = field(default_factory=dict)


def _codes(*names: str) -> dict[str, str]:
    """District codes as the events carry them: lower case, umlauts spelled out, `-`."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-", "/": "-", ".": ""})
    return {name.lower().translate(table): name for name in names}


KOELN = Municipality(
    code="koeln",
    name="Köln",
    providers={
        "caritas": "Caritas Köln",
        "drk": "DRK Köln",
        "fluechtlingsrat": "Kölner Flüchtlingsrat",
        "skm": "SKM Köln",
        "diakonie": "Diakonie Köln",
        "stadt": "Stadt Köln – Amt für Wohnungswesen",
    },
    districts=_codes(
        "Altstadt-Nord", "Altstadt-Süd", "Bayenthal", "Bickendorf", "Bilderstöckchen",
        "Blumenberg", "Bocklemünd/Mengenich", "Braunsfeld", "Brück", "Buchforst",
        "Buchheim", "Chorweiler", "Dellbrück", "Deutz", "Dünnwald", "Ehrenfeld",
        "Eil", "Elsdorf", "Ensen", "Esch/Auweiler", "Finkenberg", "Flittard", "Fühlingen",
        "Godorf", "Gremberghoven", "Grengel", "Hahnwald", "Heimersdorf", "Holweide",
        "Humboldt/Gremberg", "Immendorf", "Junkersdorf", "Kalk", "Klettenberg", "Lind",
        "Lindenthal", "Lindweiler", "Longerich", "Lövenich", "Marienburg", "Mauenheim",
        "Merheim", "Merkenich", "Meschenich", "Mülheim", "Müngersdorf", "Neubrück",
        "Neuehrenfeld", "Neustadt-Nord", "Neustadt-Süd", "Niehl", "Nippes", "Ossendorf",
        "Ostheim", "Poll", "Porz", "Raderberg", "Raderthal", "Rath/Heumar", "Riehl",
        "Rodenkirchen", "Roggendorf/Thenhoven", "Rondorf", "Seeberg", "Stammheim",
        "Sülz", "Sürth", "Urbach", "Vingst", "Vogelsang", "Volkhoven/Weiler", "Wahn",
        "Wahnheide", "Weiden", "Weidenpesch", "Weiß", "Westhoven", "Widdersdorf",
        "Worringen", "Zollstock", "Zündorf", "Libur", "Langel", "Lülsdorf", "Gremberg",
        "Porz-Mitte",
    ),
)  # fmt: skip

BERGISCH_GLADBACH = Municipality(
    code="bergisch-gladbach",
    name="Bergisch Gladbach",
    # The city's own KIM team does the case work itself (no charity in between).
    providers={
        "kim": "KIM – Fachbereich Jugend und Soziales",
        "caritas": "Caritas RheinBerg",
        "drk": "DRK Rhein-Berg",
    },
    districts=_codes(
        "Bensberg", "Refrath", "Gronau", "Hand", "Heidkamp", "Herkenrath", "Moitzfeld",
        "Paffrath", "Schildgen", "Stadtmitte", "Hebborn", "Katterbach", "Frankenforst",
        "Lückerath", "Kaule", "Sand", "Romaney", "Hand-Paffrath",
    ),
)  # fmt: skip

MUNICIPALITIES: Mapping[str, Municipality] = {m.code: m for m in (KOELN, BERGISCH_GLADBACH)}

# ISO 639 code → German name, for the languages a city's households and volunteers speak.
LANGUAGES: Mapping[str, str] = {
    "de": "Deutsch", "en": "Englisch", "fr": "Französisch", "ar": "Arabisch",
    "ku": "Kurdisch", "kmr": "Kurmandschi", "ckb": "Sorani", "fa": "Persisch", "prs": "Dari",
    "ps": "Paschtu", "ti": "Tigrinya", "am": "Amharisch", "so": "Somali", "tr": "Türkisch",
    "uk": "Ukrainisch", "ru": "Russisch", "rom": "Romanes", "ro": "Rumänisch",
    "bg": "Bulgarisch", "sq": "Albanisch", "sr": "Serbisch", "pl": "Polnisch",
    "es": "Spanisch", "it": "Italienisch", "ur": "Urdu", "hi": "Hindi", "ta": "Tamil",
    "ln": "Lingala", "ha": "Hausa", "yo": "Yoruba", "ig": "Igbo",
}  # fmt: skip


def municipality(code: str) -> Municipality | None:
    return MUNICIPALITIES.get(code)


def municipality_name(code: str) -> str:
    """`koeln` → "Köln"; an unknown code as itself (a newer deployment's code still shows)."""
    known = MUNICIPALITIES.get(code)
    return known.name if known else code


def _places(municipality_code: str | None) -> list[Municipality]:
    """The named municipality, or all of them (a code alone is unique enough to show)."""
    named = MUNICIPALITIES.get(municipality_code or "")
    return [named] if named else list(MUNICIPALITIES.values())


def provider_name(code: str | None, municipality_code: str | None = None) -> str:
    """`caritas` → "Caritas Köln", looked up in the municipality if given, else in all."""
    if not code:
        return ""
    places = _places(municipality_code)
    for place in places:
        if code in place.providers:
            return place.providers[code]
    return code


def district_name(code: str | None, municipality_code: str | None = None) -> str:
    """`kalk` → "Kalk"; an unknown code with a capital first letter."""
    if not code:
        return ""
    places = _places(municipality_code)
    for place in places:
        if code in place.districts:
            return place.districts[code]
    return code[:1].upper() + code[1:]


def language_name(code: str) -> str:
    return LANGUAGES.get(code, code)


def language_names(codes: list[str] | tuple[str, ...]) -> str:
    """`["de", "ar"]` → "Deutsch, Arabisch"."""
    return ", ".join(language_name(code) for code in codes)


def providers_of(municipality_code: str) -> Mapping[str, str]:
    known = MUNICIPALITIES.get(municipality_code)
    return known.providers if known else {}


def districts_of(municipality_code: str) -> Mapping[str, str]:
    known = MUNICIPALITIES.get(municipality_code)
    return known.districts if known else {}
