"""What a page's "… drucken" button answers: the letter the service wrote.

Where the owning service keeps the letter as a document of its subject (`document_id` in
the answer), the browser is sent (303) to that document's download, so the printed letter
and the kept one are the same file and the download is access-logged like every other;
where it keeps none, the PDF is the POST's answer itself. Either way it is an attachment
(never shown inline: the browser saves or prints it).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import quote
from uuid import UUID

from fastapi import HTTPException
from fastapi.responses import RedirectResponse, Response

from services.gateway.web.submit import Refusal, send_form
from shared.contracts.letters import LetterFile, WriteLetter
from shared.contracts.operation import Operation
from shared.identity import Caller
from shared.rpc import ErrorKind, RpcClient

# Where a kept document is downloaded: (subject id, document id) → the page's path.
DocumentPath = Callable[[UUID, UUID], str]
# Every refusal is shown on the error page: the button has no form to show it at.
_SHOWN = (ErrorKind.rule, ErrorKind.conflict, ErrorKind.forbidden, ErrorKind.not_found)


async def write_letter(
    rpc: RpcClient,
    op: Operation[WriteLetter, LetterFile],
    body: Mapping[str, Any],
    caller: Caller,
    document_path: DocumentPath | None = None,
) -> Response:
    """Send `WRITE_LETTER` with the button's fields; the letter, or the error page."""
    answer, refusal = await send_form(rpc, op, body, caller, shown=_SHOWN)
    if refusal is not None:
        message = refusal.general or next(iter(refusal.errors.values()), "")
        raise HTTPException(refusal.status, detail=message)
    assert answer is not None
    return letter_response(answer, document_path)


async def letter_or_refusal(
    rpc: RpcClient,
    op: Operation[WriteLetter, LetterFile],
    body: Mapping[str, Any],
    caller: Caller,
    known: Iterable[str],
    document_path: DocumentPath | None = None,
) -> tuple[Response | None, Refusal | None]:
    """For a letter with fields of its own (a day, a time): the letter, or the refusal the
    page shows at those fields (`known`)."""
    answer, refusal = await send_form(rpc, op, body, caller, known=known, shown=_SHOWN)
    if answer is None:
        return None, refusal
    return letter_response(answer, document_path), None


def letter_response(answer: LetterFile, document_path: DocumentPath | None) -> Response:
    """The PDF where the answer carries it, else 303 to the kept document's download."""
    if not answer.content_base64 and answer.document_id is not None:
        # An owner that keeps letters has a download for them: the page says which.
        assert document_path is not None, f"no download of {answer.kind}'s documents"
        return RedirectResponse(document_path(answer.subject_id, answer.document_id), 303)
    return pdf_attachment(answer)


def pdf_attachment(answer: LetterFile) -> Response:
    name = answer.file_name
    return Response(
        base64.b64decode(answer.content_base64),
        media_type=answer.media_type,
        headers={
            "content-disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''"
            f"{quote(name)}",
            "cache-control": "no-store",
        },
    )
