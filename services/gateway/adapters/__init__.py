"""The gateway's own database: staff accounts, sessions, sign-in attempts, access log."""

from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"
