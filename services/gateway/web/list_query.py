"""A list page's query from its URL: the filters, sort and page a person clicked.

Filters are plain GET forms, so an empty choice ("alle") arrives as an empty value, and a
bookmarked or hand-edited URL may carry a value that no longer fits. Neither becomes an
error page: an empty value means "no filter", a value that does not fit is left out (the
list shows unfiltered in that respect, and the form shows what was applied).
"""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from shared.contracts.paging import PageInfo, PageQuery

Query = TypeVar("Query", bound=BaseModel)


def list_query(request: Request, model: type[Query], prefix: str = "", **fixed: object) -> Query:
    """`model` from the request's query parameters named `prefix` + field name; `prefix`
    keeps two lists on one page apart (`t_page`, `t_sort` …). `fixed`: the route's own
    values (the offer of the page, …), which no URL parameter overrides."""
    given = {
        name: request.query_params[prefix + name]
        for name in model.model_fields
        if name not in fixed and request.query_params.get(prefix + name, "").strip()
    }
    for _ in range(len(given) + 1):
        try:
            return model.model_validate({**given, **fixed})
        except ValidationError as exc:
            wrong = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
            if not wrong & given.keys():
                raise
            for name in wrong:
                given.pop(name, None)
    return model.model_validate(dict(fixed))


PagedQuery = TypeVar("PagedQuery", bound=PageQuery)


def beyond_last(query: PagedQuery, info: PageInfo) -> PagedQuery | None:
    """The last page's query when `query` asked for a page past it (a bookmark from before
    rows went away), so the list shows its last page instead of "Seite 3 von 2"."""
    if info.total and query.page > info.pages:
        return query.model_copy(update={"page": info.pages})
    return None
