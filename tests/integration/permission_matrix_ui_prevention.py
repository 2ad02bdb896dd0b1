"""Expected statuses of the Wohnintegrationshilfe pages (see permission_matrix.py)."""

from __future__ import annotations

ROWS: dict[str, dict[str, int | tuple[int, int, int, int]]] = {}
