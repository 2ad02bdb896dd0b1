"""The household page's housing section, with intake and placement faked at the RPC: the
open offers that fit the household, each with a button that proposes it (and comes back
to the household), and links to the offers it was proposed for."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi.testclient import TestClient

from shared.rpc import ErrorKind, RpcError
from support.ui.households import HOUSEHOLD, PAGE, FakeIntake
from support.ui.placement import OFFER_FACTS
from support.ui_app import as_role, ui_client, visible

PROPOSED_BEFORE = uuid4()


class WithOffers(FakeIntake):
    def answer(self, name: str, body: Any) -> Any:
        if name == "household_offers":
            assert body.fits_only  # the section lists only offers that fit
            offered = {"offer": OFFER_FACTS, "fits": True, "already_proposed": False}
            return {
                "household_id": str(HOUSEHOLD),
                "offers": [
                    offered
                    | {
                        "checks": [
                            {
                                "criterion": "readiness",
                                "verdict": "unknown",
                                "reason": "Die Wohnfähigkeit ist noch nicht eingeschätzt.",
                            }
                        ]
                    }
                ],
            }
        if name == "household_course":
            entry = {"on": "2026-02-03", "step": "proposed", "offer_id": str(PROPOSED_BEFORE)}
            return {"household_id": str(HOUSEHOLD), "entries": [entry | {"district": "kalk"}]}
        return super().answer(name, body)


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    return ui_client(tmp_path, monkeypatch, WithOffers())


def test_a_fitting_offer_is_proposed_from_the_household_page(client: TestClient) -> None:
    page = client.get(PAGE, headers=as_role("caseworker")).text
    section = page.split('id="wohnungsangebote"', 1)[1].split("</section>", 1)[0]
    offer = OFFER_FACTS["offer_id"]
    assert f'action="/ui/wohnungen/{offer}/vorschlag"' in section
    assert f'name="household_ids" value="{HOUSEHOLD}"' in section
    assert 'name="zurueck" value="haushalt"' in section
    text = visible(section)
    assert "Wohnung in Ehrenfeld" in text and "1.234,50 €" in text
    assert "Die Wohnfähigkeit ist noch nicht eingeschätzt." in text
    # The offer it was proposed for before is linked, by its district's name.
    assert f'href="/ui/wohnungen/{PROPOSED_BEFORE}"' in section
    assert "Wohnung in Kalk : vorgeschlagen am 03.02.2026" in text


def test_a_household_no_longer_looking_shows_no_offers_to_propose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = WithOffers()
    fake.refuse["household_offers"] = RpcError(
        kind=ErrorKind.not_found, code="household", message="Haushalt nicht mehr auf Suche."
    )
    page = ui_client(tmp_path, monkeypatch, fake).get(PAGE, headers=as_role("caseworker"))
    assert page.status_code == 200
    section = page.text.split('id="wohnungsangebote"', 1)[1].split("</section>", 1)[0]
    assert "/vorschlag" not in section and f"/ui/wohnungen/{PROPOSED_BEFORE}" in section
