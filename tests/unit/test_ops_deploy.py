"""docker-compose.yml, the Grafana dashboard and the NATS cluster configs, checked without
a Docker engine: by compose itself, by nats-server -t, and by what the issue asks of them."""

from __future__ import annotations

import json
import os
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


def resolved_by_compose(tmp_path: Path) -> dict[str, Any]:
    """`compose config`: the file checked against compose's schema, anchors resolved."""
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
    resolved: dict[str, Any] = yaml.safe_load(done.stdout)
    return resolved


def secret_names(service: dict[str, Any]) -> set[str]:
    return {s if isinstance(s, str) else s["source"] for s in service.get("secrets", [])}


def test_compose_accepts_the_file_and_each_container_gets_only_its_own_secrets(
    tmp_path: Path,
) -> None:
    resolved = resolved_by_compose(tmp_path)
    services = resolved["services"]
    for name in APP_SERVICES:
        own = secret_names(services[name])
        assert f"nats_{name}" in own, name
        env = services[name]["environment"]
        assert env["AUSZUG_NATS_PASSWORD_FILE"] == f"/run/secrets/nats_{name}"
        assert env.get("AUSZUG_NATS_USER", name) == name
        if name == "gateway":
            assert own == {"tls_ca", "nats_gateway", "gateway_secret_key"}
        else:
            assert own == {"tls_ca", f"nats_{name}", f"db_{name}"}, name
            assert env["PGPASSWORD__FILE"] == f"/run/secrets/db_{name}"
    # Nobody holds another's: each service's NATS and database passwords in one container.
    holders: dict[str, list[str]] = {}
    for name, service in services.items():
        for secret in secret_names(service):
            holders.setdefault(secret, []).append(name)
    for secret, names in holders.items():
        if secret.startswith("db_") and secret != "db_superuser":
            assert sorted(names) == sorted({secret.removeprefix("db_"), "postgres"}), secret
        elif secret != "tls_ca":
            assert len(names) == 1, (secret, names)
    assert holders["nats_operator"] == ["provision"]
    assert holders["db_superuser"] == ["postgres"]
    assert holders["nats_tls_key"] == ["nats"] and holders["postgres_tls_key"] == ["postgres"]
    # Every secret is a file made by deploy/make_secrets.py, in the ignored directory.
    for secret in resolved["secrets"].values():
        assert Path(secret["file"]).is_relative_to(tmp_path / "deploy" / "secrets"), secret
    assert "/deploy/secrets/" in (ROOT / ".gitignore").read_text().splitlines()
    assert "deploy/secrets" in (ROOT / ".dockerignore").read_text().splitlines()


def test_services_reach_nats_and_postgres_over_tls_checked_against_the_local_ca() -> None:
    services = compose()["services"]
    for name in [*APP_SERVICES, "provision"]:
        env = services[name]["environment"]
        assert env["AUSZUG_NATS_URL"] == "tls://nats:4222", name
        assert env["AUSZUG_NATS_TLS_CA_FILE"] == "/run/secrets/tls_ca", name
        url = env.get(f"AUSZUG_{name.upper()}_DATABASE_URL")
        if name in APP_SERVICES[:-1]:
            assert url == (
                f"postgresql+psycopg://{name}@postgres:5432/{name}"
                "?sslmode=verify-full&sslrootcert=/run/secrets/tls_ca"
            ), name
    postgres = " ".join(services["postgres"]["command"])
    assert "ssl=on" in postgres and "hba_file=/etc/auszug/pg_hba.conf" in postgres
    nats = services["nats"]
    assert {"source": "nats_auth_conf", "target": "/etc/nats/auth.conf"} in nats["secrets"]
    assert "./deploy/nats/tls.conf:/etc/nats/tls.conf:ro" in nats["volumes"]
    conf = (ROOT / "deploy/nats/nats.conf").read_text()
    assert re.search(r"^include tls\.conf$", conf, re.M)
    assert re.search(r"^include auth\.conf$", conf, re.M)
    # Monitoring cannot require credentials: inside the container only.
    assert re.search(r"^http: 127\.0\.0\.1:8222$", conf, re.M)
    assert not any(a.startswith("-m") for a in nats["command"])


def test_only_auszug_processes_reach_nats_and_postgres_and_monitoring_only_metrics() -> None:
    document = compose()
    services = document["services"]
    assert document["networks"]["backend"]["internal"] is True
    for name in ("nats", "postgres", "provision"):
        assert services[name]["networks"] == ["backend"], name
    for name in ("prometheus", "grafana"):
        assert services[name]["networks"] == ["monitoring"], name
    for name in APP_SERVICES:
        assert set(services[name]["networks"]) == {"backend", "monitoring"}, name
    assert not services["nats"].get("ports") and not services["postgres"].get("ports")


