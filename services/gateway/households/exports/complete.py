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
from shared.contracts.intake import operations as intake
from shared.contracts.placement import operations as placement
from shared.contracts.placement.household_export import (
    ExportPlacementHousehold,
    PlacementHouseholdExport,
)
from shared.contracts.prevention import operations as prevention
from shared.contracts.prevention.household_export import (
    ExportPreventionHousehold,
    PreventionHouseholdExport,
)
from shared.contracts.volunteer import operations as volunteer
from shared.contracts.volunteer.household_export import (
    ExportVolunteerHousehold,
    VolunteerHouseholdExport,
)
from shared.identity import Caller
from shared.rpc import ErrorKind, RemoteError, RpcClient, RpcError

# The service's name as the German message names it, in the order the parts are asked.
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
    answers = await asyncio.gather(
        rpc.send(intake.EXPORT_HOUSEHOLD, ExportHousehold(household_id=household_id), caller),
        rpc.send(
            placement.EXPORT_HOUSEHOLD,
            ExportPlacementHousehold(household_id=household_id),
            caller,
        ),
        rpc.send(
            volunteer.EXPORT_HOUSEHOLD,
            ExportVolunteerHousehold(household_id=household_id),
            caller,
        ),
        rpc.send(
            prevention.EXPORT_HOUSEHOLD,
            ExportPreventionHousehold(household_id=household_id),
            caller,
        ),
        return_exceptions=True,
    )
    intake_part, placement_part, volunteer_part, prevention_part = answers
    by_service = dict(zip(SERVICES, answers, strict=True))
    if isinstance(intake_part, BaseException) and not _incomplete(intake_part):
        raise intake_part
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
    assert not isinstance(intake_part, BaseException)
    assert not isinstance(placement_part, BaseException)
    assert not isinstance(volunteer_part, BaseException)
    assert not isinstance(prevention_part, BaseException)
    return CompleteExport(
        household_id=household_id,
        municipality=intake_part.municipality,
        exported_on=intake_part.exported_on,
        intake=intake_part,
        placement=placement_part,
        volunteer=volunteer_part,
        prevention=prevention_part,
    )


def _incomplete(answer: object) -> bool:
    if isinstance(answer, RemoteError):
        return answer.error.kind in INCOMPLETE
    # Anything else that went wrong on the way is no answer either.
    return isinstance(answer, Exception)
