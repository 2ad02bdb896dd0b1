"""A throwaway PostgreSQL cluster for integration tests.

Built from the Debian server binaries rather than a system-wide service, so each test
session gets its own data dir and port and nothing depends on what runs on :5432.
initdb and postgres refuse to run as root; when we are root (containers, CI) every
server command runs as the ``postgres`` user through runuser.

For the deployment's own checks (tests/integration/test_ops_tls.py, test_ops_pg_roles.py)
a cluster can also serve TLS with a given certificate and take its pg_hba.conf from
deploy/postgres/, and `psql_file` applies SQL as the image does: the superuser over the
Unix socket.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shlex
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg
from psycopg import sql

from .ports import free_port

_PG_USER = "postgres"
_START_TIMEOUT_S = 30
# sun_path holds 108 bytes; postgres appends "/.s.PGSQL.<port>" (up to 16) to the dir.
_MAX_SOCKET_DIR_LEN = 90


def find_pg_bin_dir() -> Path:
    """The bin dir of the newest installed PostgreSQL major version."""
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not candidates:
        raise FileNotFoundError(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; "
            "run scripts/bootstrap (it apt-get installs postgresql)"
        )

    def version(initdb: str) -> tuple[int, ...]:
        # Numeric, so that 10 sorts above 9.6 and 16 above 15.
        name = Path(initdb).parent.parent.name
        return tuple(int(part) for part in name.split(".") if part.isdigit())

    return Path(max(candidates, key=version)).parent


@contextmanager
def server_tmp_dir(prefix: str) -> Iterator[Path]:
    """A scratch directory the postgres user can reach, removed afterwards.

    Not under pytest's tmp_path: whenever a pytest session starts (another run on this
    machine), pytest takes "others" off /tmp/pytest-of-<user> again, and a server
    command running as postgres then fails with "Permission denied".
    """
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o711)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@dataclass(frozen=True)
class ServerTls:
    """The server's certificate and key (PEM) for ``ssl=on``."""

    cert_file: Path
    key_file: Path


def make_traversable(path: Path) -> None:
    """Give "others" search permission on ``path`` and all its parents.

    The postgres user must reach its data dir, but pytest creates its tmp dirs 0700
    (e.g. /tmp/pytest-of-root), so without this the server cannot even chdir there.
    Only the execute bit is added: listing stays private, contents stay untouched.
    """
    for directory in (path, *path.parents):
        mode = directory.stat().st_mode
        if not mode & stat.S_IXOTH:
            directory.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)


