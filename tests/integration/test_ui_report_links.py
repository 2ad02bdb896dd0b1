"""The report page on the running system: its PDF, CSV and print links answer with the
same report, the print version and the Art. 15 document are styled by the gateway's own
stylesheets under its Content-Security-Policy (no inline style), and a figure's
drill-down link opens its cases for the coordinator while the analyst gets none."""

from __future__ import annotations

import re
from html import unescape

import httpx

from support.system import System, household, wait_until

COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "kora"}
ANALYST = {"x-auszug-role": "analyst", "x-auszug-user": "ana"}
CASEWORKER = {
    "x-auszug-user": "anna",
    "x-auszug-role": "caseworker",
    "x-auszug-provider": "caritas",
}
YEAR = {"jahr": "2025"}


def links(page: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', page)]


def styled_without_inline_style(client: httpx.Client, response: httpx.Response) -> None:
    """No inline style (the CSP would refuse it), and the stylesheet it links is served."""
    assert "style-src 'self'" in response.headers["content-security-policy"]
    assert "<style" not in response.text and " style=" not in response.text
    sheets = re.findall(r'<link rel="stylesheet" href="(/ui/static/[a-z-]+\.css)">', response.text)
    assert sheets
    for sheet in sheets:
        served = client.get(sheet)
        assert served.status_code == 200 and served.headers["content-type"].startswith("text/css")


def test_the_report_page_links_its_documents_and_the_cases(system: System) -> None:
    created = system.register(household("2025-03-03", provider="caritas"), **COORDINATOR)
    assert created.status_code == 201
    household_id = created.json()["household_id"]
    with httpx.Client(base_url=system.gateway, timeout=30) as client:
        wait_until(
            lambda: ">1</a>" in client.get("/ui/bericht", params=YEAR, headers=COORDINATOR).text,
            timeout=60,
            what="the household counted on the report page",
        )
        page = client.get("/ui/bericht", params=YEAR, headers=COORDINATOR)
        assert page.status_code == 200 and "Kommune Köln" in page.text
        found = links(page.text)
        same = "period_from=2025-01-01&period_to=2025-12-31"
        documents = [
            f"/api/reports/report.pdf?{same}",
            f"/api/reports/figures.csv?{same}",
            f"/api/reports/report.html?{same}",
        ]
        assert set(documents) <= set(found)
        pdf, csv_file, printable = (client.get(url, headers=COORDINATOR) for url in documents)
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
        assert csv_file.status_code == 200 and "Köln" in csv_file.content.decode("utf-8-sig")
        assert printable.status_code == 200 and "Kommune</dt><dd>Köln" in printable.text
        styled_without_inline_style(client, printable)

        drill = f"/ui/bericht/faelle/households_registered?{same}"
        assert drill in found
        cases = client.get(drill, headers=COORDINATOR)
        assert cases.status_code == 200 and f"/ui/haushalte/{household_id}" in cases.text
        back = links(cases.text)[0]
        assert client.get(back, headers=COORDINATOR).status_code == 200

        analyst = client.get("/ui/bericht", params=YEAR, headers=ANALYST)
        assert analyst.status_code == 200
        assert not [u for u in links(analyst.text) if u.startswith("/ui/bericht/")]
        assert client.get(drill, headers=ANALYST).status_code == 403
        # A caseworker of another provider opens the figure's cases and finds none of it.
        drk = CASEWORKER | {"x-auszug-provider": "drk", "x-auszug-user": "dirk"}
        other = client.get(f"{drill}&provider=drk", headers=drk)
        assert other.status_code == 200 and household_id not in other.text


def test_the_art_15_document_is_styled_under_the_csp(system: System) -> None:
    created = system.register(household(), **CASEWORKER)
    assert created.status_code == 201
    url = f"/api/households/{created.json()['household_id']}/auskunft"
    with httpx.Client(base_url=system.gateway, timeout=30) as client:
        document = client.get(url, headers=COORDINATOR)
        assert document.status_code == 200 and "Kommune Köln" in document.text
        styled_without_inline_style(client, document)
