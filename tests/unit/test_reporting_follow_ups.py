"""Rule-made follow-ups of placement (pure signals), their due day, and the due list kept by
reporting: opened when a step is expected, ended when it happens, one row however often
an event arrives, written ones by their base classes, scoped like the caseboard, and
moved when the coordination changes a rule's days."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any, ClassVar
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from services.reporting.adapters.follow_up_tables import follow_ups
from services.reporting.adapters.tables import clear_facts, clear_registrations
from services.reporting.application.follow_ups import follow_up_list, get_rules, replace_rules
from services.reporting.application.projections.follow_ups import FollowUpsProjection
from services.reporting.domain.follow_ups import Closed, Opened, due_on, follow_up_id
from services.reporting.domain.follow_ups import placement as signals
from shared.clock import business_time, today
from shared.contracts import intake as i
from shared.contracts import placement as pl
from shared.contracts.followups import (
    DEFAULT_DAYS,
    FollowUpCompleted,
    FollowUpList,
    FollowUpPostponed,
    FollowUpQuery,
    FollowUpReassigned,
    FollowUpRules,
    FollowUpScheduled,
    Rule,
    SubjectKind,
)
from shared.decider import Forbidden
from shared.identity import Caller, Role
from support.builders.reporting import World, at, caller, world

T = today()
OFFER, HOUSEHOLD, GUARANTEE, VIEWING = uuid4(), uuid4(), uuid4(), uuid4()
COORDINATOR = caller()
CARITAS = caller(Role.caseworker, "caritas")
DIAKONIE = caller(Role.caseworker, "diakonie")


def ago(days: int) -> date:
    return T - timedelta(days=days)


def proposed(household: UUID = HOUSEHOLD, days_ago: int = 0) -> pl.HouseholdProposed:
    return pl.HouseholdProposed(
        offer_id=OFFER,
        household_id=household,
        provider="caritas",
        adults=1,
        minors=0,
        occurred_at=business_time(ago(days_ago)),
    )


def decided(decision: pl.LandlordDecision, days_ago: int = 0) -> pl.LandlordDecided:
    return pl.LandlordDecided(
        offer_id=OFFER,
        household_id=HOUSEHOLD,
        provider="caritas",
        decision=decision,
        proposed_on=ago(20),
        occurred_at=business_time(ago(days_ago)),
    )


def guarantee(days_ago: int = 0) -> pl.GuaranteeRequested:
    return pl.GuaranteeRequested(
        offer_id=OFFER,
        guarantee_id=GUARANTEE,
        household_id=HOUSEHOLD,
        provider="caritas",
        kind=pl.GuaranteeKind.deposit,
        requested_from=pl.GuaranteeAuthority.jobcenter,
        occurred_at=business_time(ago(days_ago)),
    )


def guarantee_decided() -> pl.GuaranteeDecided:
    return pl.GuaranteeDecided(
        offer_id=OFFER,
        guarantee_id=GUARANTEE,
        household_id=HOUSEHOLD,
        provider="caritas",
        kind=pl.GuaranteeKind.deposit,
        requested_from=pl.GuaranteeAuthority.jobcenter,
        requested_on=ago(30),
        decision=pl.GuaranteeDecision.approved,
        occurred_at=business_time(T),
    )


def viewing(on: date) -> pl.ViewingScheduled:
    return pl.ViewingScheduled(
        offer_id=OFFER,
        viewing_id=VIEWING,
        household_id=HOUSEHOLD,
        provider="caritas",
        viewing_on=on,
        occurred_at=business_time(ago(10)),
    )


def viewing_held() -> pl.ViewingHeld:
    return pl.ViewingHeld(
        offer_id=OFFER,
        viewing_id=VIEWING,
        household_id=HOUSEHOLD,
        provider="caritas",
        outcome=pl.ViewingOutcome.household_interested,
        accompanied_by_tandem=False,
        occurred_at=business_time(T),
    )


def placed(household: UUID = HOUSEHOLD) -> pl.PlacementCompleted:
    return pl.PlacementCompleted(
        household_id=household,
        offer_id=OFFER,
        landlord_id=uuid4(),
        landlord_kind=pl.LandlordKind.private,
        provider="caritas",
        adults=1,
        minors=0,
        refugee_quota=False,
        volunteer_supported=False,
        wbs_required=False,
        household_had_wbs=False,
        moved_on=T + timedelta(days=10),
        occurred_at=business_time(T),
    )


# -- signals (pure) ---------------------------------------------------------------------


def test_a_proposal_opens_its_step_and_the_landlords_answer_closes_it() -> None:
    assert signals.signals(proposed(days_ago=3), "koeln", "caritas") == [
        Opened(
            Rule.proposal_unanswered,
            SubjectKind.offer,
            OFFER,
            ago(3),
            key=HOUSEHOLD,
            household_id=HOUSEHOLD,
            provider="caritas",
        )
    ]
    accepted = signals.signals(decided(pl.LandlordDecision.accepted, 1), "koeln", "caritas")
    assert accepted == [
        Closed(Rule.proposal_unanswered, OFFER, key=HOUSEHOLD),
        Opened(
            Rule.lease_missing,
            SubjectKind.offer,
            OFFER,
            ago(1),
            key=HOUSEHOLD,
            household_id=HOUSEHOLD,
            provider="caritas",
        ),
    ]
    declined = signals.signals(decided(pl.LandlordDecision.declined), "koeln", "caritas")
    assert declined == [
        Closed(Rule.proposal_unanswered, OFFER, key=HOUSEHOLD),
        Closed(Rule.viewing_unrecorded, OFFER, household_id=HOUSEHOLD),
        Closed(Rule.guarantee_undecided, OFFER, household_id=HOUSEHOLD),
        Closed(Rule.lease_missing, OFFER, household_id=HOUSEHOLD),
    ]


def test_a_viewing_counts_from_its_planned_day_and_a_guarantee_from_its_request() -> None:
    day = T + timedelta(days=4)
    [opened] = signals.signals(viewing(day), "koeln", "caritas")
    assert isinstance(opened, Opened)
    assert (opened.rule, opened.anchor_on, opened.key) == (Rule.viewing_unrecorded, day, VIEWING)
    assert signals.signals(viewing_held(), "koeln", "caritas") == [
        Closed(Rule.viewing_unrecorded, OFFER, key=VIEWING)
    ]
    [requested] = signals.signals(guarantee(5), "koeln", "caritas")
    assert isinstance(requested, Opened)
    assert (requested.rule, requested.anchor_on, requested.key) == (
        Rule.guarantee_undecided,
        ago(5),
        GUARANTEE,
    )
    assert signals.signals(guarantee_decided(), "koeln", "caritas") == [
        Closed(Rule.guarantee_undecided, OFFER, key=GUARANTEE)
    ]


@pytest.mark.parametrize(
    "event",
    [
        placed(),
        pl.OfferWithdrawn(
            offer_id=OFFER,
            reason=pl.WithdrawalReason.landlord_withdrew,
            occurred_at=business_time(T),
        ),
        pl.OfferExpired(offer_id=OFFER, occurred_at=business_time(T)),
    ],
)
def test_the_offer_ending_ends_every_step_on_it(event: Any) -> None:
    assert signals.signals(event, "koeln", "caritas") == [
        Closed(rule, OFFER) for rule in signals.RULES
    ]


def retracted(reason: pl.RetractionReason, days_ago: int = 0) -> pl.PlacementRetracted:
    return pl.PlacementRetracted(
        household_id=HOUSEHOLD,
        offer_id=OFFER,
        landlord_kind=pl.LandlordKind.private,
        provider="caritas",
        adults=1,
        minors=0,
        refugee_quota=False,
        volunteer_supported=False,
        household_had_wbs=False,
        lease_signed_on=ago(days_ago + 1),
        reason=reason,
        occurred_at=business_time(ago(days_ago)),
    )


def test_a_placement_recorded_by_mistake_expects_its_lease_again_the_others_not() -> None:
    mistake = retracted(pl.RetractionReason.entered_by_mistake, 2)
    assert signals.signals(mistake, "koeln", "caritas") == [
        Opened(
            Rule.lease_missing,
            SubjectKind.offer,
            OFFER,
            ago(2),
            key=HOUSEHOLD,
            household_id=HOUSEHOLD,
            provider="caritas",
        )
    ]
    for reason in (pl.RetractionReason.lease_not_concluded, pl.RetractionReason.wrong_household):
        assert signals.signals(retracted(reason), "koeln", "caritas") == []


def test_due_days_after_before_and_in_working_days() -> None:
    friday = date(2026, 12, 4)
    assert due_on(Rule.proposal_unanswered, friday, 14) == date(2026, 12, 18)
    assert due_on(Rule.wbs_expiring, friday, 30) == date(2026, 11, 4)
    # Two working days after a Friday: Tuesday.
    assert due_on(Rule.inquiry_unanswered, friday, 2) == date(2026, 12, 8)
    assert follow_up_id(Rule.lease_missing, OFFER, HOUSEHOLD) == follow_up_id(
        Rule.lease_missing, OFFER, HOUSEHOLD
    )
    assert follow_up_id(Rule.lease_missing, OFFER, HOUSEHOLD) != follow_up_id(
        Rule.proposal_unanswered, OFFER, HOUSEHOLD
    )


# -- the due list -----------------------------------------------------------------------


class WrittenScheduled(FollowUpScheduled):
    """A context's own subclass, as intake or prevention register theirs."""

    event_type: ClassVar[str] = "TestFollowUpScheduled"
    schema_version: ClassVar[int] = 1
    context: ClassVar[str] = "test"


