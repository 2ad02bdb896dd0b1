"""Retention in every service that holds personal data, on a generated history: the dry
run lists exactly the subjects whose period ended (households deregistered, cases closed
or rejected, volunteers who left, five years ago or more in Köln), the apply erases them
(their canary names leave the databases), a second apply does nothing, and no yearly
figure moves. A service started with `RETENTION_AT` runs the job itself and says so in
its metrics."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, create_engine, inspect, select, table, text

from shared.clock import BUSINESS_TZ, today
from shared.retention import years_after
from support.system import ROOT, System, household, wait_until

T = today()
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "fachstelle-1"}
BONN = {"x-auszug-municipality": "bonn"}


def ago(years: int, days: int = 0) -> str:
    return (years_after(T, -years) - timedelta(days=days)).isoformat()


def ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()


class History:
    """The generated history, its subjects by name, and the canary each one carries."""

    def __init__(self, system: System) -> None:
        self.system, self.api = system, f"{system.gateway}/api"
        self.ids: dict[str, str] = {}

    def post(self, path: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
        response = self.system.http.post(f"{self.api}{path}", json=body, headers=headers or {})
        assert response.status_code in (200, 201), response.text
        return response.json()

    def household(self, name: str, left: int | None, restricted: bool = False) -> None:
        members = [{"role": "head", "age_band": "27-64", "given_name": f"Kanarie{name}"}]
        body = household(registered_on=ago(9), members=members)
        hid = self.ids[name] = self.post("/households", body)["household_id"]
        if left is not None:
            leave = {"reason": "moved_on_own", "deregistered_on": ago(left)}
            self.post(f"/households/{hid}/deregistration", leave)
        if restricted:
            self.post(f"/households/{hid}/restriction", {"reason": "retention_duty"})

    def case(
        self, name: str, *, rejected: int | None = None, closed: int | None = None, **extra: Any
    ) -> None:
        headers = extra.pop("headers", {})
        referral = {
            "provider": "skm",
            "received_on": ago(9),
            "source": "self_referral",
            "target_group": "secured_tenancy_at_risk_of_recurrence",
            "housing_situation": "own_tenancy",
            "adults": 1,
            "minors": 0,
            "contact": {"name": f"Kanarie{name}"},
            **extra,
        }
        cid = self.ids[name] = self.post("/prevention/cases", referral, headers)["case_id"]
        office = {**OFFICE, **headers}
        if rejected is not None:
            body = {"reason": "household_declined", "rejected_on": ago(rejected)}
            self.post(f"/prevention/cases/{cid}/rejection", body, office)
        if closed is not None:
            self.post(f"/prevention/cases/{cid}/eligibility", {"checked_on": ago(9)}, office)
            admission = {"admitted_on": ago(9), "ends_on": ago(closed, -1)}
            self.post(f"/prevention/cases/{cid}/admission", admission, office)
            closing = {"outcome": "tenancy_kept", "closed_on": ago(closed)}
            self.post(f"/prevention/cases/{cid}/closing", closing, office)

    def volunteer(self, name: str, left: int | None) -> None:
        body = {
            "provider": "caritas",
            "user_id": f"user-{name.lower()}",
            "registered_on": ago(9),
            "given_name": f"Kanarie{name}",
            "family_name": "Ehrenamt",
        }
        vid = self.ids[name] = self.post("/volunteers", body)["volunteer_id"]
        if left is not None:
            self.post(f"/volunteers/{vid}/leaving", {"left_on": ago(left)})


def generate(system: System) -> History:
    h = History(system)
    h.household("HausAlt", left=7)
    h.household("HausGenau", left=5)  # exactly five years ago today: due
    h.household("HausNeu", left=3)
    h.household("HausGesperrt", left=7, restricted=True)
    h.household("HausAktiv", left=None)
    h.case("FallAbgelehnt", rejected=7)
    h.case("FallAbgeschlossen", closed=6)
    h.case("FallNeu", rejected=3)
    h.case("FallGesperrt", rejected=7, household_id=h.ids["HausGesperrt"])
    h.case("FallOffen")
    h.case("FallBonn", rejected=8, headers=BONN)  # Bonn has no rule
    h.volunteer("EhrenAlt", left=7)
    h.volunteer("EhrenNeu", left=2)
    h.volunteer("EhrenAktiv", left=None)
    return h


DUE = {
    "intake": {"HausAlt", "HausGenau"},
    "prevention": {"FallAbgelehnt", "FallAbgeschlossen"},
    "volunteer": {"EhrenAlt"},
}
KEPT = {
    "intake": {"HausNeu", "HausGesperrt", "HausAktiv"},
    "prevention": {"FallNeu", "FallGesperrt", "FallOffen", "FallBonn"},
    "volunteer": {"EhrenNeu", "EhrenAktiv"},
}


def retention(system: System, *args: str) -> dict[str, dict[str, Any]]:
    """`python -m services.<name> retention ARGS` of every service at once; the reports."""
    runs = {
        service: subprocess.Popen(
            [sys.executable, "-m", f"services.{service}", "retention", *args, "--today", str(T)],
            cwd=ROOT,
            env=system[service].env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for service in DUE
    }
    reports = {}
    for service, run in runs.items():
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        reports[service] = json.loads(out)
    return reports


def engine(system: System, service: str) -> Engine:
    url = system[service].env.get(f"AUSZUG_{service.upper()}_DATABASE_URL")
    return create_engine(url or f"sqlite:///{system.workdir}/var/{service}.db")


def database_text(system: System, service: str) -> str:
    """Every row of every table of the service's database, as one string."""
    db = engine(system, service)
    try:
        with db.connect() as conn:
            names = inspect(conn).get_table_names()
            rows = (conn.execute(select("*").select_from(table(n))).all() for n in names)
            return "\n".join(str(r) for r in rows)
    finally:
        db.dispose()


