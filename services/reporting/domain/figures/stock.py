"""Stock on a day: how many people live in the city's accommodation (a press release's
"7,616 refugees in the city's facilities", Bergisch Gladbach's "about 500" in flats)."""

from __future__ import annotations

from services.reporting.domain import labels
from services.reporting.domain.figures.model import Count, Dimension, FigureDefinition, flag
from shared.contracts.reporting.labels import BREAKDOWN

D = FigureDefinition
_WHO = (
    " Gezählt werden die Haushalte im Auszugsmanagement: aufgenommen bis zum Stichtag, "
    "nicht abgemeldet bis zum Stichtag; Unterkunft und Haushaltsgröße nach dem letzten Stand "
    "bis zum Stichtag. Bestätigte Doppelfälle zählen nicht."
)
BY_KIND = Dimension("accommodation_kind", BREAKDOWN["accommodation_kind"], labels.ACCOMMODATION)
CITY_RENTED = flag("accommodation_kind", "city_rented_flat")

STOCK = (
    Count(
        D(
            "stock_households",
            "Haushalte in städtischer Unterbringung",
            "Haushalte, die am Stichtag in einer städtischen Unterkunft oder einer von der Stadt "
            "angemieteten, beschlagnahmten oder zugewiesenen Wohnung lebten." + _WHO,
        ),
        "stock",
        "household_id",
        breakdowns=(BY_KIND,),
    ),
    Count(
        D(
            "stock_persons",
            "Personen in städtischer Unterbringung",
            "Mitglieder dieser Haushalte am Stichtag, nach Art der Unterkunft." + _WHO,
        ),
        "stock",
        "household_id",
        measure="persons",
        breakdowns=(BY_KIND,),
    ),
    Count(
        D(
            "stock_minors",
            "davon Minderjährige",
            "Minderjährige Mitglieder dieser Haushalte am Stichtag." + _WHO,
        ),
        "stock",
        "household_id",
        measure="minors",
    ),
    Count(
        D(
            "stock_persons_city_rented_flats",
            "Personen in von der Stadt angemieteten Wohnungen",
            "Mitglieder der Haushalte, die am Stichtag in einer von der Stadt angemieteten "
            "Wohnung lebten." + _WHO,
        ),
        "stock",
        "household_id",
        when=CITY_RENTED,
        measure="persons",
    ),
)
