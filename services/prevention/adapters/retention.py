"""Prevention's retention rules per municipality: how many years after a case was closed
or rejected its personal data are erased (no rule: never by the job)."""

from __future__ import annotations

from services.prevention.adapters.tables import PREVENTION
from shared.retention import rules_table

retention_rules = rules_table(PREVENTION)
