"""Monitoring that tells the truth: the alert rules pass promtool, every metric the rules
and the dashboard name is exported by the running services, and Debian's Prometheus
scrapes the running system, evaluates every rule and answers every panel's query."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from support.nats_server import NatsServer
from support.ports import free_port
from support.system import ROOT, System, household, wait_until

PROMETHEUS = ROOT / "deploy" / "prometheus"
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "auszug.json"
# Series Prometheus makes itself rather than scraping them.
SYNTHETIC = {"up"}
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count")}


def tool(name: str) -> str:
    found = shutil.which(name) or (
        f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None
    )
    assert found, f"{name} not found: scripts/bootstrap installs Debian's prometheus package"
    return found


def promtool(*args: str) -> str:
    done = subprocess.run([tool("promtool"), *args], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_alert_rules_pass_promtool_and_fire_when_they_should() -> None:
    assert "SUCCESS" in promtool("check", "rules", "deploy/prometheus/alerts.yml")
    assert "SUCCESS" in promtool("test", "rules", "deploy/prometheus/alerts.test.yml")


def test_both_prometheus_configs_pass_promtool_and_load_the_rules() -> None:
    for config in ("prometheus.yml", "prometheus.local.yml"):
        out = promtool("check", "config", f"deploy/prometheus/{config}")
        assert "1 rule files found" in out, out


def dashboard_exprs() -> list[str]:
    panels = json.loads(DASHBOARD.read_text())["panels"]
    return [t["expr"] for p in panels for t in p.get("targets", [])]


def rule_exprs() -> list[str]:
    groups = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text())["groups"]
    return [rule["expr"] for group in groups for rule in group["rules"]]


def metric_names(expr: str) -> set[str]:
    """Metric names in a PromQL expression: ours, the process collector's, `up`."""
    expr = re.sub(r'"[^"]*"', '""', expr)  # label values are not names
    return set(re.findall(r"\b(?:auszug|process|python)_[a-z0-9_]+\b|\bup\b", expr))


def exported_names(text: str) -> set[str]:
    """Every name a query may use for the families in a /metrics page, even unlabelled ones
    that have no sample yet (a dead-letter counter before the first dead letter)."""
    names = set()
    for family in text_string_to_metric_families(text):
        names.add(family.name)
        names.update(family.name + suffix for suffix in SUFFIXES.get(family.type, ()))
    return names


@pytest.fixture
def watched(
    tmp_path: Path, nats_server: NatsServer, database_urls: dict[str, str]
) -> Iterator[tuple[System, str]]:
    """The system and Debian's Prometheus on prometheus.local.yml, pointed at its ports.

    Prometheus starts first: its discovery hands targets to the scrapers only after
    5 seconds, which then pass while the services start.
    """
    system = System(tmp_path, nats_server, database_urls)
    # As deployed (docker-compose): the retention jobs are scheduled, so their metrics
    # exist and the retention alert is evaluated against them.
    for service in ("intake", "prevention", "volunteer"):
        system[service].env[f"AUSZUG_{service.upper()}_RETENTION_AT"] = "03:00"
    config = yaml.safe_load((PROMETHEUS / "prometheus.local.yml").read_text())
    config["global"] = {"scrape_interval": "1s", "evaluation_interval": "1s"}
    config["rule_files"] = [str(PROMETHEUS / f) for f in config["rule_files"]]
    job = next(j for j in config["scrape_configs"] if j["job_name"] == "auszug")
    job["static_configs"] = [
        {"targets": [f"127.0.0.1:{system[t['labels']['service']].port}"], "labels": t["labels"]}
        for t in job["static_configs"]
        if t["labels"]["service"] in system.services
    ]
    config["scrape_configs"] = [job]
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    log = (tmp_path / "prometheus.log").open("wb")
    proc = subprocess.Popen(
        [
            tool("prometheus"),
            f"--config.file={tmp_path / 'prometheus.yml'}",
            f"--storage.tsdb.path={tmp_path / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        system.start()
        yield system, f"http://127.0.0.1:{port}"
    finally:
        system.stop()
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def api(base: str, path: str, **params: str) -> Any:
    try:
        response = httpx.get(f"{base}/api/v1/{path}", params=params, timeout=5)
    except httpx.TransportError:
        return None
    body = response.json()
    assert body["status"] == "success", body
    return body["data"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_prometheus_watches_the_running_system_with_every_name_the_rules_and_dashboard_use(
    watched: tuple[System, str],
) -> None:
    system, prometheus = watched
    assert system.register(household()).status_code == 201  # labelled series exist now
    system.wait_for_households(2025, 1)

    # Every process imports shared.metrics and so lists every family: a name counts as
    # exported only by the processes that own it (HTTP and mail to staff: the gateway;
    # the rest: services).
    scraped = {
        n: exported_names(httpx.get(f"{system[n].base_url}/metrics").text) for n in system.services
    }
    by_services = set().union(*(names for n, names in scraped.items() if n != "gateway"))
    named = set().union(*map(metric_names, dashboard_exprs() + rule_exprs()))
    gateway = {n for n in named if n.startswith(("auszug_http_", "auszug_mail_"))}
    assert gateway - scraped["gateway"] == set()
    assert named - gateway - by_services - SYNTHETIC == set(), "named, but no service exports it"
    for must in ("auszug_http_requests_total", "auszug_events_appended_total", "up"):
        assert must in named

    def all_targets_up() -> bool:
        targets = (api(prometheus, "targets") or {}).get("activeTargets", [])
        return len(targets) == len(system.services) and all(t["health"] == "up" for t in targets)

    wait_until(all_targets_up, timeout=30, interval=0.5, what="every service scraped")

    def rules_evaluated() -> list[dict[str, Any]] | None:
        rules = [r for g in api(prometheus, "rules")["groups"] for r in g["rules"]]
        return rules if all(r.get("lastEvaluation", "").startswith("20") for r in rules) else None

    time.sleep(1.5)  # one more evaluation round after the targets came up
    rules = wait_until(rules_evaluated, timeout=30, interval=0.5, what="rules evaluated")
    assert len(rules) == len(rule_exprs())
    assert [(r["name"], r.get("lastError")) for r in rules if r["health"] != "ok"] == []
    # A healthy system fires nothing (the info-level and pending ones included).
    assert [r["name"] for r in rules if r["state"] != "inactive"] == []

    with ThreadPoolExecutor(8) as pool:  # each is checked for a PromQL error by api()
        list(
            pool.map(
                lambda e: api(prometheus, "query", query=e.replace("$__range", "5m")),
                dashboard_exprs(),
            )
        )
    live = api(
        prometheus, "query", query='auszug_events_appended_total{event_type="HouseholdRegistered"}'
    )
    assert [(r["metric"]["service"], r["value"][1]) for r in live["result"]] == [("intake", "1")]
