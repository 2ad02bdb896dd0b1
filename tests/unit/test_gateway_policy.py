"""The gateway's coarse role policy and the register form's mapping."""

from __future__ import annotations

from services.gateway.households.registration import errors_by_field, form_values, registration_body
from services.gateway.policy import allowed_roles, may_call
from shared.identity import Role
from shared.validation import FieldError


def test_an_analyst_reaches_figures_only() -> None:
    assert may_call(Role.analyst, "GET", "/api/reports/yearly/{year}")
    assert not may_call(Role.analyst, "GET", "/api/reports/figures/{key}/cases")
    assert not may_call(Role.analyst, "GET", "/api/households/{household_id}")
    assert not may_call(Role.analyst, "GET", "/api/caseboard")


def test_an_unknown_route_is_closed_to_everyone() -> None:
    assert allowed_roles("/api/something-new") == frozenset()
    assert allowed_roles("/api/householdsX") == frozenset()


def test_the_longest_prefix_decides() -> None:
    assert allowed_roles("/api/households/{household_id}/access-log") == {Role.coordinator}
    assert Role.admin in allowed_roles("/api/households/{household_id}")
    assert Role.admin not in allowed_roles("/api/households/{household_id}/offers")


def test_administration_reads_but_changes_nothing() -> None:
    assert may_call(Role.admin, "GET", "/api/households/{household_id}")
    assert not may_call(Role.admin, "POST", "/api/households")
    assert may_call(Role.admin, "DELETE", "/api/session")


def test_a_volunteer_reaches_tandems_only() -> None:
    assert may_call(Role.volunteer, "GET", "/api/tandem-households/{household_id}")
    assert not may_call(Role.volunteer, "GET", "/api/households/{household_id}")
    assert not may_call(Role.volunteer, "GET", "/api/volunteers")


def test_member_errors_land_on_the_row_they_were_typed_in() -> None:
    values = form_values(
        {
            "provider": "caritas",
            "members.0.role": "head",
            "members.0.age_band": "27-64",
            "members.2.given_name": "Lea",
        }
    )
    body, rows = registration_body(values)
    assert rows == [0, 2] and body["members"][1] == {"given_name": "Lea"}
    errors = errors_by_field(
        [
            FieldError(field="members.1.age_band", message="Pflichtangabe."),
            FieldError(field="members", message="Genau ein Haushaltsvorstand."),
        ],
        rows,
    )
    assert errors == {
        "members.2.age_band": "Pflichtangabe.",
        "members": "Genau ein Haushaltsvorstand.",
    }
