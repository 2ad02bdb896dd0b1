"""Follow-ups (*Wiedervorlagen*): a step that is due on a day, on a subject staff act on.

Two origins, one concept:

- **rule-made**: a step the rules expect (a landlord answers a proposal, a guarantee is
  decided, a WBS is renewed …). Reporting derives them from the events of every context:
  one appears when its step is `days` past (or before) its anchor day and ends by itself
  when the step happens, so a redelivery or restart can never make one twice
  (services/reporting, projection `follow_ups`). Each rule's `days` is the municipality's
  own or the default below; the coordination changes them.
- **written**: a follow-up a member of staff writes on a subject of their scope, with a
  short text. The text is personal data and stays in the tables of the service that owns
  the subject (docs/architecture.md, invariant 6); its events carry ids, days and the
  pseudonymous assignee only. Each owning context registers its own subclasses of the event
  bodies below (event type names are unique across contexts), so reporting lists written
  and rule-made follow-ups in one due list, the "Heute" page.

An assignee is the pseudonymous user id services know a member of staff by (the same
value envelopes carry as `actor`, see intake's `CaseworkerAssigned`); `None` means the
team: every member of staff of the subject's provider (or the coordination).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from shared.contracts.inputs import QueryDay
from shared.contracts.operation import Addressed, Operation
from shared.contracts.paging import PageInfo, PageQuery
from shared.envelope import DomainEvent

TEXT_MAX = 500
ASSIGNEE_MAX = 120


class SubjectKind(StrEnum):
    """What a follow-up is about, and so which service owns it."""

    household = "household"  # intake
    inquiry = "inquiry"  # intake
    offer = "offer"  # placement
    prevention_case = "prevention_case"  # prevention
    volunteer = "volunteer"  # volunteer


class Rule(StrEnum):
    """A step the rules expect; its follow-up ends when the step happens."""

    proposal_unanswered = "proposal_unanswered"  # days after the proposal
    guarantee_undecided = "guarantee_undecided"  # days after the request
    viewing_unrecorded = "viewing_unrecorded"  # days after the planned viewing day
    lease_missing = "lease_missing"  # days after the landlord accepted
    wbs_expiring = "wbs_expiring"  # days before the WBS ends
    consent_renewal = "consent_renewal"  # days before the consent is due for renewal
    home_visit_due = "home_visit_due"  # days after the planned home visit day
    time_limit_ending = "time_limit_ending"  # days before a prevention case's time limit
    aftercare_unanswered = "aftercare_unanswered"  # days after aftercare was offered
    inquiry_unanswered = "inquiry_unanswered"  # working days after the inquiry came in
    stage_stalled = "stage_stalled"  # days a household stays in one stage


# Days per rule where a municipality has not set its own. Positive: after the anchor day;
# the rules "… before" count back from theirs (`BEFORE`).
DEFAULT_DAYS: dict[Rule, int] = {
    Rule.proposal_unanswered: 14,
    Rule.guarantee_undecided: 21,
    Rule.viewing_unrecorded: 2,
    Rule.lease_missing: 14,
    Rule.wbs_expiring: 30,
    Rule.consent_renewal: 30,
    Rule.home_visit_due: 0,
    Rule.time_limit_ending: 14,
    Rule.aftercare_unanswered: 14,
    Rule.inquiry_unanswered: 2,
    Rule.stage_stalled: 90,
}
BEFORE = frozenset({Rule.wbs_expiring, Rule.consent_renewal, Rule.time_limit_ending})


# -- a written follow-up's events: bodies each owning context subclasses and registers ----


class FollowUpScheduled(DomainEvent):
    """Someone wrote a follow-up on a subject (its text stays in the owner's tables)."""

    follow_up_id: UUID
    subject_kind: SubjectKind
    subject_id: UUID
    # The household it concerns, where there is one (for its title and its scope).
    household_id: UUID | None = None
    due_on: date
    due_time: time | None = None
    assignee: str | None = Field(default=None, min_length=1, max_length=ASSIGNEE_MAX)


class FollowUpReassigned(DomainEvent):
    follow_up_id: UUID
    assignee: str | None = Field(default=None, min_length=1, max_length=ASSIGNEE_MAX)


class FollowUpPostponed(DomainEvent):
    follow_up_id: UUID
    due_on: date
    due_time: time | None = None


class FollowUpCompleted(DomainEvent):
    follow_up_id: UUID


# -- commands on a written follow-up (each owning context declares them as operations) ----


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ScheduleFollowUp(_Request):
    follow_up_id: UUID | None = Field(
        default=None, description="Vom Client gewählt, damit eine Wiederholung nichts verdoppelt"
    )
    subject_kind: SubjectKind
    subject_id: UUID
    due_on: date = Field(description="Fällig am")
    due_time: time | None = Field(default=None, description="Uhrzeit (optional)")
    assignee: str | None = Field(
        default=None, min_length=1, max_length=ASSIGNEE_MAX, description="Zuständig; leer: Team"
    )
    text: str = Field(min_length=1, max_length=TEXT_MAX, description="Was zu tun ist")


class ReassignFollowUp(_Request):
    assignee: str | None = Field(default=None, min_length=1, max_length=ASSIGNEE_MAX)


class PostponeFollowUp(_Request):
    due_on: date
    due_time: time | None = None


class CompleteFollowUp(_Request):
    pass


class FollowUpRef(BaseModel):
    follow_up_id: UUID


class FollowUpTextsQuery(_Request):
    """The texts of written follow-ups, for a page that lists them (ids of one page)."""

    ids: list[UUID] = Field(max_length=200)


class FollowUpTexts(BaseModel):
    # Only those the caller may see; an erased or restricted one is simply missing.
    texts: dict[UUID, str]


class SubjectFollowUpsQuery(_Request):
    """The written follow-ups of one subject, open and done, each with its history (the
    section „Wiedervorlagen“ of the subject's page)."""

    subject_kind: SubjectKind
    subject_id: UUID


class FollowUpAction(StrEnum):
    scheduled = "scheduled"
    reassigned = "reassigned"
    postponed = "postponed"
    completed = "completed"


class FollowUpStep(BaseModel):
    """One entry of a written follow-up's history: who did what, when, and what it set."""

    action: FollowUpAction
    at: AwareDatetime
    actor: str  # pseudonymous, like an envelope's actor
    due_on: date | None = None
    due_time: time | None = None
    assignee: str | None = None


class FollowUpView(BaseModel):
    follow_up_id: UUID
    subject_kind: SubjectKind
    subject_id: UUID
    household_id: UUID | None
    due_on: date
    due_time: time | None
    assignee: str | None
    text: str
    scheduled_at: datetime
    scheduled_by: str
    completed_at: datetime | None
    history: list[FollowUpStep]


class SubjectFollowUps(BaseModel):
    open: list[FollowUpView] = Field(description="Offene, die früheste zuerst")
    done: list[FollowUpView] = Field(description="Erledigte, die letzte zuerst")


# -- the due list (reporting) -----------------------------------------------------------


WRITTEN = "written"


def _kind(value: object) -> object:
    """A filter's kind as a query parameter: empty ("alle" in a form, `?kind=`) means no
    filter, as in every list; an unknown one is refused with the values allowed (one
    German message rather than one per member of the union)."""
    if not isinstance(value, str) or isinstance(value, Rule):
        return value
    if not value.strip():
        return None
    if value == WRITTEN or value in {rule.value for rule in Rule}:
        return value
    allowed = ", ".join(f"'{kind}'" for kind in (*Rule, WRITTEN))
    raise ValueError(f"Bitte einen der vorgesehenen Werte wählen: {allowed}.")


# A follow-up's kind as a filter: a rule, or the written ones.
KindFilter = Annotated[Rule | Literal["written"] | None, BeforeValidator(_kind)]


class FollowUpQuery(PageQuery):
    """Follow-ups of the caller's scope that are due on `as_of` (default: today)."""

    # A day that only chooses what the list shows, within the calendar's sane years
    # (near the year 1 the due days' arithmetic would overflow).
    as_of: QueryDay | None = None
    mine: bool = Field(default=False, description="Nur mir zugewiesene oder meine Haushalte")
    # The opposite, so that "Heute" lists each follow-up once: the team's unassigned ones
    # without those on my own households (which "Meine" already shows).
    not_mine: bool = Field(default=False, description="Ohne die, die „mine“ zeigt")
    kind: KindFilter = None
    subject_kind: SubjectKind | None = None
    subject_id: UUID | None = None
    provider: str | None = Field(default=None, max_length=64)
    # The "Heute" page's three lists: written ones nobody took yet, rule-made steps.
    unassigned: bool = Field(default=False, description="Nur Wiedervorlagen ohne Zuständige")
    rule_made: bool = Field(default=False, description="Nur Schritte nach den Regeln")
    # Also those due after `as_of` (a subject's page lists what is coming).
    upcoming: bool = Field(default=False, description="Auch noch nicht fällige")
    sort: Literal["due_on", "kind", "provider"] = "due_on"


class FollowUpItem(BaseModel):
    follow_up_id: UUID  # a rule-made one's id is derived from its rule and subject
    kind: Rule | Literal["written"]
    subject_kind: SubjectKind
    subject_id: UUID
    household_id: UUID | None
    provider: str | None
    anchor_on: date = Field(description="Tag, von dem an die Frist zählt")
    due_on: date
    due_time: time | None = None
    assignee: str | None
    days_overdue: int = Field(description="0: heute fällig; negativ: in so vielen Tagen")


class FollowUpList(BaseModel):
    as_of: date
    items: list[FollowUpItem]
    page: PageInfo


class FollowUpRules(BaseModel):
    """The municipality's days per rule (its own or `DEFAULT_DAYS`)."""

    model_config = ConfigDict(extra="forbid")

    days: dict[Rule, Annotated[int, Field(ge=0, le=365)]] = Field(description="Tage je Regel")


class GetFollowUpRules(_Request):
    pass


@dataclass(frozen=True)
class FollowUpOperations:
    """The six operations of a context that keeps written follow-ups, as its
    operations.py declares them (`FOLLOW_UPS`): its service registers their handlers
    by them (shared/casework/followups.py) and the gateway asks the owner of a subject
    by them."""

    schedule: Operation[ScheduleFollowUp, FollowUpRef]
    reassign: Operation[Addressed[ReassignFollowUp], FollowUpRef]
    postpone: Operation[Addressed[PostponeFollowUp], FollowUpRef]
    complete: Operation[Addressed[CompleteFollowUp], FollowUpRef]
    of_subject: Operation[SubjectFollowUpsQuery, SubjectFollowUps]
    texts: Operation[FollowUpTextsQuery, FollowUpTexts]
