"""A reporting read model on a real SQLite database (no NATS): events are handed to the
service's projections exactly as the consumers hand them, with chosen business days and
recording days, so every rule of counting can be checked fast.

`World` is what the other `test_reporting_*` tests build their histories with."""

from __future__ import annotations

from pathlib import Path

from support.builders.reporting import day, world


async def test_a_registration_is_counted_on_its_business_day(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        w.register("2025-12-31", adults=2, minors=1, recorded="2026-01-07")
        await w.apply()
        assert (await w.values())["persons_registered"] == 3
        assert (await w.values("2026-01-01", "2026-12-31"))["households_registered"] == 0
        # As known on the day before it was entered: not there yet.
        assert (await w.values(as_known_on=day("2026-01-06")))["households_registered"] == 0
        assert (await w.values(as_known_on=day("2026-01-07")))["households_registered"] == 1
