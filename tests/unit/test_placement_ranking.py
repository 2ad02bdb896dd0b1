"""The order of an offer's candidates and its pages (services/placement/domain/ranking.py):
every criterion fits, then fewest misfits, then fewest unknowns, then who has waited
longest; the household id settles the rest, so a page is the same on every reload."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from services.placement.domain.matching import RentLimits, Searcher, assess
from services.placement.domain.ranking import Judged, judge, page_of, ranked
from shared.contracts.intake import ReadinessResult
from shared.contracts.paging import PageQuery
from shared.contracts.placement import Verdict
from support.builders.placement import RECEIVED

# A two-room flat, 55 m², 650 € gross cold rent; limits for three and for nine persons.
FLAT = RECEIVED
LIMITS = RentLimits(
    by_persons={3: (Decimal("939"), Decimal("80")), 9: (Decimal("1900"), Decimal("170"))}
)


def searcher(n: int, registered: date, **overrides: object) -> Searcher:
    values: dict[str, object] = {
        "household_id": UUID(int=n),
        "provider": "caritas",
        "adults": 2,
        "minors": 1,
        "readiness": ReadinessResult.ready,
        "needs_accessible": False,
        "registered_on": registered,
    }
    values.update(overrides)
    return Searcher(**values)  # type: ignore[arg-type]


# A family of three fits the flat.
FITS_NEWER = searcher(1, date(2024, 6, 1))
FITS_OLDER = searcher(2, date(2023, 1, 9))
UNKNOWN_READINESS = searcher(3, date(2022, 1, 1), readiness=None)
ONE_MISFIT = searcher(4, date(2021, 1, 1), needs_accessible=True)
TWO_MISFITS = searcher(
    5, date(2020, 1, 1), needs_accessible=True, readiness=ReadinessResult.not_yet
)
# Nine persons in two rooms, needing an accessible flat, not ready: three misfits.
TOO_MANY = searcher(
    6,
    date(2019, 1, 1),
    adults=5,
    minors=4,
    needs_accessible=True,
    readiness=ReadinessResult.not_yet,
)


def order(rows: list[Judged]) -> list[int]:
    return [j.household.household_id.int for j in rows]


EVERYONE = [TWO_MISFITS, FITS_NEWER, TOO_MANY, ONE_MISFIT, UNKNOWN_READINESS, FITS_OLDER]


def test_fitting_first_then_fewest_misfits_then_longest_waiting() -> None:
    judged = judge(FLAT, EVERYONE, LIMITS)
    assert order(ranked(judged, "rank", descending=False, fits_only=False)) == [2, 1, 3, 4, 5, 6]
    assert [j.misfits for j in ranked(judged, "rank", descending=False, fits_only=False)] == [
        0, 0, 0, 1, 2, 3,
    ]  # fmt: skip


def test_only_the_fitting_ones_by_default_of_the_page() -> None:
    judged = judge(FLAT, EVERYONE, LIMITS)
    fitting = ranked(judged, "rank", descending=False, fits_only=True)
    assert order(fitting) == [2, 1, 3]
    assert all(j.fits for j in fitting) and fitting[2].unknowns == 1


def test_other_orders_by_waiting_and_by_size_and_reversed() -> None:
    judged = judge(FLAT, EVERYONE, LIMITS)
    assert order(ranked(judged, "waiting", descending=False, fits_only=False)) == [6, 5, 4, 3, 2, 1]
    assert order(ranked(judged, "waiting", descending=True, fits_only=True)) == [1, 2, 3]
    by_size = ranked(judged, "persons", descending=True, fits_only=False)
    assert order(by_size)[0] == 6  # nine persons; the rest are three, by id reversed
    assert order(by_size)[1:] == [5, 4, 3, 2, 1]


def test_a_page_is_a_slice_of_the_order_and_pages_do_not_overlap() -> None:
    many = [searcher(n, date(2020, 1, 1 + n % 28)) for n in range(1, 121)]
    rows = ranked(judge(FLAT, many, LIMITS), "rank", descending=False, fits_only=True)
    pages = [page_of(rows, PageQuery(page=p).offset, 50) for p in (1, 2, 3)]
    assert [len(p) for p in pages] == [50, 50, 20]
    seen = [j.household.household_id for p in pages for j in p]
    assert len(set(seen)) == 120 and seen == [j.household.household_id for j in rows]
    assert PageQuery(page=3).info(total=len(rows)).last == 120


def test_households_with_the_same_needs_are_judged_alike_and_others_apart() -> None:
    # Judging each kind of household once must give every household its own assessment.
    variants = [
        *EVERYONE,
        searcher(7, date(2024, 1, 1)),  # the same needs as 1 and 2
        searcher(8, date(2024, 1, 1), has_wbs=False),
        searcher(9, date(2024, 1, 1), minors=2),
        searcher(10, date(2024, 1, 1), wbs_valid_until=date(2019, 1, 1), has_wbs=True),
    ]
    for judged in judge(FLAT, variants, LIMITS):
        checks = assess(FLAT, judged.household, LIMITS)
        assert judged.checks == checks
        assert judged.misfits == sum(1 for c in checks if c.verdict is Verdict.does_not_fit)
        assert judged.unknowns == sum(1 for c in checks if c.verdict is Verdict.unknown)
