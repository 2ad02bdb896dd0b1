"""The demo year's people: seeded names from the origins a city like Köln serves, birth
dates within each member's age band, phones in German notations, and no effect on the
plan (the figures the demo checks)."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from services.reporting.demo import names
from services.reporting.demo.drive_households import registration
from services.reporting.demo.plan import generate
from shared.contracts.inputs import age_on
from shared.contracts.intake import RegisterHousehold


def test_the_same_seed_gives_the_same_people_and_another_seed_others() -> None:
    first = [h.people for h in generate(2025, 120, seed=7).households]
    again = [h.people for h in generate(2025, 120, seed=7).households]
    other = [h.people for h in generate(2025, 120, seed=8).households]
    assert first == again
    assert first != other


def test_names_do_not_change_the_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    # The plan made without names is the named plan but for its people: names draw from
    # a generator of their own, so every figure the demo checks stays what it was.
    named = generate(2025, 200, seed=7)
    monkeypatch.setattr(names.Namer, "people", lambda *_args: None)
    unnamed = generate(2025, 200, seed=7)
    assert [replace(h, people=None) for h in named.households] == unnamed.households
    assert named.offers == unnamed.offers and named.cases == unnamed.cases
    assert named.volunteers == unnamed.volunteers


def test_every_person_has_a_birth_date_within_the_age_band_on_the_day() -> None:
    for h in generate(2025, 400, seed=7).households:
        assert h.people is not None
        assert len(h.people.members) == h.adults + h.minors
        for position, person in enumerate(h.people.members):
            low, high = names.ADULT if position < h.adults else names.CHILD
            assert low <= age_on(person.birth_date, h.registered_on) <= high
        if h.birth_on is not None:
            assert h.people.newborn is not None
            assert h.people.newborn.birth_date == h.birth_on


def test_a_household_shares_its_family_name_and_the_first_is_oeztuerk() -> None:
    households = generate(2025, 400, seed=7).households
    assert {p.family_name for p in households[0].people.members} == {"Öztürk"}  # type: ignore[union-attr]
    for h in households:
        assert h.people is not None
        assert len({p.family_name for p in h.people.members}) == 1


def test_names_are_varied_with_their_diacritics() -> None:
    households = generate(2025, 400, seed=7).households
    families = Counter(h.people.members[0].family_name for h in households if h.people)
    assert len(families) > 40
    assert max(families.values()) < 40
    every = set(families)
    assert {"Öztürk", "Ahmadi", "Haddad", "Tesfaye", "Kovalenko"} <= every
    assert any(not name.isascii() for name in every)


def test_phones_vary_in_notation_and_are_unique_and_some_have_an_email() -> None:
    households = generate(2025, 400, seed=7).households
    phones = [h.people.phone for h in households if h.people]
    assert len(set(phones)) == len(phones)
    assert any(p.startswith("+49 221 ") for p in phones)
    assert any(p.startswith("0221 ") for p in phones)
    assert any(p.startswith("01") and "-" in p for p in phones)
    emails = [h.people.email for h in households if h.people and h.people.email]
    assert 0.2 * len(households) < len(emails) < 0.6 * len(households)


def test_no_two_people_share_a_family_name_and_birth_date() -> None:
    # Intake would flag them as possible duplicates.
    households = generate(2025, 2000, seed=7).households
    keys = [
        (names.name_key(p.family_name), p.birth_date)
        for h in households
        if h.people
        for p in h.people.members
    ]
    assert len(set(keys)) == len(keys)


def test_every_registration_is_valid_for_intake() -> None:
    for h in generate(2025, 300, seed=7).households:
        request = RegisterHousehold.model_validate(registration(h))
        assert request.members[0].family_name
        assert request.contact is not None and request.contact.phone


def test_a_birth_date_is_a_day_in_the_band_also_on_29_february() -> None:
    assert names.years_before(date(2024, 2, 29), 1) == date(2023, 2, 28)
    rng = random.Random(1)
    for _ in range(200):
        born = names.born_between(rng, date(2024, 2, 29), (6, 17))
        assert 6 <= age_on(born, date(2024, 2, 29)) <= 17


def test_a_volunteer_name_is_seeded() -> None:
    assert names.volunteer(7, 3) == names.volunteer(7, 3)
    assert len({names.volunteer(7, n) for n in range(50)}) > 30


def test_no_two_people_of_a_household_share_a_given_name() -> None:
    for h in generate(2025, 400, seed=7).households:
        assert h.people is not None
        people = [*h.people.members, *([h.people.newborn] if h.people.newborn else [])]
        assert len({p.given_name for p in people}) == len(people)
