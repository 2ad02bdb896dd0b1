"""NATS request handlers for office hours, consultations and workshops
(shared/contracts/volunteer/operations.py)."""

from __future__ import annotations

from services.volunteer.application import letters
from services.volunteer.application.consultations import Consultations
from services.volunteer.application.office_hours import OfficeHours
from services.volunteer.application.workshops import Workshops
from shared.contracts import volunteer as c
from shared.contracts.operation import Addressed
from shared.contracts.volunteer import operations as ops
from shared.identity import Caller
from shared.service import ServiceHost


def register_activity_handlers(host: ServiceHost) -> None:
    office_hours = OfficeHours(host.commands)
    workshops = Workshops(host.commands)
    consultations = Consultations(host.commands)
    rpc = host.rpc
    letters.register(rpc, host.db, workshops)

    @rpc.handle(ops.HOLD_OFFICE_HOUR)
    async def hold_office_hour(body: c.HoldOfficeHour, caller: Caller) -> c.OfficeHourRef:
        return await office_hours.hold(body, caller)

    @rpc.handle(ops.RECORD_OFFICE_HOUR_CONSULTATIONS)
    async def record_office_hour_consultations(
        body: Addressed[c.RecordOfficeHourConsultations], caller: Caller
    ) -> c.OfficeHourRef:
        return await office_hours.add(body.id, body.body, caller)

    @rpc.handle(ops.RECORD_CONSULTATION)
    async def record_consultation(body: c.RecordConsultation, caller: Caller) -> c.ConsultationRef:
        return await office_hours.record(body, caller)

    @rpc.handle(ops.LIST_CONSULTATIONS)
    async def list_consultations(body: c.ListConsultations, caller: Caller) -> c.ConsultationList:
        return await consultations.listing(body, caller)

    @rpc.handle(ops.GET_OFFICE_HOUR)
    async def get_office_hour(body: c.ById, caller: Caller) -> c.OfficeHourView:
        return await office_hours.get(body.id, caller)

    @rpc.handle(ops.HOLD_WORKSHOP)
    async def hold_workshop(body: c.HoldWorkshop, caller: Caller) -> c.WorkshopRef:
        return await workshops.hold(body, caller)

    @rpc.handle(ops.RECORD_ATTENDANCE)
    async def record_attendance(
        body: Addressed[c.RecordAttendance], caller: Caller
    ) -> c.AttendanceRef:
        return await workshops.attend(body.id, body.body, caller)

    @rpc.handle(ops.ISSUE_CERTIFICATE)
    async def issue_certificate(
        body: Addressed[c.IssueCertificate], caller: Caller
    ) -> c.CertificateRef:
        return await workshops.certify(body.id, body.body, caller)

    @rpc.handle(ops.GET_WORKSHOP)
    async def get_workshop(body: c.ById, caller: Caller) -> c.WorkshopView:
        return await workshops.get(body.id, caller)

    @rpc.handle(ops.GET_CERTIFICATE)
    async def get_certificate(body: c.GetCertificate, caller: Caller) -> c.CertificateDocument:
        return await workshops.certificate(body, caller)
