"""Pages for Wohnintegrationshilfe: cases, admission by the Fachstelle Wohnen, home-visit
planning.
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/ui/praevention", include_in_schema=False)
