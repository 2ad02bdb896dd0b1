"""Pickers and titles in the gateway, with intake faked at the RPC: a household field
resolves through the directory (one → its id, several → the titles to choose, none → a
German message at the field); roles without the search type the id; household_titles()
asks once per 200 ids, names only what intake names and keeps the short id otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast
from uuid import UUID, uuid4

import pytest

from services.gateway.households.titles import household_titles
from services.gateway.web.pickers import pick_household, pick_households
from shared.contracts.intake.directory import HouseholdTitlesQuery, SearchHouseholds
from shared.identity import Caller, Role
from shared.rpc import ErrorKind, RpcClient, RpcError
from support.ui_app import TOKEN, FakeRpc, as_role, directory_of, ui_client, visible

ONE, TWO = UUID("ad07fd63-1c2b-4d5e-8f90-123456789abc"), uuid4()


def caller(role: Role, provider: str | None = "caritas") -> Caller:
    return Caller(
        user_id="u-1", role=role, municipality="koeln", provider=provider, correlation_id=uuid4()
    )


CASEWORKER = caller(Role.caseworker)


def client(fake: FakeRpc) -> RpcClient:
    """The fake where the gateway's code takes the bus client (it answers `send` alike)."""
    return cast(RpcClient, fake)


async def test_one_match_is_the_households_id() -> None:
    rpc = FakeRpc({"search_households": directory_of(ONE)})
    form = {"household_id": " Öztürk  Ayşe "}
    picked = await pick_household(client(rpc), CASEWORKER, form, "household_id")
    assert (picked.household_id, picked.refusal("household_id")) == (ONE, None)
    assert picked.value() == str(ONE)
    assert rpc.calls == [
        (
            "search_households",
            {"q": "Öztürk Ayşe", "provider": None, "sort": "name", "page": 1, "per_page": 10,
             "descending": False},
        )
    ]  # fmt: skip


async def test_several_matches_come_back_to_choose_and_a_choice_wins() -> None:
    rpc = FakeRpc({"search_households": directory_of(ONE, TWO)})
    picked = await pick_household(client(rpc), CASEWORKER, {"household_id": "özt"}, "household_id")
    refusal = picked.refusal("household_id")
    assert refusal is not None and refusal.status == 422
    assert refusal.errors == {
        "household_id": "Mehrere Haushalte passen zu „özt“. Bitte wählen Sie einen aus."
    }
    assert [c.household_id for c in picked.choices] == [ONE, TWO]
    chosen = {"household_id": "özt", "household_id_wahl": str(TWO)}
    rpc = FakeRpc({"search_households": directory_of(TWO)})
    picked = await pick_household(client(rpc), CASEWORKER, chosen, "household_id")
    assert picked.household_id == TWO and rpc.calls[0][1]["q"] == str(TWO)


async def test_no_match_or_an_unreadable_text_is_said_at_the_field() -> None:
    rpc = FakeRpc({"search_households": directory_of()})
    picked = await pick_household(client(rpc), CASEWORKER, {"h": "Nobody"}, "h")
    assert picked.message is not None
    assert picked.message.startswith("Kein Haushalt gefunden, der zu „Nobody“ passt.")
    assert "TT.MM.JJJJ" in picked.message
    control = await pick_household(client(rpc), CASEWORKER, {"h": "a\x00b"}, "h")
    assert control.message is not None and control.household_id is None
    assert len(rpc.calls) == 1  # the unreadable text asked nobody
    empty = await pick_household(client(rpc), CASEWORKER, {"h": "  "}, "h")
    assert (empty.household_id, empty.message, empty.value()) == (None, None, "")


async def test_more_matches_than_shown_ask_for_more_letters() -> None:
    many = directory_of(ONE, TWO) | {"page": {"page": 1, "per_page": 10, "total": 37}}
    rpc = FakeRpc({"search_households": many})
    picked = await pick_household(client(rpc), CASEWORKER, {"h": "ka"}, "h")
    assert picked.message is not None and picked.message.startswith(
        "37 Haushalte passen zu „ka“; hier stehen die ersten 2."
    )


