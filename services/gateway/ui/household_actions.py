"""The actions on a household's page: the form each has, the intake RPC it sends, who
sees it and when.

Who may act is intake's rule (services/intake/application/access.py); the roles here only
decide which forms the page offers, so nobody is shown a form intake would refuse. A form
posted anyway is refused by intake (403 with its German reason), which the page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from services.gateway.ui import labels
from services.gateway.ui.erasure import CONFIRMED
from services.gateway.web.fields import Field
from services.gateway.web.i18n import N_, Verbatim
from shared.contracts import intake as c
from shared.identity import Role

C, W = Role.coordinator, Role.caseworker
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
        Field(f"criteria.{code}", text, "select", labels.RATINGS, required=True)
        for code, text in labels.CRITERIA.items()
    )
    result = Field("result", N_("Ergebnis"), "select", labels.READINESS, required=True)
    return (*criteria, result, _day("assessed_on", N_("Tag der Einschätzung")), _note())


def _member_name(member: c.MemberView) -> Verbatim:
    """The person as typed, with the role in the request's language: an option the field
    macro shows as it is (escaped), never as a label to translate."""
    name = " ".join(n for n in (member.given_name, member.family_name) if n)
    return Verbatim(f"{name} ({labels.label(labels.MEMBER_ROLES, member.role)})")


def _composition(household: c.HouseholdView) -> tuple[Field, ...]:
    people = {str(m.member_id): _member_name(m) for m in household.members}
    roles = {k: v for k, v in labels.MEMBER_ROLES.items() if k != "head"}
    joining: list[Field] = []
    for i, words in enumerate(JOINING_LABELS):
        p = f"joining.{i}."
        joining += [
            Field(p + "role", words[0], "select", roles),
            Field(p + "age_band", words[1], "select", labels.AGE_BANDS),
            Field(p + "given_name", words[2]),
            Field(p + "family_name", words[3]),
            Field(p + "birth_date", words[4], "date"),
        ]
    hint = N_("Nur wenn der Haushaltsvorstand wegzieht.")
    return (
        Field("change", N_("Art der Änderung"), "select", labels.COMPOSITION, required=True),
        _day("changed_on", N_("Tag der Änderung")),
        *joining,
        Field("leaving", N_("Wer zieht weg?"), "codes", people),
        Field("new_head", N_("Künftiger Haushaltsvorstand"), "select", people, hint=hint),
    )


def _accommodation(_household: c.HouseholdView) -> tuple[Field, ...]:
    kinds = labels.ACCOMMODATION
    return (
        Field("accommodation.kind", N_("Neue Unterkunft"), "select", kinds, required=True),
        Field("accommodation.site", N_("Standort der Unterkunft (optional)")),
        _day("moved_on", N_("Tag des Umzugs")),
    )


def _deregistration(_household: c.HouseholdView) -> tuple[Field, ...]:
    reasons = labels.DEREGISTRATION
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
    reasons = labels.RESTRICTION
    return (
        Field("reason", N_("Grund der Einschränkung"), "select", reasons, required=True),
        Field("note", N_("Begründung (optional)"), "textarea"),
    )


def _erasure(_household: c.HouseholdView) -> tuple[Field, ...]:
    return (CONFIRMED,)


@dataclass(frozen=True)
class Action:
    """One form: where it posts (`path`), the intake RPC and request model, its title,
    its fields for this household, who is offered it and when."""

    path: str
    rpc: str
    model: type[BaseModel]
    title: str
    fields: Fields
    roles: frozenset[Role]
    when: Callable[[c.HouseholdView], bool]


ACTIONS = (
    Action("wohnfaehigkeit", "assess_housing_readiness", c.AssessHousingReadiness,
           N_("Wohnfähigkeit einschätzen"), _readiness, frozenset({C, W}), workable),
    Action("zusammensetzung", "change_composition", c.ChangeComposition,
           N_("Zusammensetzung ändern"), _composition, frozenset({C, W}), workable),
    Action("unterkunft", "change_accommodation", c.ChangeAccommodation,
           N_("Umzug in eine andere Unterkunft festhalten"), _accommodation,
           frozenset({C, W}), workable),
    Action("abmeldung", "deregister_household", c.DeregisterHousehold,
           N_("Haushalt abmelden"), _deregistration, frozenset({C, W}), workable),
    Action("uebergabe", "hand_over_household", c.HandOverHousehold,
           N_("An einen anderen Träger übergeben"), _handover, frozenset({C}), workable),
    Action("einschraenkung", "restrict_household", c.RestrictProcessing,
           N_("Verarbeitung einschränken"), _restriction, frozenset({C}), untouched),
    Action("loeschung", "erase_household", c.EraseHousehold,
           N_("Personenbezogene Daten löschen"), _erasure, frozenset({C}), untouched),
)  # fmt: skip
BY_PATH = {action.path: action for action in ACTIONS}


def offered(household: c.HouseholdView, role: Role) -> list[Action]:
    """The actions this role may take on the household as it stands now."""
    return [a for a in ACTIONS if role in a.roles and a.when(household)]
