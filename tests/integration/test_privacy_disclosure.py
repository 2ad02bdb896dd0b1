"""Art. 15: a coordinator gives a household the readable German form of everything intake
stores on it (HTML to print, and a PDF), with every name exactly as stored; the read is
logged like every read of personal data, and nobody else gets it."""

from __future__ import annotations

import io

import pypdf

from support.system import System, household

COORDINATOR = {"x-auszug-user": "kora", "x-auszug-role": "coordinator"}
CASEWORKER = {
    "x-auszug-user": "anna",
    "x-auszug-role": "caseworker",
    "x-auszug-provider": "caritas",
}


def test_a_household_gets_a_readable_disclosure_of_what_is_stored(system: System) -> None:
    body = household(adults=1, minors=1, contact={"phone": "0221 123456"})
    body["members"][0] |= {"given_name": "Đorđe", "family_name": "Đorđević"}
    created = system.http.post(f"{system.gateway}/api/households", json=body, headers=CASEWORKER)
    assert created.status_code == 201, created.text
    base = f"{system.gateway}/api/households/{created.json()['household_id']}"

    page = system.http.get(f"{base}/auskunft", headers=COORDINATOR)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for expected in (
        "Auskunft über gespeicherte Daten",
        "Personen im Haushalt",
        "Nachname",
        "Đorđević",
        "0221 123456",
        "Haushalt aufgenommen",
        "01.06.2025",
    ):
        assert expected in page.text, expected

    pdf = system.http.get(f"{base}/auskunft.pdf", headers=COORDINATOR)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Đorđević" in text and "Haushalt aufgenommen" in text

    # Only the coordinator gives information; the caseworker may not, not even for her own.
    assert system.http.get(f"{base}/auskunft", headers=CASEWORKER).status_code == 403
    log = system.http.get(f"{base}/access-log", headers=COORDINATOR).json()["entries"]
    routes = [e["route"] for e in log]
    assert "/api/households/{household_id}/auskunft" in routes
    assert "/api/households/{household_id}/auskunft.pdf" in routes
