"""A list page's query from its URL (services/gateway/web/list_query.py): an empty choice is
no filter, a value that does not fit is left out instead of an error page, a second list
on the page reads its own prefixed parameters, and a page past the last is turned back."""

from __future__ import annotations

from starlette.requests import Request

from services.gateway.web.list_query import beyond_last, list_query
from shared.contracts.prevention import ListCases
from shared.contracts.volunteer import ListTandems


def request(query: str) -> Request:
    return Request({"type": "http", "method": "GET", "query_string": query.encode(), "headers": []})


def test_empty_choices_are_no_filter_and_the_rest_is_read() -> None:
    query = list_query(request("status=&provider=&page=3&sort=ends_on&descending=false"), ListCases)
    assert (query.status, query.provider, query.page, query.sort, query.descending) == (
        None,
        None,
        3,
        "ends_on",
        False,
    )


def test_a_value_that_does_not_fit_is_left_out() -> None:
    query = list_query(request("page=x&sort=name&status=admitted&per_page=500"), ListCases)
    assert (query.page, query.sort, query.status, query.per_page) == (
        1,
        "received_on",
        "admitted",
        50,
    )


def test_a_second_list_reads_its_own_parameters() -> None:
    url = request("page=4&sort=name&t_page=2&t_sort=provider&t_descending=true")
    tandems = list_query(url, ListTandems, "t_")
    assert (tandems.page, tandems.sort, tandems.descending) == (2, "provider", True)
    assert list_query(request("page=4"), ListTandems, "t_").page == 1


def test_a_page_past_the_last_is_turned_back_to_the_last() -> None:
    query = ListCases(page=5, per_page=10)
    last = beyond_last(query, query.info(23))
    assert last is not None and last.page == 3 and last.per_page == 10
    assert beyond_last(ListCases(page=3, per_page=10), query.info(23)) is None
    # An empty list has its one empty page: nothing to turn back to.
    assert beyond_last(query, query.info(0)) is None
