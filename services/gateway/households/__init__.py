"""Haushalte: a household's case (intake), its consents, disclosures, access log and the Art. 15
document; the case list (navigation: Fälle, Haushalt aufnehmen).

The area's API routes, pages, forms and templates; `routers` is what the app includes.
"""

from __future__ import annotations

from fastapi import APIRouter

routers: list[APIRouter] = []
