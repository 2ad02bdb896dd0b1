"""Wohnintegrationshilfe figures: referrals by source and target group, decisions, home
visits done, late and overdue on the last day, referrals out, outcomes, families with
children, the median length of the help and aftercare after a placement."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID, uuid4

from services.reporting.application import figures as uc
from shared.contracts import prevention as p
from shared.contracts.reporting import FigureCasesQuery
from shared.identity import Role
from support.builders.reporting import World, at, caller, day, world

SECURED = p.TargetGroup.secured_tenancy_at_risk_of_recurrence


def case(
    w: World,
    referred: str,
    admitted: str | None = None,
    minors: int = 0,
    source: str = "jobcenter",
    provider: str = "skm",
) -> UUID:
    case_id = uuid4()
    stream = f"case:{case_id}"
    w.record(
        p.ReferralReceived(
            case_id=case_id,
            provider=provider,
            source=p.ReferralSource(source),
            target_group=SECURED,
            housing_situation=p.HousingSituation.own_tenancy,
            adults=1,
            minors=minors,
            occurred_at=at(referred),
        ),
        stream,
        provider=provider,
    )
    if admitted:
        w.record(
            p.CaseAdmitted(
                case_id=case_id,
                provider=provider,
                target_group=SECURED,
                adults=1,
                minors=minors,
                ends_on=day("2026-12-31"),
                occurred_at=at(admitted),
            ),
            stream,
            provider=provider,
        )
    return case_id


def plan(w: World, case_id: UUID, on: str, due: str) -> None:
    event = p.VisitRhythmPlanned(
        case_id=case_id, every_days=30, next_visit_due=day(due), occurred_at=at(on)
    )
    w.record(event, f"case:{case_id}", provider="skm")


def visit(w: World, case_id: UUID, on: str, due: str | None, next_due: str) -> None:
    event = p.HomeVisitDone(
        case_id=case_id,
        visit_id=uuid4(),
        findings=(p.VisitFinding.none,),
        due_on=day(due) if due else None,
        next_visit_due=day(next_due),
        occurred_at=at(on),
    )
    w.record(event, f"case:{case_id}", provider="skm")


def close(
    w: World, case_id: UUID, on: str, outcome: str, admitted: str | None, minors: int = 0
) -> None:
    event = p.CaseClosed(
        case_id=case_id,
        outcome=p.CaseOutcome(outcome),
        target_group=SECURED,
        housing_situation=p.HousingSituation.own_tenancy,
        adults=1,
        minors=minors,
        admitted_on=day(admitted) if admitted else None,
        occurred_at=at(on),
    )
    w.record(event, f"case:{case_id}", provider="skm")


async def test_referrals_decisions_and_outcomes(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        a = case(w, "2025-01-05", "2025-01-20", minors=2)
        b = case(w, "2025-02-05", "2025-02-15", source="self_referral")
        c = case(w, "2025-03-05")
        w.record(
            p.CaseRejected(
                case_id=c,
                reason=p.RejectionReason.comparable_help_installed,
                occurred_at=at("2025-03-10"),
            ),
            f"case:{c}",
            provider="skm",
        )
        w.record(
            p.ReferredOut(
                case_id=a,
                referral_id=uuid4(),
                kind=p.ReferralOutKind.debt_counselling,
                occurred_at=at("2025-04-01"),
            ),
            f"case:{a}",
            provider="skm",
        )
        close(w, a, "2025-07-20", "tenancy_kept", "2025-01-20", minors=2)  # 181 days
        close(w, b, "2025-03-17", "eviction", "2025-02-15")  # 30 days
        await w.apply()

        figures = await w.figures()
        referrals = figures.figure("referrals_received")
        assert referrals.value == 3
        assert referrals.item("source", "jobcenter") == 2
        assert referrals.item("target_group", SECURED.value) == 3
        assert figures.value("cases_admitted") == 2
        assert figures.value("cases_admitted_with_children") == 1
        assert figures.figure("cases_rejected").item("reason", "comparable_help_installed") == 1
        assert figures.figure("referrals_out").item("kind", "debt_counselling") == 1
        assert figures.figure("cases_closed").item("outcome", "eviction") == 1
        assert figures.value("cases_closed_with_children") == 1
        assert figures.value("case_length_median_days") == 105.5

        office = caller(Role.housing_office)
        query = FigureCasesQuery(
            period_from=day("2025-01-01"),
            period_to=day("2025-12-31"),
            key="cases_closed",
            item="eviction",
        )
        assert (await uc.figure_cases(w.db, query, office)).ids == [b]


async def test_home_visits_done_late_and_overdue_on_the_last_day(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        punctual = case(w, "2025-01-02", "2025-01-10")
        plan(w, punctual, "2025-01-10", "2025-02-10")
        visit(w, punctual, "2025-02-10", "2025-02-10", "2025-03-10")
        late = case(w, "2025-01-02", "2025-01-10")
        plan(w, late, "2025-01-10", "2025-02-10")
        visit(w, late, "2025-02-20", "2025-02-10", "2025-03-20")
        closed = case(w, "2025-01-02", "2025-01-10")
        plan(w, closed, "2025-01-10", "2025-02-01")
        close(w, closed, "2025-02-15", "tenancy_kept", "2025-01-10")
        await w.apply()

        values = await w.values()
        assert (values["home_visits_done"], values["home_visits_late"]) == (2, 1)
        # On 15 March the punctual case's next visit (due 10 March) is overdue.
        march = await w.values("2025-03-01", "2025-03-15")
        assert march["home_visits_overdue_at_period_end"] == 1
        # On 5 February the closed case's visit (due 1 February) was overdue; it was open then.
        february = await w.values("2025-02-01", "2025-02-05")
        assert february["home_visits_overdue_at_period_end"] == 1
        assert (await w.values("2025-04-01", "2025-04-30"))[
            "home_visits_overdue_at_period_end"
        ] == 2


async def test_aftercare_after_a_placement(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        for answer in ("accepted", "declined", None):
            household = uuid4()
            stream = f"aftercare:{household}"
            w.record(
                p.AftercareOffered(
                    household_id=household,
                    provider="caritas",
                    adults=1,
                    minors=0,
                    offer_id=uuid4(),
                    moved_on=day("2025-06-01"),
                    occurred_at=at("2025-06-01"),
                ),
                stream,
            )
            if answer == "accepted":
                w.record(
                    p.AftercareAccepted(
                        household_id=household, provider="caritas", occurred_at=at("2025-06-10")
                    ),
                    stream,
                )
            elif answer == "declined":
                w.record(
                    p.AftercareDeclined(
                        household_id=household,
                        provider="caritas",
                        reason=p.AftercareDeclineReason.not_needed,
                        occurred_at=at("2025-06-10"),
                    ),
                    stream,
                )
        await w.apply()
        figures = await w.figures()
        assert figures.value("aftercare_offered") == 3
        assert figures.value("aftercare_accepted") == 1
        assert figures.figure("aftercare_declined").item("reason", "not_needed") == 1
