"""Prevention's published contracts: no event carries personal data, the codes cover seed
004, and requests name the field that is wrong, in German."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from shared.contracts import CONTRACTS
from shared.contracts import prevention as p
from shared.validation import field_errors

PERSONAL = {"name", "phone", "email", "note", "contact", "street_address", "referred_by"}
REFERRAL: dict[str, Any] = {
    "provider": "skm",
    "source": "self_referral",
    "target_group": "re_admission",
    "housing_situation": "requisitioned_flat",
    "adults": 2,
    "minors": 1,
}


def prevention_events() -> list[str]:
    return [name for name in p.__all__ if CONTRACTS.known(name)]


def test_every_prevention_event_is_registered_under_its_context() -> None:
    names = prevention_events()
    assert {"ReferralReceived", "CaseAdmitted", "HomeVisitDone", "CaseClosed"} <= set(names)
    assert {CONTRACTS.subject(n) for n in names} == {f"auszug.prevention.{n}" for n in names}


def test_no_event_has_a_field_for_personal_data() -> None:
    for name in prevention_events():
        fields = set(CONTRACTS.type_of(name).model_fields)
        assert not fields & PERSONAL, name


def test_the_codes_cover_the_seeds_access_routes_and_referrals_out() -> None:
    assert len(p.ReferralSource) == 11  # self-referral plus ten kinds of third party
    assert {k.value for k in p.ReferralOutKind} >= {
        "debt_counselling",
        "addiction_help",
        "family_help",
        "senior_counselling",
        "sgb_xii_67_help",
    }
    assert [t for t in p.TargetGroup if t.precarious] == [
        p.TargetGroup.re_admission,
        p.TargetGroup.assignment_into_vacant_flat,
    ]


def errors(model: type[BaseModel], body: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as invalid:
        model.model_validate(body)
    return {e.field: e.message for e in field_errors(invalid.value.errors())}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"housing_situation": "own_tenancy"}, "housing_situation", "prekäre Wohnsituation"),
        (
            {"target_group": "secured_tenancy_at_risk_of_recurrence"},
            "housing_situation",
            "eigener Mietvertrag",
        ),
        ({"adults": 0}, "adults", "mindestens 1"),
        ({"source": "neighbour"}, "source", "wählen: 'self_referral'"),
        ({"provider": "SKM Köln"}, "provider", "z. B. caritas"),
        ({"contact": {"name": "X", "phone": "abc"}}, "contact.phone", "z. B. 0221 123456"),
        ({"name": "Frau X"}, "name", "nicht vorgesehen"),
    ],
)
def test_a_referral_names_the_wrong_field(change: dict[str, Any], field: str, message: str) -> None:
    found = errors(p.ReceiveReferral, {**REFERRAL, **change})
    assert field in found and message in found[field], found


def test_a_home_visit_needs_findings_and_a_later_next_visit() -> None:
    assert "mindestens einen" in errors(p.RecordHomeVisit, {"findings": []})["findings"]
    both = errors(p.RecordHomeVisit, {"findings": ["none", "rent_arrears"]})
    assert "„Keine Schwierigkeiten“ und eine Schwierigkeit zugleich" in both["findings"]
    backwards = {"findings": ["none"], "done_on": "2025-05-02", "next_visit_due": "2025-05-02"}
    assert "nach diesem" in errors(p.RecordHomeVisit, backwards)["next_visit_due"]
    visit = p.RecordHomeVisit.model_validate({"findings": ["rent_arrears", "rent_arrears"]})
    assert visit.findings == [p.VisitFinding.rent_arrears]


def test_the_end_of_the_help_lies_after_its_admission() -> None:
    body = {"admitted_on": "2025-05-02", "ends_on": "2025-05-01"}
    assert "nach der Bewilligung" in errors(p.AdmitCase, body)["ends_on"]
    assert "ausfüllen" in errors(p.AdmitCase, {})["ends_on"]


def test_withdrawn_consent_is_no_outcome_to_choose_by_hand() -> None:
    assert "Widerruf" in errors(p.CloseCase, {"outcome": "consent_withdrawn"})["outcome"]


def test_comparable_help_is_kept_once_each_in_a_stable_order() -> None:
    check = p.CheckEligibility.model_validate(
        {"comparable_help": ["sgb_viii", "sgb_xii_67", "sgb_viii"]}
    )
    assert check.comparable_help == [p.ComparableHelp.sgb_viii, p.ComparableHelp.sgb_xii_67]


def test_declining_aftercare_needs_a_reason() -> None:
    assert "ausfüllen" in errors(p.DeclineAftercare, {})["reason"]
    assert "nicht vorgesehen" in errors(p.AcceptAftercare, {"reason": "not_needed"})["reason"]
