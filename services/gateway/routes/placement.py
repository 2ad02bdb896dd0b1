"""Move-out placement: landlords, offers, matching, viewings, guarantees, lease and move."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api", tags=["Vermittlung"])
