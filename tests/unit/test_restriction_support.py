"""Helpers the `test_restriction_*` tests share: intake's events as a consumer receives
them, callers of each role, and a service's database migrated by Alembic (no NATS)."""

from __future__ import annotations

from shared.identity import Role
from support.builders.restriction import caller

ADMIN = caller(Role.admin)
