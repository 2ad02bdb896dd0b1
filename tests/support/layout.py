"""Where tests live: the directory under tests/ gives a test its kind (its marker)."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
KIND_OF_DIRECTORY = {
    "unit": "unit",
    "integration": "integration",
    "e2e": "e2e",
    "support": "integration",
}


def kind_of(path: Path) -> str:
    """`unit`, `integration` or `e2e`: the marker of a test file, by its directory."""
    directory = path.resolve().relative_to(TESTS).parts[0]
    try:
        return KIND_OF_DIRECTORY[directory]
    except KeyError:
        raise pytest.UsageError(f"{path}: a test lives in tests/unit, integration or e2e") from None
