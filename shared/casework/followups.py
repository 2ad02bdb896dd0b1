"""Written follow-ups (*Wiedervorlagen*): the kernel each owning context wires.

A written follow-up is its own stream (`follow_up:<municipality>:<id>`): scheduled on a
subject, then reassigned, postponed and completed; a completed one changes no more. Its
events are the owning context's subclasses of the contract's bodies
(shared/contracts/followups.py) and carry no text. The text is personal data: it stays
in the owner's table `follow_ups` (`follow_up_tables`), one row per follow-up with its
current day and assignee, which the subject's page lists; the history is the stream.

A context wires it in a few lines (services/intake/application/follow_ups.py): its event
classes (`FollowUpEvents`), the subject kinds it owns, and `scope`, which answers whom a
subject belongs to for a caller or refuses (NotFound for a subject the caller may not
see, so that no answer tells it exists). Its erasure deletes the rows of its subjects
(`follow_ups.c.household_id` / `subject_id`), its export lists them, and a restricted
subject's follow-ups are hidden because `scope` refuses it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Literal, Protocol
from uuid import UUID, uuid4

from sqlalchemy import (
    Column,
    Date,
    Index,
    MetaData,
    String,
    Table,
    Text,
    Time,
    Uuid,
    insert,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application import CommandExecutor
from shared.clock import today, utcnow
from shared.contracts.followups import (
    ASSIGNEE_MAX,
    CompleteFollowUp,
    FollowUpAction,
    FollowUpCompleted,
    FollowUpOperations,
    FollowUpPostponed,
    FollowUpReassigned,
    FollowUpRef,
    FollowUpScheduled,
    FollowUpStep,
    FollowUpTexts,
    FollowUpTextsQuery,
    FollowUpView,
    PostponeFollowUp,
    ReassignFollowUp,
    ScheduleFollowUp,
    SubjectFollowUps,
    SubjectFollowUpsQuery,
    SubjectKind,
)
from shared.contracts.operation import Addressed
from shared.decider import Decider, DomainError, NotFound, RuleViolation
from shared.eventstore.schema import UTCDateTime
from shared.identity import Caller
from shared.rpc import RpcRouter
from shared.validation import IdUnavailable, client_id_guard

# -- the decider (pure) -------------------------------------------------------------------

NOT_FOUND = "Wiedervorlage nicht gefunden."
COMPLETED = "Diese Wiedervorlage ist schon erledigt und lässt sich nicht mehr ändern."
PAST_DAY = "Bitte heute oder einen späteren Tag wählen."


@dataclass(frozen=True)
class FollowUp:
    follow_up_id: UUID | None = None
    subject_kind: SubjectKind | None = None
    subject_id: UUID | None = None
    household_id: UUID | None = None
    due_on: date | None = None
    due_time: time | None = None
    assignee: str | None = None
    completed_at: datetime | None = None

    @property
    def scheduled(self) -> bool:
        return self.follow_up_id is not None

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


@dataclass(frozen=True)
class Schedule:
    follow_up_id: UUID
    subject_kind: SubjectKind
    subject_id: UUID
    household_id: UUID | None
    due_on: date
    due_time: time | None
    assignee: str | None
    now: datetime
    today: date


@dataclass(frozen=True)
class Reassign:
    assignee: str | None
    now: datetime


@dataclass(frozen=True)
class Postpone:
    due_on: date
    due_time: time | None
    now: datetime
    today: date


@dataclass(frozen=True)
class Complete:
    now: datetime


Command = Schedule | Reassign | Postpone | Complete
Event = FollowUpScheduled | FollowUpReassigned | FollowUpPostponed | FollowUpCompleted


@dataclass(frozen=True)
class FollowUpEvents:
    """The owning context's registered subclasses of the four event bodies."""

    scheduled: type[FollowUpScheduled]
    reassigned: type[FollowUpReassigned]
    postponed: type[FollowUpPostponed]
    completed: type[FollowUpCompleted]


def _not_in_past(day: date, today_: date) -> None:
    if day < today_:
        raise DomainError("due_in_past", PAST_DAY)


