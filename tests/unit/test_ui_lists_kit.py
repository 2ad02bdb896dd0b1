"""The web kit's list tools: a page URL keeps the filters, a confirmation shows only a
declared text, the pager counts like a person does, numbers are written in German."""

from __future__ import annotations

from starlette.requests import Request

from services.gateway.web import i18n, notices
from services.gateway.web.templating import page_url
from shared.contracts import places
from shared.contracts.paging import PageQuery


def _request(query: str) -> Request:
    return Request(
        {
            "type": "http",
            "method": "GET",
            "path": "/ui",
            "query_string": query.encode(),
            "headers": [],
            "server": ("testserver", 80),
            "scheme": "http",
        }
    )


def test_a_page_url_keeps_the_filters_and_changes_only_what_it_names() -> None:
    request = _request("provider=caritas&stage=registered&page=3")
    assert page_url(request, page=4) == "/ui?provider=caritas&stage=registered&page=4"
    assert page_url(request, page=None) == "/ui?provider=caritas&stage=registered"


def test_a_confirmation_shows_only_a_declared_text() -> None:
    redirect = notices.saved("/ui/haushalte/1?x=1", notices.SAVED, anchor="stammdaten")
    assert redirect.status_code == 303
    assert redirect.headers["location"] == "/ui/haushalte/1?x=1&hinweis=gespeichert#stammdaten"
    assert notices.shown(_request("hinweis=gespeichert")) == notices.SAVED
    assert notices.shown(_request("hinweis=%3Cb%3Ehallo%3C%2Fb%3E")) is None


def test_the_pager_counts_rows_from_one() -> None:
    info = PageQuery(page=3, per_page=50).info(total=1167)
    assert (info.first, info.last, info.pages) == (101, 150, 24)
    assert PageQuery().info(total=0).first == 0
    assert PageQuery(page=24).info(total=1167).last == 1167


def test_numbers_in_german() -> None:
    assert i18n.format_number(1628) == "1.628"
    assert i18n.format_number(15, decimals=1) == "15,0"


def test_codes_have_names() -> None:
    assert places.provider_name("caritas", "koeln") == "Caritas Köln"
    assert places.municipality_name("koeln") == "Köln"
    assert places.district_name("kalk") == "Kalk"
    assert places.language_names(["de", "ar"]) == "Deutsch, Arabisch"
    assert places.provider_name("karitas") == "karitas"
