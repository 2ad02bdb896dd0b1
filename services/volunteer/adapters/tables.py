"""Volunteer's SQL tables besides the backbone's.

Three kinds, kept apart on purpose:
- personal data (`volunteer_details`, `attendee_details`): names, contact data, logins,
  birth dates; written with the event in one transaction, never copied into an event;
- a write-side index (`tandem_index`): which household stream holds a tandem, and whose
  tandem it is; written with `TandemFormed` in one transaction, never changed after;
- read models from other services' events (`known_households`, `known_consents` from
  intake's, `household_placements` from placement's), rebuilt from the stream on demand.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Time,
    UniqueConstraint,
    Uuid,
)

from shared.casework.documents import document_blob_table, document_table
from shared.casework.followups import follow_up_tables
from shared.casework.letters import letter_template_table
from shared.casework.notes import note_table

VOLUNTEER = MetaData()

# ---------------------------------------------------------------- personal data

volunteer_details = Table(
    "volunteer_details",
    VOLUNTEER,
    Column("volunteer_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("provider", String(64), nullable=False),
    Column("user_id", String(120), nullable=False),
    Column("given_name", String(100)),
    Column("family_name", String(100)),
    Column("phone", String(40)),
    Column("email", String(254)),
    UniqueConstraint("municipality", "user_id", name="uq_volunteer_user"),
)

attendee_details = Table(
    "attendee_details",
    VOLUNTEER,
    Column("attendee_id", Uuid, primary_key=True),
    Column("workshop_id", Uuid, nullable=False, index=True),
    Column("municipality", String(64), nullable=False),
    Column("given_name", String(100)),
    Column("family_name", String(100)),
    Column("birth_date", Date),
)

# ---------------------------------------------------------------- write-side index

tandem_index = Table(
    "tandem_index",
    VOLUNTEER,
    Column("tandem_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("volunteer_id", Uuid, nullable=False),
    Column("provider", String(64), nullable=False),
    Column("formed_on", Date),
    # Set with `TandemEnded` in its transaction: the list pages active tandems in SQL.
    Column("ended_on", Date),
    Index("ix_tandem_index_volunteer", "municipality", "volunteer_id"),
    Index("ix_tandem_index_household", "municipality", "household_id"),
)

# The list of volunteers (codes and days, no names: those are `volunteer_details`'),
# written from the volunteer's state in the transaction of each of its events, so the list
# is paged, filtered and sorted in SQL and never behind the store.
volunteer_list = Table(
    "volunteer_list",
    VOLUNTEER,
    Column("volunteer_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("provider", String(64), nullable=False),
    Column("district", String(64)),
    # The language codes between spaces (" de ar "): one LIKE finds a language.
    Column("languages", String(200), nullable=False),
    Column("registered_on", Date, nullable=False),
    Column("ready_for_tandem", Boolean, nullable=False),
    Column("left_on", Date),
    Column("erased_on", Date),
    Index("ix_volunteer_list_provider", "municipality", "provider"),
)

# ---------------------------------------------------------------- read models

known_households = Table(
    "known_households",
    VOLUNTEER,
    Column("household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("provider", String(64), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("accommodation_kind", String(40)),
    Column("registered_on", Date, nullable=False),
    Column("deregistered_on", Date),
    # Art. 18 DSGVO: set while intake restricts the household's processing.
    Column("restricted_on", Date),
)

# Consents of households (ids, purpose codes, days: who consented stays in intake).
known_consents = Table(
    "known_consents",
    VOLUNTEER,
    Column("consent_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("purpose", String(40), nullable=False),
    Column("given_on", Date, nullable=False),
    Column("withdrawn_on", Date),
    Index("ix_known_consents_household", "municipality", "household_id"),
)

household_placements = Table(
    "household_placements",
    VOLUNTEER,
    Column("placement_event_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("household_id", Uuid, nullable=False),
    Column("offer_id", Uuid, nullable=False),
    Column("provider", String(64), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("lease_signed_on", Date, nullable=False),
    Index("ix_household_placements_household", "municipality", "household_id"),
)

# Consultations as recorded (ids, codes, day; who came stays nowhere): written in the
# transaction that appends `ConsultationHeld`, so a list is as fresh as the store.
consultation_list = Table(
    "consultation_list",
    VOLUNTEER,
    Column("consultation_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("provider", String(64), nullable=False),
    Column("held_on", Date, nullable=False),
    Column("channel", String(40), nullable=False),
    Column("visitor", String(40), nullable=False),
    Column("topic", String(40), nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("appointment", Boolean, nullable=False),
    Column("office_hour_id", Uuid),
    Column("tandem_id", Uuid),
    Column("household_id", Uuid),
    Index("ix_consultation_list_day", "municipality", "held_on"),
)

# ---------------------------------------------------------------- staff's follow-ups and notes

# Written follow-ups on volunteers (shared/casework/followups.py) and case notes on them
# (shared/casework/notes.py): the texts are the volunteer's personal data, deleted with the
# volunteer's erasure (adapters/personal_data.py), never shown to the volunteer.
follow_ups = follow_up_tables(VOLUNTEER)
volunteer_notes = note_table("volunteer_notes", VOLUNTEER, "volunteer_id")
# Documents on volunteers (shared/casework/documents.py): a signed agreement, a
# certificate of good conduct. The rows here, the bytes in the document store (on disk by
# default; `document_blobs` when the store is the database). Personal data: deleted with
# the volunteer's erasure (rows and bytes, also by retention), never shown to the volunteer.
volunteer_documents = document_table("volunteer_documents", VOLUNTEER, "volunteer_id")
document_blobs = document_blob_table(VOLUNTEER)

# ---------------------------------------------------------------- letter templates

# The coordination's template of the participation certificate per municipality
# (configuration, no personal data; shared/casework/letters.py).
letter_templates = letter_template_table(VOLUNTEER)

# Individual consultations arranged ahead (Einzeltermine, shared/contracts/appointments.py):
# one row per open appointment, kept in step with the consultation's stream in the
# transaction of its events; gone once recorded or cancelled. `place` is free text
# (personal data, in no event): blanked by the erasure of the household or of the tandem's
# volunteer, hidden with a restricted household, listed in the household's Art. 15 export.
consultation_appointments = Table(
    "consultation_appointments",
    VOLUNTEER,
    Column("appointment_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("provider", String(64), nullable=False),
    Column("day", Date, nullable=False),
    Column("at", Time, nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("attendee", String(120), nullable=False),
    Column("tandem_id", Uuid),
    Column("household_id", Uuid),
    Column("place", String(300)),
    Index("ix_consultation_appointments_day", "municipality", "day"),
)
