"""Placement's contracts: no personal data in events, German field errors on bad input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest
from pydantic import BaseModel, ValidationError

from shared.clock import business_time
from shared.contracts import CONTRACTS
from shared.contracts import placement as c
from shared.envelope import DomainEvent
from shared.validation import field_errors

PERSONAL = {
    "name",
    "contact_person",
    "phone",
    "email",
    "note",
    "street_address",
    "given_name",
    "family_name",
    "birth_date",
}
EVENTS = [
    cls
    for cls in vars(c).values()
    if isinstance(cls, type) and issubclass(cls, DomainEvent) and cls is not DomainEvent
]


def errors(model: type[BaseModel], data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return {e.field: e.message for e in field_errors(caught.value.errors())}


def test_every_placement_event_is_registered_under_its_subject() -> None:
    assert len(EVENTS) == 13
    for cls in EVENTS:
        assert CONTRACTS.subject(cls.__name__) == f"auszug.placement.{cls.__name__}"


def test_personal_data_fields_never_reach_an_event_schema() -> None:
    for cls in EVENTS:
        assert not PERSONAL & set(cls.model_fields), cls.__name__


def test_an_offer_with_decimals_survives_the_payload_round_trip() -> None:
    event = c.OfferReceived(
        offer_id=uuid4(),
        landlord_id=uuid4(),
        landlord_kind=c.LandlordKind.municipal_housing_company,
        district="chorweiler",
        rooms=Decimal("2.5"),
        size_m2=Decimal("61.35"),
        cold_rent=Decimal("512.40"),
        running_costs=Decimal("140"),
        available_from=date(2019, 11, 1),
        wbs_required=True,
        refugee_quota=True,
        accessible=False,
        source=c.OfferSource.housing_company_quota,
        occurred_at=business_time(date(2019, 10, 1)),
    )
    again = c.OfferReceived.model_validate({**event.payload(), "occurred_at": event.occurred_at})
    assert again == event


def offer_request(**overrides: Any) -> dict[str, Any]:
    return {
        "landlord_id": str(uuid4()),
        "district": "ehrenfeld",
        "rooms": 3,
        "size_m2": 70,
        "cold_rent": "650.00",
        "running_costs": 150,
        "available_from": "2025-07-01",
        "wbs_required": False,
        "source": "private_landlord",
        **overrides,
    }


def test_an_offer_request_names_each_bad_field_in_german() -> None:
    found = errors(
        c.ReceiveOffer,
        offer_request(
            district="Venloer Straße 12", rooms=2.25, cold_rent=-1, source="zeitung", extra=1
        ),
    )
    assert set(found) == {"district", "rooms", "cold_rent", "source", "extra"}
    assert found["cold_rent"] == "Bitte mindestens 0 eingeben."
    assert found["district"].startswith("Bitte einen Eintrag aus der Liste wählen")
    assert found["rooms"] == "Zimmer in halben Schritten, z. B. 2 oder 2,5."
    assert found["extra"] == "Dieses Feld ist nicht vorgesehen."
    assert c.ReceiveOffer.model_validate(offer_request()).rooms == Decimal(3)
    assert errors(c.ReceiveOffer, offer_request(size_m2="groß", running_costs="1.005")) == {
        "size_m2": "Bitte eine Zahl eingeben, z. B. 2,5.",
        "running_costs": "Höchstens zwei Nachkommastellen (Cent).",
    }


def test_a_cooperation_agreement_and_its_day_go_together() -> None:
    landlord = {"kind": "private", "name": "Frau Beispiel"}
    missing = errors(c.RegisterLandlord, {**landlord, "cooperation_agreement": True})
    assert missing == {
        "cooperation_agreed_on": "Bitte den Tag der Kooperationsvereinbarung angeben."
    }
    stray = errors(c.RegisterLandlord, {**landlord, "cooperation_agreed_on": "2020-01-01"})
    assert set(stray) == {"cooperation_agreed_on"}


def test_the_move_cannot_precede_the_lease() -> None:
    found = errors(
        c.CompletePlacement,
        {"household_id": str(uuid4()), "lease_signed_on": "2025-03-10", "moved_on": "2025-03-01"},
    )
    assert found == {
        "moved_on": "Der Einzug kann nicht vor der Unterschrift unter den Mietvertrag liegen."
    }


def test_a_household_is_proposed_once_per_request_and_a_tandem_needs_accompanying() -> None:
    hid = str(uuid4())
    assert set(errors(c.ProposeHouseholds, {"household_ids": [hid, hid]})) == {"household_ids"}
    assert set(errors(c.ProposeHouseholds, {"household_ids": []})) == {"household_ids"}
    viewing = {"viewing_id": str(uuid4()), "outcome": "household_interested"}
    assert set(errors(c.RecordViewing, {**viewing, "tandem_id": str(uuid4())})) == {"tandem_id"}


def test_rules_have_one_guideline_value_per_household_size() -> None:
    limit = {"persons": 2, "max_gross_cold_rent": 788}
    found = errors(
        c.PlacementRules,
        {"proposal_stall_days": 14, "rent_limits": [limit, limit]},
    )
    # The stall days are the due list's now: a client still sending them is told so.
    assert set(found) == {"proposal_stall_days", "rent_limits"}
    # Replaced as a whole: a body without its guideline values is refused, not a wipe.
    assert set(errors(c.PlacementRules, {})) == {"rent_limits"}
    assert c.PlacementRules.model_validate({"rent_limits": []}).rent_limits == []
