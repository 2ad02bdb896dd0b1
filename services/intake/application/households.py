"""Intake's use cases for households: register one (flagging possible duplicates), show one."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncConnection

from services.intake.adapters.consents import consent_details
from services.intake.adapters.directory import sync_directory
from services.intake.adapters.duplicates import find_possible_duplicates, record_flags
from services.intake.adapters.master_data import corrections_of
from services.intake.adapters.personal_data import load_personal_data, save_registration
from services.intake.application import access
from services.intake.application.consent_views import consent_views
from services.intake.application.household_view import household_view
from services.intake.domain import household as hh
from shared.access import require_known_provider
from shared.application import CommandExecutor
from shared.clock import today
from shared.contracts.intake import GetHousehold, HouseholdRef, HouseholdView, RegisterHousehold
from shared.contracts.places import districts_of
from shared.decider import RuleViolation
from shared.identity import Caller, Role
from shared.validation import client_id_guard


def registration_command(
    request: RegisterHousehold,
    household_id: UUID,
    consent_id: UUID | None,
    duplicates: Sequence[UUID],
    caseworker: str | None = None,
) -> hh.RegisterHousehold:
    """The decider's command for a registration request (also bench/search.py's fill)."""
    return hh.RegisterHousehold(
        household_id=household_id,
        provider=request.provider,
        registered_on=request.registered_on,
        accommodation_kind=request.accommodation.kind,
        age_bands=tuple(m.age_band for m in request.members),
        today=today(),
        wbs=request.wbs,
        wbs_valid_until=request.wbs_valid_until,
        residence_outlook=request.residence_outlook,
        languages=tuple(request.languages),
        consent_given=request.consent is not None and request.consent.active,
        accessible_flat_needed=request.accessible_flat_needed,
        preferred_districts=tuple(request.preferred_districts),
        consent_id=consent_id,
        consent_given_on=request.consent.given_on if request.consent else None,
        consent_withdrawn_on=request.consent.withdrawn_on if request.consent else None,
        possible_duplicates=tuple(duplicates),
        caseworker=caseworker,
    )


class Households:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def register(self, request: RegisterHousehold, caller: Caller) -> HouseholdRef:
        """Register a household; households with matching personal data get flagged.

        The look-up runs just before the registration's own transaction: two look-alike
        households registered at the very same moment may miss each other.
        """
        access.require_staff(caller)
        access.require_own_provider(caller, request.provider)
        require_known_provider(caller, request.provider)
        known = districts_of(caller.municipality)
        unknown = [d for d in request.preferred_districts if known and d not in known]
        if unknown:
            raise RuleViolation(
                "unknown_district",
                f"Diesen Stadtteil gibt es in der Kommune nicht: {', '.join(unknown)}. "
                "Bitte aus der Liste wählen.",
            )
        household_id = request.household_id or uuid4()
        # The registration's consent is to processing by the provider (`data_processing`).
        consent_id = uuid4() if request.consent is not None else None
        duplicates = await find_possible_duplicates(
            self.commands.db, caller.municipality, household_id, request
        )
        command = registration_command(
            request,
            household_id,
            consent_id,
            duplicates,
            # Decided with the registration (one transaction, no second request): the
            # caseworker who takes a household in is responsible for it until someone else is.
            caseworker=caller.user_id if caller.role is Role.caseworker else None,
        )

        async def personal_data(conn: AsyncConnection, state: hh.Household) -> None:
            await save_registration(conn, caller.municipality, household_id, request, consent_id)
            await sync_directory(conn, caller.municipality, state)
            flagged = [other for other, _ in state.duplicates]
            await record_flags(
                conn, caller.municipality, household_id, flagged, request.registered_on
            )

        async with client_id_guard("already_registered", request.household_id):
            await self.commands.execute(
                hh.household,
                hh.stream_id(caller.municipality, household_id),
                command,
                caller.command_context(),
                provider=lambda state: state.provider,
                also=personal_data,
            )
        return HouseholdRef(household_id=household_id)

    async def get(self, query: GetHousehold, caller: Caller) -> HouseholdView:
        access.require_reader(caller)
        state, version = await self.commands.load(
            hh.household, hh.stream_id(caller.municipality, query.household_id)
        )
        access.require_visible(caller, state)
        async with self.commands.db.read() as conn:
            personal = await load_personal_data(conn, query.household_id)
            details = await consent_details(conn, query.household_id)
            # Old and new values are personal data: not shown while processing is
            # restricted (Art. 18), gone once erased.
            corrections = [] if state.restricted else await corrections_of(conn, query.household_id)
        view = household_view(caller, state, version, personal, consent_views(state, details))
        return view.model_copy(update={"corrections": corrections})
