"""A tandem discloses a household to a volunteer: it needs the household's
`volunteer_tandem` consent on its first day, names that consent, and ends when the
consent is withdrawn. Volunteer learns consents from intake's events, in its household
projection's consumer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import pytest

from services.volunteer.application.consent_policy import ACTOR
from services.volunteer.application.household_projection import HouseholdProjection
from services.volunteer.application.tandems import Tandems
from services.volunteer.domain import tandems as td
from services.volunteer.domain.tandem_commands import EndOnConsentWithdrawn
from services.volunteer.domain.tandem_consent import CONSENT_WITHDRAWN
from shared.application import CommandExecutor
from shared.clock import business_time
from shared.contracts import volunteer as c
from shared.contracts.intake import (
    ConsentPurpose,
    HouseholdConsentGiven,
    HouseholdConsentWithdrawn,
)
from shared.decider import RuleViolation
from shared.envelope import DomainEvent
from shared.eventstore.store import RecordedEvent
from support.builders.volunteer import (
    COORDINATOR,
    form,
    intake_registers,
    ready_volunteer,
    recorded,
    volunteer_commands,
)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


def intake(event: DomainEvent, household_id: UUID) -> RecordedEvent:
    return recorded(event, f"household:koeln:{household_id}")


def consent_given(
    household_id: UUID,
    on: date,
    purpose: ConsentPurpose = ConsentPurpose.volunteer_tandem,
    consent_id: UUID | None = None,
) -> HouseholdConsentGiven:
    return HouseholdConsentGiven(
        household_id=household_id,
        consent_id=consent_id or uuid4(),
        purpose_code=purpose,
        given_on=on,
        occurred_at=business_time(on),
    )


def consent_withdrawn(household_id: UUID, consent_id: UUID, on: date) -> HouseholdConsentWithdrawn:
    return HouseholdConsentWithdrawn(
        household_id=household_id,
        consent_id=consent_id,
        purpose_code=ConsentPurpose.volunteer_tandem,
        withdrawn_on=on,
        occurred_at=business_time(on),
    )


async def project(commands: CommandExecutor, household_id: UUID, *events: DomainEvent) -> None:
    async with commands.db.transaction() as conn:
        await HouseholdProjection(commands.store).apply(
            conn, [intake(e, household_id) for e in events]
        )


async def policy(commands: CommandExecutor, *batch: RecordedEvent) -> None:
    """The household projection's consumer applies intake's events, withdrawals too."""
    async with commands.db.transaction() as conn:
        await HouseholdProjection(commands.store).apply(conn, batch)


async def stream(commands: CommandExecutor, household_id: UUID) -> list[RecordedEvent]:
    async with commands.db.transaction() as conn:
        return await commands.store.load(conn, td.stream_id("koeln", household_id))


async def household_without_consent(commands: CommandExecutor) -> UUID:
    return await intake_registers(commands, tandem_consent=False)


# ---------------------------------------------------------------- the gate


async def test_without_consent_no_tandem_is_formed_and_the_reason_says_what_to_do(
    commands: CommandExecutor,
) -> None:
    household_id = await household_without_consent(commands)
    with pytest.raises(RuleViolation) as refused:
        await form(commands, await ready_volunteer(commands), household_id)
    assert refused.value.code == "consent_missing"
    assert "erneut versuchen" in refused.value.message
    assert await stream(commands, household_id) == []


async def test_the_consent_to_processing_or_to_a_hand_over_does_not_cover_a_tandem(
    commands: CommandExecutor,
) -> None:
    household_id = await household_without_consent(commands)
    day = date(2025, 1, 10)
    await project(
        commands,
        household_id,
        consent_given(household_id, day, ConsentPurpose.data_processing),
        consent_given(household_id, day, ConsentPurpose.provider_handover),
    )
    with pytest.raises(RuleViolation, match="Tandem"):
        await form(commands, await ready_volunteer(commands), household_id)


async def test_a_consent_given_after_the_first_day_of_the_tandem_does_not_cover_it(
    commands: CommandExecutor,
) -> None:
    household_id = await household_without_consent(commands)
    await project(commands, household_id, consent_given(household_id, date(2025, 3, 2)))
    with pytest.raises(RuleViolation, match=r"01\.03\.2025"):
        await form(commands, await ready_volunteer(commands), household_id)  # on 1 March


async def test_a_tandem_names_the_consent_in_force_on_its_first_day(
    commands: CommandExecutor,
) -> None:
    household_id = await household_without_consent(commands)
    consent = consent_given(household_id, date(2025, 2, 1))
    await project(commands, household_id, consent, consent)  # redelivered: no harm
    await form(commands, await ready_volunteer(commands), household_id)
    (formed,) = [r.event for r in await stream(commands, household_id)]
    assert isinstance(formed, c.TandemFormed)
    assert (formed.consent_id, formed.consent_given_on) == (consent.consent_id, date(2025, 2, 1))


async def test_a_withdrawn_consent_covers_no_new_tandem(commands: CommandExecutor) -> None:
    household_id = await household_without_consent(commands)
    consent = consent_given(household_id, date(2025, 2, 1))
    withdrawn = consent_withdrawn(household_id, consent.consent_id, date(2025, 2, 20))
    await project(commands, household_id, consent, withdrawn)
    with pytest.raises(RuleViolation) as refused:
        await form(commands, await ready_volunteer(commands), household_id)
    assert refused.value.code == "consent_missing"


# ---------------------------------------------------------------- withdrawal ends the tandem


async def formed_with_consent(commands: CommandExecutor) -> tuple[UUID, UUID, UUID]:
    household_id = await household_without_consent(commands)
    consent = consent_given(household_id, date(2025, 2, 1))
    await project(commands, household_id, consent)
    tandem_id = await form(commands, await ready_volunteer(commands), household_id)
    return household_id, consent.consent_id, tandem_id


async def test_withdrawing_the_consent_ends_the_tandem_on_that_day(
    commands: CommandExecutor,
) -> None:
    household_id, consent_id, tandem_id = await formed_with_consent(commands)
    withdrawal = intake(consent_withdrawn(household_id, consent_id, date(2025, 4, 1)), household_id)
    await policy(commands, withdrawal)
    await policy(commands, withdrawal)  # redelivered: ends nothing twice

    *_, last = await stream(commands, household_id)
    assert isinstance(last.event, c.TandemEnded)
    assert (last.event.tandem_id, last.event.reason) == (tandem_id, CONSENT_WITHDRAWN)
    assert last.event.occurred_at == business_time(date(2025, 4, 1))
    assert (last.envelope.actor, last.envelope.causation_id) == (
        ACTOR,
        withdrawal.envelope.event_id,
    )
    assert len(await stream(commands, household_id)) == 2
    view = await Tandems(commands).get(tandem_id, COORDINATOR)
    assert view.ended_on == date(2025, 4, 1)
    again = c.FormTandem(
        volunteer_id=view.volunteer_id, household_id=household_id, formed_on="2025-04-15"
    )
    with pytest.raises(RuleViolation) as refused:
        await Tandems(commands).form(again, COORDINATOR)
    assert refused.value.code == "consent_missing"


async def test_a_tandem_resting_on_another_consent_goes_on(commands: CommandExecutor) -> None:
    household_id, _, _ = await formed_with_consent(commands)
    other = intake(consent_withdrawn(household_id, uuid4(), date(2025, 4, 1)), household_id)
    await policy(commands, other)
    assert len(await stream(commands, household_id)) == 1


def test_support_recorded_after_the_withdrawal_moves_the_end_to_its_day() -> None:
    tid, vid, hid, cid = uuid4(), uuid4(), uuid4(), uuid4()
    history: list[td.Event] = [
        c.TandemFormed(
            tandem_id=tid,
            volunteer_id=vid,
            household_id=hid,
            provider="caritas",
            consent_id=cid,
            consent_given_on=date(2025, 2, 1),
            occurred_at=business_time(date(2025, 3, 1)),
        ),
        c.TandemSupportRecorded(
            support_id=uuid4(),
            tandem_id=tid,
            household_id=hid,
            kind=c.SupportKind.viewing,
            occurred_at=business_time(date(2025, 4, 5)),
        ),
    ]
    state = td.tandems.fold(history)
    (ended,) = td.tandems.decide(EndOnConsentWithdrawn(cid, date(2025, 4, 1)), state)
    assert isinstance(ended, c.TandemEnded)
    assert ended.occurred_at == business_time(date(2025, 4, 5))
