"""The inquiry inbox over HTTP, as the coordination uses it: an inquiry recorded through
the form waits as open, is triaged as answered and then shows answered with its first
answer; another is opened as a household case and links to the household's page, which
opens; a case for an unknown household is refused beside the household field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from uuid import uuid4

import httpx

from support.system import System, household

KOORDINATION = {"x-auszug-role": "coordinator", "x-auszug-user": "kora"}


def post(client: httpx.Client, path: str, form: Mapping[str, str]) -> httpx.Response:
    return client.post(path, data={**form, "csrf_token": client.cookies["auszug_csrf"]})


def record(client: httpx.Client, text: str) -> str:
    """Records an inquiry through the form; the path of its page."""
    form = {"sender_kind": "resident", "channel": "email", "text": text}
    recorded = post(client, "/ui/anfragen", form)
    assert recorded.status_code == 303, recorded.text
    path = recorded.headers["location"]
    assert re.fullmatch(r"/ui/anfragen/[0-9a-f-]{36}", path)
    return str(path)


def row_of(page: str, path: str) -> str:
    start = page.index(f'href="{path}"')
    return page[start : page.index("</tr>", start)]


def test_inquiry_inbox_over_http(system: System) -> None:
    client = httpx.Client(base_url=system.gateway, headers=KOORDINATION, timeout=30)
    assert client.get("/ui/anfragen").status_code == 200

    answered = record(client, "Wie bekomme ich einen Wohnberechtigungsschein?")
    assert "noch keine" in row_of(client.get("/ui/anfragen").text, answered)
    done = post(client, f"{answered}/bearbeitung", {"outcome": "answered", "note": "WBS erklärt"})
    assert done.status_code == 303, done.text
    page = client.get(answered).text
    assert "<dd>beantwortet</dd>" in page and "WBS erklärt" in page
    listed = row_of(client.get("/ui/anfragen").text, answered)
    assert "<td>beantwortet</td>" in listed and "noch keine" not in listed

    case = record(client, "Familie sucht dringend eine Wohnung.")
    unknown = {"outcome": "opened_as_case", "household_id": str(uuid4())}
    refused = post(client, f"{case}/bearbeitung", unknown)
    # The picker finds no household for the id typed: said at the field, typed value kept.
    assert refused.status_code == 422
    assert 'id="fehler-household_id">Kein Haushalt gefunden, der zu „' in refused.text
    assert f'value="{unknown["household_id"]}"' in refused.text

    registered = client.post("/api/households", json=household())
    assert registered.status_code == 201, registered.text
    household_id = registered.json()["household_id"]
    opened = post(
        client, f"{case}/bearbeitung", {"outcome": "opened_as_case", "household_id": household_id}
    )
    assert opened.status_code == 303, opened.text
    page = client.get(case).text
    assert f'href="/ui/haushalte/{household_id}"' in page and "/bearbeitung" not in page
    assert client.get(f"/ui/haushalte/{household_id}").status_code == 200
