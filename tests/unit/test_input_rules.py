"""What a person may type: plausible days, birth dates that fit the age band, text
without control characters — refused in German at the field, in every command model."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from datetime import date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest
from pydantic import BaseModel, ValidationError

import shared.contracts
from shared.clock import BUSINESS_TZ, today
from shared.contracts import inputs
from shared.contracts.followups import FollowUpQuery
from shared.contracts.intake import ChangeCompositionBody, ReceiveInquiry, RegisterHousehold
from shared.contracts.intake.views import AccommodationRecord, ConsentRecord, MemberView
from shared.contracts.placement.views import ContactPersonRecord
from shared.contracts.prevention.views import HouseholdContactRecord
from shared.contracts.volunteer import RecordAttendance
from shared.validation import field_errors

T = today()


def errors_of(model: type[BaseModel], body: dict[str, Any]) -> dict[str, str]:
    try:
        model.model_validate(body)
    except ValidationError as exc:
        return {e.field: e.message for e in field_errors(exc.errors())}
    return {}


def household(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "provider": "caritas",
        "registered_on": "2025-03-01",
        "accommodation": {"kind": "shelter"},
        "members": [
            {"role": "head", "age_band": "27-64", "birth_date": "1980-05-02"},
            {"role": "child", "age_band": "6-17", "birth_date": "2015-03-01"},
        ],
    }
    body.update(overrides)
    return body


# ------------------------------------------------------------------ days


@pytest.mark.parametrize("day", ["0001-01-01", "0001-01-02", "1999-12-31"])
def test_a_day_before_2000_is_refused_at_the_field(day: str) -> None:
    assert errors_of(RegisterHousehold, household(registered_on=day)) == {
        "registered_on": "Das Datum liegt vor dem 01.01.2000; bitte das Jahr prüfen."
    }


def test_a_day_more_than_a_year_ahead_is_refused_a_year_ahead_is_not() -> None:
    def refused(day: str) -> dict[str, str]:
        members = [{"role": "head", "age_band": "27-64"}]
        return errors_of(RegisterHousehold, household(registered_on=day, members=members))

    assert refused("9999-12-31") == {
        "registered_on": "Das Datum liegt mehr als ein Jahr in der Zukunft; bitte prüfen."
    }
    assert set(refused((T + timedelta(days=367)).isoformat())) == {"registered_on"}
    # The decider refuses a registration in the future with its own rule; the contract
    # only keeps the calendar plausible.
    assert refused((T + timedelta(days=365)).isoformat()) == {}
    assert refused("2000-01-01") == {}


def test_a_deadline_may_lie_up_to_five_years_ahead() -> None:
    body = household(wbs=True, wbs_valid_until=(T + timedelta(days=4 * 365)).isoformat())
    assert errors_of(RegisterHousehold, body) == {}
    body["wbs_valid_until"] = "9999-12-31"
    assert errors_of(RegisterHousehold, body) == {
        "wbs_valid_until": "Das Datum liegt mehr als fünf Jahre in der Zukunft; bitte prüfen."
    }


def test_a_moment_is_held_to_the_days_of_the_work() -> None:
    body = {"sender_kind": "resident", "channel": "email", "text": "Hallo"}
    early = {**body, "received_at": "0001-01-01T00:00:00+01:00"}
    assert errors_of(ReceiveInquiry, early) == {
        "received_at": "Das Datum liegt vor dem 01.01.2000; bitte das Jahr prüfen."
    }
    now = datetime.now(BUSINESS_TZ).isoformat()
    assert errors_of(ReceiveInquiry, {**body, "received_at": now}) == {}


# ------------------------------------------------------------------ birth dates


@pytest.mark.parametrize(
    ("birth_date", "message"),
    [
        ("9999-12-31", "Das Geburtsdatum 31.12.9999 liegt in der Zukunft; bitte das Jahr prüfen."),
        (
            (T + timedelta(days=1)).isoformat(),
            f"Das Geburtsdatum {T + timedelta(days=1):%d.%m.%Y} liegt in der Zukunft; "
            "bitte das Jahr prüfen.",
        ),
        ("0001-01-01", "Das Geburtsdatum liegt vor dem 01.01.1900; bitte das Jahr prüfen."),
    ],
)
def test_an_impossible_birth_date_is_refused(birth_date: str, message: str) -> None:
    body = household()
    body["members"][1]["birth_date"] = birth_date
    assert errors_of(RegisterHousehold, body) == {"members.1.birth_date": message}
    attendee = {"given_name": "Amal", "family_name": "H.", "birth_date": birth_date}
    assert errors_of(RecordAttendance, attendee) == {"birth_date": message}


def test_a_birth_date_must_fit_the_age_band_on_the_day_of_registration() -> None:
    body = household()
    body["members"][0]["birth_date"] = "1931-02-17"  # 94 on 2025-03-01, not 27-64
    body["members"][1]["birth_date"] = "2019-03-02"  # 5 on 2025-03-01, not 6-17
    assert errors_of(RegisterHousehold, body) == {
        "members.0.birth_date": (
            "Nach dem Geburtsdatum war die Person am Tag der Aufnahme (01.03.2025) 94 Jahre "
            "alt — das passt nicht zur Altersgruppe „27–64 Jahre“."
        ),
        "members.1.birth_date": (
            "Nach dem Geburtsdatum war die Person am Tag der Aufnahme (01.03.2025) 5 Jahre "
            "alt — das passt nicht zur Altersgruppe „6–17 Jahre“."
        ),
    }
    body["members"][1]["birth_date"] = "2019-03-01"  # 6 that very day
    body["members"][0]["birth_date"] = "1960-03-02"  # 64 for one more day
    assert errors_of(RegisterHousehold, body) == {}


def test_a_newborn_fits_0_5_on_the_day_of_the_change_and_not_before_it() -> None:
    change = {
        "change": "birth",
        "changed_on": "2025-03-04",
        "joining": [{"role": "child", "age_band": "0-5", "birth_date": "2025-03-04"}],
    }
    assert errors_of(ChangeCompositionBody, change) == {}
    change["joining"][0]["birth_date"] = "2025-03-05"  # type: ignore[index]
    assert errors_of(ChangeCompositionBody, change) == {
        "joining.0.birth_date": (
            "Das Geburtsdatum 05.03.2025 liegt nach dem Tag der Änderung (04.03.2025)."
        )
    }


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "3000-01-01"])
def test_a_query_day_near_the_ends_of_the_calendar_is_refused(day: str) -> None:
    assert errors_of(FollowUpQuery, {"as_of": day}) == {
        "as_of": "Bitte ein Datum zwischen 01.01.1900 und 31.12.2999 angeben."
    }
    assert errors_of(FollowUpQuery, {"as_of": "1990-01-01"}) == {}


def test_age_on_counts_completed_years() -> None:
    assert inputs.age_on(date(2000, 2, 29), date(2001, 2, 28)) == 0
    assert inputs.age_on(date(2000, 2, 29), date(2001, 3, 1)) == 1
    assert inputs.age_on(date(2000, 1, 2), date(2000, 1, 1)) == -1


# ------------------------------------------------------------------ text


@pytest.mark.parametrize("bad", ["a\x00b", "a\x1bb", "a\x7fb", "a\x85b", "a\ud800b"])
def test_control_characters_are_refused_in_names_and_notes(bad: str) -> None:
    body = household(note=f"Notiz {bad}")
    body["members"][0]["given_name"] = bad
    assert errors_of(RegisterHousehold, body) == {
        "members.0.given_name": (
            "Bitte ohne Zeilenumbruch, Tabulator oder unsichtbare Steuerzeichen eingeben."
        ),
        "note": "Der Text enthält unsichtbare Steuerzeichen; bitte neu eingeben.",
    }


def test_a_note_keeps_its_line_breaks_a_name_may_not_have_any() -> None:
    body = household(note="Erste Zeile\r\nZweite\tZeile\n")
    assert errors_of(RegisterHousehold, body) == {}
    body["members"][0]["family_name"] = "Haddad\n"
    assert set(errors_of(RegisterHousehold, body)) == {"members.0.family_name"}
    body["members"][0]["family_name"] = "Ḥaddād-Özdemir ß 李"
    assert errors_of(RegisterHousehold, body) == {}


# ------------------------------------------------------------------ every command


REQUEST_MODULES = ("requests", "consents", "inquiries", "privacy")
NOT_COMMANDS = ("View", "Ref", "Status", "Export", "Fact", "Run", "Record", "List")


def command_models() -> list[type[BaseModel]]:
    """Every model a caller sends to a service: the request modules of every context."""
    found: dict[str, type[BaseModel]] = {}
    for info in pkgutil.walk_packages(shared.contracts.__path__, "shared.contracts."):
        if info.name.rsplit(".", 1)[-1] not in REQUEST_MODULES:
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (
                inspect.isclass(obj)
                and issubclass(obj, BaseModel)
                and obj.__module__ == module.__name__
                and not name.endswith(NOT_COMMANDS)
            ):
                found[f"{module.__name__}.{name}"] = obj
    return [found[k] for k in sorted(found)]


def _validators(annotation: Any) -> set[str]:
    """Names of the `inputs` validators anywhere in `annotation` (through unions, lists)."""
    names: set[str] = set()
    for meta in getattr(annotation, "__metadata__", ()):
        func = getattr(meta, "func", None)
        if func is not None and func.__module__ == inputs.__name__:
            names.add(func.__name__)
    for arg in typing.get_args(annotation):
        names |= _validators(arg)
    return names


def _holds(annotation: Any, kind: type) -> bool:
    if annotation is kind:
        return True
    return any(_holds(arg, kind) for arg in typing.get_args(annotation))


def checked(annotation: Any, metadata: list[Any]) -> bool:
    """Whether a field of a command is a day, moment or text through `inputs` (or needs
    not be: a code with a pattern, an enumeration)."""
    checks = _validators(annotation)
    if _holds(annotation, datetime):
        return "_work_moment" in checks
    if _holds(annotation, date):
        return bool(checks)
    if _holds(annotation, str):
        patterned = any(getattr(m, "pattern", None) for m in metadata)
        return patterned or "pattern" in str(annotation) or bool(checks)
    return True


def test_every_date_and_free_text_of_every_command_goes_through_the_input_types() -> None:
    models = command_models()
    assert len(models) > 60, [m.__name__ for m in models]
    unchecked = []
    for model in models:
        hints = typing.get_type_hints(model, include_extras=True)
        for name, field in model.model_fields.items():
            if not checked(hints.get(name, field.annotation), field.metadata):
                unchecked.append(f"{model.__name__}.{name}")
    assert unchecked == [], "\n".join(unchecked)


def test_a_too_long_optional_name_is_measured_in_characters() -> None:
    body = household()
    body["members"][0]["given_name"] = "x" * 101
    assert errors_of(RegisterHousehold, body) == {
        "members.0.given_name": "Bitte höchstens 100 Zeichen eingeben."
    }


def test_what_is_already_stored_stays_readable_through_the_views() -> None:
    """Values stored before these rules (the probe stored 9999-12-31 and a NUL byte) are
    read back through the views, which keep plain types."""
    odd = {"birth_date": "9999-12-31", "given_name": "a\x00b", "family_name": "x\ny"}
    member = MemberView.model_validate(
        {"member_id": str(uuid4()), "role": "head", "age_band": "27-64", "minor": False, **odd}
    )
    assert member.birth_date == date(9999, 12, 31)
    consent = {"purpose": "a\x00", "given_on": "0001-01-02", "given_by": "b\tc"}
    assert ConsentRecord.model_validate(consent).given_on == date(1, 1, 2)
    assert AccommodationRecord.model_validate({"kind": "shelter", "site": "a\x00"}).site
    assert ContactPersonRecord.model_validate({"name": "a\x00b"}).name == "a\x00b"
    assert HouseholdContactRecord.model_validate({"name": "a\x00b"}).name == "a\x00b"
