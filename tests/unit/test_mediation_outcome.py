"""A mediation's outcome (Ergebnis): recorded with it, optional, unknown for mediations
recorded before it was asked, and counted by outcome in the yearly prevention figures."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
from pydantic import ValidationError

from services.prevention.domain import case_commands as cmd
from services.prevention.domain.case import case
from services.reporting.application.projections.prevention import mediated
from services.reporting.domain.figures.model import figure_of
from services.reporting.domain.figures.prevention import PREVENTION
from shared.contracts import CONTRACTS
from shared.contracts import prevention as p
from shared.envelope import Envelope
from shared.eventstore.store import RecordedEvent
from shared.testing import given
from support.builders.prevention import CID, RUNNING, TODAY, at, on

M1 = UUID("00000000-0000-4000-8000-0000000000d1")


def test_a_mediation_is_recorded_with_its_outcome() -> None:
    mediate = cmd.RecordMediation(
        M1,
        p.MediationParty.landlord,
        p.MediationTopic.rent_arrears,
        on(4, 3),
        TODAY,
        outcome=p.MediationOutcome.instalment_agreement,
    )
    given(case, *RUNNING).when(mediate).then(
        p.MediationRecorded(
            case_id=CID,
            mediation_id=M1,
            party=p.MediationParty.landlord,
            topic=p.MediationTopic.rent_arrears,
            outcome=p.MediationOutcome.instalment_agreement,
            occurred_at=at(4, 3),
        )
    )


def test_the_outcome_is_optional_and_one_of_the_codes() -> None:
    body = {"party": "jobcenter", "topic": "benefits"}
    assert p.RecordMediation.model_validate(body).outcome is None
    chosen = p.RecordMediation.model_validate({**body, "outcome": "no_agreement"})
    assert chosen.outcome is p.MediationOutcome.no_agreement
    with pytest.raises(ValidationError) as refused:
        p.RecordMediation.model_validate({**body, "outcome": "maybe"})
    assert refused.value.errors()[0]["loc"] == ("outcome",)


def envelope(payload: dict[str, Any]) -> Envelope:
    return Envelope(
        event_id=uuid4(),
        event_type="MediationRecorded",
        schema_version=1,
        stream_id=f"case:koeln:{CID}",
        stream_version=5,
        municipality="koeln",
        provider="skm",
        actor="test",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=datetime(2026, 4, 2, 22, tzinfo=UTC),
        recorded_at=datetime(2026, 4, 3, 9, tzinfo=UTC),
        payload=payload,
    )


OLD_PAYLOAD = {
    "case_id": str(CID),
    "mediation_id": str(M1),
    "party": "jobcenter",
    "topic": "benefits",
}


def recorded(payload: dict[str, Any]) -> RecordedEvent:
    wire = envelope(payload)
    event = CONTRACTS.decode(wire)
    assert event is not None
    return RecordedEvent(envelope=wire, event=event)


def test_a_mediation_recorded_before_outcomes_reads_as_unknown() -> None:
    old = recorded(OLD_PAYLOAD).event
    assert isinstance(old, p.MediationRecorded)
    assert old.outcome is None


def test_the_yearly_figures_count_mediations_by_outcome() -> None:
    agreed = {**OLD_PAYLOAD, "outcome": "agreement_reached"}
    # The handler does not look at the batch's context.
    facts = [mediated(recorded(payload), None) for payload in (OLD_PAYLOAD, agreed)]  # type: ignore[arg-type]
    rows = [{**columns, "n": 1} for produced in facts for _, columns in produced]
    assert [r["outcome"] for r in rows] == [None, "agreement_reached"]
    (spec,) = [s for s in PREVENTION.specs if s.figure.key == "mediations"]
    figure = figure_of(spec, rows)
    assert figure.value == 2
    (by_outcome,) = [b for b in figure.breakdowns if b.dimension == "outcome"]
    values = {i.code: (i.label, i.value) for i in by_outcome.items}
    assert values["agreement_reached"] == ("Einigung erzielt", 1)
    assert values[""] == ("Ergebnis nicht erfasst", 1)
    assert values["no_agreement"] == ("Keine Einigung", 0)
