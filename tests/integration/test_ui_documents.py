"""Documents against the running system, through the gateway as a browser and an API
client use it: a caseworker signed in with her account uploads the lease on a household's
page (a PNG she named .pdf is kept as the PNG it is), sees it listed (kind, name, size, day,
her name), downloads the same bytes as an attachment that no browser renders as a page,
and the download is in the access log; a form sent twice keeps one document; a text file
named .pdf is refused in German at the file field and nothing is stored; another
provider's caseworker gets 404 (and no title) everywhere; restriction hides the documents
from all but the coordination, the Art. 15 export lists them, and erasure removes the row
AND the bytes (a canary scan of the databases, the document store and the logs)."""

from __future__ import annotations

import base64
import io
import os
import re
from pathlib import Path
from typing import Any

import httpx
from PIL import Image, PngImagePlugin

from shared.clock import today
from shared.contracts.documents import MAX_BYTES
from support.accounts import add_users, signed_in
from support.canaries import document_stores, everything, found_in
from support.due_list import Api, offer_with_a_ready_household
from support.form_browser import Browser
from support.system import System, household, wait_until

T = today()
CARITAS = {"x-auszug-role": "caseworker", "x-auszug-provider": "caritas", "x-auszug-user": "w-1"}
DRK = {"x-auszug-role": "caseworker", "x-auszug-provider": "drk", "x-auszug-user": "w-2"}
COORDINATOR = {"x-auszug-role": "coordinator", "x-auszug-user": "k-1"}
ADMIN = {"x-auszug-role": "admin", "x-auszug-user": "a-1"}
# In the picture's bytes and in its file name: found by the scan until erased.
CANARY = "Kanarienvogel-Mietvertrag-7f3a"


def png(text: str) -> bytes:
    """A small PNG that carries `text` in a text chunk (so its bytes hold it as they are)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def noise_png(side: int) -> bytes:
    """A PNG of noise, which does not compress: about 3 bytes a pixel."""
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, "PNG")
    return out.getvalue()


def ok(response: httpx.Response, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json()


def document_form(page: str) -> dict[str, str]:
    """The hidden fields of the page's upload form (its fresh document id)."""
    start = page.index('/unterlagen" enctype="multipart/form-data"')
    form = page[start : page.index("</form>", start)]
    found = re.search(r'name="document_id" value="([^"]+)"', form)
    assert found is not None
    return {"document_id": found.group(1)}


def stored_files(system: System) -> dict[str, bytes]:
    return document_stores(system)


