"""What volunteer answers over the bus (shared/contracts/operation.py), and who may ask.

The roles are services/volunteer/application/access.py's: the service still decides the
provider and the tandem a caller sees (another's answers 404, as if unknown).
"""

from __future__ import annotations

from shared.contracts.operation import Operations
from shared.contracts.volunteer.household_export import (
    ExportVolunteerHousehold,
    VolunteerHouseholdExport,
)
from shared.contracts.volunteer.requests import (
    ById,
    EndTandem,
    EraseVolunteer,
    FormTandem,
    GetCertificate,
    GetTandemHousehold,
    HoldOfficeHour,
    HoldWorkshop,
    IssueCertificate,
    ListConsultations,
    ListTandems,
    ListVolunteers,
    RecordAttendance,
    RecordConsultation,
    RecordLeaving,
    RecordOfficeHourConsultations,
    RecordOnboardingStep,
    RecordSupport,
    RegisterVolunteer,
    SearchTandems,
)
from shared.contracts.volunteer.views import (
    AttendanceRef,
    CertificateDocument,
    CertificateRef,
    ConsultationList,
    ConsultationRef,
    OfficeHourRef,
    OfficeHourView,
    SupportRef,
    TandemHouseholdView,
    TandemList,
    TandemRef,
    TandemView,
    VolunteerList,
    VolunteerRef,
    VolunteerView,
    WorkshopRef,
    WorkshopView,
)
from shared.identity import Role

# Record and change: the coordination, caseworkers for their own provider.
MANAGERS = frozenset({Role.coordinator, Role.caseworker})
# Read: those, and the admin (reads what the coordination reads, changes nothing).
READERS = MANAGERS | {Role.admin}
# Tandems: a volunteer reads their own (and records support acts for them).
TANDEM_READERS = READERS | {Role.volunteer}
SUPPORTERS = MANAGERS | {Role.volunteer}
# Art. 15 and Art. 17 DSGVO: the coordination only.
COORDINATION = frozenset({Role.coordinator})

ops = Operations("volunteer")

# ---------------------------------------------------------------- volunteers
REGISTER_VOLUNTEER = ops.command(
    "register_volunteer", RegisterVolunteer, VolunteerRef, roles=MANAGERS
)
RECORD_ONBOARDING_STEP = ops.command_on(
    "record_onboarding_step", RecordOnboardingStep, VolunteerRef, roles=MANAGERS
)
RECORD_LEAVING = ops.command_on("record_leaving", RecordLeaving, VolunteerRef, roles=MANAGERS)
ERASE_VOLUNTEER = ops.command_on(
    "erase_volunteer", EraseVolunteer, VolunteerRef, roles=COORDINATION
)
GET_VOLUNTEER = ops.query("get_volunteer", ById, VolunteerView, roles=READERS)
LIST_VOLUNTEERS = ops.query("list_volunteers", ListVolunteers, VolunteerList, roles=READERS)

# ---------------------------------------------------------------- tandems
FORM_TANDEM = ops.command("form_tandem", FormTandem, TandemRef, roles=MANAGERS)
END_TANDEM = ops.command_on("end_tandem", EndTandem, TandemRef, roles=MANAGERS)
RECORD_SUPPORT = ops.command_on("record_support", RecordSupport, SupportRef, roles=SUPPORTERS)
GET_TANDEM = ops.query("get_tandem", ById, TandemView, roles=TANDEM_READERS)
LIST_TANDEMS = ops.query("list_tandems", ListTandems, TandemList, roles=TANDEM_READERS)
GET_TANDEM_HOUSEHOLD = ops.query(
    "get_tandem_household", GetTandemHousehold, TandemHouseholdView, roles=TANDEM_READERS
)
# A picker's question (a tandem named in a staff form): staff who record for tandems.
SEARCH_TANDEMS = ops.query("search_tandems", SearchTandems, TandemList, roles=READERS)

# ---------------------------------------------------------------- office hours, consultations
HOLD_OFFICE_HOUR = ops.command("hold_office_hour", HoldOfficeHour, OfficeHourRef, roles=MANAGERS)
RECORD_OFFICE_HOUR_CONSULTATIONS = ops.command_on(
    "record_office_hour_consultations",
    RecordOfficeHourConsultations,
    OfficeHourRef,
    roles=MANAGERS,
)
GET_OFFICE_HOUR = ops.query("get_office_hour", ById, OfficeHourView, roles=READERS)
RECORD_CONSULTATION = ops.command(
    "record_consultation", RecordConsultation, ConsultationRef, roles=MANAGERS
)
LIST_CONSULTATIONS = ops.query(
    "list_consultations", ListConsultations, ConsultationList, roles=READERS
)

# ---------------------------------------------------------------- workshops
HOLD_WORKSHOP = ops.command("hold_workshop", HoldWorkshop, WorkshopRef, roles=MANAGERS)
RECORD_ATTENDANCE = ops.command_on(
    "record_attendance", RecordAttendance, AttendanceRef, roles=MANAGERS
)
ISSUE_CERTIFICATE = ops.command_on(
    "issue_certificate", IssueCertificate, CertificateRef, roles=MANAGERS
)
GET_WORKSHOP = ops.query("get_workshop", ById, WorkshopView, roles=READERS)
GET_CERTIFICATE = ops.query("get_certificate", GetCertificate, CertificateDocument, roles=READERS)

# ---------------------------------------------------------------- Art. 15 DSGVO
EXPORT_HOUSEHOLD = ops.query(
    "export_household", ExportVolunteerHousehold, VolunteerHouseholdExport, roles=COORDINATION
)

