"""The pipeline: from registration through offers, proposals, viewings and guarantees."""

from __future__ import annotations

from services.reporting.domain import labels
from services.reporting.domain.figures.model import (
    Count,
    Dimension,
    FigureDefinition,
    Median,
    Section,
    flag,
)
from shared.contracts.reporting import Unit
from shared.contracts.reporting.labels import BREAKDOWN

D = FigureDefinition
_OFFERS = " Angebote gehören keinem Träger: in Berichten je Träger entfällt diese Zahl."
GUARANTEE_KIND = Dimension("kind", BREAKDOWN["kind"], labels.GUARANTEE_KIND)
AUTHORITY = Dimension("requested_from", BREAKDOWN["requested_from"], labels.AUTHORITY)

PIPELINE = Section(
    "pipeline",
    "Verlauf: Aufnahme, Angebote, Vorschläge, Besichtigungen, Übernahmen",
    (
        Count(
            D(
                "households_active_at_period_end",
                "Haushalte im Auszugsmanagement am Ende des Zeitraums",
                "Haushalte, die am letzten Tag des Zeitraums aufgenommen und nicht abgemeldet "
                "waren; je Träger der an diesem Tag zuständige Träger. Bestätigte Doppelfälle "
                "zählen nicht.",
            ),
            "households_active",
            "household_id",
        ),
        Count(
            D(
                "households_deregistered",
                "Abgemeldete Haushalte",
                "Haushalte, die im Zeitraum aus dem Auszugsmanagement abgemeldet wurden "
                "(Tag der Abmeldung), nach Grund. Bestätigte Doppelfälle zählen nicht.",
            ),
            "deregistrations",
            "household_id",
            breakdowns=(Dimension("reason", BREAKDOWN["reason"], labels.DEREGISTRATION),),
        ),
        Count(
            D(
                "readiness_assessments",
                "Einschätzungen der Wohnfähigkeit",
                "Im Zeitraum vorgenommene Einschätzungen der Wohnfähigkeit, nach Ergebnis; "
                "ein Haushalt kann mehrmals eingeschätzt werden.",
            ),
            "readiness",
            "household_id",
            breakdowns=(Dimension("result", BREAKDOWN["outcome"], labels.READINESS),),
        ),
        Count(
            D(
                "offers_received",
                "Eingegangene Wohnungsangebote",
                "Im Zeitraum eingegangene Wohnungsangebote (Tag des Angebots)." + _OFFERS,
            ),
            "offers",
            "offer_id",
            breakdowns=(
                Dimension("source", BREAKDOWN["origin"], labels.OFFER_SOURCE),
                Dimension("landlord_kind", BREAKDOWN["landlord_kind"], labels.LANDLORD_KIND),
            ),
            municipal_only=True,
        ),
        Count(
            D(
                "offers_refugee_quota",
                "davon nach der Richtlinie Flü",
                "Eingegangene Angebote, die eine Wohnungsgesellschaft nach ihrer Richtlinie für "
                "Geflüchtete (Richtlinie Flü) vergibt." + _OFFERS,
            ),
            "offers",
            "offer_id",
            when=flag("refugee_quota"),
            municipal_only=True,
        ),
        Count(
            D(
                "offers_let",
                "Vermietete Angebote",
                "Angebote, für die im Zeitraum ein Mietvertrag über das Auszugsmanagement "
                "geschlossen wurde (gleich der Zahl der vermittelten Haushalte)." + _OFFERS,
            ),
            "placements",
            "offer_id",
            municipal_only=True,
        ),
        Count(
            D(
                "offers_withdrawn",
                "Zurückgezogene Angebote",
                "Angebote, die im Zeitraum zurückgezogen wurden, nach Grund." + _OFFERS,
            ),
            "offer_closures",
            "offer_id",
            when=flag("outcome", "withdrawn"),
            breakdowns=(Dimension("reason", BREAKDOWN["reason"], labels.WITHDRAWAL),),
            municipal_only=True,
        ),
        Count(
            D(
                "offers_expired",
                "Abgelaufene Angebote",
                "Angebote, die im Zeitraum ohne Vermittlung abgelaufen sind." + _OFFERS,
            ),
            "offer_closures",
            "offer_id",
            when=flag("outcome", "expired"),
            municipal_only=True,
        ),
        Count(
            D(
                "households_proposed",
                "Vorschläge an Vermieter",
                "Vorschläge eines Haushalts für ein Angebot im Zeitraum; ein Haushalt kann für "
                "mehrere Angebote vorgeschlagen werden.",
            ),
            "proposals",
            "household_id",
        ),
        Count(
            D(
                "landlord_decisions",
                "Antworten der Vermieter auf Vorschläge",
                "Im Zeitraum erhaltene Antworten der Vermieter auf vorgeschlagene Haushalte.",
            ),
            "landlord_decisions",
            "household_id",
            breakdowns=(Dimension("decision", BREAKDOWN["decision"], labels.LANDLORD_DECISION),),
        ),
        Count(
            D(
                "viewings_held",
                "Besichtigungen",
                "Im Zeitraum vereinbarte Besichtigungen mit ihrem Ergebnis, auch solche, die "
                "nicht stattgefunden haben (eigens ausgewiesen).",
            ),
            "viewings",
            "household_id",
            breakdowns=(Dimension("outcome", BREAKDOWN["outcome"], labels.VIEWING),),
        ),
        Count(
            D(
                "viewings_accompanied_by_tandem",
                "davon von einem Tandem begleitet",
                "Besichtigungen im Zeitraum, zu denen Ehrenamtliche eines Tandems mitgingen.",
            ),
            "viewings",
            "household_id",
            when=flag("accompanied_by_tandem"),
        ),
        Count(
            D(
                "guarantees_requested",
                "Beantragte Übernahmen und Sicherheiten",
                "Im Zeitraum gestellte Anträge auf Kautionsübernahme, Mietübernahme, "
                "Sicherheitsleistung oder Freistellung, nach Art und Stelle.",
            ),
            "guarantee_requests",
            "household_id",
            breakdowns=(GUARANTEE_KIND, AUTHORITY),
        ),
        Count(
            D(
                "guarantees_approved",
                "Bewilligte Übernahmen und Sicherheiten",
                "Im Zeitraum bewilligte Anträge (Tag der Entscheidung), nach Art.",
            ),
            "guarantee_decisions",
            "household_id",
            when=flag("decision", "approved"),
            breakdowns=(GUARANTEE_KIND,),
        ),
        Count(
            D(
                "guarantees_declined",
                "Abgelehnte Übernahmen und Sicherheiten",
                "Im Zeitraum abgelehnte Anträge (Tag der Entscheidung), nach Art.",
            ),
            "guarantee_decisions",
            "household_id",
            when=flag("decision", "declined"),
            breakdowns=(GUARANTEE_KIND,),
        ),
        Median(
            D(
                "guarantee_decision_days_median",
                "Dauer bis zur Entscheidung über Übernahmen (Median)",
                "Kalendertage vom Antrag bis zur Entscheidung, Median über die im Zeitraum "
                "entschiedenen Anträge, gesamt und je entscheidender Stelle.",
                Unit.days,
            ),
            "guarantee_decisions",
            "household_id",
            column="days",
            by=AUTHORITY,
        ),
    ),
    chart="offers_received",
)
