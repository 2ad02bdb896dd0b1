"""volunteer: documents on volunteers

Revision ID: volunteer_0009
Revises: volunteer_0008
Create Date: 2026-12-07

One row per document (shared/casework/documents.py): the volunteer, kind, file name, the
inspected media type, size, SHA-256, who uploaded it and when, and the key of its bytes in
the document store; `document_blobs` holds the bytes when the store is the database.
Personal data: erasure (and retention) deletes rows and bytes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from shared.eventstore.schema import UTCDateTime

revision = "volunteer_0009"
down_revision = "volunteer_0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "volunteer_documents",
        sa.Column("document_id", sa.Uuid, primary_key=True),
        sa.Column("volunteer_id", sa.Uuid, nullable=False),
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
        "ix_volunteer_documents_volunteer_id_uploaded",
        "volunteer_documents",
        ["volunteer_id", "uploaded_at"],
    )
    op.create_table(
        "document_blobs",
        sa.Column("storage_key", sa.String(200), primary_key=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("stored_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("document_blobs")
    op.drop_index("ix_volunteer_documents_volunteer_id_uploaded", "volunteer_documents")
    op.drop_table("volunteer_documents")