def test_a_caseworker_keeps_the_lease_with_the_household(system: System, backend: str) -> None:
    add_users(system, ("m.keller", "caseworker", "koeln", "caritas"))
    worker = signed_in(system, "m.keller")
    token = worker.cookies["auszug_csrf"]
    other, admin = Browser(system, DRK), httpx.Client(base_url=system.gateway, headers=ADMIN)
    coordinator = httpx.Client(base_url=system.gateway, headers=COORDINATOR, timeout=30)
    hid = ok(system.register(household(provider="caritas"), **CARITAS))["household_id"]
    page, api = f"/ui/haushalte/{hid}", f"/api/households/{hid}/documents"
    shown = worker.get(page).text
    assert "Noch keine Unterlage." in shown
    form = {"csrf_token": token, "kind": "lease"} | document_form(shown)
    lease = png(CANARY)
    name = f"{CANARY}.pdf"

    def upload(fields: dict[str, str], content: bytes, file_name: str) -> httpx.Response:
        files = {"content": (file_name, content, "application/pdf")}
        return worker.post(f"{page}/unterlagen", data=fields, files=files)

    saved = upload(form, lease, name)
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"{page}?hinweis=unterlage#unterlagen"
    after = worker.get(saved.headers["location"]).text
    assert "Die Unterlage ist gespeichert." in after
    section = after[after.index('id="unterlagen"') :]
    assert "Mietvertrag" in section and name in section and "m.keller" in section
    assert f"{T:%d.%m.%Y}" in section and "1 KB" in section
    # The same form sent again (a double click, a reload): one document.
    assert upload(form, lease, name).status_code == 303
    listed = ok(worker.get(api), 200)
    assert listed["page"]["total"] == 1
    (entry,) = listed["documents"]
    assert (entry["document_id"], entry["kind"]) == (form["document_id"], "lease")
    # Found by its content: the "PDF" is the PNG it is, and is served as one.
    assert (entry["media_type"], entry["size"]) == ("image/png", len(lease))
    assert (entry["uploaded_by_name"], entry["uploaded_by"] != "m.keller") == ("m.keller", True)

    link = f"{page}/unterlagen/{entry['document_id']}"
    assert f'href="{link}"' in section
    got = worker.get(link)
    assert got.status_code == 200 and got.content == lease
    assert got.headers["content-type"] == "image/png"
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in got.headers["content-security-policy"]
    via_api = worker.get(f"{api}/{entry['document_id']}")
    assert via_api.content == lease and via_api.headers["content-disposition"].startswith(
        "attachment;"
    )
    routes = [
        e["route"] for e in ok(coordinator.get(f"/api/households/{hid}/access-log"), 200)["entries"]
    ]
    assert "/ui/haushalte/{household_id}/unterlagen/{document_id}" in routes
    assert "/api/households/{household_id}/documents/{document_id}" in routes

    # A text file named .pdf: refused in German at the file field; nothing stored.
    before = stored_files(system)
    fresh = {"csrf_token": token, "kind": "wbs"} | document_form(after)
    refused = upload(fresh, b"Dies ist kein PDF.", "Bescheid.pdf")
    assert refused.status_code == 422, refused.text
    assert 'id="fehler-unterlage-content"' in refused.text
    assert "kein PDF, JPEG oder PNG" in refused.text
    empty = upload(fresh, b"", "leer.pdf")
    assert empty.status_code == 422 and "Die Datei ist leer." in empty.text
    none = worker.post(f"{page}/unterlagen", data=fresh, files={"other": ("x", b"x")})
    assert none.status_code == 422 and "Bitte eine Datei wählen" in none.text
    no_kind = upload(fresh | {"kind": ""}, lease, "x.png")
    assert no_kind.status_code == 422 and "Bitte die Art der Unterlage wählen." in no_kind.text
    assert stored_files(system) == before
    assert ok(worker.get(api), 200)["page"]["total"] == 1

    # The API: base64 in JSON; its own id retried stores once, with other bytes is 409.
    own = {
        "document_id": "6a1f3d2e-0000-4000-8000-00000000d0c1",
        "kind": "jobcenter_decision",
        "file_name": "Bescheid.png",
        "content": base64.b64encode(png("Bescheid")).decode(),
    }
    assert ok(worker.post(api, json=own)) == ok(worker.post(api, json=own))
    other_bytes = own | {"content": base64.b64encode(png("anders")).decode()}
    assert worker.post(api, json=other_bytes).status_code == 409
    not_a_file = worker.post(api, json=own | {"document_id": None, "content": "aGFsbG8="})
    assert not_a_file.status_code == 422
    assert ok(worker.get(api), 200)["page"]["total"] == 2

    # Near the limit: ~4.7 MB of scan crosses the bus (~6.3 MB base64) and comes back whole.
    big = noise_png(1250)
    assert 4_500_000 < len(big) <= MAX_BYTES
    large = {"kind": "other", "file_name": "Scan.png", "content": base64.b64encode(big).decode()}
    large_ref = ok(worker.post(api, json=large))
    assert worker.get(f"{api}/{large_ref['document_id']}").content == big
    # Past it: refused at the file by the gateway, before the bus.
    too_big = upload(fresh, big + b"\x00" * (MAX_BYTES + 1 - len(big)), "Scan.png")
    assert too_big.status_code == 422 and "größer als 5 MB" in too_big.text
    assert ok(worker.get(api), 200)["page"]["total"] == 3

    # Another provider's caseworker: as if there were no household; the admin: no documents.
    other.get(page, status=404)
    denied = other.client.get(link)
    assert denied.status_code == 404 and "Familie" not in denied.text
    assert other.client.get(api).status_code == 404
    assert other.client.get(f"{api}/{entry['document_id']}").status_code == 404
    files = {"content": ("x.png", lease, "image/png")}
    sneaked = other.client.post(
        f"{page}/unterlagen", data={"csrf_token": "csrf-" + "f" * 30, "kind": "lease"}, files=files
    )
    assert sneaked.status_code == 404
    assert admin.get(api).status_code == 403
    assert 'id="unterlagen"' not in admin.get(page).text

    # Restricted: the coordination alone sees them (no upload form); lifted, all again.
    restriction = {"reason": "retention_duty", "note": "Aufbewahrung"}
    ok(coordinator.post(f"/api/households/{hid}/restriction", json=restriction), 200)
    assert worker.get(api).status_code == 404 and worker.get(link).status_code == 404
    assert ok(coordinator.get(api), 200)["page"]["total"] == 3
    coordinator_page = coordinator.get(page).text
    assert name in coordinator_page and "Unterlage hochladen" not in coordinator_page
    assert worker.post(api, json=own | {"document_id": None}).status_code == 404
    ok(coordinator.delete(f"/api/households/{hid}/restriction"), 200)

    # Art. 15: listed in the export (what, when, by whom).
    exported = ok(coordinator.get(f"/api/households/{hid}/export"), 200)
    kept = exported["intake"]["personal_data"]["household_documents"]
    assert {d["file_name"] for d in kept} == {name, "Bescheid.png", "Scan.png"}

    # Erasure: rows and bytes go; no trace of the canary in databases, store or logs.
    assert found_in(everything(system, backend), [CANARY])
    assert any(CANARY.encode() in blob for blob in stored_files(system).values())
    ok(coordinator.post(f"/api/households/{hid}/erasure"), 200)
    assert stored_files(system) == {}
    assert coordinator.get(link).status_code == 404
    wait_until(
        lambda: found_in(everything(system, backend), [CANARY]) == {},
        timeout=15,
        what="no trace of the document anywhere",
    )
    assert Path(system.workdir, "var", "intake-documents").is_dir()


