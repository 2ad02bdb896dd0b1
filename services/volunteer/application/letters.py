"""Volunteer's letters (shared/casework/letters.py): the participation certificate
(Teilnahmebestätigung), whose default template is adapters/certificate_texts.CERTIFICATE.

The coordination edits the template for its municipality; whoever may read the workshop
prints a certificate issued there (workshops.py, `Workshops.write_letter`), the
coordination and the caseworkers of the workshop's provider.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.volunteer.adapters.certificate_texts import CERTIFICATE
from services.volunteer.adapters.tables import letter_templates
from shared.casework.letters import LetterBook
from shared.contracts.letters import (
    LetterFile,
    LetterTemplateRef,
    LetterTemplates,
    LetterTemplatesQuery,
    SaveLetterTemplate,
    WriteLetter,
)
from shared.contracts.volunteer import operations as ops
from shared.db import Database
from shared.decider import Forbidden
from shared.identity import Caller, Role
from shared.rpc import RpcRouter

if TYPE_CHECKING:
    from services.volunteer.application.workshops import Workshops

LETTERS = LetterBook("volunteer", letter_templates, (CERTIFICATE,))


def _coordination(caller: Caller) -> None:
    if caller.role is not Role.coordinator:
        raise Forbidden("role", "Nur die Koordination darf Briefvorlagen bearbeiten.")


def register(rpc: RpcRouter, db: Database, workshops: Workshops) -> None:
    """Answer volunteer's three letter operations."""

    @rpc.handle(ops.LETTER_TEMPLATES)
    async def templates(body: LetterTemplatesQuery, caller: Caller) -> LetterTemplates:
        _coordination(caller)
        async with db.read() as conn:
            return await LETTERS.templates(conn, caller.municipality)

    @rpc.handle(ops.SAVE_LETTER_TEMPLATE)
    async def save(body: SaveLetterTemplate, caller: Caller) -> LetterTemplateRef:
        _coordination(caller)
        async with db.transaction() as conn:
            return await LETTERS.save(conn, caller.municipality, body, caller.user_id)

    @rpc.handle(ops.WRITE_LETTER)
    async def write(body: WriteLetter, caller: Caller) -> LetterFile:
        return await workshops.write_letter(body, caller)