async def test_the_housing_office_types_the_id_and_is_never_searched_for() -> None:
    rpc = FakeRpc()
    office = caller(Role.housing_office, None)
    picked = await pick_household(client(rpc), office, {"h": str(ONE)}, "h")
    assert picked.household_id == ONE
    named = await pick_household(client(rpc), office, {"h": "Öztürk"}, "h")
    assert named.message is not None and named.message.startswith(
        "Bitte die Kennung des Haushalts eingeben"
    )
    assert rpc.calls == []


async def test_several_fields_resolve_each_and_collect_the_messages() -> None:
    def answer(body: SearchHouseholds) -> dict[str, Any]:
        found: dict[str, Any] = directory_of(ONE) if body.q == "Öztürk" else directory_of()
        return found

    rpc = FakeRpc({"search_households": answer})
    form = {"r.0.h": "Öztürk", "r.1.h": "", "r.2.h": "Nobody"}
    picks = await pick_households(client(rpc), CASEWORKER, form, ["r.0.h", "r.1.h", "r.2.h"])
    assert picks.values == {"r.0.h": str(ONE), "r.1.h": "", "r.2.h": "Nobody"}
    refusal = picks.refusal()
    assert refusal is not None and list(refusal.errors) == ["r.2.h"]
    assert len(rpc.calls) == 2


async def test_titles_come_from_intake_once_per_200_ids_and_the_rest_stay_neutral() -> None:
    ids = [uuid4() for _ in range(250)]

    def titles(body: HouseholdTitlesQuery) -> dict[str, Any]:
        named = [i for i in body.ids if i in ids[:3]]  # intake names what the caller may see
        return {"titles": {str(i): f"Familie {i.hex[:3]} (Caritas Köln, 1 Person)" for i in named}}

    rpc = FakeRpc({"household_titles": titles})
    shown = await household_titles(client(rpc), CASEWORKER, ids + ids[:2])
    assert [len(body["ids"]) for _, body in rpc.calls] == [200, 50]
    assert len(shown) == 250
    assert shown[ids[0]] == f"Familie {ids[0].hex[:3]} (Caritas Köln, 1 Person)"
    assert shown[ids[100]] == f"Haushalt {ids[100].hex[:8]}"


async def test_titles_ask_nobody_for_a_volunteer_and_survive_intake_being_down() -> None:
    rpc = FakeRpc()
    volunteer = caller(Role.volunteer)
    assert await household_titles(client(rpc), volunteer, [ONE]) == {ONE: "Haushalt ad07fd63"}
    assert rpc.calls == []
    down = FakeRpc()
    down.refuse["household_titles"] = RpcError(
        kind=ErrorKind.unavailable, code="unavailable", message="Aufnahme nicht erreichbar"
    )
    assert await household_titles(client(down), CASEWORKER, [ONE]) == {ONE: "Haushalt ad07fd63"}


def test_the_referral_form_offers_the_matching_households_to_choose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rpc = FakeRpc({"search_households": directory_of(ONE, TWO)})
    browser = ui_client(tmp_path, monkeypatch, rpc)
    form = {"csrf_token": TOKEN, "provider": "caritas", "household_id": "Test <b>"}
    page = browser.post("/ui/praevention/neu", data=form, headers=as_role("caseworker"))
    assert page.status_code == 422
    assert 'id="fehler-household_id">Mehrere Haushalte passen zu „Test &lt;b&gt;“.' in page.text
    for household_id in (ONE, TWO):
        assert f'name="household_id_wahl" value="{household_id}"' in page.text
    assert "Passende Haushalte" in visible(page.text)
    assert 'value="Test &lt;b&gt;"' in page.text
    assert [name for name, _ in rpc.calls] == ["search_households"]  # nothing received
