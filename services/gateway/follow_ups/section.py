"""The section „Wiedervorlagen“ of a subject's page (a household, an inquiry): its open
follow-ups (due day and time, assignee by name, text) with „Erledigt“, „Verschieben“ and
„Neu zuweisen“, the done ones with their history, and the form to write a new one.

The services know staff by pseudonymous ids; the gateway holds the accounts, so it offers
as assignee the team or a colleague who may act on the subject (the household's
provider's caseworkers and the coordination; for an inquiry the coordination) and turns
the chosen account into the pseudonym (`assignee_of`). Each form's errors and typed
values come back in `Refused`, keyed by the form (`NEW` or `<id>-<action>`), so one
refused form never fills another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from uuid import UUID, uuid4

from fastapi import Request

from services.gateway.adapters.users import Account, assignable_staff, staff_name, staff_names
from services.gateway.web import sections
from services.gateway.web.i18n import N_, gettext
from services.gateway.web.notices import notice
from shared.clock import today
from shared.contracts.followups import (
    FollowUpOperations,
    FollowUpStep,
    FollowUpView,
    SubjectFollowUpsQuery,
    SubjectKind,
)
from shared.contracts.intake import operations as intake
from shared.contracts.placement import operations as placement
from shared.contracts.prevention import operations as prevention
from shared.contracts.volunteer import operations as volunteer
from shared.db import Database
from shared.identity import Caller
from shared.rpc import RpcClient

ANCHOR = "wiedervorlagen"
NEW = "neu"
# The forms of an open follow-up (the last part of their path).
ACTIONS = ("erledigt", "verschieben", "zuweisen")
SCHEDULED = notice("wiedervorlage", N_("Die Wiedervorlage ist gespeichert."))
COMPLETED = notice("wiedervorlage-erledigt", N_("Die Wiedervorlage ist erledigt."))
POSTPONED = notice("wiedervorlage-verschoben", N_("Die Wiedervorlage ist verschoben."))
REASSIGNED = notice("wiedervorlage-zugewiesen", N_("Die Wiedervorlage ist neu zugewiesen."))
NOT_STAFF = N_("Bitte „Team“ oder eine Person aus der Liste wählen.")
# The service's rules that belong to one field of the form.
RULES_AT_FIELD = {"due_in_past": "due_on"}


# Who keeps the follow-ups of each kind of subject (and so is asked for them).
OPERATIONS: dict[SubjectKind, FollowUpOperations] = {
    SubjectKind.household: intake.FOLLOW_UPS,
    SubjectKind.inquiry: intake.FOLLOW_UPS,
    SubjectKind.prevention_case: prevention.FOLLOW_UPS,
    SubjectKind.offer: placement.FOLLOW_UPS,
    SubjectKind.volunteer: volunteer.FOLLOW_UPS,
}


@dataclass(frozen=True)
class Subject:
    """What the follow-ups are about, as the gateway addresses it."""

    kind: SubjectKind
    id: UUID
    # Whose staff may be assignees: the household's provider; None: the coordination.
    provider: str | None
    page: str  # the subject's page, where every form answers

    @property
    def posts(self) -> str:
        return f"{self.page}/{ANCHOR}"

    @property
    def ops(self) -> FollowUpOperations:
        return OPERATIONS[self.kind]


@dataclass(frozen=True)
class Refused:
    """A refused follow-up form: which one, what was typed, the messages, the status."""

    form: str
    typed: Mapping[str, str]
    errors: Mapping[str, str]
    general: str | None = None
    status: int = 422


@dataclass(frozen=True)
class Entry:
    """One history entry with the name of who did it."""

    step: FollowUpStep
    actor: str
    assignee: str


@dataclass(frozen=True)
class Item:
    view: FollowUpView
    assignee: str  # a name, "Team", or "unbekannt"
    assignee_choice: str  # the value of the assignee's account in `choices` ("" for the team)
    history: list[Entry]


@dataclass(frozen=True)
class Section:
    subject: Subject
    open: list[Item]
    done: list[Item]
    choices: list[tuple[str, str]]  # (account id, name); the team is the empty choice
    may_change: bool
    today: str  # ISO, the earliest day a date field offers
    new_id: UUID  # the new follow-up's id: sending the form twice writes it once
    refused: Refused | None = None
    _empty: Mapping[str, str] = field(default_factory=dict)

    def typed(self, form: str) -> Mapping[str, str]:
        return self.refused.typed if self.refused and self.refused.form == form else self._empty

    def errors(self, form: str) -> Mapping[str, str]:
        if not self.refused or self.refused.form != form:
            return self._empty
        return {name: gettext(message) for name, message in self.refused.errors.items()}

    def general(self, form: str) -> str | None:
        return self.refused.general if self.refused and self.refused.form == form else None

    @property
    def elsewhere(self) -> str | None:
        """A refusal whose form is not on the page (its follow-up is done by now, or the
        caller may not change any): shown above the section instead."""
        refused = self.refused
        if refused is None or not refused.general:
            return None
        shown = {NEW, *(f"{i.view.follow_up_id}-{a}" for i in self.open for a in ACTIONS)}
        return refused.general if not self.may_change or refused.form not in shown else None


def team_name() -> str:
    return gettext("Team")


async def colleagues(request: Request, caller: Caller, subject: Subject) -> list[Account]:
    """Who may be assigned a follow-up on `subject`, by name."""
    db: Database = request.app.state.db
    async with db.read() as conn:
        return await assignable_staff(conn, caller.municipality, subject.provider)


async def assignee_of(
    request: Request, caller: Caller, subject: Subject, chosen: str
) -> tuple[str | None, bool]:
    """The pseudonym of the chosen account (None: the team), and whether the choice is
    one the form offers (an account of another provider, or a made-up value, is not)."""
    if not chosen:
        return None, True
    found = next(
        (a for a in await colleagues(request, caller, subject) if str(a.user_id) == chosen), None
    )
    return (found.service_user_id, True) if found else (None, False)


async def follow_ups_section(
    request: Request,
    caller: Caller,
    rpc: RpcClient,
    subject: Subject,
    *,
    may_change: bool,
    refused: Refused | None = None,
) -> Section | None:
    """The section for `subject` as `caller` sees it; None where the caller's role reads no
    follow-ups of it (the page then shows no section)."""
    query = SubjectFollowUpsQuery(subject_kind=subject.kind, subject_id=subject.id)
    answer = await sections.visible(rpc, subject.ops.of_subject, query, caller)
    if answer is None:
        return None
    views = [*answer.open, *answer.done]
    people = {v.assignee for v in views if v.assignee}
    people |= {s.actor for v in views for s in v.history}
    people |= {s.assignee for v in views for s in v.history if s.assignee}
    db: Database = request.app.state.db
    async with db.read() as conn:
        names = await staff_names(conn, people)
    staff = await colleagues(request, caller, subject) if may_change else []
    account_of = {a.service_user_id: str(a.user_id) for a in staff}
    unknown = gettext("unbekannt")

    def name(user: str | None) -> str:
        return names.get(user, unknown) if user else team_name()

    def item(view: FollowUpView) -> Item:
        return Item(
            view=view,
            assignee=name(view.assignee),
            assignee_choice=account_of.get(view.assignee or "", ""),
            history=[
                Entry(step=s, actor=names.get(s.actor, unknown), assignee=name(s.assignee))
                for s in view.history
            ],
        )

    return Section(
        subject=subject,
        open=[item(v) for v in answer.open],
        done=[item(v) for v in answer.done],
        choices=[(str(a.user_id), staff_name(a)) for a in staff],
        may_change=may_change,
        today=today().isoformat(),
        new_id=uuid4(),
        refused=refused,
    )
