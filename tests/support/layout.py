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
    resolved = path.resolve()
    directory = resolved.relative_to(TESTS).parts[0] if resolved.is_relative_to(TESTS) else ""
    if directory not in KIND_OF_DIRECTORY:
        raise pytest.UsageError(f"{path}: a test lives in tests/unit, integration or e2e")
    return KIND_OF_DIRECTORY[directory]
