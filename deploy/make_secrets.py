"""Everything docker-compose.yml needs that must not be in the repository, in one directory.

    .venv/bin/python deploy/make_secrets.py            # into deploy/secrets/ (git-ignored)
    .venv/bin/python deploy/make_secrets.py DIR [--part tls] [--part postgres] ...

Parts (all by default):

- ``nats``: NATS passwords and the server's ``auth.conf``, by ``python -m shared.nats_auth``
  (``nats/<principal>.password``, ``nats/auth.conf``).
- ``postgres``: one password per service role and the superuser's
  (``postgres/<service>.password``, ``postgres/superuser.password``).
- ``app``: the gateway's secret key and Grafana's admin password.
- ``tls``: a local certificate authority (``tls/ca.pem``, ``tls/ca.key``) and the server
  certificates it signs (``tls/nats.{pem,key}``, ``tls/postgres.{pem,key}``).

Run it again at any time: a file that exists is kept (so passwords stay stable and the
services keep connecting); delete one to have it made anew (rotation, deploy/README.md).

Modes: the directory is 0700, so on the host only its owner reads anything in it. The
files compose hands to containers are 0644: a secret is a bind mount of the file, and
the Auszug containers run as uid 10001, the PostgreSQL one as 999, not as the owner.
Private keys (read by the containers' root before it drops privileges) and the CA's key
(never mounted) stay 0600.
"""

from __future__ import annotations

import argparse
import datetime
import ipaddress
import os
import secrets
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "deploy" / "secrets"
DB_SERVICES = ("intake", "placement", "volunteer", "prevention", "reporting")
# Names the servers are reached by: compose service names, the example cluster's hosts,
# and loopback for healthchecks and tests on one machine.
SERVER_NAMES = {
    "nats": ("nats", "nats-1", "nats-2", "nats-3", "localhost", "127.0.0.1"),
    "postgres": ("postgres", "localhost", "127.0.0.1"),
}
CA_DAYS = 3650
CERT_DAYS = 825  # what browsers and most TLS stacks still accept for a leaf


def _write_new(path: Path, data: bytes, mode: int) -> bool:
    """Write ``path`` unless it exists; True when written."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    os.chmod(path, mode)  # O_CREAT's mode is reduced by the umask
    return True


def _password() -> bytes:
    # Hex: it may end up in URLs and config files without quoting.
    return secrets.token_hex(24).encode()


def make_passwords(directory: Path, names: tuple[str, ...]) -> None:
    for name in names:
        _write_new(directory / f"{name}.password", _password(), 0o644)


def make_nats(out: Path) -> None:
    nats = out / "nats"
    subprocess.run([sys.executable, "-m", "shared.nats_auth", str(nats)], cwd=ROOT, check=True)
    for password in nats.glob("*.password"):
        # shared.nats_auth makes them 0600 (right for scripts/run, where one user runs
        # everything); here each is mounted into a container running as another user.
        password.chmod(0o644)
    # auth.conf stays 0600: nats-server reads it as the container's root.


def make_postgres(out: Path) -> None:
    make_passwords(out / "postgres", (*DB_SERVICES, "superuser"))


def make_app(out: Path) -> None:
    _write_new(out / "gateway_secret_key", secrets.token_hex(32).encode(), 0o644)
    _write_new(out / "grafana_admin_password", _password(), 0o644)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _load_or_make_ca(tls: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    ca_pem, ca_key = tls / "ca.pem", tls / "ca.key"
    if ca_pem.exists() and ca_key.exists():
        key = serialization.load_pem_private_key(ca_key.read_bytes(), password=None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return x509.load_pem_x509_certificate(ca_pem.read_bytes()), key
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Auszug local CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=CA_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write_new(ca_key, _key_pem(key), 0o600)
    _write_new(ca_pem, cert.public_bytes(serialization.Encoding.PEM), 0o644)
    return cert, key


def _san(names: tuple[str, ...]) -> x509.SubjectAlternativeName:
    entries: list[x509.GeneralName] = []
    for name in names:
        try:
            entries.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            entries.append(x509.DNSName(name))
    return x509.SubjectAlternativeName(entries)


def _server_cert(
    ca: x509.Certificate, ca_key: ec.EllipticCurvePrivateKey, names: tuple[str, ...]
) -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=CERT_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_san(names), critical=False)
        # Client auth too: the NATS cluster's servers present it to each other on routes.
        .add_extension(
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM), _key_pem(key)


def make_tls(out: Path) -> None:
    tls = out / "tls"
    ca, ca_key = _load_or_make_ca(tls)
    for server, names in SERVER_NAMES.items():
        pem, key = tls / f"{server}.pem", tls / f"{server}.key"
        if pem.exists() and key.exists():
            continue
        cert_bytes, key_bytes = _server_cert(ca, ca_key, names)
        pem.unlink(missing_ok=True)
        key.unlink(missing_ok=True)
        _write_new(key, key_bytes, 0o600)
        _write_new(pem, cert_bytes, 0o644)


PARTS: dict[str, Callable[[Path], None]] = {
    "nats": make_nats,
    "postgres": make_postgres,
    "app": make_app,
    "tls": make_tls,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--part", action="append", choices=sorted(PARTS), help="only these parts (repeatable)"
    )
    args = parser.parse_args(argv)
    out: Path = args.directory.resolve()
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    out.chmod(0o700)
    for part in args.part or list(PARTS):
        PARTS[part](out)
    print(f"secrets in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
