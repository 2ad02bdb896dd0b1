"""Volunteer's retention rules per municipality: how many years after a volunteer left
their personal data are erased (no rule: never by the job)."""

from __future__ import annotations

from services.volunteer.adapters.tables import VOLUNTEER
from shared.retention import rules_table

retention_rules = rules_table(VOLUNTEER)
