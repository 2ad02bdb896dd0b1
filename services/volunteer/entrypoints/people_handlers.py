"""NATS request handlers for volunteers and tandems (shared/contracts/volunteer/operations.py)."""

from __future__ import annotations

from services.volunteer.application.tandems import Tandems
from services.volunteer.application.volunteers import Volunteers
from shared.contracts import volunteer as c
from shared.contracts.operation import Addressed
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller
from shared.service import ServiceHost


def register_people_handlers(host: ServiceHost) -> None:
    volunteers = Volunteers(host.commands)
    tandems = Tandems(host.commands)
    rpc = host.rpc

    @rpc.handle(ops.REGISTER_VOLUNTEER)
    async def register_volunteer(body: c.RegisterVolunteer, caller: Caller) -> c.VolunteerRef:
        return await volunteers.register(body, caller)

    @rpc.handle(ops.RECORD_ONBOARDING_STEP)
    async def record_onboarding_step(
        body: Addressed[c.RecordOnboardingStep], caller: Caller
    ) -> c.VolunteerRef:
        return await volunteers.onboard(body.id, body.body, caller)

    @rpc.handle(ops.RECORD_LEAVING)
    async def record_leaving(body: Addressed[c.RecordLeaving], caller: Caller) -> c.VolunteerRef:
        return await volunteers.leave(body.id, body.body, caller)

    @rpc.handle(ops.ERASE_VOLUNTEER)
    async def erase_volunteer(body: Addressed[c.EraseVolunteer], caller: Caller) -> c.VolunteerRef:
        return await volunteers.erase(body.id, body.body, caller)

    @rpc.handle(ops.GET_VOLUNTEER)
    async def get_volunteer(body: c.ById, caller: Caller) -> c.VolunteerView:
        return await volunteers.get(body.id, caller)

    @rpc.handle(ops.LIST_VOLUNTEERS)
    async def list_volunteers(body: c.ListVolunteers, caller: Caller) -> c.VolunteerList:
        return await volunteers.listing(body, caller)

    @rpc.handle(ops.FORM_TANDEM)
    async def form_tandem(body: c.FormTandem, caller: Caller) -> c.TandemRef:
        return await tandems.form(body, caller)

    @rpc.handle(ops.END_TANDEM)
    async def end_tandem(body: Addressed[c.EndTandem], caller: Caller) -> c.TandemRef:
        return await tandems.end(body.id, body.body, caller)

    @rpc.handle(ops.RECORD_SUPPORT)
    async def record_support(body: Addressed[c.RecordSupport], caller: Caller) -> c.SupportRef:
        return await tandems.support(body.id, body.body, caller)

    @rpc.handle(ops.GET_TANDEM)
    async def get_tandem(body: c.ById, caller: Caller) -> c.TandemView:
        return await tandems.get(body.id, caller)

    @rpc.handle(ops.LIST_TANDEMS)
    async def list_tandems(body: c.ListTandems, caller: Caller) -> c.TandemList:
        return await tandems.listing(body, caller)

    @rpc.handle(ops.SEARCH_TANDEMS)
    async def search_tandems(body: c.SearchTandems, caller: Caller) -> c.TandemList:
        return await tandems.listing(body, caller)

    @rpc.handle(ops.GET_TANDEM_HOUSEHOLD)
    async def get_tandem_household(
        body: c.GetTandemHousehold, caller: Caller
    ) -> c.TandemHouseholdView:
        return await tandems.household(body, caller)