def figures(system: System) -> list[dict[str, int]]:
    return [system.figures(year) for year in range(T.year - 9, T.year + 1)]


def settled(system: System) -> list[dict[str, int]]:
    """The yearly figures once every outbox is drained and two reads a second apart agree."""
    for service in DUE:

        def drained(s: str = service) -> bool:
            return bool(system[s].metrics().get("auszug_outbox_backlog_messages") == 0)

        wait_until(drained, what=f"{service}'s outbox drained")
    previous: list[Any] = [None]

    def stable() -> list[dict[str, int]] | None:
        now = figures(system)
        same, previous[0] = now == previous[0], now
        return now if same else None

    settled_figures: list[dict[str, int]] = wait_until(stable, interval=1.0, what="figures")
    return settled_figures


def test_retention_erases_what_is_due_everywhere_once_and_keeps_the_figures(
    system: System,
) -> None:
    h = generate(system)
    rule = ("--rule", "koeln=5")

    def dry_run_lists_exactly_the_due() -> dict[str, dict[str, Any]] | None:
        reports = retention(system, "--dry-run", *rule)
        due = {s: {h.ids[n] for n in names} for s, names in DUE.items()}
        return reports if all(set(r["erased"]) == due[s] for s, r in reports.items()) else None

    # Prevention learns of the restriction from intake's events: wait for it.
    dry = wait_until(dry_run_lists_exactly_the_due, timeout=60, interval=0.5, what="dry runs")
    assert dry["prevention"]["skipped"] == {"restricted": [h.ids["FallGesperrt"]]}
    assert dry["intake"]["skipped"] == {"restricted": [h.ids["HausGesperrt"]]}
    assert not any(r["applied"] for r in dry.values())
    before = settled(system)

    applied = retention(system, "--apply", *rule)  # the rule is stored now
    for service, report in applied.items():
        assert set(report["erased"]) == {h.ids[n] for n in DUE[service]}
    again = retention(system, "--apply")
    assert all(r["erased"] == [] for r in again.values()), "a second run erased again"

    def canaries_gone() -> bool:
        dumps = [database_text(system, s) for s in DUE]
        return all(f"Kanarie{n}" not in d for n in set().union(*DUE.values()) for d in dumps)

    wait_until(canaries_gone, timeout=60, interval=0.5, what="canaries gone everywhere")
    for service, names in KEPT.items():
        dump = database_text(system, service)
        assert all(f"Kanarie{n}" in dump for n in names), f"{service} erased too much"
    assert settled(system) == before

    # The service's own schedule, due a few seconds after its start, under a stricter rule.
    prevention = system["prevention"]
    prevention.stop()
    db = engine(system, "prevention")
    with db.begin() as conn:
        conn.execute(text("UPDATE retention_rules SET erase_after_years = 2"))
    db.dispose()
    at = (datetime.now(BUSINESS_TZ) + timedelta(seconds=12)).strftime("%H:%M:%S")
    prevention.start({"AUSZUG_PREVENTION_RETENTION_AT": at})
    ran = wait_until(
        lambda: prevention.metrics().get('auszug_retention_runs_total{outcome="success"}'),
        timeout=45,
        interval=0.5,
        what="the scheduled retention run",
    )
    metrics = prevention.metrics()
    assert (ran, metrics['auszug_retention_runs_total{outcome="failure"}']) == (1, 0)
    assert metrics['auszug_retention_erased_total{subject="case"}'] == 1
    assert metrics["auszug_retention_last_success_timestamp_seconds"] > 0
    assert "KanarieFallNeu" not in database_text(system, "prevention")
