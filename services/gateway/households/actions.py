"""The actions on a household's page: the form each has, the intake operation it sends, who
sees it and when.

Who may act is intake's rule (services/intake/application/access.py); the roles of each
operation (shared/contracts/intake/operations.py) decide which forms the page offers, so
nobody is shown a form intake would refuse. A form posted anyway is refused (403 with its
German reason), which the page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from services.gateway.web.erasure import CONFIRMED
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_, Verbatim
from services.gateway.web.labels import label
from shared.contracts import intake as c
from shared.contracts.intake import labels as intake_labels
from shared.contracts.intake import operations as intake
from shared.contracts.operation import Operation
from shared.identity import Role

# Each new person's labels name the person, so two rows of fields stay told apart.
JOINING_LABELS = (
    (N_("Neue Person: Rolle"), N_("Neue Person: Altersgruppe"), N_("Neue Person: Vorname"),
     N_("Neue Person: Nachname"), N_("Neue Person: Geburtsdatum")),
    (N_("Zweite neue Person: Rolle"), N_("Zweite neue Person: Altersgruppe"),
     N_("Zweite neue Person: Vorname"), N_("Zweite neue Person: Nachname"),
     N_("Zweite neue Person: Geburtsdatum")),
)  # fmt: skip
JOINING_ROWS = len(JOINING_LABELS)
Fields = Callable[[c.HouseholdView], tuple[Field, ...]]


def workable(household: c.HouseholdView) -> bool:
    """Intake changes only an active household that is neither restricted nor erased."""
    return household.status is c.HouseholdStatus.active and household.privacy is None


def untouched(household: c.HouseholdView) -> bool:
    """Neither restricted nor erased: a restriction must be lifted before erasing."""
    return household.privacy is None


def _day(name: str, label: str) -> Field:
    return Field(name, label, "date", today=True, required=True)


def _note() -> Field:
    return Field("note", N_("Notiz (optional)"), "textarea")


def _readiness(_household: c.HouseholdView) -> tuple[Field, ...]:
    criteria = tuple(
        Field(f"criteria.{code}", text, "select", intake_labels.CRITERION_RATING, required=True)
        for code, text in intake_labels.READINESS_CRITERION.items()
    )
    result = Field(
        "result", N_("Ergebnis"), "select", intake_labels.READINESS_RESULT, required=True
    )
    return (*criteria, result, _day("assessed_on", N_("Tag der Einschätzung")), _note())


def _member_name(member: c.MemberView) -> Verbatim:
    """The person as typed, with the role in the request's language: an option the field
    macro shows as it is (escaped), never as a label to translate."""
    name = " ".join(n for n in (member.given_name, member.family_name) if n)
    return Verbatim(f"{name} ({label(intake_labels.MEMBER_ROLE, member.role)})")


def _composition(household: c.HouseholdView) -> tuple[Field, ...]:
    people = {str(m.member_id): _member_name(m) for m in household.members}
    roles = {k: v for k, v in intake_labels.MEMBER_ROLE.items() if k != "head"}
    joining: list[Field] = []
    for i, words in enumerate(JOINING_LABELS):
        p = f"joining.{i}."
        joining += [
            Field(p + "role", words[0], "select", roles),
            Field(p + "age_band", words[1], "select", intake_labels.AGE_BAND),
            Field(p + "given_name", words[2]),
            Field(p + "family_name", words[3]),
            Field(p + "birth_date", words[4], "date"),
        ]
    hint = N_("Nur wenn der Haushaltsvorstand wegzieht.")
    return (
        Field(
            "change",
            N_("Art der Änderung"),
            "select",
            intake_labels.COMPOSITION_CHANGE,
            required=True,
        ),
        _day("changed_on", N_("Tag der Änderung")),
        *joining,
        Field("leaving", N_("Wer zieht weg?"), "codes", people),
        Field("new_head", N_("Künftiger Haushaltsvorstand"), "select", people, hint=hint),
    )


def _accommodation(_household: c.HouseholdView) -> tuple[Field, ...]:
    kinds = intake_labels.ACCOMMODATION_KIND
    return (
        Field("accommodation.kind", N_("Neue Unterkunft"), "select", kinds, required=True),
        Field("accommodation.site", N_("Standort der Unterkunft (optional)")),
        _day("moved_on", N_("Tag des Umzugs")),
    )


def _deregistration(_household: c.HouseholdView) -> tuple[Field, ...]:
    reasons = intake_labels.DEREGISTRATION_REASON
    return (
        Field("reason", N_("Grund der Abmeldung"), "select", reasons, required=True),
        _day("deregistered_on", N_("Tag der Abmeldung")),
        _note(),
    )


def _handover(_household: c.HouseholdView) -> tuple[Field, ...]:
    hint = N_("Kurzname, z. B. caritas oder drk")
    return (
        Field("to_provider", N_("Neuer Träger"), required=True, hint=hint),
        _day("handed_over_on", N_("Zuständig ab")),
    )


def _restriction(_household: c.HouseholdView) -> tuple[Field, ...]:
    reasons = intake_labels.RESTRICTION_REASON
    return (
        Field("reason", N_("Grund der Einschränkung"), "select", reasons, required=True),
        Field("note", N_("Begründung (optional)"), "textarea"),
    )


def _erasure(_household: c.HouseholdView) -> tuple[Field, ...]:
    return (CONFIRMED,)


@dataclass(frozen=True)
class Action:
    """One form: where it posts (`path`), the intake operation it sends (whose roles are
    offered it), its title, its fields for this household, and when."""

    path: str
    op: Operation[Any, c.HouseholdRef]
    title: str
    fields: Fields
    when: Callable[[c.HouseholdView], bool]


ACTIONS = (
    Action("wohnfaehigkeit", intake.ASSESS_HOUSING_READINESS,
           N_("Wohnfähigkeit einschätzen"), _readiness, workable),
    Action("zusammensetzung", intake.CHANGE_COMPOSITION,
           N_("Zusammensetzung ändern"), _composition, workable),
    Action("unterkunft", intake.CHANGE_ACCOMMODATION,
           N_("Umzug in eine andere Unterkunft festhalten"), _accommodation, workable),
    Action("abmeldung", intake.DEREGISTER_HOUSEHOLD,
           N_("Haushalt abmelden"), _deregistration, workable),
    Action("uebergabe", intake.HAND_OVER_HOUSEHOLD,
           N_("An einen anderen Träger übergeben"), _handover, workable),
    Action("einschraenkung", intake.RESTRICT_HOUSEHOLD,
           N_("Verarbeitung einschränken"), _restriction, untouched),
    Action("loeschung", intake.ERASE_HOUSEHOLD,
           N_("Personenbezogene Daten löschen"), _erasure, untouched),
)  # fmt: skip
BY_PATH = {action.path: action for action in ACTIONS}


def offered(household: c.HouseholdView, role: Role) -> list[Action]:
    """The actions this role may take on the household as it stands now."""
    return [a for a in ACTIONS if a.op.allows(role) and a.when(household)]
