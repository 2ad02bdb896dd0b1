"""Auszug's throughput benchmark: `python -m bench` (see bench/README.md).

`tests/support` (the nats-server fixture) is imported as the top-level package
`support`, so its directory goes on `sys.path` here, before any bench module runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parents[1] / "tests")
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
