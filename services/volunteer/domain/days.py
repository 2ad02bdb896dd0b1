"""Rules about business days every volunteer aggregate shares."""

from __future__ import annotations

from datetime import date

from shared.decider import RuleViolation


def german(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "?"


def not_in_future(day: date, today: date, what: str) -> None:
    """`what` starts the German sentence: „Der Tag der Sprechstunde liegt in der Zukunft.“"""
    if day > today:
        raise RuleViolation("in_future", f"{what} liegt in der Zukunft ({german(day)}).")


def not_before(day: date, earliest: date, what: str, reference: str) -> None:
    if day < earliest:
        raise RuleViolation(
            "before_start", f"{what} ({german(day)}) liegt vor {reference} ({german(earliest)})."
        )
