"""Builders for prevention: a case's history for the decider (referred … running, closed),
the use cases' setup on a migrated database, callers, and the placement that offers
aftercare."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from services.prevention.application.aftercare import AftercareOffers
from services.prevention.application.cases import Cases
from services.prevention.application.course import Course
from services.prevention.application.help_acts import HelpActs
from services.prevention.domain import aftercare as ac
from services.prevention.entrypoints.app import MIGRATIONS
from shared.application import CommandExecutor
from shared.clock import business_time, today
from shared.contracts import prevention as p
from shared.contracts.placement import LandlordKind, PlacementCompleted
from shared.contracts.prevention import (
    AftercareOffered,
    CaseAdmitted,
    CaseClosed,
    CaseOutcome,
    ConsentRecorded,
    EligibilityChecked,
    HousingSituation,
    ReferralReceived,
    ReferralSource,
    TargetGroup,
)
from shared.db import Database
from shared.envelope import Envelope
from shared.eventstore.store import RecordedEvent
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on

CID = UUID("00000000-0000-4000-8000-00000000c001")
TODAY = date(2025, 6, 30)
ENDS = date(2025, 9, 9)


def on(month: int, day: int) -> date:
    return date(2025, month, day)


def at(month: int, day: int) -> datetime:
    return business_time(on(month, day))


def referred(
    target_group: TargetGroup = TargetGroup.re_admission,
    housing: HousingSituation = HousingSituation.requisitioned_flat,
) -> ReferralReceived:
    return ReferralReceived(
        case_id=CID,
        provider="skm",
        source=ReferralSource.jobcenter,
        target_group=target_group,
        housing_situation=housing,
        adults=2,
        minors=2,
        occurred_at=at(3, 3),
    )


REFERRED = referred()
CHECKED = EligibilityChecked(case_id=CID, eligible=True, occurred_at=at(3, 5))
ADMITTED = CaseAdmitted(
    case_id=CID,
    provider="skm",
    target_group=TargetGroup.re_admission,
    adults=2,
    minors=2,
    ends_on=ENDS,
    occurred_at=at(3, 10),
)


CONSENTED = ConsentRecorded(case_id=CID, occurred_at=at(3, 12))
RUNNING = (REFERRED, CHECKED, ADMITTED, CONSENTED)


def closed_with(outcome: CaseOutcome, housing: HousingSituation) -> CaseClosed:
    return CaseClosed(
        case_id=CID,
        outcome=outcome,
        target_group=TargetGroup.re_admission,
        housing_situation=housing,
        adults=2,
        minors=2,
        admitted_on=on(3, 10),
        occurred_at=at(6, 20),
    )


def caller(role: Role, provider: str | None = None, city: str = "koeln") -> Caller:
    return Caller(
        user_id=f"{role}-1", role=role, municipality=city, provider=provider, correlation_id=uuid4()
    )


COORDINATOR = caller(Role.coordinator)
OFFICE = caller(Role.housing_office)
SKM = caller(Role.caseworker, "skm")
T = today()


def ago(days: int) -> date:
    return T - timedelta(days=days)


@dataclass
class Setup:
    commands: CommandExecutor
    cases: Cases
    course: Course
    acts: HelpActs
    aftercare: AftercareOffers


@asynccontextmanager
async def prevention_setup(directory: Path) -> AsyncIterator[Setup]:
    """Prevention's use cases on a fresh, migrated SQLite database in `directory`."""
    url = f"sqlite+aiosqlite:///{directory}/prevention.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    commands = executor_on(db)
    try:
        use_cases = Cases(commands), Course(commands), HelpActs(commands)
        yield Setup(commands, *use_cases, AftercareOffers(commands))
    finally:
        await db.dispose()


def referral(**extra: Any) -> p.ReceiveReferral:
    body: dict[str, Any] = {
        "provider": "skm",
        "received_on": ago(60),
        "source": "housing_company",
        "target_group": "assignment_into_vacant_flat",
        "housing_situation": "assigned_flat",
        "adults": 1,
        "minors": 3,
        "contact": {"name": "Familie Yilmaz", "phone": "0221 998877"},
        "street_address": "Venloer Straße 1",
        "referred_by": "Herr Jobcenter",
        **extra,
    }
    return p.ReceiveReferral.model_validate(body)


async def running_case(s: Setup, worker: Caller = SKM, **extra: Any) -> UUID:
    """A referred, checked, admitted case with consent and a 14-day rhythm, 60 days old."""
    body = referral(provider=worker.provider, **extra)
    case_id = (await s.cases.receive_referral(body, worker)).case_id
    await s.course.check_eligibility(case_id, p.CheckEligibility(checked_on=ago(58)), worker)
    admit = p.AdmitCase(admitted_on=ago(55), ends_on=T + timedelta(days=120))
    await s.course.admit(case_id, admit, OFFICE)
    await s.course.record_consent(case_id, p.RecordConsent(given_on=ago(55)), worker)
    rhythm = p.PlanVisitRhythm(every_days=14, planned_on=ago(55))
    await s.acts.plan_rhythm(case_id, rhythm, worker)
    return case_id


HID = UUID("00000000-0000-4000-8000-000000000001")
OFFER = UUID("00000000-0000-4000-8000-0000000000f1")
OFFERED = AftercareOffered(
    household_id=HID,
    provider="caritas",
    adults=2,
    minors=1,
    offer_id=OFFER,
    moved_on=date(2025, 4, 1),
    occurred_at=business_time(date(2025, 3, 20)),
)


OFFER_IT = ac.OfferAftercare(HID, "caritas", 2, 1, OFFER, date(2025, 4, 1), date(2025, 3, 20))


def placement(household_id: UUID = HID, municipality: str = "koeln") -> RecordedEvent:
    event = PlacementCompleted(
        household_id=household_id,
        offer_id=OFFER,
        landlord_id=uuid4(),
        landlord_kind=LandlordKind.municipal_housing_company,
        provider="caritas",
        adults=2,
        minors=1,
        refugee_quota=True,
        volunteer_supported=False,
        wbs_required=True,
        household_had_wbs=True,
        moved_on=date(2025, 4, 1),
        occurred_at=business_time(date(2025, 3, 20)),
    )
    envelope = Envelope(
        event_id=uuid4(),
        event_type="PlacementCompleted",
        schema_version=1,
        stream_id=f"offer:{municipality}:{OFFER}",
        stream_version=7,
        municipality=municipality,
        provider="caritas",
        actor="koordinatorin",
        correlation_id=uuid4(),
        causation_id=None,
        occurred_at=event.occurred_at,
        recorded_at=datetime.now(UTC),
        payload=event.payload(),
    )
    return RecordedEvent(envelope, event)
