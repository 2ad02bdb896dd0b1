"""Personal data never reaches an event: after a flow through every service, planted
canary values (names, birth dates, phone numbers, e-mail addresses, notes, addresses) are
in no byte of the JetStream store and in no row of any service's `events` or `outbox`
table, while the owning services' personal-data tables do hold them.

The callers sign in with logins that are not names (`u-…`): the envelope's `actor` is the
login the gateway passes (see the erasure test's module docstring for the change needed).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from support.canaries import (
    A,
    B,
    database_files,
    files_under,
    found_in,
    run_flow,
    wait_for_stream_on_disk,
)
from support.system import DATABASE_SERVICES, System

# Other subjects: a volunteer, a landlord with its flat, a prevention case.
OTHERS = [
    "QxVolGiven",
    "QxVolFamily",
    "qx.vol@example.org",
    "QxLandlordName",
    "QxLandlordContact",
    "QxStreet 7",
    "QxOfferNote",
    "QxCaseContact",
    "QxCaseStreet 9",
    "QxReferrer",
    "QxCaseNote",
    "QxCaseFileNote",
]


# ---------------------------------------------------------------- scanning


def sqlite_path(system: System, service: str) -> Path:
    return Path(system.workdir) / "var" / f"{service}.db"


def event_store_rows(system: System) -> dict[str, bytes]:
    """Every row of every service's `events` and `outbox` table, as text (SQLite)."""
    blobs = {}
    for service in DATABASE_SERVICES:
        with sqlite3.connect(sqlite_path(system, service)) as db:
            for table in ("events", "outbox"):
                rows = db.execute(f"SELECT * FROM {table}").fetchall()
                blobs[f"{service}.{table}"] = repr(rows).encode()
    return blobs


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_no_canary_reaches_the_stream_or_any_event_store(system: System) -> None:
    ids = run_flow(system)
    canaries = A.values() + B.values() + OTHERS
    wait_for_stream_on_disk(system, ids["workshop"])

    assert found_in(files_under(system.nats.store_dir), canaries) == {}
    rows = event_store_rows(system)
    assert found_in(rows, [ids["A"], ids["B"]]), "the scan reads the events"
    assert found_in(rows, canaries) == {}
    # The owning services do hold them: that is where personal data belongs.
    owners = database_files(system)
    assert set(found_in(owners, A.values())["intake"]) >= {A.given, A.family, A.note, A.inquiry}
    assert set(found_in(owners, [A.given, "QxVolFamily"])["volunteer"]) == {
        A.given,
        "QxVolFamily",
    }
    assert found_in(owners, OTHERS).keys() == {"volunteer", "placement", "prevention"}
    # Envelopes name the caller by login, and these logins are not names.
    actors = {r for blob in rows.values() for r in ("u-1001", "u-2002") if r.encode() in blob}
    assert actors == {"u-1001", "u-2002"}
