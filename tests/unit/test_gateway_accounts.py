"""The rules of accounts in the UI (issue 16): who manages which account, what a role's
scope must be, that nobody grants beyond their own municipality, that the last admin
stays, and the one-time password."""

from __future__ import annotations

from uuid import uuid4

import pytest

from services.gateway.accounts import rules
from services.gateway.adapters.users import Account
from services.gateway.auth.passwords import weakness
from services.gateway.policy import may_call
from shared.identity import Caller, Role


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
    for password in passwords:
        assert weakness(password, ["m.muster"]) is None
        assert not set(password) & set("0O1lI")


def test_only_the_admin_reaches_the_accounts_and_may_change_them() -> None:
    for role in Role:
        allowed = role is Role.admin
        assert may_call(role, "GET", "/ui/konten") is allowed
        assert may_call(role, "POST", "/ui/konten/neu") is allowed
        assert may_call(role, "POST", "/ui/konten/{user_id}/deaktivieren") is allowed
    # The writes opened for accounts are these routes only: cases stay closed to the admin.
    assert not may_call(Role.admin, "POST", "/api/households")