def _decide(events: FollowUpEvents, command: Command, state: FollowUp) -> list[Event]:
    if isinstance(command, Schedule):
        if state.scheduled:
            # A retry of the same create changes nothing; the id for something else is taken.
            same = (state.subject_kind, state.subject_id, state.due_on, state.due_time) == (
                command.subject_kind,
                command.subject_id,
                command.due_on,
                command.due_time,
            ) and state.assignee == command.assignee
            if same:
                return []
            raise IdUnavailable("follow_up_exists")
        _not_in_past(command.due_on, command.today)
        return [
            events.scheduled(
                follow_up_id=command.follow_up_id,
                subject_kind=command.subject_kind,
                subject_id=command.subject_id,
                household_id=command.household_id,
                due_on=command.due_on,
                due_time=command.due_time,
                assignee=command.assignee,
                occurred_at=command.now,
            )
        ]
    if not state.scheduled:
        raise NotFound("follow_up", NOT_FOUND)
    if state.completed:
        raise RuleViolation("follow_up_completed", COMPLETED)
    follow_up_id = state.follow_up_id
    assert follow_up_id is not None
    if isinstance(command, Reassign):
        if command.assignee == state.assignee:
            return []
        return [
            events.reassigned(
                follow_up_id=follow_up_id, assignee=command.assignee, occurred_at=command.now
            )
        ]
    if isinstance(command, Postpone):
        if (command.due_on, command.due_time) == (state.due_on, state.due_time):
            return []
        _not_in_past(command.due_on, command.today)
        return [
            events.postponed(
                follow_up_id=follow_up_id,
                due_on=command.due_on,
                due_time=command.due_time,
                occurred_at=command.now,
            )
        ]
    return [events.completed(follow_up_id=follow_up_id, occurred_at=command.now)]


def _evolve(state: FollowUp, event: Event) -> FollowUp:
    if isinstance(event, FollowUpScheduled):
        return FollowUp(
            follow_up_id=event.follow_up_id,
            subject_kind=event.subject_kind,
            subject_id=event.subject_id,
            household_id=event.household_id,
            due_on=event.due_on,
            due_time=event.due_time,
            assignee=event.assignee,
        )
    if isinstance(event, FollowUpReassigned):
        return replace(state, assignee=event.assignee)
    if isinstance(event, FollowUpPostponed):
        return replace(state, due_on=event.due_on, due_time=event.due_time)
    return replace(state, completed_at=event.occurred_at)


def follow_up_decider(events: FollowUpEvents) -> Decider[Command, Event, FollowUp]:
    """The decider of one written follow-up, deciding in the owning context's events."""

    def decide(command: Command, state: FollowUp) -> Sequence[Event]:
        return _decide(events, command, state)

    return Decider(decide=decide, evolve=_evolve, initial_state=FollowUp())


def stream_id(municipality: str, follow_up_id: UUID) -> str:
    """Per municipality, like every stream: another tenant's id finds nothing."""
    return f"follow_up:{municipality}:{follow_up_id}"


# -- the owner's table (personal data: the text) -------------------------------------------


def follow_up_tables(metadata: MetaData) -> Table:
    """The owning service's table `follow_ups` in `metadata`: a row per written follow-up
    with its text and its current day, time, assignee and completion, written in the
    transaction of each of its events. `household_id` keys erasure and the export."""
    return Table(
        "follow_ups",
        metadata,
        Column("follow_up_id", Uuid, primary_key=True),
        Column("municipality", String(64), nullable=False),
        Column("subject_kind", String(32), nullable=False),
        Column("subject_id", Uuid, nullable=False),
        Column("household_id", Uuid, index=True),
        Column("due_on", Date, nullable=False),
        Column("due_time", Time),
        Column("assignee", String(ASSIGNEE_MAX)),
        Column("text", Text, nullable=False),
        Column("scheduled_at", UTCDateTime(), nullable=False),
        Column("scheduled_by", String(120), nullable=False),
        Column("completed_at", UTCDateTime()),
        Index("ix_follow_ups_subject", "subject_id", "subject_kind"),
    )


# -- the use cases --------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """Whom a subject belongs to: its household (where there is one) and its provider."""

    household_id: UUID | None
    provider: str | None


# What the caller is about to do with the subject's follow-ups: read them, change one,
# or write a new one (which a closed subject may refuse).
Intent = Literal["read", "change", "create"]


class SubjectScope(Protocol):
    """The owning context's check that `caller` may do `intent` on the subject's follow-ups.
    Raises `NotFound` for a subject the caller may not see and `Forbidden` for a role that
    may not do it at all."""

    def __call__(
        self,
        conn: AsyncConnection,
        caller: Caller,
        kind: SubjectKind,
        subject_id: UUID,
        intent: Intent,
    ) -> Awaitable[Subject]: ...


SUBJECT_NOT_FOUND = "Dazu gibt es hier nichts, auf das sich eine Wiedervorlage beziehen kann."


