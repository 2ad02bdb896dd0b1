"""Intake figures: households active at a period's end (with their provider on that day),
deregistrations by reason, stock on a day by kind of accommodation, a confirmed duplicate
as a correction that "as known on" still shows, assessments and the central inbox."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from uuid import UUID, uuid4

from services.reporting.application import figures as uc
from shared.contracts import intake as i
from shared.contracts.reporting import StockCasesQuery
from shared.identity import Role
from support.builders.reporting import World, at, caller, day, world


def deregister(w: World, household: UUID, on: str, reason: str = "moved_on_own", **kw: str) -> None:
    event = i.HouseholdDeregistered(
        household_id=household,
        reason=i.DeregistrationReason(reason),
        adults=1,
        minors=0,
        occurred_at=at(on),
    )
    w.record(event, f"household:{household}", **kw)


def move(w: World, household: UUID, on: str, to: str, came_from: str, **kw: str) -> None:
    event = i.AccommodationChanged(
        household_id=household,
        accommodation_kind=i.AccommodationKind(to),
        previous_accommodation_kind=i.AccommodationKind(came_from),
        occurred_at=at(on),
    )
    w.record(event, f"household:{household}", **kw)


async def test_active_households_and_deregistrations_follow_the_provider_of_the_day(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        a = w.register("2025-01-10", "caritas")
        b = w.register("2025-02-10", "caritas")
        w.register("2025-03-10", "drk")
        w.record(
            i.HouseholdHandedOver(
                household_id=a,
                from_provider="caritas",
                to_provider="drk",
                occurred_at=at("2025-06-01"),
            ),
            f"household:{a}",
            provider="drk",
        )
        deregister(w, b, "2025-07-01", "moved_out_via_placement", provider="caritas")
        await w.apply()

        values = await w.values()
        assert values["households_active_at_period_end"] == 2
        assert values["households_deregistered"] == 1
        figures = await w.figures()
        assert (
            figures.figure("households_deregistered").item("reason", "moved_out_via_placement") == 1
        )
        # At the end of May, `a` was still caritas's and `b` not yet deregistered.
        may = await w.values("2025-05-01", "2025-05-31", provider="caritas")
        assert may["households_active_at_period_end"] == 2
        assert (await w.values(provider="drk"))["households_active_at_period_end"] == 2
        assert (await w.values(provider="caritas"))["households_active_at_period_end"] == 0


async def test_stock_on_a_day_by_kind_with_a_late_change_dated_where_it_belongs(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        a = w.register("2025-01-10", adults=2, minors=3, kind="shelter")
        b = w.register("2025-01-11", adults=1, kind="city_rented_flat")
        c = w.register("2025-01-12", adults=2, kind="requisitioned_flat")
        # `a` moved into a city-rented flat on 1 March; it was entered only in April.
        move(w, a, "2025-03-01", "city_rented_flat", "shelter", recorded="2025-04-02")
        w.record(
            i.HouseholdCompositionChanged(
                household_id=a,
                change=i.CompositionChange.birth,
                persons_changed=1,
                adults=2,
                minors=4,
                occurred_at=at("2025-02-01"),
            ),
            f"household:{a}",
        )
        deregister(w, c, "2025-05-01")
        await w.apply()

        january = await w.stock("2025-01-31")
        assert january.figure("stock_persons").value == 8
        assert january.figure("stock_persons").item("accommodation_kind", "shelter") == 5
        assert january.figure("stock_households").value == 3

        march = await w.stock("2025-03-15")
        persons = march.figure("stock_persons")
        assert persons.value == 9
        assert persons.item("accommodation_kind", "city_rented_flat") == 7
        assert persons.item("accommodation_kind", "shelter") == 0
        assert march.figure("stock_persons_city_rented_flats").value == 7
        assert march.figure("stock_minors").value == 4
        # As the committee knew it on 1 April, `a` was still in the shelter.
        known = await w.stock("2025-03-15", as_known_on=day("2025-04-01"))
        assert known.figure("stock_persons").item("accommodation_kind", "shelter") == 6

        may = await w.stock("2025-05-01")
        assert may.figure("stock_households").value == 2  # `c` left that day
        behind = await uc.stock_cases(
            w.db, StockCasesQuery(on=day("2025-05-01"), key="stock_households"), caller()
        )
        assert set(behind.ids) == {a, b}
        rented = await uc.stock_cases(
            w.db,
            StockCasesQuery(on=day("2025-05-01"), key="stock_persons", item="city_rented_flat"),
            caller(),
        )
        assert set(rented.ids) == {a, b}


async def test_a_confirmed_duplicate_stops_counting_but_as_known_on_shows_the_old_figure(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        first = w.register("2025-03-01", adults=2)
        second = w.register("2025-03-05", adults=2)
        w.record(
            i.HouseholdsLinkedAsDuplicate(
                household_id=second, other_household_id=first, occurred_at=at("2025-04-10")
            ),
            f"household:{second}",
        )
        await w.apply()
        assert (await w.values())["households_registered"] == 1
        assert (await w.values())["persons_registered"] == 2
        assert (await w.values())["households_active_at_period_end"] == 1
        assert (await w.stock("2025-12-31")).figure("stock_persons").value == 2
        before = await w.values(as_known_on=day("2025-04-09"))
        assert before["households_registered"] == 2

        # The link was a mistake: revoked, the record counts again.
        w.record(
            i.DuplicateDecisionRevoked(
                household_id=second,
                other_household_id=first,
                revoked=i.DuplicateStatus.linked,
                occurred_at=at("2025-04-20"),
            ),
            f"household:{second}",
        )
        await w.apply()
        assert (await w.values())["households_registered"] == 2
        assert (await w.values(as_known_on=day("2025-04-15")))["households_registered"] == 1


async def test_readiness_assessments_by_result(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        for result in ("ready", "ready", "not_yet"):
            household = uuid4()
            w.record(
                i.HousingReadinessAssessed(
                    household_id=household,
                    assessment_id=uuid4(),
                    criteria={},
                    result=i.ReadinessResult(result),
                    occurred_at=at("2025-05-05"),
                ),
                f"household:{household}",
                provider="caritas",
            )
        await w.apply()
        figure = (await w.figures()).figure("readiness_assessments")
        assert figure.value == 3
        assert [(b.code, b.value) for b in figure.breakdowns[0].items] == [
            ("ready", 2),
            ("ready_with_support", 0),
            ("not_yet", 1),
        ]


async def test_the_inbox_counts_by_sender_and_outcome_and_the_median_hours_to_answer(
    tmp_path: Path,
) -> None:
    async with world(tmp_path) as w:
        received = at("2025-09-01") + timedelta(hours=8)
        waits = (2, 5, 30)
        for hours, outcome in zip(waits, ("answered", "forwarded", "answered"), strict=True):
            inquiry = uuid4()
            w.record(
                i.InquiryReceived(
                    inquiry_id=inquiry,
                    sender_kind=i.SenderKind.landlord,
                    channel=i.InquiryChannel.email,
                    occurred_at=received,
                ),
                f"inquiry:{inquiry}",
            )
            # Applied separately: the time is found in the table, not only in the batch.
            await w.apply()
            forwarded = outcome == "forwarded"
            w.record(
                i.InquiryTriaged(
                    inquiry_id=inquiry,
                    outcome=i.TriageOutcome(outcome),
                    first=True,
                    forwarded_to_kind=i.ForwardTarget.provider if forwarded else None,
                    forwarded_to="drk" if forwarded else None,
                    occurred_at=received + timedelta(hours=hours),
                ),
                f"inquiry:{inquiry}",
            )
        open_one = uuid4()
        w.record(
            i.InquiryReceived(
                inquiry_id=open_one,
                sender_kind=i.SenderKind.resident,
                channel=i.InquiryChannel.phone,
                occurred_at=at("2025-12-30"),
            ),
            f"inquiry:{open_one}",
        )
        await w.apply()
        figures = await w.figures()
        assert figures.value("inquiries_received") == 4
        assert figures.figure("inquiries_received").item("sender_kind", "landlord") == 3
        assert figures.figure("inquiries_received").item("channel", "phone") == 1
        assert figures.figure("inquiries_triaged").item("outcome", "answered") == 2
        assert figures.value("inquiry_first_answer_hours_median") == 5.0
        assert figures.value("inquiries_open_at_period_end") == 1
        assert "inquiries_received" not in await w.values(provider="caritas")
        analyst = await w.figures(who=caller(Role.analyst))
        # The analyst reads it too, with small cells suppressed: 4 is "< 5".
        assert analyst.figure("inquiries_received").display == "< 5"
