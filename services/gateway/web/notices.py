"""The confirmation a page shows after a save ("Der Haushalt ist vorgeschlagen.").

A form posts, the gateway answers 303 to the page (post/redirect/get, so a reload does not
send twice) with `?hinweis=<key>` and the anchor of the section that changed; the base
template shows the notice's text in a status box at the top and the browser scrolls to
the section. Only keys declared here with `notice()` are shown: the URL cannot carry text
of its own onto a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import URL

from services.gateway.web.i18n import N_

PARAMETER = "hinweis"


@dataclass(frozen=True)
class Notice:
    key: str
    text: str  # German, marked with N_ (translated when shown)


_KNOWN: dict[str, Notice] = {}


def notice(key: str, text: str) -> Notice:
    """Declares a confirmation (at import time, in the module of the page that saves)."""
    known = _KNOWN.setdefault(key, Notice(key, text))
    if known.text != text:
        raise ValueError(f"notice {key!r} is declared twice with different texts")
    return known


SAVED = notice("gespeichert", N_("Gespeichert."))


def saved(path: str, what: Notice = SAVED, anchor: str | None = None) -> RedirectResponse:
    """303 to `path` (which may carry a query of its own) with the confirmation `what`."""
    url = URL(path).include_query_params(**{PARAMETER: what.key})
    target = f"{url.path}?{url.query}" + (f"#{anchor}" if anchor else "")
    return RedirectResponse(target, status_code=303)


def shown(request: Request) -> Notice | None:
    """The confirmation this request asks to show, if it is a declared one."""
    return _KNOWN.get(request.query_params.get(PARAMETER, ""))
