"""placement: documents on offers

Revision ID: placement_0007
Revises: placement_0006
Create Date: 2026-12-07

One row per document (shared/casework/documents.py): the offer, kind, file name, the
inspected media type, size, SHA-256, who uploaded it and when, and the key of its bytes in
the document store; `document_blobs` holds the bytes when the store is the database.
Personal data: a household's erasure deletes those of the offers it was proposed for.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "placement_0007"
down_revision = "placement_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offer_documents",
        sa.Column("document_id", sa.Uuid, primary_key=True),
        sa.Column("offer_id", sa.Uuid, nullable=False),
        sa.Column("municipality", sa.String(64), nullable=False),
        sa.Column("document_kind", sa.String(30), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(50), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("uploaded_on", sa.Date, nullable=False),
        sa.Column("uploaded_by", sa.String(100), nullable=False),
        sa.Column("uploaded_at", UTCDateTime(), nullable=False),
        sa.Column("storage_key", sa.String(200), nullable=False, unique=True),
    )
    op.create_index(
        "ix_offer_documents_offer_id_uploaded",
        "offer_documents",
        ["offer_id", "uploaded_at"],
    )
    op.create_table(
        "document_blobs",
        sa.Column("storage_key", sa.String(200), primary_key=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("stored_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("document_blobs")
    op.drop_index("ix_offer_documents_offer_id_uploaded", "offer_documents")
    op.drop_table("offer_documents")
