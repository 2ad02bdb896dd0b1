"""Households (intake): register, show, change, hand over, deregister, assess readiness,
decide on possible duplicates."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.exports.complete import CompleteExport, collect
from shared.contracts.intake import (
    AssessHousingReadinessBody,
    ChangeAccommodationBody,
    ChangeCompositionBody,
    ConsentRef,
    DeregisterHouseholdBody,
    Disclosures,
    DuplicateDecision,
    Duplicates,
    DuplicateView,
    EraseHousehold,
    GetHousehold,
    HandOverHouseholdBody,
    HouseholdRef,
    HouseholdView,
    LiftRestriction,
    ListDisclosures,
    ListDuplicates,
    RecordConsentBody,
    RegisterHousehold,
    RestrictProcessingBody,
    WithdrawConsentBody,
)
from shared.contracts.intake.privacy import EraseMember
from shared.identity import Caller
from shared.rpc import RpcClient

router = APIRouter(prefix="/api/households", tags=["Haushalte"])

HouseholdId = Annotated[UUID, Path(description="Kennung des Haushalts")]
MemberId = Annotated[UUID, Path(description="Kennung der Person im Haushalt (`member_id`)")]
OtherId = Annotated[UUID, Path(description="Kennung des möglicherweise doppelten Haushalts")]
ConsentId = Annotated[UUID, Path(description="Kennung der Einwilligung")]


async def _command(
    rpc: RpcClient, name: str, household_id: UUID, body: BaseModel, caller: Caller
) -> HouseholdRef:
    payload: dict[str, Any] = {**body.model_dump(mode="json"), "household_id": str(household_id)}
    return HouseholdRef.model_validate(await rpc.call("intake", name, payload, caller))


@router.post(
    "",
    status_code=201,
    response_model=HouseholdRef,
    summary="Haushalt aufnehmen",
    responses=documented(409),
)
async def register_household(
    body: RegisterHousehold, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Haushalt aufnehmen.

    Namen, Geburtsdaten, Kontakt, Einwilligung und Notiz bleiben in der Aufnahme und gehen
    in kein Ereignis. Ähnelt der Haushalt einem schon aufgenommenen (gleicher Nachname und
    Geburtstag eines Mitglieds oder gleiche Telefonnummer), wird ein möglicher Doppelfall
    markiert.
    """
    result = await rpc.call("intake", "register_household", body, caller)
    return HouseholdRef.model_validate(result)


# Before `/{household_id}`: "duplicates" is no household id.
@router.get("/duplicates", response_model=Duplicates, summary="Mögliche Doppelfälle auflisten")
async def list_duplicates(
    query: Annotated[ListDuplicates, Depends()], caller: CurrentCaller, rpc: Rpc
) -> Duplicates:
    """Mögliche Doppelfälle auflisten (nur Koordination); ohne `status`: alle."""
    return Duplicates.model_validate(await rpc.call("intake", "list_duplicates", query, caller))


