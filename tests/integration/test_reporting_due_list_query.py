"""The due list's query (index-driven since reporting_0011: "mine" as two disjoint parts,
no join) answers exactly what the plain query it replaced answers — the same rows in the
same order, the same totals — on a varied table, for every caller, filter, sort and page,
on both backends. And the projection writes the same table whether a batch holds one
event or a thousand (its writes are folded per batch)."""

from __future__ import annotations

import random
from datetime import time, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy import and_, func, insert, or_, select

from bench.due_list import MUNICIPALITY, Stream, apply, make_stream
from services.reporting.adapters.caseboard_table import caseboard
from services.reporting.adapters.caseboard_table import restricted_households as restricted
from services.reporting.adapters.follow_up_tables import follow_ups
from services.reporting.application import access
from services.reporting.application.follow_ups import ITEM_COLUMNS, follow_up_list
from services.reporting.application.projections.follow_ups import WRITTEN
from services.reporting.entrypoints.app import MIGRATIONS
from shared.clock import business_time, today
from shared.contracts import intake as i
from shared.contracts.followups import FollowUpItem, FollowUpList, FollowUpQuery, Rule, SubjectKind
from shared.db import Database
from shared.decider import Forbidden
from shared.identity import Caller, Role
from shared.migrations import upgrade

T = today()


@pytest.fixture
def url(tmp_path: Path, database_urls: dict[str, str]) -> str:
    url = database_urls.get("reporting") or f"sqlite+aiosqlite:///{tmp_path}/reporting.db"
    upgrade(MIGRATIONS, url)
    return url


# -- the reference: the query as it was before reporting_0011, join and OR -------------


async def reference_list(db: Database, query: FollowUpQuery, caller: Caller) -> FollowUpList:
    provider = access.follow_ups_scope(caller, query.provider)
    as_of = query.as_of or today()
    joined = follow_ups.outerjoin(
        caseboard,
        and_(
            caseboard.c.municipality == follow_ups.c.municipality,
            caseboard.c.household_id == follow_ups.c.household_id,
        ),
    ).outerjoin(
        restricted,
        and_(
            restricted.c.municipality == follow_ups.c.municipality,
            restricted.c.household_id == follow_ups.c.household_id,
        ),
    )
    filters: list[Any] = [follow_ups.c.municipality == caller.municipality]
    if provider is not None:
        filters.append(follow_ups.c.provider == provider)
    if caller.role is Role.housing_office:
        filters.append(follow_ups.c.subject_kind == SubjectKind.prevention_case.value)
    if caller.role is not Role.coordinator:
        filters.append(restricted.c.household_id.is_(None))
    if not query.upcoming:
        filters.append(follow_ups.c.due_on <= as_of)
    mine = or_(
        func.coalesce(follow_ups.c.assignee, "") == caller.user_id,
        and_(
            follow_ups.c.assignee.is_(None),
            func.coalesce(caseboard.c.caseworker, "") == caller.user_id,
        ),
    )
    if query.mine:
        filters.append(mine)
    if query.not_mine:
        filters.append(~mine)
    if query.unassigned:
        filters.append(follow_ups.c.assignee.is_(None))
    if query.rule_made:
        filters.append(follow_ups.c.kind != WRITTEN)
    if query.kind is not None:
        filters.append(follow_ups.c.kind == str(query.kind))
    if query.subject_kind is not None:
        filters.append(follow_ups.c.subject_kind == query.subject_kind.value)
    if query.subject_id is not None:
        filters.append(follow_ups.c.subject_id == query.subject_id)
    column = {
        "due_on": follow_ups.c.due_on,
        "kind": follow_ups.c.kind,
        "provider": follow_ups.c.provider,
    }[query.sort]
    first = column.desc() if query.descending else column.asc()
    second = follow_ups.c.due_time.asc() if query.sort == "due_on" else follow_ups.c.due_on.asc()
    page = (
        select(*ITEM_COLUMNS)
        .select_from(joined)
        .where(*filters)
        .order_by(first, second, follow_ups.c.follow_up_id)
        .limit(query.per_page)
        .offset(query.offset)
    )
    total = select(func.count()).select_from(joined).where(*filters)
    async with db.read() as conn:
        rows = (await conn.execute(page)).all()
        found = (await conn.execute(total)).scalar_one()
    return FollowUpList(
        as_of=as_of,
        items=[
            FollowUpItem(**row._mapping, days_overdue=(as_of - row.due_on).days) for row in rows
        ],
        page=query.info(found),
    )


# -- a varied table ----------------------------------------------------------------------