class FollowUps:
    """Schedule, reassign, postpone and complete written follow-ups on `kinds` of subjects,
    list a subject's, and give the texts of those a caller may see."""

    def __init__(
        self,
        commands: CommandExecutor,
        table: Table,
        events: FollowUpEvents,
        kinds: frozenset[SubjectKind],
        scope: SubjectScope,
    ) -> None:
        self.commands = commands
        self.table = table
        self.decider = follow_up_decider(events)
        self.kinds = kinds
        self.scope = scope

    async def _subject(
        self,
        conn: AsyncConnection,
        caller: Caller,
        kind: SubjectKind,
        subject_id: UUID,
        intent: Intent,
    ) -> Subject:
        if kind not in self.kinds:
            raise NotFound("subject", SUBJECT_NOT_FOUND)
        return await self.scope(conn, caller, kind, subject_id, intent)

    async def schedule(self, request: ScheduleFollowUp, caller: Caller) -> FollowUpRef:
        follow_up_id = request.follow_up_id or uuid4()
        async with self.commands.db.read() as conn:
            subject = await self._subject(
                conn, caller, request.subject_kind, request.subject_id, "create"
            )
        now = utcnow()
        command = Schedule(
            follow_up_id=follow_up_id,
            subject_kind=request.subject_kind,
            subject_id=request.subject_id,
            household_id=subject.household_id,
            due_on=request.due_on,
            due_time=request.due_time,
            assignee=request.assignee,
            now=now,
            today=today(),
        )
        t = self.table

        async def keep_text(conn: AsyncConnection, _: FollowUp) -> None:
            found = (
                await conn.execute(select(t.c.municipality).where(t.c.follow_up_id == follow_up_id))
            ).first()
            if found is not None:
                if found.municipality != caller.municipality:
                    raise IdUnavailable("follow_up_exists")
                return  # a retry: the first text stays
            await conn.execute(
                insert(t).values(
                    follow_up_id=follow_up_id,
                    municipality=caller.municipality,
                    subject_kind=request.subject_kind.value,
                    subject_id=request.subject_id,
                    household_id=subject.household_id,
                    due_on=request.due_on,
                    due_time=request.due_time,
                    assignee=request.assignee,
                    text=request.text,
                    scheduled_at=now,
                    scheduled_by=caller.user_id,
                )
            )

        async with client_id_guard("follow_up_exists", request.follow_up_id):
            await self.commands.execute(
                self.decider,
                stream_id(caller.municipality, follow_up_id),
                command,
                caller.command_context(),
                provider=lambda _: subject.provider,
                also=keep_text,
            )
        return FollowUpRef(follow_up_id=follow_up_id)

    async def reassign(
        self, follow_up_id: UUID, request: ReassignFollowUp, caller: Caller
    ) -> FollowUpRef:
        return await self._change(follow_up_id, Reassign(request.assignee, utcnow()), caller)

    async def postpone(
        self, follow_up_id: UUID, request: PostponeFollowUp, caller: Caller
    ) -> FollowUpRef:
        command = Postpone(request.due_on, request.due_time, utcnow(), today())
        return await self._change(follow_up_id, command, caller)

    async def complete(self, follow_up_id: UUID, caller: Caller) -> FollowUpRef:
        return await self._change(follow_up_id, Complete(utcnow()), caller)

    async def _change(self, follow_up_id: UUID, command: Command, caller: Caller) -> FollowUpRef:
        stream = stream_id(caller.municipality, follow_up_id)
        state, _ = await self.commands.load(self.decider, stream)
        if state.subject_kind is None or state.subject_id is None:
            raise NotFound("follow_up", NOT_FOUND)
        async with self.commands.db.read() as conn:
            # Not the caller's subject: answered as if the follow-up did not exist.
            try:
                subject = await self._subject(
                    conn, caller, state.subject_kind, state.subject_id, "change"
                )
            except NotFound:
                raise NotFound("follow_up", NOT_FOUND) from None
        t = self.table

        async def keep_row(conn: AsyncConnection, new: FollowUp) -> None:
            # An erased subject's row is gone: nothing to update, the events still count.
            await conn.execute(
                update(t)
                .where(t.c.follow_up_id == follow_up_id)
                .values(
                    due_on=new.due_on,
                    due_time=new.due_time,
                    assignee=new.assignee,
                    completed_at=new.completed_at,
                )
            )

        await self.commands.execute(
            self.decider,
            stream,
            command,
            caller.command_context(),
            provider=lambda _: subject.provider,
            also=keep_row,
        )
        return FollowUpRef(follow_up_id=follow_up_id)

    async def of_subject(self, query: SubjectFollowUpsQuery, caller: Caller) -> SubjectFollowUps:
        t = self.table
        async with self.commands.db.read() as conn:
            await self._subject(conn, caller, query.subject_kind, query.subject_id, "read")
            rows = list(
                await conn.execute(
                    select(t).where(
                        t.c.municipality == caller.municipality,
                        t.c.subject_kind == query.subject_kind.value,
                        t.c.subject_id == query.subject_id,
                    )
                )
            )
            views = [await self._view(conn, caller, row) for row in rows]
        open_ = sorted(
            (v for v in views if v.completed_at is None),
            key=lambda v: (v.due_on, v.due_time or time.min, v.scheduled_at),
        )
        done = sorted(
            (v for v in views if v.completed_at is not None),
            key=lambda v: v.completed_at or v.scheduled_at,
            reverse=True,
        )
        return SubjectFollowUps(open=open_, done=done)

    async def _view(self, conn: AsyncConnection, caller: Caller, row: object) -> FollowUpView:
        r = row._mapping  # type: ignore[attr-defined]
        history = await self.commands.store.load(
            conn, stream_id(caller.municipality, r["follow_up_id"])
        )
        return FollowUpView(
            follow_up_id=r["follow_up_id"],
            subject_kind=SubjectKind(r["subject_kind"]),
            subject_id=r["subject_id"],
            household_id=r["household_id"],
            due_on=r["due_on"],
            due_time=r["due_time"],
            assignee=r["assignee"],
            text=r["text"],
            scheduled_at=r["scheduled_at"],
            scheduled_by=r["scheduled_by"],
            completed_at=r["completed_at"],
            history=[_step(e.event, e.envelope.actor) for e in history],
        )

    async def texts(self, query: FollowUpTextsQuery, caller: Caller) -> FollowUpTexts:
        """The texts of those of `query.ids` whose subject the caller may see; the others
        (another provider's, a restricted or erased subject's, unknown ids) are missing."""
        if not query.ids:
            return FollowUpTexts(texts={})
        t = self.table
        texts: dict[UUID, str] = {}
        async with self.commands.db.read() as conn:
            rows = list(
                await conn.execute(
                    select(t.c.follow_up_id, t.c.subject_kind, t.c.subject_id, t.c.text).where(
                        t.c.municipality == caller.municipality,
                        t.c.follow_up_id.in_(query.ids),
                    )
                )
            )
            seen: dict[tuple[str, UUID], bool] = {}
            for row in rows:
                key = (row.subject_kind, row.subject_id)
                if key not in seen:
                    seen[key] = await self._may_see(conn, caller, SubjectKind(key[0]), key[1])
                if seen[key]:
                    texts[row.follow_up_id] = row.text
        return FollowUpTexts(texts=texts)

    async def _may_see(
        self, conn: AsyncConnection, caller: Caller, kind: SubjectKind, subject_id: UUID
    ) -> bool:
        try:
            await self._subject(conn, caller, kind, subject_id, "read")
        except DomainError:
            return False
        return True