@router.get(
    "/{household_id}",
    response_model=HouseholdView,
    summary="Haushalt anzeigen",
    responses=documented(404),
)
async def get_household(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> HouseholdView:
    """Haushalt anzeigen: Zusammensetzung, Unterkunft, Wohnfähigkeit, Stand."""
    result = await rpc.call(
        "intake", "get_household", GetHousehold(household_id=household_id), caller
    )
    return HouseholdView.model_validate(result)


@router.post(
    "/{household_id}/composition",
    response_model=HouseholdRef,
    summary="Zusammensetzung ändern",
    responses=documented(404, 409),
)
async def change_composition(
    household_id: HouseholdId, body: ChangeCompositionBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Zusammensetzung ändern: Geburt, Zuzug oder Wegzug.

    Wer wegzieht, wird mit `member_id` aus der Haushaltsansicht angegeben. Zieht der
    Haushaltsvorstand weg, bestimmt `new_head` den künftigen.
    """
    return await _command(rpc, "change_composition", household_id, body, caller)


@router.post(
    "/{household_id}/accommodation",
    response_model=HouseholdRef,
    summary="Umzug in eine andere Unterkunft festhalten",
    responses=documented(404, 409),
)
async def change_accommodation(
    household_id: HouseholdId, body: ChangeAccommodationBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Umzug in eine andere Unterkunft festhalten."""
    return await _command(rpc, "change_accommodation", household_id, body, caller)


@router.post(
    "/{household_id}/handover",
    response_model=HouseholdRef,
    summary="An einen anderen Träger übergeben",
    responses=documented(404, 409),
)
async def hand_over_household(
    household_id: HouseholdId, body: HandOverHouseholdBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """An einen anderen Träger übergeben (nur Koordination)."""
    return await _command(rpc, "hand_over_household", household_id, body, caller)


@router.post(
    "/{household_id}/deregistration",
    response_model=HouseholdRef,
    summary="Haushalt abmelden",
    responses=documented(404, 409),
)
async def deregister_household(
    household_id: HouseholdId, body: DeregisterHouseholdBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Haushalt abmelden (ausgezogen, selbst umgezogen, weggezogen, Sonstiges).

    Nach einer Vermittlung meldet die Aufnahme den Haushalt selbst ab.
    """
    return await _command(rpc, "deregister_household", household_id, body, caller)


@router.post(
    "/{household_id}/readiness-assessments",
    status_code=201,
    response_model=HouseholdRef,
    summary="Wohnfähigkeit einschätzen",
    responses=documented(404, 409),
)
async def assess_housing_readiness(
    household_id: HouseholdId, body: AssessHousingReadinessBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Wohnfähigkeit einschätzen (Kriterien, Ergebnis, Tag); der Verlauf bleibt erhalten."""
    return await _command(rpc, "assess_housing_readiness", household_id, body, caller)


async def _duplicate(
    rpc: RpcClient, name: str, household_id: UUID, other_id: UUID, caller: Caller
) -> DuplicateView:
    body = DuplicateDecision(household_id=household_id, other_household_id=other_id)
    return DuplicateView.model_validate(await rpc.call("intake", name, body, caller))


@router.post(
    "/{household_id}/duplicates/{other_id}/link",
    response_model=DuplicateView,
    summary="Als denselben Haushalt verknüpfen",
    responses=documented(404, 409),
)
async def link_duplicate(
    household_id: HouseholdId, other_id: OtherId, caller: CurrentCaller, rpc: Rpc
) -> DuplicateView:
    """Als denselben Haushalt verknüpfen (nur Koordination)."""
    return await _duplicate(rpc, "link_duplicate", household_id, other_id, caller)


@router.post(
    "/{household_id}/duplicates/{other_id}/dismiss",
    response_model=DuplicateView,
    summary="Als verschiedene Haushalte getrennt halten",
    responses=documented(404, 409),
)
async def dismiss_duplicate(
    household_id: HouseholdId, other_id: OtherId, caller: CurrentCaller, rpc: Rpc
) -> DuplicateView:
    """Als verschiedene Haushalte getrennt halten (nur Koordination)."""
    return await _duplicate(rpc, "dismiss_duplicate", household_id, other_id, caller)


@router.post(
    "/{household_id}/duplicates/{other_id}/revoke",
    response_model=DuplicateView,
    summary="Entscheidung über einen Doppelfall zurücknehmen",
    responses=documented(404, 409),
)
async def revoke_duplicate_decision(
    household_id: HouseholdId, other_id: OtherId, caller: CurrentCaller, rpc: Rpc
) -> DuplicateView:
    """Entscheidung über einen Doppelfall zurücknehmen (nur Koordination)."""
    return await _duplicate(rpc, "revoke_duplicate_decision", household_id, other_id, caller)


@router.post(
    "/{household_id}/erasure",
    response_model=HouseholdRef,
    summary="Personenbezogene Daten löschen (Art. 17 DSGVO)",
    responses=documented(404, 409),
)
async def erase_household(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Personenbezogene Daten des Haushalts löschen (nur Koordination).

    Namen, Geburtsdaten, Kontakt, Einwilligung und Notizen werden in jedem Dienst gelöscht;
    Zahlen und Verlauf bleiben, jede Jahreszahl bleibt gleich. Die Ansicht zeigt danach
    „gelöscht“.
    """
    body = EraseHousehold(household_id=household_id)
    return HouseholdRef.model_validate(await rpc.call("intake", "erase_household", body, caller))


@router.post(
    "/{household_id}/members/{member_id}/erasure",
    response_model=HouseholdRef,
    summary="Personenbezogene Daten einer Person löschen (Art. 17 DSGVO)",
    responses=documented(404, 409),
)
async def erase_member(
    household_id: HouseholdId, member_id: MemberId, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Name und Geburtsdatum einer Person des Haushalts löschen (nur Koordination).

    Auch jeder andere Dienst löscht, was er über die Person weiß. Der Haushalt, seine
    Zahlen, Rolle und Altersgruppe der Person bleiben; die Ansicht zeigt „gelöscht“.
    """
    body = EraseMember(household_id=household_id, member_id=member_id)
    return HouseholdRef.model_validate(await rpc.call("intake", "erase_member", body, caller))


@router.post(
    "/{household_id}/restriction",
    response_model=HouseholdRef,
    summary="Verarbeitung einschränken (Art. 18 DSGVO, §84 SGB X)",
    responses=documented(404, 409),
)
async def restrict_household(
    household_id: HouseholdId, body: RestrictProcessingBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Verarbeitung einschränken statt löschen, mit Grund (nur Koordination).

    Danach sieht nur die Koordination den Haushalt; in keiner Liste und keiner Suche.
    """
    return await _command(rpc, "restrict_household", household_id, body, caller)


@router.delete(
    "/{household_id}/restriction",
    response_model=HouseholdRef,
    summary="Einschränkung aufheben",
    responses=documented(404, 409),
)
async def lift_household_restriction(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Einschränkung der Verarbeitung aufheben (nur Koordination)."""
    body = LiftRestriction(household_id=household_id)
    result = await rpc.call("intake", "lift_household_restriction", body, caller)
    return HouseholdRef.model_validate(result)


@router.get(
    "/{household_id}/export",
    response_model=CompleteExport,
    summary="Auskunft: alles, was Auszug über den Haushalt speichert (Art. 15 DSGVO)",
    responses=documented(404),
)
async def export_household(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> CompleteExport:
    """Alles, was Aufnahme, Wohnungsvermittlung, Ehrenamt und Prävention über den Haushalt
    speichern, als JSON (nur Koordination). Antwortet ein Dienst nicht, gibt es 503 statt
    einer unvollständigen Auskunft."""
    return await collect(rpc, household_id, caller)


@router.post(
    "/{household_id}/consents",
    status_code=201,
    response_model=ConsentRef,
    summary="Einwilligung erfassen",
    responses=documented(404, 409),
)
async def record_consent(
    household_id: HouseholdId, body: RecordConsentBody, caller: CurrentCaller, rpc: Rpc
) -> ConsentRef:
    """Zweckgebundene Einwilligung erfassen: Datenverarbeitung, Weitergabe an ein
    ehrenamtliches Tandem oder an einen anderen Träger.

    Wer eingewilligt hat und der Wortlaut bleiben in der Aufnahme; das Ereignis nennt nur
    Zweck und Tag.
    """
    payload = {**body.model_dump(mode="json"), "household_id": str(household_id)}
    return ConsentRef.model_validate(await rpc.call("intake", "record_consent", payload, caller))


@router.post(
    "/{household_id}/consents/{consent_id}/withdrawal",
    response_model=ConsentRef,
    summary="Widerruf einer Einwilligung erfassen",
    responses=documented(404, 409),
)
async def withdraw_consent(
    household_id: HouseholdId,
    consent_id: ConsentId,
    body: WithdrawConsentBody,
    caller: CurrentCaller,
    rpc: Rpc,
) -> ConsentRef:
    """Widerruf erfassen: ab diesem Tag ist keine Weitergabe mehr darauf gestützt.

    Ein Tandem, das auf der widerrufenen Einwilligung beruht, endet am Tag des Widerrufs.
    """
    payload = {
        **body.model_dump(mode="json"),
        "household_id": str(household_id),
        "consent_id": str(consent_id),
    }
    return ConsentRef.model_validate(await rpc.call("intake", "withdraw_consent", payload, caller))


@router.get(
    "/{household_id}/disclosures",
    response_model=Disclosures,
    summary="Weitergaben mit der jeweils gültigen Einwilligung",
    responses=documented(404),
)
async def list_disclosures(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> Disclosures:
    """Jede Weitergabe der Haushaltsdaten (Tandem, Übergabe an einen anderen Träger) mit
    der Einwilligung, die an ihrem Tag galt (nur Koordination und der eigene Träger)."""
    body = ListDisclosures(household_id=household_id)
    return Disclosures.model_validate(await rpc.call("intake", "list_disclosures", body, caller))
