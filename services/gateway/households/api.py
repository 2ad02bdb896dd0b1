"""Households (intake): register, show, change, hand over, deregister, assess readiness,
decide on possible duplicates."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path

from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.households.exports.complete import CompleteExport, collect
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
    WithdrawConsent,
    WithdrawConsentBody,
)
from shared.contracts.intake import operations as intake
from shared.contracts.intake.directory import HouseholdDirectory, SearchHouseholds
from shared.contracts.intake.master_data import ChangeNeedsBody, CorrectPersonalDataBody
from shared.contracts.intake.privacy import EraseMember
from shared.contracts.operation import Addressed

router = APIRouter(prefix="/api/households", tags=["Haushalte"])

HouseholdId = Annotated[UUID, Path(description="Kennung des Haushalts")]
MemberId = Annotated[UUID, Path(description="Kennung der Person im Haushalt (`member_id`)")]
OtherId = Annotated[UUID, Path(description="Kennung des möglicherweise doppelten Haushalts")]
ConsentId = Annotated[UUID, Path(description="Kennung der Einwilligung")]


@router.post(
    "",
    status_code=201,
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
    return await rpc.send(intake.REGISTER_HOUSEHOLD, body, caller)


@router.get("", summary="Haushalte suchen")
async def search_households(
    query: Annotated[SearchHouseholds, Depends()], caller: CurrentCaller, rpc: Rpc
) -> HouseholdDirectory:
    """Haushalte suchen: nach dem Anfang eines Vor- oder Nachnamens (Groß-/Kleinschreibung
    und Akzente zählen nicht, mehrere Wörter müssen alle passen), einem Geburtsdatum
    (TT.MM.JJJJ), einer Telefonnummer (beliebige Schreibweise), einer Kurzkennung (die
    ersten Zeichen der Kennung, ab 4) oder der Kennung. Ohne `q`: alle Haushalte, die Sie
    sehen dürfen, seitenweise, mit ihrem Titel ("Familie Öztürk (Caritas Köln, 5
    Personen)"). Haushalte anderer Träger oder mit eingeschränkter Verarbeitung fehlen
    so, als gäbe es sie nicht.
    """
    return await rpc.send(intake.SEARCH_HOUSEHOLDS, query, caller)


# Before `/{household_id}`: "duplicates" is no household id.
@router.get("/duplicates", summary="Mögliche Doppelfälle auflisten")
async def list_duplicates(
    query: Annotated[ListDuplicates, Depends()], caller: CurrentCaller, rpc: Rpc
) -> Duplicates:
    """Mögliche Doppelfälle auflisten (nur Koordination); ohne `status`: alle."""
    return await rpc.send(intake.LIST_DUPLICATES, query, caller)


@router.get(
    "/{household_id}",
    summary="Haushalt anzeigen",
    responses=documented(404),
)
async def get_household(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> HouseholdView:
    """Haushalt anzeigen: Zusammensetzung, Unterkunft, Wohnfähigkeit, Stand."""
    return await rpc.send(intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller)


@router.post(
    "/{household_id}/composition",
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
    request = Addressed[ChangeCompositionBody](id=household_id, body=body)
    return await rpc.send(intake.CHANGE_COMPOSITION, request, caller)


@router.post(
    "/{household_id}/accommodation",
    summary="Umzug in eine andere Unterkunft festhalten",
    responses=documented(404, 409),
)
async def change_accommodation(
    household_id: HouseholdId, body: ChangeAccommodationBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Umzug in eine andere Unterkunft festhalten."""
    request = Addressed[ChangeAccommodationBody](id=household_id, body=body)
    return await rpc.send(intake.CHANGE_ACCOMMODATION, request, caller)


