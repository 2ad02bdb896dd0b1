"""Intake's own tables besides the event store.

Personal-data tables (names, birth dates, contacts, consent details, notes, inquiry
texts) are the only place such data lives; they are keyed by household, assessment or
inquiry id and never copied into events (docs/architecture.md, invariant 6), so erasing a person
deletes rows here and leaves the event history and every figure untouched.

`duplicate_candidates` and `inquiry_inbox` are small lists the coordinator works from;
they hold no personal data and are written in the same transaction as the events they
follow, so they are never behind.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, MetaData, String, Table, Text, Uuid

from shared.casework.documents import document_blob_table, document_table
from shared.casework.followups import follow_up_tables
from shared.casework.notes import note_table
from shared.eventstore.schema import UTCDateTime

INTAKE = MetaData()

household_details = Table(
    "household_details",
    INTAKE,
    Column("household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("accommodation_site", String(120)),
    Column("phone", String(40)),
    Column("email", String(254)),
    Column("note", Text),
    # Digits only, national form: how duplicates are found by phone.
    Column("phone_key", String(40), index=True),
    Column("deregistration_note", Text),
)

household_members = Table(
    "household_members",
    INTAKE,
    Column("member_id", Uuid, primary_key=True),
    Column("household_id", Uuid, nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("role", String(20), nullable=False),
    Column("age_band", String(10), nullable=False),
    Column("given_name", String(100)),
    Column("family_name", String(100)),
    Column("birth_date", Date, index=True),
    # Case-folded family name: how duplicates are found by name and birth date.
    Column("family_name_key", String(100), index=True),
    Column("left_on", Date),
)

# Byte order on PostgreSQL too (as SQLite compares): a prefix is then an index range,
# `key >= 'ozt' AND key < 'ozu'`, whatever the database's locale.
SearchKey = String(100).with_variant(String(100, collation="C"), "postgresql")

# Each word of each current member's given and family name as `personal_data.search_key`
# gives it ("Öztürk-Weiß" → "ozturk", "weiss"): how the directory finds a household by the
# beginning of any name (an index-only range scan). A member who moves away takes their
# keys along. Personal data like the names: erased with them (member or household).
household_name_keys = Table(
    "household_name_keys",
    INTAKE,
    Column("member_id", Uuid, primary_key=True),
    Column("key", SearchKey, primary_key=True),
    Column("household_id", Uuid, nullable=False, index=True),
    Index("ix_household_name_keys_key", "key", "household_id"),
)

# The directory's row per household: what a list shows beside the title and what it
# filters and sorts by, kept from the household's state in the transaction of each of its
# commands (services/intake/adapters/directory.py). Ids, codes, counts and days only.
household_directory = Table(
    "household_directory",
    INTAKE,
    Column("household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("provider", String(64), nullable=False),
    Column("registered_on", Date, nullable=False),
    Column("persons", Integer, nullable=False),
    Column("restricted", Boolean, nullable=False, default=False),
    Column("deregistered", Boolean, nullable=False, default=False),
    # Hex of the id: a short id ("ad07fd63") is a prefix of it.
    Column("id_hex", SearchKey, nullable=False),
    # The head's family name (else given name) as search_key gives it: the order "by
    # name". Derived from a name, so erased with it ("" once no name is left).
    Column("sort_name", SearchKey, nullable=False),
    Index("ix_household_directory_scope", "municipality", "provider", "registered_on"),
    Index("ix_household_directory_id_hex", "id_hex"),
    # The coordinator's directory pages in order, without sorting all of it each time.
    Index("ix_household_directory_by_name", "municipality", "sort_name", "household_id"),
    Index("ix_household_directory_by_day", "municipality", "registered_on", "household_id"),
)

household_consents = Table(
    "household_consents",
    INTAKE,
    Column("consent_id", Uuid, primary_key=True),
    Column("household_id", Uuid, nullable=False, index=True),
    Column("purpose", String(300), nullable=False),
    Column("given_on", Date, nullable=False),
    Column("given_by", String(120), nullable=False),
    Column("withdrawn_on", Date),
    # ConsentPurpose; `purpose` keeps the wording (free text at registration).
    Column("purpose_code", String(40), nullable=False, server_default="data_processing"),
    Column("note", Text),
)

readiness_notes = Table(
    "readiness_notes",
    INTAKE,
    Column("assessment_id", Uuid, primary_key=True),
    Column("household_id", Uuid, nullable=False, index=True),
    Column("note", Text, nullable=False),
)

duplicate_candidates = Table(
    "duplicate_candidates",
    INTAKE,
    Column("household_id", Uuid, primary_key=True),
    Column("other_household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("status", String(20), nullable=False),
    Column("flagged_on", Date, nullable=False),
)

inquiry_inbox = Table(
    "inquiry_inbox",
    INTAKE,
    Column("inquiry_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("sender_kind", String(20), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("received_at", UTCDateTime(), nullable=False),
    Column("first_triaged_at", UTCDateTime()),
    Column("last_outcome", String(20)),
)

inquiry_details = Table(
    "inquiry_details",
    INTAKE,
    Column("inquiry_id", Uuid, primary_key=True),
    Column("sender_name", String(200)),
    Column("phone", String(40)),
    Column("email", String(254)),
    Column("text", Text),
)

inquiry_notes = Table(
    "inquiry_notes",
    INTAKE,
    Column("inquiry_id", Uuid, primary_key=True),
    # The n-th triage of the inquiry (1, 2, …), as counted by its stream.
    Column("triage", Integer, primary_key=True),
    Column("note", Text, nullable=False),
)

# Read model of volunteer's `TandemFormed`/`TandemEnded`: which tandem a household's
# data went to, on which day, under which consent. Ids, codes and days only.
tandem_disclosures = Table(
    "tandem_disclosures",
    INTAKE,
    Column("tandem_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("provider", String(64), nullable=False),
    Column("formed_on", Date, nullable=False),
    Column("consent_id", Uuid),
    Column("consent_given_on", Date),
    Column("ended_on", Date),
    Index("ix_tandem_disclosures_household", "municipality", "household_id"),
)

# Art. 18 DSGVO / §84 SGB X: a row here means "restricted". Written in the same
# transaction as `ProcessingRestricted`, deleted with `RestrictionLifted`; lists and
# searches leave these households out. `note` is the coordinator's reasoning (personal).
household_restrictions = Table(
    "household_restrictions",
    INTAKE,
    Column("household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("reason", String(40), nullable=False),
    Column("restricted_on", Date, nullable=False),
    Column("note", Text),
)

# Per municipality: erase a household's personal data this many years after it was
# deregistered (its case closed). No row: no automatic erasure.
retention_rules = Table(
    "retention_rules",
    INTAKE,
    Column("municipality", String(64), primary_key=True),
    Column("erase_after_years", Integer, nullable=False),
)

# Rectifications (Art. 16 DSGVO): which field of whom changed, from what to what, when and
# by whom (the pseudonymous actor of the envelope). Old and new values are personal data:
# erased with the household (a member's rows with the member), left out for everyone
# while processing is restricted, listed in the Art. 15 export. Values are kept as text
# (a birth date as JJJJ-MM-TT) so one column holds every field.
personal_data_corrections = Table(
    "personal_data_corrections",
    INTAKE,
    Column("correction_id", Uuid, primary_key=True),
    Column("household_id", Uuid, nullable=False, index=True),
    Column("member_id", Uuid),
    Column("field", String(20), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("corrected_at", UTCDateTime(), nullable=False),
    Column("actor", String(120), nullable=False),
)

# Written follow-ups on households and inquiries (shared/casework/followups.py): the text
# is personal data; erased with the household, listed in its export.
follow_ups = follow_up_tables(INTAKE)
# Case notes (shared/casework/notes.py): a phone call, a visit, a letter, a meeting, in
# staff's own words, by the pseudonymous author. Personal data: erased with the household,
# hidden with it while restricted, listed in the Art. 15 export.
household_notes = note_table("household_notes", INTAKE, "household_id")
# Documents (shared/casework/documents.py): the lease, the WBS, a decision, a signed
# consent kept with the household. The rows here, the bytes in the document store (on disk
# by default; `document_blobs` when the store is the database). Personal data: erased with
# the household (rows and bytes), hidden with it while restricted, listed in the export.
household_documents = document_table("household_documents", INTAKE, "household_id")
document_blobs = document_blob_table(INTAKE)
