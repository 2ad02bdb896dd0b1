"""Intake's consent use cases and the disclosures list: who consented stays in intake's
tables, the history shows on the household, and every disclosure (hand-over, tandem)
shows the consent in force on its day — to the coordination and the own provider only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from sqlalchemy import select

from services.intake.application.consents import Consents
from services.intake.application.disclosure_projection import DisclosureProjection
from services.intake.application.household_changes import HouseholdChanges
from services.intake.application.households import Households
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts.intake import (
    ConsentPurpose,
    DisclosureKind,
    GetHousehold,
    HandOverHousehold,
    ListDisclosures,
    RecordConsent,
    WithdrawConsent,
)
from shared.contracts.volunteer import TandemEnded, TandemEndReason, TandemFormed
from shared.decider import Forbidden, NotFound
from shared.envelope import DomainEvent, Envelope
from shared.eventstore.schema import events
from shared.eventstore.store import RecordedEvent
from shared.identity import Role
from support.builders.intake import CARITAS, COORDINATOR, DRK, caller, intake_commands, register

GIVER = "Qx-Einwilligende Haddad"
WORDING = "Qx-Wortlaut: nur für die Wohnungssuche"


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


async def consent(
    commands: CommandExecutor, household_id: UUID, purpose: ConsentPurpose, on: str
) -> UUID:
    body = RecordConsent(
        household_id=household_id, purpose=purpose, given_on=on, given_by=GIVER, note=WORDING
    )
    return (await Consents(commands).record(body, CARITAS)).consent_id


def volunteer_event(event: DomainEvent) -> RecordedEvent:
    envelope = Envelope(
        event_id=uuid4(),
        event_type=event.event_type,
        schema_version=event.schema_version,
        stream_id="tandems:koeln:x",
        stream_version=1,
        municipality="koeln",
        provider="caritas",
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)


async def project(commands: CommandExecutor, *batch: RecordedEvent) -> None:
    async with commands.db.transaction() as conn:
        await DisclosureProjection().apply(conn, batch)


async def test_consents_show_with_their_history_and_no_name_reaches_an_event(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, CARITAS)
    consent_id = await consent(
        commands, household_id, ConsentPurpose.volunteer_tandem, "2025-03-02"
    )
    withdrawal = WithdrawConsent(
        household_id=household_id, consent_id=consent_id, withdrawn_on="2025-03-05"
    )
    await Consents(commands).withdraw(withdrawal, CARITAS)

    view = await Households(commands).get(GetHousehold(household_id=household_id), CARITAS)
    (shown,) = view.consents
    assert (shown.purpose, shown.given_by, shown.note) == (
        ConsentPurpose.volunteer_tandem,
        GIVER,
        WORDING,
    )
    assert (shown.given_on, shown.withdrawn_on) == (date(2025, 3, 2), date(2025, 3, 5))
    async with commands.db.read() as conn:
        payloads = " ".join(
            str(p) for p in (await conn.execute(select(events.c.payload))).scalars()
        )
    assert "Qx-" not in payloads


async def test_the_registrations_consent_is_listed_as_data_processing(
    commands: CommandExecutor,
) -> None:
    given = {"purpose": "Beratung und Vermittlung", "given_on": "2025-03-01", "given_by": GIVER}
    household_id = await register(commands, CARITAS, consent=given)
    view = await Households(commands).get(GetHousehold(household_id=household_id), CARITAS)
    assert view.consent is not None and view.consent.purpose == "Beratung und Vermittlung"
    assert [c.purpose for c in view.consents] == [ConsentPurpose.data_processing]
    assert view.consents[0].consent_id is not None


async def test_every_disclosure_shows_the_consent_in_force_on_its_day(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, CARITAS)
    tandem_consent = await consent(
        commands, household_id, ConsentPurpose.volunteer_tandem, "2025-03-02"
    )
    handover_consent = await consent(
        commands, household_id, ConsentPurpose.provider_handover, "2025-03-03"
    )
    tandem_id = uuid4()
    formed = TandemFormed(
        tandem_id=tandem_id,
        volunteer_id=uuid4(),
        household_id=household_id,
        provider="caritas",
        consent_id=tandem_consent,
        consent_given_on=date(2025, 3, 2),
        occurred_at=business_time(date(2025, 3, 2)),
    )
    ended = TandemEnded(
        tandem_id=tandem_id,
        volunteer_id=formed.volunteer_id,
        household_id=household_id,
        reason=TandemEndReason.by_agreement,
        occurred_at=business_time(date(2025, 3, 4)),
    )
    await project(commands, volunteer_event(formed), volunteer_event(formed))  # redelivered
    await project(commands, volunteer_event(ended))
    body = HandOverHousehold(
        household_id=household_id, to_provider="drk", handed_over_on="2025-03-04"
    )
    await HouseholdChanges(commands).hand_over(body, COORDINATOR)

    listed = await Consents(commands).disclosures(ListDisclosures(household_id=household_id), DRK)
    tandem, handover = listed.items
    assert (tandem.kind, tandem.tandem_id, tandem.tandem_ended_on) == (
        DisclosureKind.volunteer_tandem,
        tandem_id,
        date(2025, 3, 4),
    )
    assert tandem.consent is not None and tandem.consent.consent_id == tandem_consent
    assert (handover.kind, handover.from_provider, handover.recipient_provider) == (
        DisclosureKind.provider_handover,
        "caritas",
        "drk",
    )
    assert handover.consent is not None and handover.consent.consent_id == handover_consent
    assert handover.consent.given_by == GIVER


async def test_disclosures_are_for_the_coordination_and_the_own_provider_only(
    commands: CommandExecutor,
) -> None:
    household_id = await register(commands, CARITAS)
    query = ListDisclosures(household_id=household_id)
    assert (await Consents(commands).disclosures(query, COORDINATOR)).items == []
    assert (await Consents(commands).disclosures(query, CARITAS)).items == []
    with pytest.raises(NotFound):
        await Consents(commands).disclosures(query, DRK)
    for role in (Role.admin, Role.analyst, Role.volunteer, Role.housing_office):
        with pytest.raises(Forbidden):
            await Consents(commands).disclosures(query, caller(role))
    with pytest.raises(NotFound):
        await consent(commands, uuid4(), ConsentPurpose.volunteer_tandem, "2025-03-02")