def test_streams_are_provisioned_once_by_the_operator_before_any_service_starts() -> None:
    services = compose()["services"]
    provision = services["provision"]
    assert provision["command"] == ["shared.provision"]
    assert provision["environment"]["AUSZUG_NATS_USER"] == "operator"
    assert provision["environment"]["AUSZUG_NATS_PASSWORD_FILE"] == "/run/secrets/nats_operator"
    assert provision["restart"] == "no"
    for name in APP_SERVICES:
        assert services[name]["depends_on"]["provision"] == {
            "condition": "service_completed_successfully"
        }, name
        assert "AUSZUG_NATS_USER" not in services[name]["environment"], name


def test_every_container_restarts_and_reports_its_health() -> None:
    services = compose()["services"]
    for name, service in services.items():
        if name == "provision":
            continue  # one-shot, above
        assert service.get("restart") == "unless-stopped", name
        assert "test" in service.get("healthcheck", {}), f"{name} has no healthcheck"
    for name in APP_SERVICES:
        assert services[name]["healthcheck"]["test"][-1].count("/readyz") == 1, name
        assert services[name]["depends_on"]["nats"] == {"condition": "service_healthy"}


def test_no_secret_is_written_into_the_compose_file() -> None:
    text = COMPOSE.read_text()
    for match in re.finditer(r"^\s+([A-Z_]*(PASSWORD|SECRET)[A-Z_]*):\s*(.+)$", text, re.M):
        name, value = match.group(1), match.group(3)
        assert name.endswith("_FILE") and value.startswith("/run/secrets/"), match.group(0)
    for url in re.findall(r"postgresql\+psycopg://[^\s]+", text):
        assert re.match(r"postgresql\+psycopg://\w+@postgres:5432/\w+\?", url), url
    assert "${" not in text  # nothing comes from .env any more
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


def for_this_nats_server(conf: str) -> str:
    if nats_version() < (2, 10):
        # As nats.conf says: 2.9 does not know the option (and refuses the file).
        return re.sub(r"^\s*sync_interval:.*$", "", conf, flags=re.M)
    return conf


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """auth.conf and the certificates, as deploy/make_secrets.py writes them."""
    out = tmp_path_factory.mktemp("secrets") / "secrets"
    done = subprocess.run(
        [sys.executable, "deploy/make_secrets.py", str(out), "--part", "nats", "--part", "tls"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return out


def nats_server_accepts(conf: Path, secrets: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "AUSZUG_NATS_TLS_CERT": str(secrets / "tls" / "nats.pem"),
        "AUSZUG_NATS_TLS_KEY": str(secrets / "tls" / "nats.key"),
        "AUSZUG_NATS_TLS_CA": str(secrets / "tls" / "ca.pem"),
    }
    return subprocess.run(
        [find_nats_server(), "-t", "-c", str(conf)], capture_output=True, text=True, env=env
    )


def test_the_compose_nats_config_is_accepted_with_its_tls_and_generated_auth(
    tmp_path: Path, generated: Path
) -> None:
    (tmp_path / "nats.conf").write_text(
        for_this_nats_server((ROOT / "deploy/nats/nats.conf").read_text())
    )
    (tmp_path / "tls.conf").symlink_to(ROOT / "deploy/nats/tls.conf")
    (tmp_path / "auth.conf").symlink_to(generated / "nats" / "auth.conf")
    done = nats_server_accepts(tmp_path / "nats.conf", generated)
    assert done.returncode == 0, done.stderr
    # Without the generated users the server would not start at all.
    (tmp_path / "auth.conf").unlink()
    assert nats_server_accepts(tmp_path / "nats.conf", generated).returncode != 0


@pytest.mark.parametrize("node", [1, 2, 3])
def test_the_nats_cluster_configs_are_accepted_by_nats_server(
    tmp_path: Path, generated: Path, node: int
) -> None:
    cluster = ROOT / "deploy" / "nats" / "cluster"
    common = for_this_nats_server((cluster / "common.conf").read_text())
    (tmp_path / "common.conf").write_text(common)
    shutil.copy(cluster / f"nats-{node}.conf", tmp_path)
    shutil.copy(cluster / "tls.conf", tmp_path)  # the link's target, as a host gets it
    shutil.copy(generated / "nats" / "auth.conf", tmp_path)
    done = nats_server_accepts(tmp_path / f"nats-{node}.conf", generated)
    assert done.returncode == 0, done.stderr
    assert f"server_name: nats-{node}" in (cluster / f"nats-{node}.conf").read_text()


def test_no_nats_listener_of_the_cluster_is_open_without_authentication() -> None:
    common = (ROOT / "deploy" / "nats" / "cluster" / "common.conf").read_text()
    assert re.search(r"^include tls\.conf$", common, re.M)
    assert re.search(r"^include auth\.conf$", common, re.M)
    assert re.search(r"^http: 127\.0\.0\.1:8222", common, re.M)
    route_tls = re.search(r"cluster \{.*?tls \{(.*?)\}", common, re.S)
    assert route_tls and re.search(r"^\s*verify: true$", route_tls.group(1), re.M)
    assert (ROOT / "deploy/nats/cluster/tls.conf").resolve() == (
        ROOT / "deploy/nats/tls.conf"
    ).resolve()
