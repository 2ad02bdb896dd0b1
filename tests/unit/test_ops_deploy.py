"""docker-compose.yml, the Grafana dashboard and the NATS cluster configs, checked without
a Docker engine: by compose itself, by nats-server -t, and by what the issue asks of them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.nats_server import find_nats_server

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
APP_SERVICES = ("intake", "placement", "volunteer", "prevention", "reporting", "gateway")


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


def compose_command() -> list[str]:
    if (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    ):
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    raise AssertionError("neither `docker compose` nor docker-compose: run scripts/bootstrap")


def test_compose_itself_accepts_the_file_with_every_secret_filled_in(tmp_path: Path) -> None:
    """`compose config` resolves every ${...:?} and checks the file against its schema."""
    example = (ROOT / "deploy" / "auszug.env.example").read_text()
    secrets = re.findall(r"^([A-Z_]+)=$", example, flags=re.M)
    assert "POSTGRES_PASSWORD" in secrets
    (tmp_path / ".env").write_text("".join(f"{name}=s3cret{name}\n" for name in secrets))
    (tmp_path / "deploy").symlink_to(ROOT / "deploy")
    command = compose_command()
    document = compose()
    if command == ["docker-compose"]:
        # Compose v1 (Debian's 1.29) predates the top-level `name` of the compose spec.
        document.pop("name")
    (tmp_path / "docker-compose.yml").write_text(yaml.safe_dump(document))
    done = subprocess.run(
        [*command, "config"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    resolved = yaml.safe_load(done.stdout)["services"]
    # Each container gets its own secret, and no other.
    intake_env = resolved["intake"]["environment"]
    assert "s3cretINTAKE_DB_PASSWORD" in intake_env["AUSZUG_INTAKE_DATABASE_URL"]
    assert not any("s3cret" in str(v) for k, v in intake_env.items() if "INTAKE" not in k)
    assert "s3cretREPORTING_DB_PASSWORD" not in json.dumps(resolved["intake"])
    assert "s3cretPOSTGRES_PASSWORD" not in json.dumps(resolved["gateway"])

    (tmp_path / ".env").write_text("")
    missing = subprocess.run(
        [*command, "config", "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert missing.returncode != 0
    assert re.search(r"set [A-Z_]+ in \.env", missing.stderr + missing.stdout)


def test_every_container_restarts_and_reports_its_health() -> None:
    services = compose()["services"]
    for name, service in services.items():
        assert service.get("restart") == "unless-stopped", name
        assert "test" in service.get("healthcheck", {}), f"{name} has no healthcheck"
    for name in APP_SERVICES:
        assert services[name]["healthcheck"]["test"][-1].count("/readyz") == 1, name
        assert services[name]["depends_on"]["nats"] == {"condition": "service_healthy"}


def test_no_secret_is_written_into_the_compose_file() -> None:
    text = COMPOSE.read_text()
    for match in re.finditer(r"^\s+[A-Z_]*(PASSWORD|SECRET)[A-Z_]*:\s*(.+)$", text, re.M):
        assert match.group(2).startswith("${"), match.group(0)
    for line in re.findall(r"postgresql\+psycopg://[^\s]+", text):
        assert re.search(r"://\w+:\$\{[A-Z_]+_DB_PASSWORD:\?", line), line
    for service in compose()["services"].values():
        assert service.get("env_file") in (None, "deploy/settings.env")
    settings = (ROOT / "deploy" / "settings.env").read_text()
    assert not re.search(r"(?im)^[^#]*(password|secret)", settings)


def test_state_lives_on_volumes_and_ports_bind_to_loopback() -> None:
    document = compose()
    assert set(document["volumes"]) == {
        "nats-data",
        "postgres-data",
        "prometheus-data",
        "grafana-data",
    }
    mounts = {name: s.get("volumes", []) for name, s in document["services"].items()}
    assert "nats-data:/data" in mounts["nats"]
    assert "postgres-data:/var/lib/postgresql/data" in mounts["postgres"]
    for service in document["services"].values():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), port


def test_nats_fsyncs_every_write_and_runs_a_version_that_can() -> None:
    nats = compose()["services"]["nats"]
    major, minor = (int(x) for x in re.findall(r"nats:(\d+)\.(\d+)", nats["image"])[0])
    assert (major, minor) >= (2, 10)
    assert "-js" in nats["command"]
    assert re.search(
        r"^\s*sync_interval:\s*always", (ROOT / "deploy/nats/nats.conf").read_text(), re.M
    )


def test_prometheus_and_grafana_get_the_rules_the_dashboard_and_its_provisioning() -> None:
    services = compose()["services"]
    prometheus = services["prometheus"]["volumes"]
    assert "./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro" in prometheus
    grafana = services["grafana"]["volumes"]
    assert "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro" in grafana
    assert "./deploy/grafana/dashboards:/etc/grafana/dashboards:ro" in grafana
    provider = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/dashboards/auszug.yml").read_text()
    )
    assert provider["providers"][0]["options"]["path"] == "/etc/grafana/dashboards"
    source = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text()
    )
    assert source["datasources"][0]["url"] == "http://prometheus:9090"


def test_the_dashboard_is_what_its_generator_writes_one_row_per_service() -> None:
    done = subprocess.run(
        [sys.executable, "deploy/grafana/dashboard.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    dashboard = json.loads((ROOT / "deploy/grafana/dashboards/auszug.json").read_text())
    rows = [p["title"] for p in dashboard["panels"] if p["type"] == "row"]
    assert rows == ["Business", *APP_SERVICES[-1:], *APP_SERVICES[:-1]]
    for p in dashboard["panels"]:
        if p["type"] != "row":
            assert p["targets"] and all(t["expr"] for t in p["targets"]), p["title"]


def nats_version() -> tuple[int, int]:
    out = subprocess.run([find_nats_server(), "--version"], capture_output=True, text=True).stdout
    major, minor = re.findall(r"v(\d+)\.(\d+)", out)[0]
    return int(major), int(minor)


@pytest.mark.parametrize("node", [1, 2, 3])
def test_the_nats_cluster_configs_are_accepted_by_nats_server(tmp_path: Path, node: int) -> None:
    cluster = ROOT / "deploy" / "nats" / "cluster"
    common = (cluster / "common.conf").read_text()
    if nats_version() < (2, 10):
        # As nats.conf says: 2.9 does not know the option (and refuses the file).
        common = re.sub(r"^\s*sync_interval:.*$", "", common, flags=re.M)
    (tmp_path / "common.conf").write_text(common)
    shutil.copy(cluster / f"nats-{node}.conf", tmp_path)
    done = subprocess.run(
        [find_nats_server(), "-t", "-c", str(tmp_path / f"nats-{node}.conf")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert f"server_name: nats-{node}" in (cluster / f"nats-{node}.conf").read_text()
