"""The tandem and volunteer pickers, with intake and volunteer faked at the RPC: a name
typed in a staff form becomes the one tandem's or volunteer's id, or the German message at
the field with the matches to choose from; an id passes as typed and a choice wins; a
tandem is looked up by its volunteer's name and by the households intake finds for the
same text; roles that may not search type the id."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID, uuid4

from services.gateway.web.pickers import (
    Picks,
    pick_ready_volunteer,
    pick_tandem,
    pick_tandems,
)
from shared.contracts.volunteer import SearchTandems
from shared.identity import Caller, Role
from shared.rpc import RpcClient
from support.ui.volunteer import VOLUNTEER_VIEW
from support.ui_app import FakeRpc, directory_of

T1, T2 = UUID("0a1b2c3d-1c2b-4d5e-8f90-123456789abc"), uuid4()
V1, V2 = uuid4(), uuid4()
H1, H2 = uuid4(), uuid4()


def caller(role: Role, provider: str | None = "caritas") -> Caller:
    return Caller(
        user_id="u-1", role=role, municipality="koeln", provider=provider, correlation_id=uuid4()
    )


CASEWORKER = caller(Role.caseworker)


def client(fake: FakeRpc) -> RpcClient:
    return cast(RpcClient, fake)


def tandem(tandem_id: UUID, volunteer_id: UUID, household_id: UUID) -> dict[str, Any]:
    return {
        "tandem_id": str(tandem_id),
        "volunteer_id": str(volunteer_id),
        "household_id": str(household_id),
        "provider": "caritas",
        "formed_on": "2025-02-01",
        "ended_on": None,
        "end_reason": None,
        "support": [],
        "supported_placements": 0,
    }


def tandems(*rows: dict[str, Any], total: int | None = None) -> dict[str, Any]:
    names = {V1: "Maria Schulte", V2: "Jonas Klein"}
    return {
        "tandems": list(rows),
        "page": {"page": 1, "per_page": 10, "total": len(rows) if total is None else total},
        "volunteer_names": {r["volunteer_id"]: names[UUID(r["volunteer_id"])] for r in rows},
    }


def volunteers(*ids: UUID) -> dict[str, Any]:
    people = [
        {**VOLUNTEER_VIEW, "volunteer_id": str(i), "given_name": "Maria", "family_name": f"S{n}"}
        for n, i in enumerate(ids)
    ]
    return {"volunteers": people, "page": {"page": 1, "per_page": 10, "total": len(people)}}


async def test_a_tandem_is_found_by_its_volunteers_name_or_its_households() -> None:
    rpc = FakeRpc(
        {"search_households": directory_of(H1), "search_tandems": tandems(tandem(T1, V1, H1))}
    )
    picked = await pick_tandem(client(rpc), CASEWORKER, {"tandem_id": "  Öztürk "}, "tandem_id")
    assert (picked.picked, picked.refusal("tandem_id"), picked.value()) == (T1, None, str(T1))
    names = [name for name, _ in rpc.calls]
    assert names == ["search_households", "search_tandems", "household_titles"]
    households, search = rpc.calls[0][1], SearchTandems.model_validate(rpc.calls[1][1])
    # Every household intake finds may have the tandem: a full page of them is asked for.
    assert (households["q"], households["per_page"]) == ("Öztürk", 200)
    assert (search.q, search.household_ids, search.per_page) == ("Öztürk", [H1], 10)
    assert not search.include_ended  # only an active tandem is offered


async def test_several_tandems_come_back_with_their_titles_and_a_choice_wins() -> None:
    rpc = FakeRpc(
        {
            "search_households": directory_of(),
            "search_tandems": tandems(tandem(T1, V1, H1), tandem(T2, V2, H2)),
            "household_titles": {"titles": {str(H1): "Familie Öztürk (Caritas Köln, 3 Personen)"}},
        }
    )
    picked = await pick_tandem(client(rpc), CASEWORKER, {"t": "Ma"}, "t")
    assert picked.message == "Mehrere Tandems passen zu „Ma“. Bitte wählen Sie eines aus."
    assert [(c.value, c.title) for c in picked.choices] == [
        (T1, "Maria Schulte mit Familie Öztürk (Caritas Köln, 3 Personen), seit 01.02.2025"),
        (T2, f"Jonas Klein mit Haushalt {H2.hex[:8]}, seit 01.02.2025"),
    ]
    quiet = FakeRpc()
    chosen = await pick_tandem(client(quiet), CASEWORKER, {"t": "Ma", "t_wahl": str(T2)}, "t")
    assert (chosen.picked, quiet.calls) == (T2, [])


async def test_no_tandem_many_tandems_and_an_id_typed() -> None:
    rpc = FakeRpc({"search_households": directory_of(), "search_tandems": tandems()})
    none = await pick_tandem(client(rpc), CASEWORKER, {"t": "Nobody"}, "t")
    assert none.message is not None and none.message.startswith(
        "Kein aktives Tandem gefunden, das zu „Nobody“ passt."
    )
    many = FakeRpc(
        {
            "search_households": directory_of(),
            "search_tandems": tandems(tandem(T1, V1, H1), tandem(T2, V2, H2), total=23),
        }
    )
    found = await pick_tandem(client(many), CASEWORKER, {"t": "a"}, "t")
    assert found.message is not None and found.message.startswith(
        "23 Tandems passen zu „a“; hier stehen die ersten 2."
    )
    typed = FakeRpc()
    by_id = await pick_tandem(client(typed), CASEWORKER, {"t": str(T1)}, "t")
    assert (by_id.picked, typed.calls) == (T1, [])  # volunteer checks the id when it is sent
    empty = await pick_tandem(client(typed), CASEWORKER, {"t": " "}, "t")
    assert (empty.picked, empty.message, empty.value()) == (None, None, "")


async def test_a_choice_that_is_no_id_and_control_characters_find_nothing() -> None:
    rpc = FakeRpc({"search_households": directory_of(), "search_tandems": tandems()})
    forged = await pick_tandem(client(rpc), CASEWORKER, {"t": "x", "t_wahl": "<b>"}, "t")
    assert forged.message is not None and "„<b>“" in forged.message and rpc.calls == []
    control = await pick_tandem(client(rpc), CASEWORKER, {"t": "a\x00b"}, "t")
    assert control.message is not None and control.picked is None
    assert [name for name, _ in rpc.calls] == []  # neither intake nor volunteer was asked


async def test_roles_without_the_search_type_the_tandems_id() -> None:
    rpc = FakeRpc()
    office = caller(Role.housing_office, None)
    named = await pick_tandem(client(rpc), office, {"t": "Maria"}, "t")
    assert named.message is not None and named.message.startswith(
        "Bitte die Kennung des Tandems eingeben"
    )
    assert rpc.calls == []


async def test_a_ready_volunteer_is_found_by_name() -> None:
    rpc = FakeRpc({"list_volunteers": volunteers(V1)})
    picked = await pick_ready_volunteer(client(rpc), CASEWORKER, {"v": "maria  s"}, "v")
    assert picked.picked == V1
    assert rpc.calls[0][0] == "list_volunteers"
    assert {k: rpc.calls[0][1][k] for k in ("q", "status", "per_page")} == {
        "q": "maria s",
        "status": "ready",
        "per_page": 10,
    }
    several = FakeRpc({"list_volunteers": volunteers(V1, V2)})
    found = await pick_ready_volunteer(client(several), CASEWORKER, {"v": "Maria"}, "v")
    assert found.message == (
        "Mehrere Ehrenamtliche passen zu „Maria“. Bitte wählen Sie eine Person aus."
    )
    assert [c.title for c in found.choices] == [
        "Maria S0 (Caritas Köln)",
        "Maria S1 (Caritas Köln)",
    ]
    nobody = FakeRpc({"list_volunteers": volunteers()})
    none = await pick_ready_volunteer(client(nobody), CASEWORKER, {"v": "Zora"}, "v")
    assert none.message is not None and "Ehrenamtsvereinbarung" in none.message


async def test_rows_collect_tandem_and_household_messages_in_one_refusal() -> None:
    def answer(body: SearchTandems) -> dict[str, Any]:
        return tandems(tandem(T1, V1, H1)) if body.q == "Maria" else tandems()

    rpc = FakeRpc({"search_households": directory_of(), "search_tandems": answer})
    form = {"r.0.t": "Maria", "r.1.t": "Nobody", "r.2.t": ""}
    picks = await pick_tandems(client(rpc), CASEWORKER, form, ["r.0.t", "r.1.t", "r.2.t"], Picks())
    assert picks.values == {"r.0.t": str(T1), "r.1.t": "Nobody", "r.2.t": ""}
    refusal = picks.refusal()
    assert refusal is not None and list(refusal.errors) == ["r.1.t"]
    assert picks.choices == {"r.1.t": []}
