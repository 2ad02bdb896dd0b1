"""One Art. 15 export across every service: the gateway asks intake, placement, volunteer
and prevention at once and answers with all four parts or not at all.

Intake decides whether the household exists for the caller (403, 404 as it answers);
the other services answer empty parts for a household they never saw. If any service
does not answer, the whole export fails with 503: an incomplete answer to an Art. 15
request must never look complete.
"""

from __future__ import annotations

import asyncio
from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.intake import ExportHousehold, HouseholdExport
from shared.contracts.placement.household_export import (
    ExportPlacementHousehold,
    PlacementHouseholdExport,
)
from shared.contracts.prevention.household_export import (
    ExportPreventionHousehold,
    PreventionHouseholdExport,
)
from shared.contracts.volunteer.household_export import (
    ExportVolunteerHousehold,
    VolunteerHouseholdExport,
)
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient, RpcError

# The service's name as the German message names it.
SERVICES = {
    "intake": "Aufnahme",
    "placement": "Wohnungsvermittlung",
    "volunteer": "Ehrenamt",
    "prevention": "Prävention",
}
# A service that cannot answer leaves the export incomplete; other errors are the caller's.
INCOMPLETE = {ErrorKind.unavailable, ErrorKind.internal}


class CompleteExport(BaseModel):
    """Everything Auszug holds on a household (Art. 15 DSGVO), one part per service."""

    household_id: UUID
    municipality: str
    exported_on: date
    intake: HouseholdExport = Field(description="Aufnahme: Haushalt, Personen, Einwilligungen")
    placement: PlacementHouseholdExport = Field(description="Wohnungsvermittlung")
    volunteer: VolunteerHouseholdExport = Field(description="Ehrenamt: Tandems, Workshops")
    prevention: PreventionHouseholdExport = Field(description="Prävention: Nachbetreuung")


async def collect(rpc: RpcClient, household_id: UUID, caller: Caller) -> CompleteExport:
    """All four parts, asked concurrently; intake's refusal first, then 503 if one is missing."""
    asked = {
        "intake": ExportHousehold(household_id=household_id),
        "placement": ExportPlacementHousehold(household_id=household_id),
        "volunteer": ExportVolunteerHousehold(household_id=household_id),
        "prevention": ExportPreventionHousehold(household_id=household_id),
    }
    answers = await asyncio.gather(
        *(rpc.call(context, "export_household", body, caller) for context, body in asked.items()),
        return_exceptions=True,
    )
    by_service = dict(zip(asked, answers, strict=True))
    intake = by_service["intake"]
    if isinstance(intake, BaseException) and not _incomplete(intake):
        raise intake
    missing = [name for name, answer in by_service.items() if _incomplete(answer)]
    if missing:
        raise RemoteError(
            RpcError(
                kind=ErrorKind.unavailable,
                code="export_incomplete",
                message="Die Auskunft kann gerade nicht vollständig erstellt werden: "
                + ", ".join(f"„{SERVICES[name]}“" for name in missing)
                + (" antwortet" if len(missing) == 1 else " antworten")
                + " nicht. Eine unvollständige Auskunft wird nicht ausgegeben; "
                "bitte später erneut versuchen.",
            )
        )
    for answer in answers:
        if isinstance(answer, BaseException):
            raise answer
    export = HouseholdExport.model_validate(intake)
    return CompleteExport(
        household_id=household_id,
        municipality=export.municipality,
        exported_on=export.exported_on,
        intake=export,
        placement=PlacementHouseholdExport.model_validate(by_service["placement"]),
        volunteer=VolunteerHouseholdExport.model_validate(by_service["volunteer"]),
        prevention=PreventionHouseholdExport.model_validate(by_service["prevention"]),
    )


def _incomplete(answer: object) -> bool:
    if isinstance(answer, RemoteError):
        return answer.error.kind in INCOMPLETE
    # Anything else that went wrong on the way is no answer either.
    return isinstance(answer, Exception)
