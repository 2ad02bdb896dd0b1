"""What a page's "… drucken" button answers: the letter the service wrote.

Once the owning service keeps the letter as a document of its subject (`document_id` in
the answer), the browser is sent to that document's download, so the printed letter and
the kept one are the same file; until then the PDF is the POST's answer itself. Either way
it is an attachment (never shown inline: the browser saves or prints it).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote

from fastapi import HTTPException
from fastapi.responses import Response

from services.gateway.web.submit import Refusal, send_form
from shared.contracts.letters import LetterFile, WriteLetter
from shared.contracts.operation import Operation
from shared.identity import Caller
from shared.rpc import ErrorKind, RpcClient

# Every refusal is shown on the error page: the button has no form to show it at.
_SHOWN = (ErrorKind.rule, ErrorKind.conflict, ErrorKind.forbidden, ErrorKind.not_found)


async def write_letter(
    rpc: RpcClient,
    op: Operation[WriteLetter, LetterFile],
    body: Mapping[str, Any],
    caller: Caller,
) -> Response:
    """Send `WRITE_LETTER` with the button's fields; the PDF, or the error page."""
    answer, refusal = await send_form(rpc, op, body, caller, shown=_SHOWN)
    if refusal is not None:
        message = refusal.general or next(iter(refusal.errors.values()), "")
        raise HTTPException(refusal.status, detail=message)
    assert answer is not None
    return pdf_attachment(answer)


async def letter_or_refusal(
    rpc: RpcClient,
    op: Operation[WriteLetter, LetterFile],
    body: Mapping[str, Any],
    caller: Caller,
    known: Iterable[str],
) -> tuple[Response | None, Refusal | None]:
    """For a letter with fields of its own (a day, a time): the PDF, or the refusal the
    page shows at those fields (`known`)."""
    answer, refusal = await send_form(rpc, op, body, caller, known=known, shown=_SHOWN)
    return (pdf_attachment(answer) if answer is not None else None), refusal


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
