"""Prevention's own tables besides the event store.

Personal-data tables (`case_details`, `case_notes`: the household's contact person and
address, who referred in person, every note) are the only place such data lives; they
are keyed by case id and never copied into events (docs/architecture.md, invariant 6).

`case_index` and `aftercare_offers` are the lists staff work from (cases, overdue
visits, open aftercare offers). They hold no personal data and are written from the
aggregate's state in the same transaction as its events, so they are never behind;
`reindex` rebuilds them from the event store.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Index, Integer, MetaData, String, Table, Text, Time, Uuid

from shared.casework.documents import document_blob_table, document_table
from shared.casework.followups import follow_up_tables
from shared.casework.letters import letter_template_table
from shared.casework.notes import note_table

PREVENTION = MetaData()

case_index = Table(
    "case_index",
    PREVENTION,
    Column("case_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("provider", String(64), nullable=False),
    Column("status", String(20), nullable=False),
    Column("source", String(40), nullable=False),
    Column("target_group", String(60), nullable=False),
    Column("housing_situation", String(30), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("received_on", Date, nullable=False),
    Column("admitted_on", Date),
    Column("ends_on", Date),
    Column("next_visit_due", Date, index=True),
    Column("last_visit_on", Date),
    Column("closed_on", Date),
    Column("outcome", String(30)),
)

case_details = Table(
    "case_details",
    PREVENTION,
    Column("case_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("contact_name", String(200)),
    Column("phone", String(40)),
    Column("email", String(254)),
    Column("street_address", String(200)),
    Column("referred_by", String(200)),
    Column("note", Text),
)

case_notes = Table(
    "case_notes",
    PREVENTION,
    Column("case_id", Uuid, primary_key=True),
    # The id of a help act (visit, mediation …), or the step: eligibility, rejection,
    # consent_withdrawal, closing.
    Column("entry", String(60), primary_key=True),
    Column("note", Text, nullable=False),
)

aftercare_offers = Table(
    "aftercare_offers",
    PREVENTION,
    Column("municipality", String(64), primary_key=True),
    Column("household_id", Uuid, primary_key=True),
    Column("provider", String(64), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("offered_on", Date, nullable=False),
    Column("moved_on", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("decided_on", Date),
    Column("decline_reason", String(30)),
)

# Written follow-ups on cases (shared/casework/followups.py): the text is personal data;
# erased with the case, listed in the household's export.
follow_ups = follow_up_tables(PREVENTION)
# Case notes written on their own (shared/casework/notes.py): a phone call, a visit, a
# letter, a meeting, by the pseudonymous author. Not `case_notes`, which holds the one
# note of each step. Personal data: erased with the case (and by retention), hidden while
# the case's household is restricted, listed in the household's Art. 15 export.
case_file_notes = note_table("case_file_notes", PREVENTION, "case_id")

# The open home visit appointment of each case (shared/contracts/appointments.py), written
# from the case's state in the transaction of its events: a row while the appointment is
# open, gone once the visit is recorded, cancelled, the case closed or erased. `place` is
# free text (the household's address, a meeting point): personal data, never in an event;
# erased with the case, hidden while its household is restricted, in the Art. 15 export.
home_visit_appointments = Table(
    "home_visit_appointments",
    PREVENTION,
    Column("appointment_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("case_id", Uuid, nullable=False, unique=True),
    Column("provider", String(64), nullable=False),
    Column("household_id", Uuid),
    Column("day", Date, nullable=False),
    Column("at", Time, nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("attendee", String(120), nullable=False),
    Column("place", String(300)),
    Index("ix_home_visit_appointments_day", "municipality", "day"),
)
# Documents (shared/casework/documents.py): the lease, a decision, a signed consent kept
# with the case. The rows here, the bytes in the document store (on disk by default;
# `document_blobs` when the store is the database). Personal data: erased with the case
# (rows and bytes, also by retention), hidden while the case's household is restricted,
# listed in the household's Art. 15 export.
case_documents = document_table("case_documents", PREVENTION, "case_id")
document_blobs = document_blob_table(PREVENTION)

# The coordination's templates of prevention's letters (the home visit's appointment) per
# municipality: configuration, no personal data (shared/casework/letters.py).
letter_templates = letter_template_table(PREVENTION)
