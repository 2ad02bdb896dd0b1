"""Pages for offers and matching: the list of offers, one offer with the households that
fit it, and the steps from proposal to lease.
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/ui/wohnungen", include_in_schema=False)
