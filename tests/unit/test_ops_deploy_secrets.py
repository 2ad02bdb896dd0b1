"""deploy/make_secrets.py and the image's entrypoint: what compose's secrets are made of,
and how a container turns a secret file into the variable a process reads."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

ROOT = Path(__file__).resolve().parents[2]
PARTS = ["--part", "tls", "--part", "postgres", "--part", "app"]


def make(out: Path, *parts: str) -> None:
    done = subprocess.run(
        [sys.executable, "deploy/make_secrets.py", str(out), *parts],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_secrets_are_private_to_their_owner_on_the_host_and_kept_when_run_again(
    tmp_path: Path,
) -> None:
    out = tmp_path / "secrets"
    make(out, *PARTS)
    assert mode(out) == 0o700
    passwords = sorted((out / "postgres").glob("*.password"))
    assert [p.stem for p in passwords] == sorted(
        ["intake", "placement", "volunteer", "prevention", "reporting", "superuser"]
    )
    values = {p.read_text() for p in passwords}
    assert len(values) == len(passwords) and all(len(v) >= 32 for v in values)
    # Readable inside the containers (other uids), private on the host (0700 above).
    for path in [*passwords, out / "gateway_secret_key", out / "tls" / "ca.pem"]:
        assert mode(path) == 0o644, path
    for key in ("ca.key", "nats.key", "postgres.key"):
        assert mode(out / "tls" / key) == 0o600, key

    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (out / "postgres" / "intake.password").unlink()  # rotation: delete, run again
    make(out, *PARTS)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after.keys() == before.keys()
    changed = [p.name for p in after if after[p] != before[p]]
    assert changed == ["intake.password"]


def test_the_certificates_are_signed_by_the_local_ca_for_the_names_services_use(
    tmp_path: Path,
) -> None:
    make(tmp_path / "s", "--part", "tls")
    tls = tmp_path / "s" / "tls"
    ca = x509.load_pem_x509_certificate((tls / "ca.pem").read_bytes())
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    for server, names in {
        "nats": {"nats", "nats-1", "nats-2", "nats-3", "localhost"},
        "postgres": {"postgres", "localhost"},
    }.items():
        cert = x509.load_pem_x509_certificate((tls / f"{server}.pem").read_bytes())
        cert.verify_directly_issued_by(ca)
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        assert set(san.get_values_for_type(x509.DNSName)) == names, server
        usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        assert ExtendedKeyUsageOID.SERVER_AUTH in usage
        assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca


def run_entrypoint(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """deploy/docker-entrypoint.sh with a module that prints the environment it gets."""
    (tmp_path / "show_env.py").write_text("import json, os\nprint(json.dumps(dict(os.environ)))\n")
    python_dir = tmp_path / "bin"
    python_dir.mkdir(exist_ok=True)
    (python_dir / "python").unlink(missing_ok=True)
    (python_dir / "python").symlink_to(sys.executable)
    return subprocess.run(
        ["sh", str(ROOT / "deploy" / "docker-entrypoint.sh"), "show_env"],
        cwd=tmp_path,
        env={"PATH": f"{python_dir}:/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
    )


def test_the_image_reads_secret_files_into_the_variables_that_need_them(tmp_path: Path) -> None:
    secret = tmp_path / "db_intake"
    secret.write_text("s3cret-with-$-and-'quotes'\n")
    done = run_entrypoint(
        tmp_path,
        {
            "PGPASSWORD__FILE": str(secret),
            "AUSZUG_GATEWAY_SECRET_KEY__FILE": str(secret),
            # Read by the process itself: left as it is.
            "AUSZUG_NATS_PASSWORD_FILE": "/run/secrets/nats_intake",
        },
    )
    assert done.returncode == 0, done.stderr
    env = json.loads(done.stdout)
    assert env["PGPASSWORD"] == "s3cret-with-$-and-'quotes'"
    assert env["AUSZUG_GATEWAY_SECRET_KEY"] == "s3cret-with-$-and-'quotes'"
    assert not any(name.endswith("__FILE") for name in env)
    assert env["AUSZUG_NATS_PASSWORD_FILE"] == "/run/secrets/nats_intake"


def test_the_image_stops_when_a_secret_file_is_missing(tmp_path: Path) -> None:
    done = run_entrypoint(tmp_path, {"PGPASSWORD__FILE": str(tmp_path / "missing")})
    assert done.returncode == 78
    assert "PGPASSWORD__FILE" in done.stderr
    assert done.stdout == ""  # the service never started
