"""The German wording of a certificate: what each workshop topic covers, how providers
and municipalities are called on paper (by the names every page shows), and the default
template of the certificate as a letter kind (shared/casework/letters.py), which the
coordination may change per municipality.

A *qualified* certificate (seed 003) names the contents, so that a landlord can see what
the person learnt, not only that they were there.
"""

from __future__ import annotations

from shared.casework.letters import LetterKind, placeholder
from shared.contracts import places
from shared.contracts.volunteer import WorkshopTopic

TOPICS: dict[WorkshopTopic, tuple[str, tuple[str, ...]]] = {
    WorkshopTopic.flat_search: (
        "Wohnungssuche",
        (
            "Wohnungsanzeigen lesen und verstehen",
            "Wege zur Wohnung: Wohnungsgesellschaften, Portale, Netzwerke",
            "Kontakt mit Vermieterinnen und Vermietern, Besichtigungstermine",
        ),
    ),
    WorkshopTopic.application_documents: (
        "Bewerbungsunterlagen für eine Wohnung",
        (
            "Mieterselbstauskunft, Einkommensnachweise, Mietschuldenfreiheitsbescheinigung",
            "Wohnberechtigungsschein (WBS) und Bescheinigungen des Jobcenters",
            "eine vollständige Bewerbungsmappe zusammenstellen",
        ),
    ),
    WorkshopTopic.tenancy_rights_and_duties: (
        "Rechte und Pflichten als Mieterin und Mieter",
        (
            "der Mietvertrag und seine wichtigsten Regelungen",
            "Miete pünktlich zahlen, Mängel melden, Kündigungsfristen",
            "Hausordnung, Ruhezeiten und Schönheitsreparaturen",
        ),
    ),
    WorkshopTopic.rent_and_utilities: (
        "Miete, Nebenkosten und Kaution",
        (
            "Kaltmiete, Nebenkosten, Heizkosten und ihre Abrechnung",
            "Kaution und Mietübernahme durch Jobcenter oder Sozialamt",
            "Strom und Gas anmelden, Abschläge verstehen",
        ),
    ),
    WorkshopTopic.heating_and_ventilation: (
        "Richtig heizen und lüften, Energie sparen",
        (
            "Schimmel vermeiden durch richtiges Lüften",
            "Heizung sinnvoll einstellen",
            "Strom und Wasser sparen",
        ),
    ),
    WorkshopTopic.waste_and_house_rules: (
        "Mülltrennung und Hausordnung",
        (
            "Mülltrennung und Entsorgung in der Stadt",
            "gemeinsam genutzte Räume: Treppenhaus, Keller, Hof",
            "die Hausordnung lesen und einhalten",
        ),
    ),
    WorkshopTopic.neighbourhood: (
        "Gute Nachbarschaft",
        (
            "Zusammenleben im Mehrfamilienhaus",
            "Konflikte ansprechen und lösen",
            "Ansprechpartner im Veedel",
        ),
    ),
}


def provider_name(code: str, municipality: str | None = None) -> str:
    """The provider's name as every page shows it (shared/contracts/places.py)."""
    return places.provider_name(code, municipality)


def municipality_name(code: str) -> str:
    return places.municipality_name(code)


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{minutes} Minuten"
    text = "1 Stunde" if hours == 1 else f"{hours} Stunden"
    return f"{text} {rest} Minuten" if rest else text


CERTIFICATE = LetterKind(
    code="certificate",
    title="Teilnahmebestätigung",
    purpose="Qualifizierte Bestätigung der Teilnahme an einem Workshop, zum Vorzeigen bei "
    "Vermietern",
    subject_line="Teilnahmebestätigung",
    body="""Hiermit bestätigen wir, dass

{{ name }}{% if geboren_am %}, geboren am {{ geboren_am }},{% endif %}

am {{ am }} an dem Workshop „{{ workshop }}“ teilgenommen hat. Der Workshop dauerte {{ dauer }} und fand statt in: {{ ort }}.

Inhalte des Workshops:
{{ inhalte }}

Der Workshop gehört zum Auszugsmanagement der Stadt {{ stadt }}. Es bereitet Geflüchtete darauf vor, eine eigene Wohnung zu finden und dauerhaft eigenverantwortlich zu bewohnen.""",  # noqa: E501
    placeholders=(
        placeholder("name", "Name der teilnehmenden Person", "Amal Đorđević"),
        placeholder("geboren_am", "Geburtsdatum (leer, wenn nicht erfasst)", "03.04.1990"),
        placeholder("workshop", "Thema des Workshops", "Richtig heizen und lüften"),
        placeholder("inhalte", "Inhalte des Workshops, je Zeile einer", "•  Schimmel vermeiden"),
        placeholder("am", "Tag des Workshops", "12.11.2021"),
        placeholder("dauer", "Dauer", "1 Stunde 30 Minuten"),
        placeholder("ort", "Ort", "Begegnungszentrum Kalk"),
        placeholder("traeger", "Träger, der den Workshop hielt", "Caritas Köln"),
        placeholder("stadt", "Kommune", "Köln"),
        placeholder("ausgestellt_am", "Tag der Ausstellung", "15.11.2021"),
    ),
)