class WrittenReassigned(FollowUpReassigned):
    event_type: ClassVar[str] = "TestFollowUpReassigned"
    schema_version: ClassVar[int] = 1
    context: ClassVar[str] = "test"


class WrittenPostponed(FollowUpPostponed):
    event_type: ClassVar[str] = "TestFollowUpPostponed"
    schema_version: ClassVar[int] = 1
    context: ClassVar[str] = "test"


class WrittenCompleted(FollowUpCompleted):
    event_type: ClassVar[str] = "TestFollowUpCompleted"
    schema_version: ClassVar[int] = 1
    context: ClassVar[str] = "test"


async def due(w: World, who: Caller = COORDINATOR, **query: Any) -> FollowUpList:
    return await follow_up_list(w.db, FollowUpQuery(**query), who)


def kinds(answer: FollowUpList) -> list[str]:
    return [str(item.kind) for item in answer.items]


async def test_each_placement_step_is_due_after_its_days_and_ends_when_it_happens(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        w.register(ago(60).isoformat(), household_id=HOUSEHOLD)
        offer = f"offer:{OFFER}"
        w.record(proposed(days_ago=20), offer, provider="caritas")
        w.record(guarantee(days_ago=5), offer, provider="caritas")
        w.record(viewing(ago(1)), offer, provider="caritas")
        await w.apply()
        # Proposal 20 days ago (14 days): 6 days overdue; viewing yesterday (2): due
        # tomorrow; guarantee 5 days ago (21): in 16 days.
        listed = await due(w, rule_made=True, subject_kind=SubjectKind.offer)
        assert [(i.kind, i.days_overdue) for i in listed.items] == [(Rule.proposal_unanswered, 6)]
        assert listed.items[0].due_on == ago(6)
        assert listed.items[0].household_id == HOUSEHOLD
        upcoming = await due(w, rule_made=True, subject_kind=SubjectKind.offer, upcoming=True)
        assert kinds(upcoming) == [
            "proposal_unanswered",
            "viewing_unrecorded",
            "guarantee_undecided",
        ]
        assert kinds(
            await due(
                w, rule_made=True, subject_kind=SubjectKind.offer, as_of=T + timedelta(days=1)
            )
        ) == [
            "proposal_unanswered",
            "viewing_unrecorded",
        ]

        # The landlord accepts: the proposal's step ends, the lease's begins.
        w.record(decided(pl.LandlordDecision.accepted), offer, provider="caritas")
        w.record(viewing_held(), offer, provider="caritas")
        w.record(guarantee_decided(), offer, provider="caritas")
        await w.apply()
        assert kinds(
            await due(w, rule_made=True, subject_kind=SubjectKind.offer, upcoming=True)
        ) == ["lease_missing"]
        w.record(placed(), offer, provider="caritas")
        await w.apply()
        assert (
            kinds(await due(w, rule_made=True, subject_kind=SubjectKind.offer, upcoming=True)) == []
        )


async def test_a_retracted_placement_lists_the_lease_again_only_if_recorded_by_mistake(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        offer = f"offer:{OFFER}"
        w.record(proposed(days_ago=40), offer, provider="caritas")
        w.record(decided(pl.LandlordDecision.accepted, 30), offer, provider="caritas")
        w.record(placed(), offer, provider="caritas")
        await w.apply()
        assert (
            kinds(await due(w, rule_made=True, subject_kind=SubjectKind.offer, upcoming=True)) == []
        )
        w.record(retracted(pl.RetractionReason.entered_by_mistake, 20), offer, provider="caritas")
        await w.apply()
        [lease] = (await due(w, rule_made=True, subject_kind=SubjectKind.offer)).items
        # 14 days from the correction 20 days ago: 6 days overdue.
        assert (lease.kind, lease.household_id, lease.days_overdue) == (
            Rule.lease_missing,
            HOUSEHOLD,
            6,
        )
        # Recorded again, then taken back because the lease did not come about: nothing due.
        w.record(placed(), offer, provider="caritas")
        w.record(retracted(pl.RetractionReason.lease_not_concluded), offer, provider="caritas")
        await w.apply()
        assert (
            kinds(await due(w, rule_made=True, subject_kind=SubjectKind.offer, upcoming=True)) == []
        )


async def test_the_same_events_twice_leave_one_row_each(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        offer = f"offer:{OFFER}"
        first = w.record(proposed(days_ago=20), offer, provider="caritas")
        second = w.record(proposed(uuid4(), days_ago=15), offer, provider="caritas")
        await w.apply(first, second)
        # The follow-ups alone again (the fact tables rely on the consumer's deduplication).
        for batch in ((first, second), (second,)):
            async with w.db.transaction() as conn:
                await FollowUpsProjection().apply(conn, batch, {})
        listed = await due(w, upcoming=True)
        assert listed.page.total == 2
        assert len({item.follow_up_id for item in listed.items}) == 2


async def test_a_household_stalled_in_its_stage_and_its_end_at_deregistration(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        household = w.register(ago(100).isoformat())
        fresh = w.register(ago(10).isoformat())
        await w.apply()
        stalled = await due(w, kind=Rule.stage_stalled)
        assert [(i.subject_id, i.days_overdue) for i in stalled.items] == [(household, 10)]
        assert stalled.items[0].subject_kind is SubjectKind.household
        assert (await due(w, kind=Rule.stage_stalled, upcoming=True)).page.total == 2
        # A proposal is a new stage: the 90 days count from it.
        w.record(proposed(household, days_ago=3), f"offer:{OFFER}", provider="caritas")
        await w.apply()
        assert (await due(w, kind=Rule.stage_stalled)).items == []
        w.record(
            i.HouseholdDeregistered(
                household_id=fresh,
                reason=i.DeregistrationReason.other,
                adults=1,
                minors=0,
                occurred_at=business_time(T),
            ),
            f"household:{fresh}",
            provider="caritas",
        )
        await w.apply()
        left = await due(w, upcoming=True)
        assert fresh not in {item.household_id for item in left.items}
        assert {item.household_id for item in left.items} == {household}


async def test_written_follow_ups_by_their_base_classes_and_mine(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        household = w.register(ago(5).isoformat())
        w.record(
            i.CaseworkerAssigned(
                household_id=household,
                caseworker=CARITAS.user_id,
                occurred_at=at(ago(4).isoformat()),
            ),
            f"household:{household}",
            provider="caritas",
        )
        written, other = uuid4(), uuid4()
        for follow_up, assignee in ((written, None), (other, "someone-else")):
            w.record(
                WrittenScheduled(
                    follow_up_id=follow_up,
                    subject_kind=SubjectKind.household,
                    subject_id=household,
                    household_id=household,
                    due_on=T,
                    due_time=time(10),
                    assignee=assignee,
                    occurred_at=business_time(ago(1)),
                ),
                f"household:{household}",
                provider="caritas",
            )
        await w.apply()
        mine = await due(w, CARITAS, mine=True, kind="written")
        assert [item.follow_up_id for item in mine.items] == [written]
        assert mine.items[0].due_time == time(10)
        assert (await due(w, CARITAS, unassigned=True, kind="written")).page.total == 1
        # Taken by someone else: no longer "mine", no longer unassigned.
        w.record(
            WrittenReassigned(follow_up_id=written, assignee="x-1", occurred_at=business_time(T)),
            f"household:{household}",
            provider="caritas",
        )
        w.record(
            WrittenPostponed(
                follow_up_id=other, due_on=T + timedelta(days=3), occurred_at=business_time(T)
            ),
            f"household:{household}",
            provider="caritas",
        )
        await w.apply()
        assert (await due(w, CARITAS, mine=True, kind="written")).items == []
        assert [i.follow_up_id for i in (await due(w, kind="written")).items] == [written]
        w.record(
            WrittenCompleted(follow_up_id=written, occurred_at=business_time(T)),
            f"household:{household}",
            provider="caritas",
        )
        await w.apply()
        assert [i.follow_up_id for i in (await due(w, kind="written", upcoming=True)).items] == [
            other
        ]


async def test_the_three_lists_of_heute_hold_each_follow_up_once(tmp_path: Path) -> None:
    """Mine (written), the team's unassigned (not on my households), the steps (rule-made
    ones of my scope, those of my own households included)."""
    async with world(tmp_path) as w:
        mine_household = w.register(ago(120).isoformat(), household_id=HOUSEHOLD)
        other_household = w.register(ago(5).isoformat())
        w.record(
            i.CaseworkerAssigned(
                household_id=mine_household,
                caseworker=CARITAS.user_id,
                occurred_at=at(ago(100).isoformat()),
            ),
            f"household:{mine_household}",
            provider="caritas",
        )
        w.record(proposed(mine_household, days_ago=20), f"offer:{OFFER}", provider="caritas")
        on_mine, on_other, taken = uuid4(), uuid4(), uuid4()
        for follow_up, household, assignee in (
            (on_mine, mine_household, None),
            (on_other, other_household, None),
            (taken, other_household, CARITAS.user_id),
        ):
            w.record(
                WrittenScheduled(
                    follow_up_id=follow_up,
                    subject_kind=SubjectKind.household,
                    subject_id=household,
                    household_id=household,
                    due_on=T,
                    assignee=assignee,
                    occurred_at=business_time(ago(1)),
                ),
                f"household:{household}",
                provider="caritas",
            )
        await w.apply()

        def ids(answer: FollowUpList) -> set[UUID]:
            return {item.follow_up_id for item in answer.items}

        step = follow_up_id(Rule.proposal_unanswered, OFFER, mine_household)
        mine = ids(await due(w, CARITAS, mine=True, kind="written"))
        team = ids(await due(w, CARITAS, unassigned=True, kind="written", not_mine=True))
        steps = ids(await due(w, CARITAS, rule_made=True))
        assert mine == {on_mine, taken}
        assert team == {on_other}
        assert step in steps and not steps & {on_mine, on_other, taken}
        # Without the split a rule-made step of my household is "mine" too (the old double).
        assert step in ids(await due(w, CARITAS, mine=True))
        everything = ids(await due(w, CARITAS))
        assert mine | team | steps == everything
        assert len(mine) + len(team) + len(steps) == len(everything)


def subjects(answer: FollowUpList) -> set[UUID]:
    return {item.subject_id for item in answer.items}


async def test_scope_other_provider_restriction_housing_office(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        own = w.register(ago(100).isoformat())
        hidden = w.register(ago(100).isoformat())
        theirs = w.register(ago(100).isoformat(), provider="diakonie")
        w.record(
            i.ProcessingRestricted(
                household_id=hidden,
                reason=i.RestrictionReason.accuracy_contested,
                occurred_at=at(ago(1).isoformat()),
            ),
            f"household:{hidden}",
        )
        await w.apply()
        assert subjects(await due(w, COORDINATOR)) == {own, hidden, theirs}
        assert subjects(await due(w, caller(Role.admin))) == {own, theirs}
        assert subjects(await due(w, CARITAS)) == {own}
        assert subjects(await due(w, DIAKONIE)) == {theirs}
        assert subjects(await due(w, caller(Role.housing_office))) == set()
        assert subjects(await due(w, CARITAS, subject_id=theirs)) == set()
        with pytest.raises(Forbidden):
            await due(w, CARITAS, provider="diakonie")
        with pytest.raises(Forbidden):
            await due(w, caller(Role.analyst))
        elsewhere = caller(city="bonn")
        assert subjects(await due(w, elsewhere)) == set()


async def test_changed_days_move_the_open_ones_of_that_rule_and_municipality(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        w.record(proposed(days_ago=10), f"offer:{OFFER}", provider="caritas")
        await w.apply()
        [item] = (await due(w, upcoming=True, kind=Rule.proposal_unanswered)).items
        assert item.due_on == ago(10) + timedelta(days=14)
        rules = await replace_rules(
            w.db, FollowUpRules(days={Rule.proposal_unanswered: 7}), COORDINATOR
        )
        assert rules.days[Rule.proposal_unanswered] == 7
        assert rules.days[Rule.lease_missing] == DEFAULT_DAYS[Rule.lease_missing]
        [item] = (await due(w, kind=Rule.proposal_unanswered)).items
        assert (item.due_on, item.days_overdue) == (ago(3), 3)
        # Bonn's rules are its own; a new proposal opens with the municipality's days.
        assert (await get_rules(w.db, caller(city="bonn"))).days == DEFAULT_DAYS
        w.record(proposed(uuid4(), days_ago=7), f"offer:{OFFER}", provider="caritas")
        await w.apply()
        assert (await due(w, kind=Rule.proposal_unanswered)).page.total == 2
        with pytest.raises(Forbidden):
            await replace_rules(w.db, FollowUpRules(days={}), CARITAS)


async def rows(w: World) -> set[tuple[Any, ...]]:
    async with w.db.read() as conn:
        return {tuple(row) for row in await conn.execute(select(follow_ups))}


async def test_a_rebuild_from_the_stream_equals_the_live_table(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        other = uuid4()
        w.register(ago(120).isoformat(), household_id=HOUSEHOLD)
        w.register(ago(100).isoformat(), household_id=other, provider="diakonie")
        offer = f"offer:{OFFER}"
        history = [
            w.record(proposed(days_ago=30), offer, provider="caritas"),
            w.record(proposed(other, days_ago=29), offer, provider="diakonie"),
            w.record(decided(pl.LandlordDecision.accepted, 20), offer, provider="caritas"),
            w.record(viewing(ago(5)), offer, provider="caritas"),
            w.record(guarantee(10), offer, provider="caritas"),
            w.record(guarantee_decided(), offer, provider="caritas"),
            w.record(
                i.HouseholdHandedOver(
                    household_id=other,
                    from_provider="diakonie",
                    to_provider="caritas",
                    occurred_at=business_time(ago(2)),
                ),
                f"household:{other}",
                provider="diakonie",
            ),
        ]
        registered = w.log[:2]
        # Live: one event per batch, as they came.
        for recorded in [*registered, *history]:
            await w.apply(recorded)
        live = await rows(w)
        assert {row[2] for row in live} == {
            "proposal_unanswered",
            "lease_missing",
            "viewing_unrecorded",
            "stage_stalled",
        }
        # The other household's steps moved to its new provider with it.
        assert {row[7] for row in live if row[6] == other} == {"caritas"}
        async with w.db.transaction() as conn:
            await clear_facts(conn)
            await clear_registrations(conn)
        assert await rows(w) == set()
        await w.apply(*registered, *history)
        assert await rows(w) == live


async def test_in_one_batch_a_close_ends_what_came_before_and_an_open_after_it_counts(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        offer, other = f"offer:{OFFER}", uuid4()
        before = w.record(proposed(other, days_ago=40), offer, provider="caritas")
        await w.apply(before)
        batch = [
            w.record(proposed(days_ago=30), offer, provider="caritas"),
            w.record(decided(pl.LandlordDecision.declined, 25), offer, provider="caritas"),
            w.record(proposed(days_ago=20), offer, provider="caritas"),
        ]
        await w.apply(*batch)
        listed = await due(w, subject_kind=SubjectKind.offer)
        assert sorted((i.household_id, i.anchor_on) for i in listed.items) == sorted(
            [(other, ago(40)), (HOUSEHOLD, ago(20))]
        )
        ended = pl.OfferExpired(offer_id=OFFER, occurred_at=business_time(T))
        again = proposed(uuid4(), days_ago=0)
        await w.apply(w.record(ended, offer), w.record(again, offer, provider="caritas"))
        [left] = (await due(w, subject_kind=SubjectKind.offer, upcoming=True)).items
        assert left.household_id == again.household_id