COORDINATOR = Caller(
    user_id="koordination-1",
    role=Role.coordinator,
    municipality=MUNICIPALITY,
    correlation_id=uuid4(),
)
CARITAS_CW1 = Caller(
    user_id="caritas-cw1",
    role=Role.caseworker,
    municipality=MUNICIPALITY,
    provider="caritas",
    correlation_id=uuid4(),
)
DIAKONIE_CW2 = CARITAS_CW1.model_copy(update={"user_id": "diakonie-cw2", "provider": "diakonie"})
ADMIN = COORDINATOR.model_copy(update={"user_id": "admin-1", "role": Role.admin})
HOUSING_OFFICE = COORDINATOR.model_copy(
    update={"user_id": "wohnungsamt-1", "role": Role.housing_office}
)
CALLERS = (COORDINATOR, CARITAS_CW1, DIAKONIE_CW2, ADMIN, HOUSING_OFFICE)


async def varied(db: Database) -> UUID:
    """The benchmark's stories (through the real projections), then rows no story makes:
    another municipality, no household, prevention cases, due times, the coordinator's
    own, restricted households of caseworkers who have rows on them. Returns a subject."""
    rng = random.Random(15)
    await apply(db, make_stream(300, rng))
    async with db.transaction() as conn:
        cards = (
            await conn.execute(
                select(caseboard.c.household_id, caseboard.c.caseworker, caseboard.c.provider)
                .where(caseboard.c.caseworker.is_not(None))
                .order_by(caseboard.c.household_id)
            )
        ).all()
        hidden = [card.household_id for card in cards if card.caseworker == "caritas-cw1"][:2]
        hidden += [card.household_id for card in cards if card.caseworker == "diakonie-cw2"][:1]
        already = set((await conn.execute(select(restricted.c.household_id))).scalars())
        await conn.execute(
            insert(restricted),
            [
                {"municipality": MUNICIPALITY, "household_id": h, "restricted_on": T}
                for h in hidden
                if h not in already
            ],
        )
        rows = []
        for n in range(120):
            card = cards[n % len(cards)]
            kind = rng.choice([WRITTEN, WRITTEN, *[rule.value for rule in Rule]])
            subject_kind = rng.choice(list(SubjectKind))
            without_household = subject_kind in (SubjectKind.offer, SubjectKind.volunteer)
            rows.append(
                {
                    "municipality": rng.choice((MUNICIPALITY, MUNICIPALITY, "bonn")),
                    "follow_up_id": uuid4(),
                    "kind": kind,
                    "subject_kind": subject_kind.value,
                    "subject_id": card.household_id if not without_household else uuid4(),
                    "key": None,
                    "household_id": None if without_household else card.household_id,
                    "provider": rng.choice((card.provider, "caritas", "skm", None)),
                    "anchor_on": T - timedelta(days=30),
                    # Ties on the day (the order's later keys decide), some still to come.
                    "due_on": T + timedelta(days=rng.choice((-3, -1, -1, 0, 0, 2, 9))),
                    "due_time": rng.choice((None, None, time(9), time(14, 30))),
                    "assignee": rng.choice(
                        (None, None, "koordination-1", "caritas-cw1", "diakonie-cw2", "skm-cw3")
                    ),
                }
            )
        await conn.execute(insert(follow_ups), rows)
    subject: UUID = cards[0].household_id
    return subject


FILTERS: tuple[dict[str, Any], ...] = (
    {},
    {"mine": True},
    {"mine": True, "kind": "written"},
    {"not_mine": True},
    {"kind": "written", "unassigned": True, "not_mine": True},
    {"kind": "written", "unassigned": True},
    {"rule_made": True},
    {"kind": Rule.stage_stalled.value},
    {"subject_kind": SubjectKind.prevention_case.value},
    {"upcoming": True},
    {"upcoming": True, "mine": True},
    {"as_of": (T - timedelta(days=60)).isoformat()},
    {"provider": "caritas"},
)
ORDERS = (
    {"sort": "due_on"},
    {"sort": "due_on", "descending": True},
    {"sort": "kind"},
    {"sort": "kind", "descending": True},
    {"sort": "provider"},
    {"sort": "provider", "descending": True},
)


async def answer(
    list_: Any, db: Database, query: FollowUpQuery, caller: Caller
) -> FollowUpList | str:
    try:
        return await list_(db, query, caller)  # type: ignore[no-any-return]
    except Forbidden as refused:
        return f"Forbidden {refused}"