SKM = {"x-auszug-role": "caseworker", "x-auszug-provider": "skm", "x-auszug-user": "w-3"}
OFFICE = {"x-auszug-role": "housing_office", "x-auszug-user": "f-1"}


def test_whoever_sees_a_prevention_case_keeps_its_documents(system: System, backend: str) -> None:
    worker, office, caritas = (
        Browser(system, SKM),
        Browser(system, OFFICE),
        Browser(system, CARITAS),
    )
    coordinator = httpx.Client(base_url=system.gateway, headers=COORDINATOR, timeout=30)
    referral = {
        "provider": "skm",
        "received_on": T.isoformat(),
        "source": "self_referral",
        "target_group": "secured_tenancy_at_risk_of_recurrence",
        "housing_situation": "own_tenancy",
        "adults": 1,
        "minors": 0,
    }
    cid = ok(worker.client.post("/api/prevention/cases", json=referral))["case_id"]
    page, api = f"/ui/praevention/{cid}", f"/api/prevention/cases/{cid}/documents"
    canary = "Kanarienvogel-Kuendigung-5b1e"
    form = {"kind": "other"} | document_form(worker.get(page))
    files = {"content": (f"{canary}.png", png(canary), "image/png")}
    saved = worker.client.post(
        f"{page}/unterlagen", data={"csrf_token": "csrf-" + "f" * 30, **form}, files=files
    )
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"{page}?hinweis=unterlage#unterlagen"
    assert f"{canary}.png" in worker.get(saved.headers["location"])
    # The Fachstelle Wohnen sees the case, so its documents too, and downloads one.
    (entry,) = ok(office.client.get(api), 200)["documents"]
    got = office.client.get(f"{page}/unterlagen/{entry['document_id']}")
    assert got.status_code == 200 and got.content == png(canary)
    assert got.headers["content-disposition"].startswith("attachment;")
    # Another provider's caseworker: not found.
    caritas.get(page, status=404)
    assert caritas.client.get(api).status_code == 404
    assert caritas.client.get(f"{page}/unterlagen/{entry['document_id']}").status_code == 404
    # Erasure: row and bytes go.
    assert found_in(document_stores(system), [canary])
    ok(coordinator.post(f"/api/prevention/cases/{cid}/erasure", json={}), 200)
    assert found_in(document_stores(system), [canary]) == {}
    wait_until(
        lambda: found_in(everything(system, backend), [canary]) == {},
        timeout=15,
        what="no trace of the case's document anywhere",
    )


