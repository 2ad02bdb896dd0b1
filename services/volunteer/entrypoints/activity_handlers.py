"""NATS request handlers for office hours, consultations and workshops."""

from __future__ import annotations

from services.volunteer.application.consultations import Consultations
from services.volunteer.application.office_hours import OfficeHours
from services.volunteer.application.workshops import Workshops
from shared.contracts import volunteer as c
from shared.identity import Caller
from shared.service import ServiceHost


def register_activity_handlers(host: ServiceHost) -> None:
    office_hours = OfficeHours(host.commands)
    workshops = Workshops(host.commands)
    consultations = Consultations(host.commands)
    rpc = host.rpc

    @rpc.handle("hold_office_hour", c.HoldOfficeHour)
    async def hold_office_hour(body: c.HoldOfficeHour, caller: Caller) -> c.OfficeHourRef:
        return await office_hours.hold(body, caller)

    @rpc.handle("record_office_hour_consultations", c.Addressed[c.RecordOfficeHourConsultations])
    async def record_office_hour_consultations(
        body: c.Addressed[c.RecordOfficeHourConsultations], caller: Caller
    ) -> c.OfficeHourRef:
        return await office_hours.add(body.id, body.body, caller)

    @rpc.handle("record_consultation", c.RecordConsultation)
    async def record_consultation(body: c.RecordConsultation, caller: Caller) -> c.ConsultationRef:
        return await office_hours.record(body, caller)

    @rpc.handle("list_consultations", c.ListConsultations)
    async def list_consultations(body: c.ListConsultations, caller: Caller) -> c.ConsultationList:
        return await consultations.listing(body, caller)

    @rpc.handle("get_office_hour", c.ById)
    async def get_office_hour(body: c.ById, caller: Caller) -> c.OfficeHourView:
        return await office_hours.get(body.id, caller)

    @rpc.handle("hold_workshop", c.HoldWorkshop)
    async def hold_workshop(body: c.HoldWorkshop, caller: Caller) -> c.WorkshopRef:
        return await workshops.hold(body, caller)

    @rpc.handle("record_attendance", c.Addressed[c.RecordAttendance])
    async def record_attendance(
        body: c.Addressed[c.RecordAttendance], caller: Caller
    ) -> c.AttendanceRef:
        return await workshops.attend(body.id, body.body, caller)

    @rpc.handle("issue_certificate", c.Addressed[c.IssueCertificate])
    async def issue_certificate(
        body: c.Addressed[c.IssueCertificate], caller: Caller
    ) -> c.CertificateRef:
        return await workshops.certify(body.id, body.body, caller)

    @rpc.handle("get_workshop", c.ById)
    async def get_workshop(body: c.ById, caller: Caller) -> c.WorkshopView:
        return await workshops.get(body.id, caller)

    @rpc.handle("get_certificate", c.GetCertificate)
    async def get_certificate(body: c.GetCertificate, caller: Caller) -> c.CertificateDocument:
        return await workshops.certificate(body, caller)
