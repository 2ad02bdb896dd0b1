"""Placements (Vermittlungen): the figures of the providers' joint yearly report (seed 001)."""

from __future__ import annotations

from services.reporting.domain import labels
from services.reporting.domain.figures.model import (
    Count,
    Dimension,
    FigureDefinition,
    Section,
    every,
    flag,
)
from shared.contracts.reporting.labels import BREAKDOWN

_LEASE_DAY = (
    "Gezählt am Tag der Unterschrift unter den Mietvertrag, nicht am Tag der Erfassung: "
    "ein im Januar erfasster Dezember-Vertrag zählt im Dezember."
)
BY_LANDLORD_KIND = Dimension("landlord_kind", BREAKDOWN["landlord_kind"], labels.LANDLORD_KIND)
MUNICIPAL = flag("landlord_kind", "municipal_housing_company")
D = FigureDefinition

PLACEMENTS = Section(
    "placements",
    "Vermittlungen in eigenen Wohnraum",
    (
        Count(
            D(
                "households_placed",
                "Vermittelte Haushalte",
                "Haushalte, die im Zeitraum über das Auszugsmanagement einen Mietvertrag über "
                "eine eigene Wohnung geschlossen haben. " + _LEASE_DAY,
            ),
            "placements",
            "household_id",
            breakdowns=(BY_LANDLORD_KIND,),
        ),
        Count(
            D(
                "persons_placed",
                "Vermittelte Personen",
                "Alle Mitglieder der im Zeitraum vermittelten Haushalte am Tag des Mietvertrags.",
            ),
            "placements",
            "household_id",
            measure="persons",
            breakdowns=(BY_LANDLORD_KIND,),
        ),
        Count(
            D("adults_placed", "davon Erwachsene", "Vermittelte Personen ab 18 Jahren."),
            "placements",
            "household_id",
            measure="adults",
        ),
        Count(
            D("minors_placed", "davon Minderjährige", "Vermittelte Personen unter 18 Jahren."),
            "placements",
            "household_id",
            measure="minors",
        ),
        Count(
            D(
                "placements_municipal_housing_company",
                "Wohnungen der städtischen Wohnungsgesellschaft (z. B. GAG)",
                "Vermittlungen in Wohnungen der städtischen Wohnungsgesellschaft im Zeitraum.",
            ),
            "placements",
            "household_id",
            when=MUNICIPAL,
        ),
        Count(
            D(
                "placements_refugee_quota",
                "davon nach der Richtlinie Flü",
                "Vermittlungen in Wohnungen der städtischen Wohnungsgesellschaft, die nach "
                "deren Richtlinie für Geflüchtete (Richtlinie Flü) vergeben wurden.",
            ),
            "placements",
            "household_id",
            when=every(MUNICIPAL, flag("refugee_quota")),
        ),
        Count(
            D(
                "placements_volunteer_supported",
                "Vermittlungen mit Unterstützung eines Ehrenamts-Tandems (Haushalte)",
                "Vermittelte Haushalte, für die am Tag des Mietvertrags ein Tandem aus "
                "Ehrenamtlichen und Geflüchteten bestand (vom Ehrenamt aus den Tandems "
                "abgeleitet, nicht angekreuzt).",
            ),
            "placement_supports",
            "household_id",
        ),
        Count(
            D(
                "persons_placed_volunteer_supported",
                "Personen in Vermittlungen mit Tandem",
                "Mitglieder der Haushalte, für die am Tag des Mietvertrags ein Tandem bestand.",
            ),
            "placement_supports",
            "household_id",
            measure="persons",
        ),
        Count(
            D(
                "placements_viewing_with_tandem",
                "Vermittlungen mit vom Tandem begleiteter Besichtigung (Haushalte)",
                "Vermittelte Haushalte, bei deren Besichtigung ein Tandem dabei war "
                "(bei der Besichtigung erfasst); ein Ausschnitt der Vermittlungen mit Tandem "
                "oder, wenn das Tandem erst nach der Besichtigung entstand, keiner.",
            ),
            "placements",
            "household_id",
            when=flag("volunteer_supported"),
        ),
        Count(
            D(
                "placements_without_wbs",
                "Vermittlungen von Haushalten ohne Wohnberechtigungsschein",
                "Vermittelte Haushalte, die am Tag des Mietvertrags keinen gültigen "
                "Wohnberechtigungsschein (WBS) hatten.",
            ),
            "placements",
            "household_id",
            when=flag("household_had_wbs", False),
        ),
    ),
    chart="households_placed",
)
