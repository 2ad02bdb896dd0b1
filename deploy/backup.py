"""Back up and restore Auszug's SQLite databases and the JetStream store.

    python3 deploy/backup.py backup  --var-dir var --nats-store var/nats --to BACKUP
    python3 deploy/backup.py restore --from BACKUP --var-dir NEW/var --nats-store NEW/nats

Backup: stop nats-server first (the services may keep running; they wait for it and
lose nothing), then run this, then start nats-server again. With NATS stopped nothing
is published or consumed and no command arrives, so the databases and the stream are
one consistent cut: every event a database holds is in the stream copy or still in that
database's outbox, and every event a consumer applied is in the stream copy.

- Each `<service>.db` in `--var-dir` is copied with SQLite's online backup API: a
  consistent snapshot even while the service writes (WAL included), unlike `cp`.
- The JetStream store directory is copied as it is, with its consumers' positions. It
  must not be copied while nats-server runs on it (this refuses when it sees that).
- Each `<service>-documents` folder in `--var-dir` (the `disk` document store) is copied
  as it is. Uploads and erasures arrive over NATS, so with NATS stopped the files and the
  rows naming them are one cut too (a file without a row, left by a failed upload, is
  deleted by its service later; shared/casework/documents.py).
- `manifest.json` lists every file with its SHA-256; restore checks them.

Restore writes into a fresh directory only: it refuses to overwrite anything. Then
start nats-server on the restored store and the services on the restored var dir.
PostgreSQL databases are backed up with pg_dump instead (deploy/README.md).
Standard library only, so it runs with any Python 3.11 on the host.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

MANIFEST = "manifest.json"
# The `disk` document store's folder of a service: `<service>-documents` in the var dir.
DOCUMENTS = "-documents"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def nats_server_using(store: Path) -> int | None:
    """The pid of a nats-server whose command line names `store`, if one runs here."""
    target = str(store.resolve())
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if args and args[0].endswith(b"nats-server"):
            paths = {str(Path(a.decode(errors="replace")).resolve()) for a in args[1:] if a}
            if target in paths:
                return int(proc.name)
    return None


def copy_sqlite(src: Path, dst: Path) -> None:
    """Online backup of one SQLite database, checked before it counts."""
    source = sqlite3.connect(src)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
        (result,) = target.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise SystemExit(f"backup of {src} failed its integrity check: {result}")
    finally:
        target.close()
        source.close()


def tree_files(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): sha256(p) for p in sorted(root.rglob("*")) if p.is_file()}


def backup(var_dir: Path, nats_store: Path | None, dest: Path) -> dict[str, object]:
    if nats_store is not None and (pid := nats_server_using(nats_store)) is not None:
        raise SystemExit(f"nats-server (pid {pid}) runs on {nats_store}: stop it first")
    databases = sorted(var_dir.glob("*.db"))
    if not databases:
        raise SystemExit(f"no <service>.db in {var_dir}")
    # Personal data: readable by the backup's owner only.
    dest.mkdir(mode=0o700, parents=True, exist_ok=False)
    (dest / "sqlite").mkdir(mode=0o700)
    manifest: dict[str, object] = {"created_at": datetime.now(UTC).isoformat()}
    for db in databases:
        copy_sqlite(db, dest / "sqlite" / db.name)
    manifest["sqlite"] = tree_files(dest / "sqlite")
    folders = sorted(p for p in var_dir.glob(f"*{DOCUMENTS}") if p.is_dir())
    if folders:
        (dest / "documents").mkdir(mode=0o700)
        for folder in folders:
            shutil.copytree(folder, dest / "documents" / folder.name)
        manifest["documents"] = tree_files(dest / "documents")
    if nats_store is not None:
        shutil.copytree(nats_store, dest / "jetstream", symlinks=True)
        manifest["jetstream"] = tree_files(dest / "jetstream")
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def restore(src: Path, var_dir: Path, nats_store: Path | None) -> None:
    manifest = json.loads((src / MANIFEST).read_text())
    for part in ("sqlite", "documents", "jetstream"):
        for name, digest in manifest.get(part, {}).items():
            if sha256(src / part / name) != digest:
                raise SystemExit(f"{src / part / name} does not match the manifest")
    var_dir.mkdir(parents=True, exist_ok=True)
    folders = sorted({name.split("/", 1)[0] for name in manifest.get("documents", {})})
    for name in [*manifest["sqlite"], *folders]:
        if (var_dir / name).exists():
            raise SystemExit(f"{var_dir / name} exists: restore into a fresh directory")
    if nats_store is not None:
        if "jetstream" not in manifest:
            raise SystemExit(f"{src} holds no JetStream store")
        if nats_store.exists() and any(nats_store.iterdir()):
            raise SystemExit(f"{nats_store} is not empty: restore into a fresh directory")
        shutil.copytree(src / "jetstream", nats_store, symlinks=True, dirs_exist_ok=True)
    for name in manifest["sqlite"]:
        shutil.copyfile(src / "sqlite" / name, var_dir / name)
        os.chmod(var_dir / name, 0o600)
    for folder in folders:
        shutil.copytree(src / "documents" / folder, var_dir / folder)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("backup", help="copy the databases, documents and the stream into TO")
    b.add_argument("--var-dir", type=Path, default=Path(os.environ.get("AUSZUG_VAR_DIR", "var")))
    b.add_argument("--nats-store", type=Path, help="nats-server's -sd directory (stopped)")
    b.add_argument("--to", type=Path, required=True, help="a directory that does not exist")
    r = commands.add_parser("restore", help="copy a backup into a fresh var dir and store")
    r.add_argument("--from", dest="src", type=Path, required=True)
    r.add_argument("--var-dir", type=Path, required=True)
    r.add_argument("--nats-store", type=Path)
    args = parser.parse_args(argv)
    if args.command == "backup":
        manifest = backup(args.var_dir, args.nats_store, args.to)
        counts = {k: len(v) for k, v in manifest.items() if isinstance(v, dict)}
        print(f"backed up into {args.to}: {counts} files")
    else:
        restore(args.src, args.var_dir, args.nats_store)
        also = f" and {args.nats_store}" if args.nats_store else ""
        print(f"restored {args.src} into {args.var_dir}{also}")


if __name__ == "__main__":
    main(sys.argv[1:])
