"""The rules of accounts in the UI (issue 16): who manages which account, what a role's
scope must be, that nobody grants beyond their own municipality, that the last admin
stays, and the one-time password."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from services.gateway.accounts import password, rules
from services.gateway.accounts.password import password_problems
from services.gateway.adapters import MIGRATIONS
from services.gateway.adapters import accounts as store
from services.gateway.adapters.sessions import find_session, open_session
from services.gateway.adapters.users import Account, add_user, find_by_login
from services.gateway.auth.passwords import hash_password, weakness
from services.gateway.policy import may_call
from shared.db import Database
from shared.identity import Caller, Role
from shared.migrations import upgrade


def caller(role: Role = Role.admin, municipality: str = "koeln") -> Caller:
    return Caller(
        user_id=str(uuid4()), role=role, municipality=municipality, correlation_id=uuid4()
    )


def account(
    role: Role = Role.caseworker,
    municipality: str = "koeln",
    provider: str | None = "caritas",
    active: bool = True,
) -> Account:
    return Account(
        user_id=uuid4(),
        login="m.muster",
        password_hash="x",
        role=role,
        municipality=municipality,
        provider=provider,
        display_name="Maria Muster",
        active=active,
    )


FORM = {"role": "caseworker", "provider": "caritas", "display_name": "Maria", "email": ""}


def test_an_admin_manages_the_accounts_of_its_own_municipality_only() -> None:
    assert rules.manages(caller(), account())
    assert not rules.manages(caller(), account(municipality="bergisch-gladbach"))
    assert not rules.manages(caller(Role.coordinator), account())


@pytest.mark.parametrize("role", list(Role))
def test_an_admin_grants_every_role_of_its_municipality_admin_included(role: Role) -> None:
    assert rules.grant_problem(caller(), role, "koeln") is None


def test_nobody_grants_in_another_municipality_and_only_an_admin_grants() -> None:
    assert rules.grant_problem(caller(), Role.caseworker, "bergisch-gladbach") == rules.NOT_YOURS
    assert rules.grant_problem(caller(), Role.admin, "bergisch-gladbach") == rules.NOT_YOURS
    assert rules.grant_problem(caller(Role.coordinator), Role.caseworker, "koeln") == (
        rules.ADMIN_ONLY
    )


def test_a_caseworker_needs_a_provider_of_the_municipality() -> None:
    assert rules.scope_problems(Role.caseworker, None, "koeln") == {
        "provider": rules.PROVIDER_MISSING
    }
    # KIM is Bergisch Gladbach's own team, not a provider of Köln.
    assert rules.scope_problems(Role.caseworker, "kim", "koeln") == {
        "provider": rules.PROVIDER_UNKNOWN
    }
    assert rules.scope_problems(Role.caseworker, "kim", "bergisch-gladbach") == {}
    assert rules.scope_problems(Role.caseworker, "karitas", "koeln") == {
        "provider": rules.PROVIDER_UNKNOWN
    }


@pytest.mark.parametrize("role", [Role.coordinator, Role.analyst, Role.admin, Role.housing_office])
def test_roles_of_the_whole_municipality_have_no_provider(role: Role) -> None:
    assert rules.scope_problems(role, "caritas", "koeln") == {
        "provider": rules.PROVIDER_NOT_ALLOWED
    }
    assert rules.scope_problems(role, None, "koeln") == {}


def test_a_volunteer_may_have_a_provider_or_none() -> None:
    assert rules.scope_problems(Role.volunteer, "drk", "koeln") == {}
    assert rules.scope_problems(Role.volunteer, None, "koeln") == {}


def test_the_form_gives_a_german_message_at_each_wrong_field() -> None:
    draft, errors = rules.account_form(
        {"role": "caseworker", "provider": "", "display_name": "x" * 121, "email": "m@"},
        "koeln",
    )
    assert draft is None
    assert errors == {
        "provider": rules.PROVIDER_MISSING,
        "display_name": rules.NAME_TOO_LONG,
        "email": rules.BAD_ADDRESS,
    }
    assert rules.account_form({"role": "chef"}, "koeln")[1] == {"role": rules.NO_ROLE}


def test_the_form_gives_the_draft_with_a_normalised_address() -> None:
    draft, errors = rules.account_form(FORM | {"email": "Maria@Caritas-Koeln.DE"}, "koeln")
    assert errors == {}
    assert draft == rules.Draft(Role.caseworker, "caritas", "Maria", "Maria@caritas-koeln.de")


@pytest.mark.parametrize("login", ["m.muster", "anna", "m_muster-2@caritas"])
def test_a_plain_login_is_taken(login: str) -> None:
    assert rules.login_problem(login) is None


@pytest.mark.parametrize("login", ["", "a", "M.Muster", "m muster", ".muster", "m<b>", "x" * 121])
def test_a_login_a_person_could_not_type_reliably_is_refused(login: str) -> None:
    assert rules.login_problem(login) == rules.BAD_LOGIN


def test_the_last_active_admin_can_neither_leave_the_role_nor_deactivate() -> None:
    admin = account(Role.admin, provider=None)
    assert rules.last_admin_problem(admin, Role.coordinator, True, 0) == rules.LAST_ADMIN
    assert rules.last_admin_problem(admin, Role.admin, False, 0) == rules.LAST_ADMIN
    # With another active admin, or when staying admin, nothing stands in the way.
    assert rules.last_admin_problem(admin, Role.coordinator, True, 1) is None
    assert rules.last_admin_problem(admin, Role.admin, False, 1) is None
    assert rules.last_admin_problem(admin, Role.admin, True, 0) is None


def test_accounts_other_than_an_active_admin_never_meet_the_last_admin_rule() -> None:
    assert rules.last_admin_problem(account(), Role.caseworker, False, 0) is None
    inactive = account(Role.admin, provider=None, active=False)
    assert rules.last_admin_problem(inactive, Role.coordinator, False, 0) is None


def test_changes_name_what_differs_and_record_codes_only() -> None:
    before = account()
    draft = rules.Draft(Role.volunteer, None, "Maria Muster", "m@example.org")
    assert rules.changes(before, draft) == [
        (rules.Change.role, "volunteer"),
        (rules.Change.provider, None),
        (rules.Change.email, None),
    ]
    same = rules.Draft(before.role, before.provider, before.display_name, before.email)
    assert rules.changes(before, same) == []


def test_a_one_time_password_is_new_each_time_and_passes_the_password_rule() -> None:
    passwords = {rules.one_time_password() for _ in range(20)}
    assert len(passwords) == 20
    for given in passwords:
        assert weakness(given, ["m.muster"]) is None
        assert not set(given) & set("0O1lI")


def test_only_the_admin_reaches_the_accounts_and_may_change_them() -> None:
    for role in Role:
        allowed = role is Role.admin
        assert may_call(role, "GET", "/ui/konten") is allowed
        assert may_call(role, "POST", "/ui/konten/neu") is allowed
        assert may_call(role, "POST", "/ui/konten/{user_id}/deaktivieren") is allowed
    # The writes opened for accounts are these routes only: cases stay closed to the admin.
    assert not may_call(Role.admin, "POST", "/api/households")


# The store (adapters/accounts.py) against a SQLite file migrated like the gateway's.


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    upgrade(MIGRATIONS, url)
    database = Database(url)
    at = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    people = [
        ("zora", Role.caseworker, "koeln", "caritas", "Anna Zet", True),
        ("bela", Role.caseworker, "koeln", "drk", None, True),
        ("carl", Role.coordinator, "koeln", None, "Carl Koord", False),
        ("dora", Role.admin, "koeln", None, None, True),
        ("emil", Role.admin, "bergisch-gladbach", None, None, True),
        ("finn", Role.caseworker, "bergisch-gladbach", "kim", None, True),
    ]
    async with database.transaction() as conn:
        for login, role, municipality, provider, name, active in people:
            person = Account(uuid4(), login, "x", role, municipality, provider, name, active)
            await add_user(conn, person, at)
    yield database
    await database.dispose()


async def logins(db: Database, municipality: str = "koeln", **query: object) -> list[str]:
    async with db.read() as conn:
        found, _ = await store.page_of_accounts(
            conn, municipality, store.AccountQuery.model_validate(query)
        )
    return [a.login for a in found]


async def test_the_list_holds_the_municipality_s_accounts_only_filtered_in_sql(
    db: Database,
) -> None:
    assert await logins(db) == ["bela", "carl", "dora", "zora"]
    assert await logins(db, "bergisch-gladbach") == ["emil", "finn"]
    assert await logins(db, role="caseworker") == ["bela", "zora"]
    assert await logins(db, provider="drk") == ["bela"]
    # Bergisch Gladbach's own team is no provider of Köln: nothing, not Finn.
    assert await logins(db, provider="kim") == []
    assert await logins(db, active=False) == ["carl"]
    assert await logins(db, active=True, role="admin") == ["dora"]


async def test_the_list_sorts_by_its_column_then_login_and_pages(db: Database) -> None:
    # By name: the display name, else the login ("Anna Zet" before "bela").
    assert await logins(db, sort="name") == ["zora", "bela", "carl", "dora"]
    assert await logins(db, sort="role", descending=True) == ["carl", "zora", "bela", "dora"]
    assert await logins(db, sort="provider") == ["carl", "dora", "zora", "bela"]
    async with db.read() as conn:
        query = store.AccountQuery(per_page=3, page=2)
        found, info = await store.page_of_accounts(conn, "koeln", query)
    assert [a.login for a in found] == ["zora"]
    assert (info.total, info.pages, info.first, info.last) == (4, 2, 4, 4)


async def test_deactivation_ends_every_session_of_the_account_only(db: Database) -> None:
    async with db.read() as conn:
        zora = await find_by_login(conn, "zora")
        bela = await find_by_login(conn, "bela")
    assert zora is not None and bela is not None
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    async with db.transaction() as conn:
        for n, person in enumerate((zora, zora, bela)):
            await open_session(conn, f"t{n}", person.user_id, now, timedelta(hours=8))
        await store.end_sessions(conn, zora.user_id)
    async with db.read() as conn:
        assert await find_session(conn, "t0") is None
        assert await find_session(conn, "t1") is None
        assert await find_session(conn, "t2") is not None


async def test_the_admins_besides_one_are_counted_per_municipality(db: Database) -> None:
    async with db.read() as conn:
        dora = await find_by_login(conn, "dora")
        assert dora is not None
        assert await store.other_active_admins(conn, "koeln", dora.user_id) == 0
        assert await store.other_active_admins(conn, "bergisch-gladbach", dora.user_id) == 1


async def test_changes_are_recorded_and_read_back_newest_first(db: Database) -> None:
    async with db.read() as conn:
        zora = await find_by_login(conn, "zora")
    assert zora is not None
    first = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    async with db.transaction() as conn:
        await store.record(conn, zora, rules.Change.created, "caseworker", "admin-1", first)
        await store.record(conn, zora, rules.Change.deactivated, None, "admin-2", first)
    async with db.read() as conn:
        history = await store.changes_of(conn, zora.user_id)
    assert [(c.what, c.value, c.changed_by) for c in history] == [
        ("deactivated", None, "admin-2"),
        ("created", "caseworker", "admin-1"),
    ]


def test_a_new_own_password_needs_the_current_one_twice_the_new_and_strength() -> None:
    given = rules.one_time_password()
    person = replace(account(), password_hash=hash_password(given), password_change_due=True)
    mine = "Zimtschnecke-Rheinufer-Nebelhorn"
    form = {"current": given, "new": mine, "repeated": mine}
    assert password_problems(person, form) == {}
    assert password_problems(person, form | {"current": "falsch"}) == {
        "current": password.WRONG_CURRENT
    }
    assert password_problems(person, form | {"repeated": mine + "x"}) == {
        "repeated": password.NOT_REPEATED
    }
    assert password_problems(person, form | {"new": given, "repeated": given}) == {
        "new": password.SAME_AS_BEFORE
    }
    weak = {"new": "m.muster12345", "repeated": "m.muster12345"}
    assert "zu leicht zu erraten" in password_problems(person, form | weak)["new"]