class PostgresCluster:
    """initdb + pg_ctl over a private data dir under ``base_dir``, listening on 127.0.0.1."""

    def __init__(
        self,
        base_dir: Path,
        port: int | None = None,
        *,
        tls: ServerTls | None = None,
        hba_file: Path | None = None,
    ) -> None:
        self.base_dir = Path(base_dir).resolve()
        self.port = port if port is not None else free_port()
        self.bin_dir = find_pg_bin_dir()
        self.data_dir = self.base_dir / "data"
        self.log_path = self.base_dir / "postgres.log"
        self._as_root = os.geteuid() == 0
        self._tmp_socket_dir: Path | None = None
        socket_dir = self.base_dir / "sock"
        if len(str(socket_dir)) > _MAX_SOCKET_DIR_LEN:
            # Deep pytest tmp paths overflow the unix socket path limit; the server
            # would then fail with an obscure "path too long" at startup.
            self._tmp_socket_dir = Path(tempfile.mkdtemp(prefix="pgsock-"))
            socket_dir = self._tmp_socket_dir
        self.socket_dir = socket_dir
        self.tls = tls
        # Served from a copy beside the data: the checkout may lie in a directory the
        # postgres user cannot enter (a clone under a 0700 temporary directory).
        self._hba_source = hba_file.resolve() if hba_file else None
        self.hba_file = self.base_dir / "pg_hba.conf" if hba_file else None
        self._started = False

    def url(self, name: str) -> str:
        """SQLAlchemy URL of database ``name`` (sync or async via the psycopg driver)."""
        return f"postgresql+psycopg://{_PG_USER}@127.0.0.1:{self.port}/{name}"

    def conninfo(self, name: str = "postgres") -> str:
        """libpq connection string for plain psycopg."""
        return f"host=127.0.0.1 port={self.port} user={_PG_USER} dbname={name}"

    def start(self) -> None:
        if self._started:
            return
        self._prepare_dirs()
        if not (self.data_dir / "PG_VERSION").exists():
            self._run(
                [
                    str(self.bin_dir / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "-U",
                    _PG_USER,
                    "--auth=trust",
                    # C locale: the host's LANG may name a locale that isn't installed.
                    "--no-locale",
                    "--encoding=UTF8",
                    # Throwaway data; skipping fsync makes initdb several times faster.
                    "--no-sync",
                ],
                "initdb",
            )
        server_opts = " ".join(
            [
                f"-p {self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={shlex.quote(str(self.socket_dir))}",
                "-c fsync=off",
                *self._tls_options(),
                *([f"-c hba_file={shlex.quote(str(self.hba_file))}"] if self.hba_file else []),
            ]
        )
        self._run(
            [
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-o",
                server_opts,
                # -l is essential: without it the postmaster inherits our stdout pipe and
                # subprocess.run would block until the server exits.
                "-l",
                str(self.log_path),
                "-w",
                "-t",
                str(_START_TIMEOUT_S),
                "start",
            ],
            "pg_ctl start",
        )
        self._started = True
        # A crashed or interrupted test run must not leave a postmaster holding the port.
        atexit.register(self.stop)

    def stop(self) -> None:
        # A postmaster that already died (OOM, manual kill) leaves nothing to stop.
        if self._started and (self.data_dir / "postmaster.pid").exists():
            self._run(
                [
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.data_dir),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
                "pg_ctl stop",
            )
        if self._started:
            self._started = False
            atexit.unregister(self.stop)
        if self._tmp_socket_dir is not None:
            shutil.rmtree(self._tmp_socket_dir, ignore_errors=True)

    def create_database(self, name: str) -> str:
        """(Re)create database ``name`` empty and return its SQLAlchemy URL."""
        with psycopg.connect(self.conninfo("postgres"), autocommit=True) as conn:
            # FORCE: a previous test's leaked connection must not block the fresh start.
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def psql_file(self, path: Path, env: Mapping[str, str] | None = None) -> None:
        """Run the SQL file as the superuser over the Unix socket, stopping at the first
        error (what the postgres image does with /docker-entrypoint-initdb.d/*.sql)."""
        # A copy beside the data: the checkout may be unreadable for the postgres user.
        readable = self.base_dir / f"psql-{path.name}"
        shutil.copyfile(path, readable)
        readable.chmod(0o644)
        # runuser keeps the environment, so the variables reach psql (and its backticks).
        self._run(
            [
                str(self.bin_dir / "psql"),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(self.socket_dir),
                "-p",
                str(self.port),
                "-U",
                _PG_USER,
                "-d",
                "postgres",
                "-f",
                str(readable),
            ],
            f"psql -f {path}",
            env={**os.environ, **(env or {})},
        )

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except (FileNotFoundError, PermissionError):
            return "<no log>"
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _tls_options(self) -> list[str]:
        if self.tls is None:
            return []
        return [
            "-c ssl=on",
            f"-c ssl_cert_file={shlex.quote(str(self.base_dir / 'tls' / 'server.pem'))}",
            f"-c ssl_key_file={shlex.quote(str(self.base_dir / 'tls' / 'server.key'))}",
        ]

    def _install_tls(self) -> None:
        """Copy certificate and key where the server may read them: PostgreSQL refuses a
        key that another user owns or others may read (deploy/postgres/start.sh does the
        same in the container)."""
        assert self.tls is not None
        tls_dir = self.base_dir / "tls"
        tls_dir.mkdir(exist_ok=True)
        for source, name in ((self.tls.cert_file, "server.pem"), (self.tls.key_file, "server.key")):
            target = tls_dir / name
            shutil.copyfile(source, target)
            target.chmod(0o600)
            if self._as_root:
                pw = pwd.getpwnam(_PG_USER)
                os.chown(target, pw.pw_uid, pw.pw_gid)

    def _prepare_dirs(self) -> None:
        for directory in (self.base_dir, self.data_dir, self.socket_dir):
            directory.mkdir(parents=True, exist_ok=True)
        # Pre-create the log so it can be handed to postgres: base_dir stays root-owned.
        self.log_path.touch(exist_ok=True)
        if self._hba_source is not None and self.hba_file is not None:
            shutil.copyfile(self._hba_source, self.hba_file)
            self.hba_file.chmod(0o644)
        if self._as_root:
            pw = pwd.getpwnam(_PG_USER)
            for owned in (self.data_dir, self.socket_dir, self.log_path):
                os.chown(owned, pw.pw_uid, pw.pw_gid)
            # initdb insists on 0700/0750 for the data dir; the socket dir only needs us.
            self.data_dir.chmod(0o700)
            make_traversable(self.base_dir)
            make_traversable(self.socket_dir)
        if self.tls is not None:
            self._install_tls()

    def _run(self, cmd: list[str], what: str, env: Mapping[str, str] | None = None) -> None:
        if self._as_root:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            cmd = [runuser, "-u", _PG_USER, "--", *cmd]
        result = subprocess.run(
            cmd,
            # The caller's cwd (e.g. /root) is often unreadable for postgres.
            cwd=self.base_dir,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"{what} failed (exit {result.returncode}): {shlex.join(cmd)}\n"
                f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}\n"
                f"server log tail:\n{self.log_tail()}"
            )