@router.post(
    "/{household_id}/handover",
    summary="An einen anderen Träger übergeben",
    responses=documented(404, 409),
)
async def hand_over_household(
    household_id: HouseholdId, body: HandOverHouseholdBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """An einen anderen Träger übergeben (nur Koordination)."""
    request = Addressed[HandOverHouseholdBody](id=household_id, body=body)
    return await rpc.send(intake.HAND_OVER_HOUSEHOLD, request, caller)


@router.post(
    "/{household_id}/deregistration",
    summary="Haushalt abmelden",
    responses=documented(404, 409),
)
async def deregister_household(
    household_id: HouseholdId, body: DeregisterHouseholdBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Haushalt abmelden (ausgezogen, selbst umgezogen, weggezogen, Sonstiges).

    Nach einer Vermittlung meldet die Aufnahme den Haushalt selbst ab.
    """
    request = Addressed[DeregisterHouseholdBody](id=household_id, body=body)
    return await rpc.send(intake.DEREGISTER_HOUSEHOLD, request, caller)


@router.post(
    "/{household_id}/readiness-assessments",
    status_code=201,
    summary="Wohnfähigkeit einschätzen",
    responses=documented(404, 409),
)
async def assess_housing_readiness(
    household_id: HouseholdId, body: AssessHousingReadinessBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Wohnfähigkeit einschätzen (Kriterien, Ergebnis, Tag); der Verlauf bleibt erhalten."""
    request = Addressed[AssessHousingReadinessBody](id=household_id, body=body)
    return await rpc.send(intake.ASSESS_HOUSING_READINESS, request, caller)


@router.post(
    "/{household_id}/duplicates/{other_id}/link",
    summary="Als denselben Haushalt verknüpfen",
    responses=documented(404, 409),
)
async def link_duplicate(
    household_id: HouseholdId, other_id: OtherId, caller: CurrentCaller, rpc: Rpc
) -> DuplicateView:
    """Als denselben Haushalt verknüpfen (nur Koordination)."""
    body = DuplicateDecision(household_id=household_id, other_household_id=other_id)
    return await rpc.send(intake.LINK_DUPLICATE, body, caller)


@router.post(
    "/{household_id}/duplicates/{other_id}/dismiss",
    summary="Als verschiedene Haushalte getrennt halten",
    responses=documented(404, 409),
)
async def dismiss_duplicate(
    household_id: HouseholdId, other_id: OtherId, caller: CurrentCaller, rpc: Rpc
) -> DuplicateView:
    """Als verschiedene Haushalte getrennt halten (nur Koordination)."""
    body = DuplicateDecision(household_id=household_id, other_household_id=other_id)
    return await rpc.send(intake.DISMISS_DUPLICATE, body, caller)


@router.post(
    "/{household_id}/duplicates/{other_id}/revoke",
    summary="Entscheidung über einen Doppelfall zurücknehmen",
    responses=documented(404, 409),
)
async def revoke_duplicate_decision(
    household_id: HouseholdId, other_id: OtherId, caller: CurrentCaller, rpc: Rpc
) -> DuplicateView:
    """Entscheidung über einen Doppelfall zurücknehmen (nur Koordination)."""
    body = DuplicateDecision(household_id=household_id, other_household_id=other_id)
    return await rpc.send(intake.REVOKE_DUPLICATE_DECISION, body, caller)


@router.post(
    "/{household_id}/erasure",
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
    return await rpc.send(intake.ERASE_HOUSEHOLD, body, caller)


@router.post(
    "/{household_id}/members/{member_id}/erasure",
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
    return await rpc.send(intake.ERASE_MEMBER, body, caller)


@router.post(
    "/{household_id}/restriction",
    summary="Verarbeitung einschränken (Art. 18 DSGVO, §84 SGB X)",
    responses=documented(404, 409),
)
async def restrict_household(
    household_id: HouseholdId, body: RestrictProcessingBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Verarbeitung einschränken statt löschen, mit Grund (nur Koordination).

    Danach sieht nur die Koordination den Haushalt; in keiner Liste und keiner Suche.
    """
    request = Addressed[RestrictProcessingBody](id=household_id, body=body)
    return await rpc.send(intake.RESTRICT_HOUSEHOLD, request, caller)


@router.delete(
    "/{household_id}/restriction",
    summary="Einschränkung aufheben",
    responses=documented(404, 409),
)
async def lift_household_restriction(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Einschränkung der Verarbeitung aufheben (nur Koordination)."""
    body = LiftRestriction(household_id=household_id)
    return await rpc.send(intake.LIFT_HOUSEHOLD_RESTRICTION, body, caller)


@router.get(
    "/{household_id}/export",
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
    request = Addressed[RecordConsentBody](id=household_id, body=body)
    return await rpc.send(intake.RECORD_CONSENT, request, caller)


@router.post(
    "/{household_id}/consents/{consent_id}/withdrawal",
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
    command = WithdrawConsent(
        household_id=household_id, consent_id=consent_id, withdrawn_on=body.withdrawn_on
    )
    return await rpc.send(intake.WITHDRAW_CONSENT, command, caller)


@router.get(
    "/{household_id}/disclosures",
    summary="Weitergaben mit der jeweils gültigen Einwilligung",
    responses=documented(404),
)
async def list_disclosures(
    household_id: HouseholdId, caller: CurrentCaller, rpc: Rpc
) -> Disclosures:
    """Jede Weitergabe der Haushaltsdaten (Tandem, Übergabe an einen anderen Träger) mit
    der Einwilligung, die an ihrem Tag galt (nur Koordination und der eigene Träger)."""
    body = ListDisclosures(household_id=household_id)
    return await rpc.send(intake.LIST_DISCLOSURES, body, caller)


@router.post(
    "/{household_id}/personal-data-corrections",
    summary="Personenbezogene Daten berichtigen (Art. 16 DSGVO)",
    responses=documented(404, 409),
)
async def correct_personal_data(
    household_id: HouseholdId, body: CorrectPersonalDataBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Namen und Geburtsdaten der Personen, Telefon, E-Mail oder die Notiz der Aufnahme
    berichtigen.

    Was angegeben ist, ersetzt das Gespeicherte; jede Änderung kommt mit altem und neuem
    Wert in den Verlauf (`corrections` der Haushaltsansicht). `expected_version` ist die
    `version` der Haushaltsansicht, auf der die Berichtigung beruht (409, wenn sich der
    Haushalt inzwischen geändert hat).
    """
    request = Addressed[CorrectPersonalDataBody](id=household_id, body=body)
    return await rpc.send(intake.CORRECT_PERSONAL_DATA, request, caller)


@router.post(
    "/{household_id}/needs",
    summary="Bedarf ändern (WBS, Barrierefreiheit, Stadtteile, Sprachen, Bleibeperspektive)",
    responses=documented(404, 409),
)
async def change_needs(
    household_id: HouseholdId, body: ChangeNeedsBody, caller: CurrentCaller, rpc: Rpc
) -> HouseholdRef:
    """Was der Haushalt von einer Wohnung braucht, ab `changed_on`: die Angaben ersetzen
    die bisherigen als Ganzes. Die Wohnungsvermittlung prüft ihre Angebote danach."""
    request = Addressed[ChangeNeedsBody](id=household_id, body=body)
    return await rpc.send(intake.CHANGE_NEEDS, request, caller)