def _step(event: object, actor: str) -> FollowUpStep:
    if isinstance(event, FollowUpScheduled):
        return FollowUpStep(
            action=FollowUpAction.scheduled,
            at=event.occurred_at,
            actor=actor,
            due_on=event.due_on,
            due_time=event.due_time,
            assignee=event.assignee,
        )
    if isinstance(event, FollowUpReassigned):
        return FollowUpStep(
            action=FollowUpAction.reassigned,
            at=event.occurred_at,
            actor=actor,
            assignee=event.assignee,
        )
    if isinstance(event, FollowUpPostponed):
        return FollowUpStep(
            action=FollowUpAction.postponed,
            at=event.occurred_at,
            actor=actor,
            due_on=event.due_on,
            due_time=event.due_time,
        )
    assert isinstance(event, FollowUpCompleted)
    return FollowUpStep(action=FollowUpAction.completed, at=event.occurred_at, actor=actor)


def register_follow_up_handlers(
    rpc: RpcRouter, ops: FollowUpOperations, follow_ups: FollowUps
) -> None:
    """Answer the context's six follow-up operations (`auszug.rpc.<context>.<name>`) with
    its `FollowUps` use cases."""

    @rpc.handle(ops.schedule)
    async def schedule(body: ScheduleFollowUp, caller: Caller) -> FollowUpRef:
        return await follow_ups.schedule(body, caller)

    @rpc.handle(ops.reassign)
    async def reassign(body: Addressed[ReassignFollowUp], caller: Caller) -> FollowUpRef:
        return await follow_ups.reassign(body.id, body.body, caller)

    @rpc.handle(ops.postpone)
    async def postpone(body: Addressed[PostponeFollowUp], caller: Caller) -> FollowUpRef:
        return await follow_ups.postpone(body.id, body.body, caller)

    @rpc.handle(ops.complete)
    async def complete(body: Addressed[CompleteFollowUp], caller: Caller) -> FollowUpRef:
        return await follow_ups.complete(body.id, caller)

    @rpc.handle(ops.texts)
    async def texts(body: FollowUpTextsQuery, caller: Caller) -> FollowUpTexts:
        return await follow_ups.texts(body, caller)

    @rpc.handle(ops.of_subject)
    async def of_subject(body: SubjectFollowUpsQuery, caller: Caller) -> SubjectFollowUps:
        return await follow_ups.of_subject(body, caller)
