"""The services that own letter kinds, each with its three letter operations
(shared/contracts/letters.py). A context that adds letters adds its row here."""

from __future__ import annotations

from dataclasses import dataclass

from services.gateway.web.i18n import N_
from shared.contracts.letters import (
    LetterFile,
    LetterTemplateRef,
    LetterTemplates,
    LetterTemplatesQuery,
    SaveLetterTemplate,
    WriteLetter,
)
from shared.contracts.operation import Operation
from shared.contracts.placement import operations as placement_ops
from shared.contracts.prevention import operations as prevention_ops
from shared.contracts.volunteer import operations as volunteer_ops


@dataclass(frozen=True)
class LetterOwner:
    owner: str  # the context's name, as the URL and the service's answer carry it
    name: str  # German, marked with N_ (translated when shown)
    templates: Operation[LetterTemplatesQuery, LetterTemplates]
    save: Operation[SaveLetterTemplate, LetterTemplateRef]
    write: Operation[WriteLetter, LetterFile]


OWNERS = {
    owner.owner: owner
    for owner in (
        LetterOwner(
            "placement",
            N_("Wohnungsvermittlung"),
            placement_ops.LETTER_TEMPLATES,
            placement_ops.SAVE_LETTER_TEMPLATE,
            placement_ops.WRITE_LETTER,
        ),
        LetterOwner(
            "volunteer",
            N_("Ehrenamt und Workshops"),
            volunteer_ops.LETTER_TEMPLATES,
            volunteer_ops.SAVE_LETTER_TEMPLATE,
            volunteer_ops.WRITE_LETTER,
        ),
        LetterOwner(
            "prevention",
            N_("Wohnintegrationshilfe"),
            prevention_ops.LETTER_TEMPLATES,
            prevention_ops.SAVE_LETTER_TEMPLATE,
            prevention_ops.WRITE_LETTER,
        ),
    )
}

# The kinds' names on the page (the service names them in German for its own use; the page
# speaks the reader's language). A kind not listed shows the service's German title.
TITLES = {
    ("placement", "guarantee_request"): N_("Antrag auf Übernahme an das Jobcenter"),
    ("placement", "proposal"): N_("Vorschlag an den Vermieter"),
    ("volunteer", "certificate"): N_("Teilnahmebestätigung"),
    ("prevention", "home_visit"): N_("Termin für einen Hausbesuch"),
}
