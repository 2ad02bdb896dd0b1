"""deploy/backup.py guards: restore writes into a fresh directory only, and only files
that match the backup's manifest. (The end-to-end run: tests/integration/test_ops_backup.py.)"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def backup_tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "deploy/backup.py", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_backup_is_an_intact_copy_that_restore_refuses_to_write_over_anything(
    tmp_path: Path,
) -> None:
    var = tmp_path / "var"
    var.mkdir()
    with sqlite3.connect(var / "intake.db") as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (42)")
    # The disk document store's folder, with a file two levels down as the store keeps them.
    lease = var / "intake-documents" / "ab" / "abcdef"
    lease.parent.mkdir(parents=True)
    lease.write_bytes(b"%PDF-1.4 the lease")
    assert backup_tool("backup", "--var-dir", var, "--to", tmp_path / "b").returncode == 0
    assert (tmp_path / "b").stat().st_mode & 0o077 == 0  # personal data: owner only

    refused = backup_tool("restore", "--from", tmp_path / "b", "--var-dir", var)
    assert refused.returncode != 0
    assert "fresh directory" in refused.stderr

    assert (
        backup_tool("restore", "--from", tmp_path / "b", "--var-dir", tmp_path / "new").returncode
        == 0
    )
    with sqlite3.connect(tmp_path / "new" / "intake.db") as db:
        assert db.execute("SELECT x FROM t").fetchall() == [(42,)]
    restored = tmp_path / "new" / "intake-documents" / "ab" / "abcdef"
    assert restored.read_bytes() == b"%PDF-1.4 the lease"


def test_restore_refuses_a_backup_that_does_not_match_its_manifest(tmp_path: Path) -> None:
    var = tmp_path / "var"
    var.mkdir()
    sqlite3.connect(var / "intake.db").close()
    assert backup_tool("backup", "--var-dir", var, "--to", tmp_path / "b").returncode == 0
    (tmp_path / "b" / "sqlite" / "intake.db").write_bytes(b"tampered")
    broken = backup_tool("restore", "--from", tmp_path / "b", "--var-dir", tmp_path / "new")
    assert broken.returncode != 0
    assert "does not match the manifest" in broken.stderr
    assert not (tmp_path / "new" / "intake.db").exists()
