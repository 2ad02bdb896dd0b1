"""Pages for the volunteer programme: volunteers, tandems, office hours with quick entry of
consultations, and a volunteer's own tandems.
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/ui", include_in_schema=False)
