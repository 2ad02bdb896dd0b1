"""Placement's SQL tables besides the backbone's.

Three kinds, kept apart on purpose:
- personal data (`landlord_details`, `offer_details`): names, contacts, addresses, notes;
  written with the event in one transaction, never copied into an event;
- read models rebuilt from the stream (`candidate_households` from intake's events,
  `landlords`, `offers`, `proposals`, `guarantees`, `placements` from placement's own);
- rules per municipality (`rent_limits`, `placement_rules`): configuration, with seeded
  defaults, changed through the API.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    TypeDecorator,
    Uuid,
)
from sqlalchemy.engine import Dialect

from shared.casework.documents import document_blob_table, document_table
from shared.casework.followups import follow_up_tables
from shared.casework.letters import letter_template_table
from shared.casework.notes import note_table

PLACEMENT = MetaData()


class Hundredths(TypeDecorator[Decimal]):
    """A decimal with two places stored as an integer: exact on SQLite and PostgreSQL."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        return None if value is None else int((value * 100).to_integral_value())

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else (Decimal(value) / 100).quantize(Decimal("0.01"))


# ---------------------------------------------------------------- personal data

landlord_details = Table(
    "landlord_details",
    PLACEMENT,
    Column("landlord_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("name", String(200)),
    Column("contact_name", String(200)),
    Column("contact_phone", String(40)),
    Column("contact_email", String(254)),
    Column("note", Text),
)

offer_details = Table(
    "offer_details",
    PLACEMENT,
    Column("offer_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False),
    Column("street_address", String(200)),
    Column("note", Text),
)

# ---------------------------------------------------------------- read models

candidate_households = Table(
    "candidate_households",
    PLACEMENT,
    Column("household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("provider", String(64), nullable=False),
    Column("adults", Integer, nullable=False),
    Column("minors", Integer, nullable=False),
    Column("registered_on", Date, nullable=False),
    Column("has_wbs", Boolean),
    Column("wbs_valid_until", Date),
    Column("readiness", String(32)),
    Column("readiness_assessed_on", Date),
    Column("deregistered_on", Date),
    # Art. 18 DSGVO: set while intake restricts the household's processing.
    Column("restricted_on", Date),
    # The needs as intake last recorded them (NULL: not recorded); district codes.
    Column("needs_accessible", Boolean),
    Column("preferred_districts", JSON),
)

landlords = Table(
    "landlords",
    PLACEMENT,
    Column("landlord_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("registered_on", Date, nullable=False),
    Column("cooperation_agreed_on", Date),
)

offers = Table(
    "offers",
    PLACEMENT,
    Column("offer_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("landlord_id", Uuid, nullable=False),
    Column("landlord_kind", String(40), nullable=False),
    Column("district", String(64), nullable=False),
    Column("rooms", Hundredths, nullable=False),
    Column("size_m2", Hundredths, nullable=False),
    Column("cold_rent", Hundredths, nullable=False),
    Column("running_costs", Hundredths, nullable=False),
    Column("available_from", Date, nullable=False),
    Column("wbs_required", Boolean, nullable=False),
    Column("refugee_quota", Boolean, nullable=False),
    Column("accessible", Boolean, nullable=False),
    Column("source", String(40), nullable=False),
    Column("received_on", Date, nullable=False),
    Column("status", String(20), nullable=False),
    Column("closed_on", Date),
)

proposals = Table(
    "proposals",
    PLACEMENT,
    Column("offer_id", Uuid, primary_key=True),
    Column("household_id", Uuid, primary_key=True),
    Column("municipality", String(64), nullable=False, index=True),
    Column("provider", String(64), nullable=False),
    Column("proposed_on", Date, nullable=False),
    Column("decision", String(20)),
    Column("decided_on", Date),
)

guarantees = Table(
    "guarantees",
    PLACEMENT,
    Column("guarantee_id", Uuid, primary_key=True),
    Column("offer_id", Uuid, nullable=False, index=True),
    Column("household_id", Uuid, nullable=False),
    Column("municipality", String(64), nullable=False, index=True),
    Column("provider", String(64), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("requested_from", String(20), nullable=False),
    Column("requested_on", Date, nullable=False),
    Column("decision", String(20)),
    Column("decided_on", Date),
)

placements = Table(
    "placements",
    PLACEMENT,
    Column("offer_id", Uuid, primary_key=True),
    Column("household_id", Uuid, nullable=False, index=True),
    Column("municipality", String(64), nullable=False),
    Column("provider", String(64), nullable=False),
    Column("lease_signed_on", Date, nullable=False),
    Column("moved_on", Date, nullable=False),
)

READ_MODELS = (candidate_households, landlords, offers, proposals, guarantees, placements)

# ---------------------------------------------------------------- rules per municipality

DEFAULT_RULES = "*"  # the row used by a municipality that has none of its own

rent_limits = Table(
    "rent_limits",
    PLACEMENT,
    Column("municipality", String(64), primary_key=True),
    Column("persons", Integer, primary_key=True),
    Column("max_gross_cold_rent", Hundredths, nullable=False),
    Column("max_size_m2", Hundredths),
)

placement_rules = Table(
    "placement_rules",
    PLACEMENT,
    Column("municipality", String(64), primary_key=True),
    Column("extra_person_rent", Hundredths),
    Column("extra_person_m2", Hundredths),
)


# ---------------------------------------------------------------- notes and follow-ups on offers

# Written follow-ups on offers (shared/casework/followups.py) and case notes on offers
# (shared/casework/notes.py): free text, so personal data; the coordination's alone. Tied
# to the offer, not to a household (application/notes.py says what a household's erasure
# does to them).
follow_ups = follow_up_tables(PLACEMENT)
offer_notes = note_table("offer_notes", PLACEMENT, "offer_id")

# Each scheduled viewing as an appointment (shared/contracts/appointments.py): day, time,
# who attends (pseudonymous: whoever scheduled it), whether it was held, and where it
# takes place (*Treffpunkt*, free text). The place may be a private landlord's address, so
# it stays here and out of the events; the row goes with the household: shown to whoever
# sees the viewing, deleted by the household's erasure, listed in its Art. 15 export.
viewing_appointments = Table(
    "viewing_appointments",
    PLACEMENT,
    Column("viewing_id", Uuid, primary_key=True),
    Column("offer_id", Uuid, nullable=False, index=True),
    Column("municipality", String(64), nullable=False),
    Column("household_id", Uuid, nullable=False, index=True),
    Column("provider", String(64), nullable=False),
    Column("viewing_on", Date, nullable=False),
    Column("viewing_at", Time),
    Column("attendee", String(120), nullable=False),
    Column("place", String(300)),
    Column("held", Boolean, nullable=False, default=False),
    Index("ix_viewing_appointments_day", "municipality", "viewing_on"),
)
# Documents on offers (shared/casework/documents.py): the floor plan, the landlord's
# energy certificate, a lease signed for the flat; the coordination's alone, like the
# notes. The rows here, the bytes in the document store (on disk by default;
# `document_blobs` when the store is the database). A household's erasure takes those of
# the offers it was proposed for (application/notes.py says why).
offer_documents = document_table("offer_documents", PLACEMENT, "offer_id")
document_blobs = document_blob_table(PLACEMENT)

# ---------------------------------------------------------------- letter templates

# The coordination's templates of placement's letters per municipality (configuration, no
# personal data; shared/casework/letters.py).
letter_templates = letter_template_table(PLACEMENT)