VOLUNTEER = {"x-auszug-role": "volunteer", "x-auszug-provider": "caritas", "x-auszug-user": "v-1"}


def test_staff_keep_documents_on_a_volunteer(system: System, backend: str) -> None:
    staff, other = Browser(system, CARITAS), Browser(system, DRK)
    coordinator = httpx.Client(base_url=system.gateway, headers=COORDINATOR, timeout=30)
    volunteer = {
        "provider": "caritas",
        "user_id": "v-1",
        "given_name": "Vera",
        "family_name": "Vogel",
        "registered_on": T.isoformat(),
    }
    vid = ok(staff.client.post("/api/volunteers", json=volunteer))["volunteer_id"]
    page, api = f"/ui/ehrenamt/ehrenamtliche/{vid}", f"/api/volunteers/{vid}/documents"
    canary = "Kanarienvogel-Fuehrungszeugnis-c4d2"
    form = {"kind": "other"} | document_form(staff.get(page))
    files = {"content": (f"{canary}.png", png(canary), "image/png")}
    saved = staff.client.post(
        f"{page}/unterlagen", data={"csrf_token": "csrf-" + "f" * 30, **form}, files=files
    )
    assert saved.status_code == 303, saved.text
    assert f"{canary}.png" in staff.get(saved.headers["location"])
    (entry,) = ok(staff.client.get(api), 200)["documents"]
    link = f"{page}/unterlagen/{entry['document_id']}"
    got = staff.client.get(link)
    assert got.status_code == 200 and got.content == png(canary)
    # Another provider's caseworker: not found; the volunteer themself: not theirs to read.
    assert other.client.get(api).status_code == 404
    assert other.client.get(link).status_code == 404
    themself = httpx.Client(base_url=system.gateway, headers=VOLUNTEER, timeout=30)
    assert themself.get(api).status_code == 403
    # Erasure: row and bytes go.
    ok(coordinator.post(f"/api/volunteers/{vid}/erasure", json={}), 200)
    assert found_in(document_stores(system), [canary]) == {}
    assert ok(coordinator.get(api), 200)["page"]["total"] == 0
    wait_until(
        lambda: found_in(everything(system, backend), [canary]) == {},
        timeout=15,
        what="no trace of the volunteer's document anywhere",
    )


def test_the_coordination_keeps_documents_on_an_offer(system: System, backend: str) -> None:
    api = Api(system)
    hid, oid = offer_with_a_ready_household(api, system)
    api.post(f"/offers/{oid}/proposals", {"household_ids": [hid]})
    kora, anna = Browser(system, COORDINATOR), Browser(system, CARITAS)
    page, docs = f"/ui/wohnungen/{oid}", f"/api/offers/{oid}/documents"
    canary = "Kanarienvogel-Grundriss-9e07"
    form = {"kind": "lease"} | document_form(kora.get(page))
    files = {"content": (f"{canary}.png", png(canary), "image/png")}
    saved = kora.client.post(
        f"{page}/unterlagen", data={"csrf_token": "csrf-" + "f" * 30, **form}, files=files
    )
    assert saved.status_code == 303, saved.text
    assert f"{canary}.png" in kora.get(saved.headers["location"])
    (entry,) = ok(kora.client.get(docs), 200)["documents"]
    link = f"{page}/unterlagen/{entry['document_id']}"
    assert kora.client.get(link).content == png(canary)
    # A caseworker reads the offer, not its documents.
    assert 'id="unterlagen"' not in anna.get(page)
    assert anna.client.get(docs).status_code == 403
    assert anna.client.get(link).status_code == 403
    # The household proposed for the offer is erased: the offer's documents go with it.
    ok(kora.client.post(f"/api/households/{hid}/erasure"), 200)
    wait_until(
        lambda: ok(kora.client.get(docs), 200)["page"]["total"] == 0,
        what="placement takes the offer's documents",
    )
    assert found_in(document_stores(system), [canary]) == {}
    wait_until(
        lambda: found_in(everything(system, backend), [canary]) == {},
        timeout=15,
        what="no trace of the offer's document anywhere",
    )
