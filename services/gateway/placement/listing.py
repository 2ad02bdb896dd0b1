"""A list query from the page's URL: filters, sorting and page live in the URL (the list
kit's `page_url`), so the gateway reads them back into the operation's query here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from pydantic import BaseModel, ValidationError

Q = TypeVar("Q", bound=BaseModel)


def list_query(model: type[Q], params: Mapping[str, str], **fixed: object) -> Q:
    """`model` from the URL's parameters of the same name (an empty one is "any") and the
    route's own `fixed` values. A parameter that does not fit — a hand-edited `page=x`, a
    sort key of another list — falls back to its default: a URL never gives an error page."""
    given = {
        name: value
        for name, value in params.items()
        if name in model.model_fields and name not in fixed and value != ""
    }
    try:
        return model.model_validate({**given, **fixed})
    except ValidationError as exc:
        bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
        kept = {name: value for name, value in given.items() if name not in bad}
        return model.model_validate({**kept, **fixed})
