"""The synthetic history `bench.reporting_rebuild` replays: households' years in several
municipalities, as envelope bodies, published as the relays would publish them."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from itertools import zip_longest
from typing import Any
from uuid import uuid4

import nats

from shared.clock import business_time, utcnow
from shared.contracts import CONTRACTS
from shared.contracts import intake as i
from shared.contracts import placement as pl
from shared.contracts import prevention as pv
from shared.contracts import volunteer as vo
from shared.envelope import DomainEvent, Envelope
from shared.messaging import ensure_streams

CITIES = ("koeln", "bergisch-gladbach", "bonn", "leverkusen")
PROVIDERS = ("caritas", "drk", "fluechtlingsrat")
YEAR = 2025
Story = list[tuple[DomainEvent, str, str | None]]  # (event, stream id, envelope provider)


def story(rng: random.Random, city: str) -> Story:
    """One household's year (registration to aftercare) and some work around it."""
    hid, oid, day = uuid4(), uuid4(), date(YEAR, 1, 1) + timedelta(days=rng.randrange(300))
    p, kind = rng.choice(PROVIDERS), rng.choice(list(pl.LandlordKind))
    adults, minors, gid, vid = rng.randint(1, 3), rng.randint(0, 4), uuid4(), uuid4()

    def at(days: int) -> Any:
        return business_time(day + timedelta(days=days))

    h, o = f"household:{city}:{hid}", f"offer:{city}:{oid}"
    common = {"offer_id": oid, "household_id": hid, "provider": p}
    guarantee = {**common, "guarantee_id": gid, "kind": "deposit", "requested_from": "jobcenter"}
    events: Story = [
        (i.HouseholdRegistered(household_id=hid, provider=p, adults=adults, minors=minors,
                               accommodation_kind="shelter", occurred_at=at(0)), h, p),
        (i.HousingReadinessAssessed(household_id=hid, assessment_id=uuid4(), criteria={},
                                    result="ready", occurred_at=at(5)), h, p),
        (pl.OfferReceived(offer_id=oid, landlord_id=uuid4(), landlord_kind=kind, district="kalk",
                          rooms=Decimal(2), size_m2=Decimal(60), cold_rent=Decimal(600),
                          running_costs=Decimal(150), available_from=day, wbs_required=False,
                          refugee_quota=False, accessible=False, source="public_relations",
                          occurred_at=at(6)), o, None),
        (pl.HouseholdProposed(**common, adults=adults, minors=minors, occurred_at=at(8)), o, p),
        (pl.LandlordDecided(**common, decision="accepted", proposed_on=day + timedelta(days=8),
                            occurred_at=at(10)), o, p),
        (pl.ViewingScheduled(**common, viewing_id=vid, viewing_on=day + timedelta(days=12),
                             occurred_at=at(11)), o, p),
        (pl.ViewingHeld(**common, viewing_id=vid, outcome="household_interested",
                        accompanied_by_tandem=False, occurred_at=at(12)), o, p),
        (pl.GuaranteeRequested(**guarantee, occurred_at=at(13)), o, p),
        (pl.GuaranteeDecided(**guarantee, requested_on=day + timedelta(days=13),
                             decision="approved", occurred_at=at(20)), o, p),
        (pl.PlacementCompleted(**common, landlord_id=uuid4(), landlord_kind=kind, adults=adults,
                               minors=minors, refugee_quota=False, volunteer_supported=False,
                               wbs_required=False, household_had_wbs=True,
                               moved_on=day + timedelta(days=30), occurred_at=at(25)), o, None),
        (i.HouseholdDeregistered(household_id=hid, reason="moved_out_via_placement",
                                 adults=adults, minors=minors, occurred_at=at(30)), h, p),
        (pv.AftercareOffered(household_id=hid, provider=p, adults=adults, minors=minors,
                             offer_id=oid, moved_on=day + timedelta(days=30),
                             occurred_at=at(25)), f"aftercare:{city}:{hid}", p),
        (vo.ConsultationHeld(consultation_id=uuid4(), provider=p, channel="in_person",
                             visitor="tandem", topic="flat_search", duration_minutes=20,
                             occurred_at=at(3)), f"consultation:{city}:{uuid4()}", p),
    ]  # fmt: skip
    qid, cid = uuid4(), uuid4()
    q, c = f"inquiry:{city}:{qid}", f"case:{city}:{cid}"
    events += [
        (i.InquiryReceived(inquiry_id=qid, sender_kind="resident", channel="email",
                           occurred_at=at(1)), q, None),
        (i.InquiryTriaged(inquiry_id=qid, outcome="answered", first=True,
                          occurred_at=at(2)), q, None),
        (pv.ReferralReceived(case_id=cid, provider="skm", source="jobcenter",
                             target_group="re_admission", housing_situation="requisitioned_flat",
                             adults=adults, minors=minors, occurred_at=at(1)), c, "skm"),
        (pv.CaseAdmitted(case_id=cid, provider="skm", target_group="re_admission",
                         adults=adults, minors=minors, ends_on=day + timedelta(days=200),
                         occurred_at=at(9)), c, "skm"),
        (pv.HomeVisitDone(case_id=cid, visit_id=uuid4(), findings=("none",),
                          next_visit_due=day + timedelta(days=60), occurred_at=at(30)), c, "skm"),
    ]  # fmt: skip
    if rng.random() < 0.85:  # most cases end within the year, as in the seed's reports
        events.append(
            (pv.CaseClosed(case_id=cid, outcome="tenancy_kept", target_group="re_admission",
                           housing_situation="requisitioned_flat", adults=adults, minors=minors,
                           admitted_on=day + timedelta(days=9), occurred_at=at(50)), c, "skm")
        )  # fmt: skip
    return events


def history(total: int, seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """`total` envelope bodies; 400 stories at a time interleaved, as a real stream is."""
    rng, versions, made = random.Random(seed), dict[str, int](), 0
    while made < total:
        stories = [story(rng, CITIES[n % len(CITIES)]) for n in range(400)]
        for row in zip_longest(*stories):
            for item in row:
                if item is None or made >= total:
                    continue
                event, stream, provider = item
                versions[stream] = version = versions.get(stream, 0) + 1
                yield CONTRACTS.subject(event.event_type), Envelope(
                    event_id=uuid4(), event_type=event.event_type,
                    schema_version=event.schema_version, stream_id=stream,
                    stream_version=version, municipality=stream.split(":")[1],
                    provider=provider, actor="bench", correlation_id=uuid4(), causation_id=None,
                    occurred_at=event.occurred_at, recorded_at=utcnow(), payload=event.payload(),
                ).model_dump_json().encode()  # fmt: skip
                made += 1
        versions.clear()  # every story's streams are new ids


async def fill(url: str, total: int) -> float:
    """Publish the history as the relays would; seconds taken."""
    nc = await nats.connect(url)
    js = nc.jetstream()
    await ensure_streams(js)
    started, pending = time.perf_counter(), []
    for n, (subject, body) in enumerate(history(total)):
        pending.append(await js.publish_async(subject, body, headers={"Nats-Msg-Id": str(n)}))
        if len(pending) == 1000:
            await asyncio.gather(*pending)
            pending = []
    await asyncio.gather(*pending)
    await nc.drain()
    return time.perf_counter() - started