async def test_the_new_query_answers_what_the_plain_query_answers(url: str) -> None:
    db = Database(url)
    try:
        subject = await varied(db)
        compared, paged, nonempty = 0, 0, set()
        for caller in CALLERS:
            of_subject = ({"subject_id": str(subject)}, {"subject_id": str(subject), "mine": True})
            for filters in (*FILTERS, *({**f, "upcoming": True} for f in of_subject)):
                for order in ORDERS:
                    pages = (1, 4) if order["sort"] == "due_on" else (1,)
                    for page in pages:
                        fields = {**filters, **order, "page": page, "per_page": 9}
                        query = FollowUpQuery.model_validate(fields)
                        expected = await answer(reference_list, db, query, caller)
                        got = await answer(follow_up_list, db, query, caller)
                        assert got == expected, (caller.user_id, fields)
                        compared += 1
                        if isinstance(got, FollowUpList) and got.items:
                            nonempty.add((caller.user_id, str(filters)))
                            paged += got.page.total > 9 * page
        # Not a comparison of empty answers: most lists hold rows, many span pages, and
        # both parts of "mine" (assigned; unassigned on my household) are in the table.
        assert compared > 400 and paged > 100
        assert len(nonempty) > 50
        # Ties on the due day, so the order's later keys (due time, id) are compared too.
        everything = await follow_up_list(db, FollowUpQuery(upcoming=True, per_page=200), ADMIN)
        days = [item.due_on for item in everything.items]
        assert len(set(days)) < len(days)
        assert ("caritas-cw1", str({"mine": True})) in nonempty
        mine = await follow_up_list(db, FollowUpQuery(mine=True, per_page=200), CARITAS_CW1)
        assert {item.assignee for item in mine.items} == {None, "caritas-cw1"}
    finally:
        await db.dispose()


def hand_overs_and_exits(stream: Stream) -> dict[str, UUID]:
    """Appends to the stream (one last batch) hand-overs and exits of households whose
    rows earlier batches wrote, each with written follow-ups before and after it."""
    households = [
        (r.event.household_id, r.event.provider)
        for r in stream.events
        if isinstance(r.event, i.HouseholdRegistered)
    ]
    later = business_time(T)
    ids: dict[str, UUID] = {}
    for n, (household, provider) in enumerate(households[::5]):
        where = f"household:{MUNICIPALITY}:{household}"

        def written(
            assignee: str | None = None, household: UUID = household
        ) -> tuple[i.IntakeFollowUpScheduled, UUID]:
            follow_up = uuid4()
            event = i.IntakeFollowUpScheduled(
                follow_up_id=follow_up,
                subject_kind=SubjectKind.household,
                subject_id=household,
                household_id=household,
                due_on=T,
                assignee=assignee,
                occurred_at=later,
            )
            return event, follow_up

        if n % 3 == 0:
            stream.add(
                i.HouseholdHandedOver(
                    household_id=household,
                    from_provider=provider,
                    to_provider="skm",
                    occurred_at=later,
                ),
                where,
                provider,
            )
            event, ids["after_hand_over"] = written()
            stream.add(event, where, "skm")
            reassigned = i.IntakeFollowUpReassigned(
                follow_up_id=ids["after_hand_over"], assignee="skm-cw2", occurred_at=later
            )
            stream.add(reassigned, where, "skm")
        else:
            event, ids["before_exit"] = written("x-1")
            stream.add(event, where, provider)
            gone = i.HouseholdDeregistered(
                household_id=household,
                reason=i.DeregistrationReason.moved_on_own,
                adults=1,
                minors=0,
                occurred_at=later,
            )
            stream.add(gone, where, provider)
            postponed = i.IntakeFollowUpPostponed(
                follow_up_id=ids["before_exit"], due_on=T + timedelta(days=1), occurred_at=later
            )
            stream.add(postponed, where, provider)
            if n % 3 == 1:
                event, ids["after_exit"] = written()
                stream.add(event, where, provider)
    return ids


async def test_one_batch_or_one_event_at_a_time_leave_the_same_table(
    url: str, tmp_path: Path
) -> None:
    """Written follow-up events no longer flush the batch one by one: folded in memory and
    written at the batch's end, they must leave what event-by-event writes leave."""
    stream = make_stream(150, random.Random(16), T)
    moves = hand_overs_and_exits(stream)
    one_by_one = Database(f"sqlite+aiosqlite:///{tmp_path}/one.db")
    upgrade(MIGRATIONS, f"sqlite+aiosqlite:///{tmp_path}/one.db")
    batched = Database(url)
    try:
        await apply(batched, stream)
        await apply(one_by_one, stream, batch_size=1)

        async def table(db: Database) -> list[tuple[Any, ...]]:
            async with db.read() as conn:
                rows = (await conn.execute(select(follow_ups))).all()
            return sorted((tuple(row) for row in rows), key=lambda row: str(row[1]))

        expected = await table(one_by_one)
        assert len(expected) > 400
        # The last batch met rows of earlier ones: handed over, gone, changed after.
        providers = {row[1]: row[7] for row in expected}
        assert providers[moves["after_hand_over"]] == "skm"
        assert moves["after_exit"] in providers and moves["before_exit"] not in providers
        assert await table(batched) == expected
    finally:
        await one_by_one.dispose()
        await batched.dispose()
