"""One page of a list: what every list query asks for and every list answer says.

A list operation's request inherits `PageQuery` (and names its own sort keys as a
`Literal`); its answer carries a `PageInfo` beside its rows. The service pages in SQL
(`LIMIT`/`OFFSET` over a stable order that ends in a unique key), so no list crosses the
bus, or reaches a page, with more than `per_page` rows.
"""

from __future__ import annotations

from math import ceil

from pydantic import BaseModel, Field

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


class PageQuery(BaseModel):
    page: int = Field(default=1, ge=1, le=100_000, description="Seite, ab 1")
    per_page: int = Field(
        default=DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Einträge je Seite"
    )
    descending: bool = Field(default=False, description="Absteigend sortieren")

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def info(self, total: int) -> PageInfo:
        return PageInfo(page=self.page, per_page=self.per_page, total=total)


class PageInfo(BaseModel):
    page: int = Field(ge=1)
    per_page: int = Field(ge=1)
    total: int = Field(ge=0, description="Einträge auf allen Seiten zusammen")

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def first(self) -> int:
        """Number of the page's first row (1-based), 0 on an empty list."""
        return 0 if self.total == 0 else (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)
