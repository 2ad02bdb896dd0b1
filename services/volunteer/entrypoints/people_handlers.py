"""NATS request handlers for volunteers and tandems (`auszug.rpc.volunteer.<name>`)."""

from __future__ import annotations

from services.volunteer.application.tandems import Tandems
from services.volunteer.application.volunteers import Volunteers
from shared.contracts import volunteer as c
from shared.identity import Caller
from shared.service import ServiceHost


def register_people_handlers(host: ServiceHost) -> None:
    volunteers = Volunteers(host.commands)
    tandems = Tandems(host.commands)
    rpc = host.rpc

    @rpc.handle("register_volunteer", c.RegisterVolunteer)
    async def register_volunteer(body: c.RegisterVolunteer, caller: Caller) -> c.VolunteerRef:
        return await volunteers.register(body, caller)

    @rpc.handle("record_onboarding_step", c.Addressed[c.RecordOnboardingStep])
    async def record_onboarding_step(
        body: c.Addressed[c.RecordOnboardingStep], caller: Caller
    ) -> c.VolunteerRef:
        return await volunteers.onboard(body.id, body.body, caller)

    @rpc.handle("record_leaving", c.Addressed[c.RecordLeaving])
    async def record_leaving(body: c.Addressed[c.RecordLeaving], caller: Caller) -> c.VolunteerRef:
        return await volunteers.leave(body.id, body.body, caller)

    @rpc.handle("erase_volunteer", c.Addressed[c.EraseVolunteer])
    async def erase_volunteer(
        body: c.Addressed[c.EraseVolunteer], caller: Caller
    ) -> c.VolunteerRef:
        return await volunteers.erase(body.id, body.body, caller)

    @rpc.handle("get_volunteer", c.ById)
    async def get_volunteer(body: c.ById, caller: Caller) -> c.VolunteerView:
        return await volunteers.get(body.id, caller)

    @rpc.handle("list_volunteers", c.ListVolunteers)
    async def list_volunteers(body: c.ListVolunteers, caller: Caller) -> c.VolunteerList:
        return await volunteers.listing(body, caller)

    @rpc.handle("form_tandem", c.FormTandem)
    async def form_tandem(body: c.FormTandem, caller: Caller) -> c.TandemRef:
        return await tandems.form(body, caller)

    @rpc.handle("end_tandem", c.Addressed[c.EndTandem])
    async def end_tandem(body: c.Addressed[c.EndTandem], caller: Caller) -> c.TandemRef:
        return await tandems.end(body.id, body.body, caller)

    @rpc.handle("record_support", c.Addressed[c.RecordSupport])
    async def record_support(body: c.Addressed[c.RecordSupport], caller: Caller) -> c.SupportRef:
        return await tandems.support(body.id, body.body, caller)

    @rpc.handle("get_tandem", c.ById)
    async def get_tandem(body: c.ById, caller: Caller) -> c.TandemView:
        return await tandems.get(body.id, caller)

    @rpc.handle("list_tandems", c.ListTandems)
    async def list_tandems(body: c.ListTandems, caller: Caller) -> c.TandemList:
        return await tandems.listing(body, caller)

    @rpc.handle("get_tandem_household", c.GetTandemHousehold)
    async def get_tandem_household(
        body: c.GetTandemHousehold, caller: Caller
    ) -> c.TandemHouseholdView:
        return await tandems.household(body, caller)
