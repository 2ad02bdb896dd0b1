"""Erasure (Art. 17 DSGVO): a coordinator erases household A; afterwards no byte of A's
personal data is left in any service's database, the stream or the services' logs, the
detail view says "gelöscht", every yearly figure is unchanged, and rebuilding the
reporting read model from the stream gives the same figures.

Household B, erased by nobody, keeps its data: the scan that finds nothing of A finds B.

The envelope's `actor` is the caller's login as the gateway passes it (`x-auszug-user`
today). A login is often a name (`maria.s`); the gateway should pass a pseudonymous,
stable user id instead (the identity provider's subject UUID, or HMAC-SHA256 of the
login under a key only the gateway holds), and keep the login → id mapping on its side,
so that an event never names a member of staff or a volunteer. These tests sign in with
logins that are no names.
"""

from __future__ import annotations

from typing import Any

from support.canaries import (
    CARITAS,
    COORDINATOR,
    YEAR,
    A,
    B,
    all_figures,
    everything,
    found_in,
    ok,
    run_flow,
    wait_for_stream_on_disk,
)
from support.system import System, run_module, wait_until


def attendee_names(system: System, workshop_id: str) -> set[Any]:
    shown = ok(
        system.http.get(f"{system.gateway}/api/workshops/{workshop_id}", headers=CARITAS), 200
    )
    return {a["given_name"] for a in shown["attendees"]}


def test_erased_household_leaves_no_trace_and_every_figure_stays(
    system: System, backend: str
) -> None:
    ids = run_flow(system)
    http, api = system.http, f"{system.gateway}/api"
    wait_until(lambda: system.figures(YEAR)["households_registered"] == 2, what="counted")
    before = all_figures(system)
    assert found_in(everything(system, backend), A.values()), "the scan sees A before"

    refused = http.post(f"{api}/households/{ids['A']}/erasure", headers=CARITAS)
    assert refused.status_code == 403, refused.text
    ok(http.post(f"{api}/households/{ids['A']}/erasure", headers=COORDINATOR), 200)
    again = http.post(f"{api}/households/{ids['A']}/erasure", headers=COORDINATOR)
    assert again.status_code == 409 and "bereits" in again.json()["error"]["message"]

    shown = ok(http.get(f"{api}/households/{ids['A']}", headers=COORDINATOR), 200)
    assert shown["privacy"]["label"] == "gelöscht"
    assert (shown["members"], shown["contact"], shown["note"]) == ([], None, None)
    assert (shown["adults"], shown["minors"]) == (1, 1)
    # Volunteer learns it from `PersonalDataErased` and forgets A's attendee.
    wait_until(
        lambda: attendee_names(system, ids["workshop"]) == {None, B.given},
        what="volunteer erased A's attendee",
    )
    wait_for_stream_on_disk(system, ids["workshop"])

    def traces() -> dict[str, list[str]]:
        return found_in(everything(system, backend), A.values())

    # SQLite files are rewritten right after the erasure; the wait is for volunteer's.
    wait_until(lambda: traces() == {}, timeout=15, what="no trace of A anywhere")
    kept = found_in(everything(system, backend), B.values())
    assert {"intake", "volunteer"} <= kept.keys(), kept

    wait_until(lambda: all_figures(system) == before, what="figures unchanged")

    system["reporting"].stop()
    assert "dropped" in run_module(system, "reporting", "services.reporting", "rebuild")
    system["reporting"].start()
    wait_until(lambda: all_figures(system) == before, what="rebuilt figures unchanged")
    assert traces() == {}
    restriction_and_export(system, ids["B"])


def restriction_and_export(system: System, household_id: str) -> None:
    """Restricted: the coordinator's alone (404 for the provider's caseworker), lifted
    again; the export (Art. 15) holds the household's personal data."""
    http, url = system.http, f"{system.gateway}/api/households/{household_id}"
    restriction = {"reason": "retention_duty", "note": "Aufbewahrung nach §84 SGB X"}
    ok(http.post(f"{url}/restriction", json=restriction, headers=COORDINATOR), 200)
    assert http.get(url, headers=CARITAS).status_code == 404
    # The case notes with it: hidden from the provider, read (not written) by the coordinator.
    assert http.get(f"{url}/notes", headers=CARITAS).status_code == 404
    restricted_notes = ok(http.get(f"{url}/notes", headers=COORDINATOR), 200)["notes"]
    assert [n["text"] for n in restricted_notes] == [f"Anruf: {B.casenote}"]
    note = {"kind": "letter", "text": "Brief"}
    assert http.post(f"{url}/notes", json=note, headers=COORDINATOR).status_code == 409
    shown = ok(http.get(url, headers=COORDINATOR), 200)
    assert (shown["privacy"]["label"], shown["privacy"]["restricted_reason"]) == (
        "eingeschränkt",
        "retention_duty",
    )
    assert http.post(f"{url}/erasure", headers=COORDINATOR).status_code == 409
    ok(http.delete(f"{url}/restriction", headers=COORDINATOR), 200)
    assert ok(http.get(url, headers=CARITAS), 200)["privacy"] is None

    assert http.get(f"{url}/export", headers=CARITAS).status_code == 403
    exported = ok(http.get(f"{url}/export", headers=COORDINATOR), 200)
    names = {m["given_name"] for m in exported["intake"]["personal_data"]["household_members"]}
    assert names == {B.given, B.child}
    assert exported["intake"]["personal_data"]["inquiry_details"][0]["text"] == B.inquiry
    (note_row,) = exported["intake"]["personal_data"]["household_notes"]
    assert (note_row["text"], note_row["note_kind"]) == (f"Anruf: {B.casenote}", "phone_call")
    assert [f["event_type"] for f in exported["intake"]["history"]][-2:] == [
        "ProcessingRestricted",
        "RestrictionLifted",
    ]
