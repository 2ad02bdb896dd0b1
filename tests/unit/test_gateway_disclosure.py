"""The readable Art. 15 document leaves nothing out that the JSON export holds and shows it
the way a German reader expects."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

from services.gateway.households.exports.disclosure import disclosure, shown
from shared.contracts.intake import HouseholdExport
from shared.contracts.intake.privacy import RecordedFact


def test_values_read_as_german_text() -> None:
    assert shown(None) == "–"
    assert shown(True) == "ja" and shown(False) == "nein"
    assert shown(date(2025, 6, 1)) == "01.06.2025"
    assert shown("2025-06-01") == "01.06.2025"
    # Stored in UTC, read in Cologne.
    assert shown("2025-06-01T10:00:00+00:00") == "01.06.2025, 12:00 Uhr"
    assert shown(["de", "ar"]) == "de, ar"
    assert shown({"kind": "shelter"}) == "kind: shelter"
    assert shown("2025-13-45") == "2025-13-45"


def test_every_stored_value_appears_labelled_and_the_history_is_oldest_first() -> None:
    at = datetime(2025, 6, 1, 8, tzinfo=UTC)
    later = datetime(2025, 7, 1, 8, tzinfo=UTC)
    export = HouseholdExport(
        household_id=uuid4(),
        municipality="koeln",
        exported_on=date(2026, 11, 21),
        personal_data={
            "household_members": [{"family_name": "Đorđević", "unknown_column": "x"}],
            "readiness_notes": [],
        },
        history=[
            RecordedFact(
                event_type="HouseholdDeregistered",
                occurred_at=later,
                recorded_at=later,
                payload={"reason": "moved_on_own"},
            ),
            RecordedFact(
                event_type="HouseholdRegistered", occurred_at=at, recorded_at=at, payload={}
            ),
        ],
    )
    doc = disclosure(export)
    members, notes = doc.sections
    assert members.title == "Personen im Haushalt"
    assert members.records == [[("Nachname", "Đorđević"), ("unknown_column", "x")]]
    assert notes.records == []
    assert [h.what for h in doc.history] == ["Haushalt aufgenommen", "Abgemeldet"]
    reason = dict(doc.history[1].details)["Grund"]
    assert reason.endswith("(moved_on_own)") and reason != "moved_on_own"
