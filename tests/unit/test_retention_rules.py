"""The kernel's retention run (shared/retention.py) on fake subjects: the period is counted
in calendar years from the day the subject's case ended, per municipality; what must stay
is reported with its reason; a dry run erases nothing; a subject another replica erased
first counts once; and the helpers every service shares."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from shared.decider import RuleViolation
from shared.identity import Caller, Role
from shared.retention import RETENTION_ERASED, apply_rules, job_caller, retention_at, years_after

TODAY = date(2025, 6, 30)


class FakeSubjects:
    """Subjects in memory: each with a municipality, an end day and maybe a hold."""

    kind = "fake"

    def __init__(self) -> None:
        self.ended_on: dict[UUID, tuple[str, date]] = {}
        self.holds: dict[UUID, str] = {}
        self.refusals: dict[UUID, str] = {}
        self.erased: list[tuple[UUID, date, Caller]] = []

    def add(self, ended: date, municipality: str = "koeln", hold: str | None = None) -> UUID:
        subject_id = uuid4()
        self.ended_on[subject_id] = (municipality, ended)
        if hold:
            self.holds[subject_id] = hold
        return subject_id

    async def ended(self, municipality: str) -> list[tuple[UUID, date]]:
        erased = {e[0] for e in self.erased}
        return [
            (sid, day)
            for sid, (m, day) in self.ended_on.items()
            if m == municipality and sid not in erased
        ]

    async def hold(self, municipality: str, subject_id: UUID) -> str | None:
        return self.holds.get(subject_id)

    async def erase(self, job: Caller, subject_id: UUID, day: date) -> None:
        if subject_id in self.refusals:
            raise RuleViolation(self.refusals[subject_id], "refused")
        self.erased.append((subject_id, day, job))


def erased_count() -> float:
    return RETENTION_ERASED.labels(subject="fake")._value.get()  # type: ignore[no-any-return]


def test_n_years_after_is_the_same_calendar_day() -> None:
    assert years_after(date(2020, 6, 30), 5) == date(2025, 6, 30)
    assert years_after(date(2016, 2, 29), 3) == date(2019, 2, 28)
    assert years_after(date(2025, 6, 30), -7) == date(2018, 6, 30)


async def test_due_are_those_ended_n_years_ago_or_earlier_in_a_municipality_with_a_rule() -> None:
    subjects = FakeSubjects()
    old = subjects.add(date(2018, 1, 1))
    exactly = subjects.add(date(2020, 6, 30))
    subjects.add(date(2020, 7, 1))  # one day short of five years
    in_bonn = subjects.add(date(2010, 1, 1), municipality="bonn")
    subjects.add(date(2010, 1, 1), municipality="essen")  # no rule in Essen

    report = await apply_rules(subjects, {"koeln": 5, "bonn": 20}, TODAY, apply=False)
    assert (report.subject, report.applied, report.today) == ("fake", False, TODAY)
    assert set(report.erased) == {old, exactly} and subjects.erased == []
    later = await apply_rules(subjects, {"koeln": 5, "bonn": 10}, TODAY, apply=False)
    assert in_bonn in later.erased


async def test_apply_erases_as_the_system_on_the_day_and_a_second_run_does_nothing() -> None:
    subjects = FakeSubjects()
    due = subjects.add(date(2018, 1, 1))
    kept = subjects.add(date(2018, 1, 1), hold="restricted")
    before = erased_count()

    report = await apply_rules(subjects, {"koeln": 5}, TODAY, apply=True)
    assert report.erased == [due]
    assert report.skipped == {"restricted": [kept]} and report.restricted_skipped == [kept]
    [(subject_id, day, job)] = subjects.erased
    assert (subject_id, day, job.role, job.user_id) == (
        due,
        TODAY,
        Role.coordinator,
        "system:retention",
    )
    assert erased_count() == before + 1

    again = await apply_rules(subjects, {"koeln": 5}, TODAY, apply=True)
    assert (again.erased, again.skipped) == ([], {"restricted": [kept]})
    assert erased_count() == before + 1


async def test_a_refusal_at_erasure_time_is_reported_and_a_lost_race_counts_once() -> None:
    subjects = FakeSubjects()
    busy = subjects.add(date(2018, 1, 1))
    raced = subjects.add(date(2018, 1, 1))
    subjects.refusals = {busy: "tandems_active", raced: "already_erased"}
    report = await apply_rules(subjects, {"koeln": 5}, TODAY, apply=True)
    assert (report.erased, report.skipped) == ([], {"tandems_active": [busy]})


def test_the_job_acts_in_one_municipality_and_the_schedule_is_a_local_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert job_caller("bonn").municipality == "bonn"
    monkeypatch.delenv("AUSZUG_PREVENTION_RETENTION_AT", raising=False)
    assert retention_at("prevention") is None
    monkeypatch.setenv("AUSZUG_PREVENTION_RETENTION_AT", "02:30")
    assert retention_at("prevention") is not None
    assert str(retention_at("prevention")) == "02:30:00"
    assert retention_at("volunteer") is None
