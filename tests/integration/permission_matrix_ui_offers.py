"""Expected statuses of the offers and matching pages (see permission_matrix.py)."""

from __future__ import annotations

ROWS: dict[str, dict[str, int | tuple[int, int, int, int]]] = {}
