"""Who is responsible for a household („zuständig“): the name on its page, and the form
that changes it (`POST /ui/haushalte/{id}/zustaendig`).

Intake keeps the responsible person by the pseudonym services know staff by and cannot
tell a member of staff from any other id; the gateway holds the accounts, so it offers
and accepts only active caseworkers of the household's provider and the municipality's
coordinators. The form names people by their names; its values are the accounts' ids.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from services.gateway.adapters.users import assignable_staff
from services.gateway.deps import CurrentCaller, Rpc
from services.gateway.errors import documented
from services.gateway.households.page import household_page
from services.gateway.households.responsible_view import FORM
from services.gateway.web.i18n import N_
from services.gateway.web.notices import notice, saved
from services.gateway.web.security import checked_form
from services.gateway.web.submit import send_form
from shared.contracts.intake import AssignCaseworkerBody, GetHousehold, HouseholdRef
from shared.contracts.intake import operations as intake
from shared.contracts.operation import Addressed
from shared.db import Database
from shared.rpc import ErrorKind, RemoteError, RpcError
from shared.validation import FieldError

router = APIRouter(prefix="/ui", include_in_schema=False)
api_router = APIRouter(prefix="/api/households", tags=["Haushalte"])

FIELD = "caseworker"
ASSIGNED = notice("zustaendig", N_("Die Zuständigkeit ist gespeichert."))
NOT_STAFF = N_("Bitte eine Fachkraft des Trägers aus der Liste wählen.")


@router.post(f"/haushalte/{{household_id}}/{FORM}", response_class=HTMLResponse)
async def assign_caseworker(
    household_id: UUID, request: Request, caller: CurrentCaller, rpc: Rpc
) -> Response:
    """Make a caseworker (or coordinator) responsible, or nobody (an empty choice)."""
    submitted = await checked_form(request)
    chosen = str(submitted.get(FIELD, "")).strip()
    # Intake answers only for a household the caller may see (404 for another provider's).
    household = await rpc.send(
        intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller
    )
    caseworker: str | None = None
    if chosen:
        db: Database = request.app.state.db
        async with db.read() as conn:
            staff = await assignable_staff(conn, caller.municipality, household.provider)
        found = next((a for a in staff if str(a.user_id) == chosen), None)
        if found is None:
            return await household_page(
                request,
                caller,
                rpc,
                household_id,
                active=FORM,
                errors={FIELD: NOT_STAFF},
                status_code=422,
            )
        caseworker = found.service_user_id
    _, refusal = await send_form(
        rpc,
        intake.ASSIGN_CASEWORKER,
        {FIELD: caseworker},
        caller,
        on=household_id,
        known=[FIELD],
    )
    if refusal is not None:
        return await household_page(
            request,
            caller,
            rpc,
            household_id,
            active=FORM,
            errors=refusal.errors,
            general=refusal.general or refusal.errors.get("") or None,
            status_code=refusal.status,
        )
    return saved(f"/ui/haushalte/{household_id}", ASSIGNED, anchor=FORM)


class CaseworkerChoice(BaseModel):
    """Wer den Haushalt betreut: das Login einer aktiven Fachkraft des Trägers oder der
    Koordination; leer (null): niemand."""

    model_config = ConfigDict(extra="forbid")

    login: str | None = Field(
        default=None, min_length=1, max_length=120, pattern=r"^[!-~]+$", description="Login"
    )


def not_staff() -> RemoteError:
    return RemoteError(
        RpcError(
            kind=ErrorKind.validation,
            code="invalid",
            message="Bitte die Eingabe prüfen: login.",
            fields=[FieldError(field="login", message=NOT_STAFF)],
        )
    )


@api_router.post(
    "/{household_id}/caseworker",
    summary="Zuständige Fachkraft festlegen",
    responses=documented(404, 409),
)
async def assign_caseworker_by_login(
    household_id: Annotated[UUID, Path(description="Kennung des Haushalts")],
    body: CaseworkerChoice,
    request: Request,
    caller: CurrentCaller,
    rpc: Rpc,
) -> HouseholdRef:
    """Legt fest, wer den Haushalt betreut: eine aktive Fachkraft seines Trägers oder die
    Koordination (422 bei jedem anderen Login), oder niemand."""
    household = await rpc.send(
        intake.GET_HOUSEHOLD, GetHousehold(household_id=household_id), caller
    )
    caseworker: str | None = None
    if body.login is not None:
        db: Database = request.app.state.db
        async with db.read() as conn:
            staff = await assignable_staff(conn, caller.municipality, household.provider)
        login = body.login.lower()
        found = next((a for a in staff if a.login.lower() == login), None)
        if found is None:
            raise not_staff()
        caseworker = found.service_user_id
    command = Addressed[AssignCaseworkerBody](
        id=household_id, body=AssignCaseworkerBody(caseworker=caseworker)
    )
    return await rpc.send(intake.ASSIGN_CASEWORKER, command, caller)