# ---------------------------------------------------------------- follow-ups and notes
# Written follow-ups (Wiedervorlagen) and case notes on a volunteer: staff's, never the
# volunteer's own (a volunteer does not read what staff write about them). The coordination
# and the volunteer's provider's caseworkers write them; the admin reads them. The use
# cases check the volunteer's provider (services/volunteer/application/follow_ups.py,
# notes.py).
from shared.contracts.followups import (  # noqa: E402
    CompleteFollowUp,
    FollowUpOperations,
    FollowUpRef,
    FollowUpTexts,
    FollowUpTextsQuery,
    PostponeFollowUp,
    ReassignFollowUp,
    ScheduleFollowUp,
    SubjectFollowUps,
    SubjectFollowUpsQuery,
)
from shared.contracts.notes import ListNotes, NoteList, NoteRef, WriteNote  # noqa: E402

SCHEDULE_FOLLOW_UP = ops.command(
    "schedule_follow_up", ScheduleFollowUp, FollowUpRef, roles=MANAGERS
)
REASSIGN_FOLLOW_UP = ops.command_on(
    "reassign_follow_up", ReassignFollowUp, FollowUpRef, roles=MANAGERS
)
POSTPONE_FOLLOW_UP = ops.command_on(
    "postpone_follow_up", PostponeFollowUp, FollowUpRef, roles=MANAGERS
)
COMPLETE_FOLLOW_UP = ops.command_on(
    "complete_follow_up", CompleteFollowUp, FollowUpRef, roles=MANAGERS
)
FOLLOW_UP_TEXTS = ops.query("follow_up_texts", FollowUpTextsQuery, FollowUpTexts, roles=READERS)
SUBJECT_FOLLOW_UPS = ops.query(
    "subject_follow_ups", SubjectFollowUpsQuery, SubjectFollowUps, roles=READERS
)
# All six, for the service's handlers and the gateway (shared/contracts/followups.py).
FOLLOW_UPS = FollowUpOperations(
    SCHEDULE_FOLLOW_UP,
    REASSIGN_FOLLOW_UP,
    POSTPONE_FOLLOW_UP,
    COMPLETE_FOLLOW_UP,
    SUBJECT_FOLLOW_UPS,
    FOLLOW_UP_TEXTS,
)
WRITE_NOTE = ops.command_on("write_note", WriteNote, NoteRef, roles=MANAGERS)
LIST_NOTES = ops.query("list_notes", ListNotes, NoteList, roles=READERS)
# ---------------------------------------------------------------- documents
# (documents on a volunteer: shared/contracts/documents.py). Staff's, as with notes: the
# managers file them, the readers list and download them; never the volunteer themself.
from shared.contracts.documents import (  # noqa: E402
    DocumentFile,
    DocumentList,
    DocumentRef,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)

UPLOAD_DOCUMENT = ops.command_on("upload_document", UploadDocument, DocumentRef, roles=MANAGERS)
LIST_DOCUMENTS = ops.query("list_documents", ListDocuments, DocumentList, roles=READERS)
FETCH_DOCUMENT = ops.query("fetch_document", FetchDocument, DocumentFile, roles=READERS)

# Who changed what on a volunteer (shared/contracts/history.py): staff who read the
# volunteer's page; never the volunteer (services/volunteer/application/history.py).
from shared.contracts.history import History, HistoryQuery  # noqa: E402

HISTORY = ops.query("history", HistoryQuery, History, roles=READERS)

# Letters (shared/contracts/letters.py): the coordination edits the certificate's template;
# a certificate is printed by whoever reads its workshop.
from shared.contracts.letters import (  # noqa: E402
    LetterFile,
    LetterTemplateRef,
    LetterTemplates,
    LetterTemplatesQuery,
    SaveLetterTemplate,
    WriteLetter,
)

LETTER_TEMPLATES = ops.query(
    "letter_templates", LetterTemplatesQuery, LetterTemplates, roles=COORDINATION
)
SAVE_LETTER_TEMPLATE = ops.command(
    "save_letter_template", SaveLetterTemplate, LetterTemplateRef, roles=COORDINATION
)
WRITE_LETTER = ops.command("write_letter", WriteLetter, LetterFile, roles=MANAGERS)

# Individual consultations by appointment (shared/contracts/appointments.py): the managers
# arrange, move and cancel them (the caller attends); recording the consultation with the
# appointment's id settles it (RECORD_CONSULTATION). `APPOINTMENTS` lists a window of them,
# scoped like the consultation list (services/volunteer/application/consultation_appointments.py).
from shared.contracts.appointments import AppointmentList, AppointmentQuery  # noqa: E402
from shared.contracts.volunteer.requests import (  # noqa: E402
    ArrangeConsultation,
    CancelConsultationAppointment,
    MoveConsultationAppointment,
)
from shared.contracts.volunteer.views import ConsultationAppointmentRef  # noqa: E402

ARRANGE_CONSULTATION = ops.command(
    "arrange_consultation", ArrangeConsultation, ConsultationAppointmentRef, roles=MANAGERS
)
MOVE_CONSULTATION = ops.command_on(
    "move_consultation", MoveConsultationAppointment, ConsultationAppointmentRef, roles=MANAGERS
)
CANCEL_CONSULTATION = ops.command_on(
    "cancel_consultation", CancelConsultationAppointment, ConsultationAppointmentRef, roles=MANAGERS
)
APPOINTMENTS = ops.query("appointments", AppointmentQuery, AppointmentList, roles=READERS)
