"""What prevention answers over the bus (shared/contracts/operation.py).

The roles are services/prevention/application/access.py's: the Fachstelle Wohnen grants
the help, the provider's caseworker runs it, the coordination records referrals, decides
aftercare and erases; the other roles never reach the Wohnintegrationshilfe.
"""

from __future__ import annotations

from shared.contracts.operation import Operations
from shared.contracts.prevention.household_export import (
    ExportPreventionHousehold,
    PreventionHouseholdExport,
)
from shared.contracts.prevention.requests import (
    AcceptAftercare,
    AdmitCase,
    CheckEligibility,
    CloseCase,
    DeclineAftercare,
    EraseCase,
    ExtendCase,
    GetCase,
    ListAftercare,
    ListCases,
    OverdueQuery,
    PlanVisitRhythm,
    ReceiveReferral,
    RecordConsent,
    RecordHomeVisit,
    RecordLandlordNegotiation,
    RecordMediation,
    ReferOut,
    RejectCase,
    WithdrawConsent,
)
from shared.contracts.prevention.views import (
    AftercareList,
    AftercareRef,
    CaseList,
    CaseRef,
    CaseView,
    OverdueVisits,
)
from shared.identity import Role

C, W, H = Role.coordinator, Role.caseworker, Role.housing_office
# Who sees cases and aftercare offers, and records referrals (access.READERS, REFERRERS).
READERS = {C, W, H}
# The Fachstelle Wohnen grants the help (access.OFFICE).
OFFICE = {H}
# The caseworker of the provider running the case does the help (access.PROVIDER).
PROVIDER = {W}
# Eligibility, consent and closing (access.PROVIDER_OR_OFFICE).
PROVIDER_OR_OFFICE = {W, H}
# The household's answer to an aftercare offer (access.AFTERCARE_DECIDERS).
AFTERCARE_DECIDERS = {C, W}
# Erasure (Art. 17) and the Art. 15 export: the coordination only.
COORDINATION = {C}

ops = Operations("prevention")

RECEIVE_REFERRAL = ops.command("receive_referral", ReceiveReferral, CaseRef, roles=READERS)
GET_CASE = ops.query("get_case", GetCase, CaseView, roles=READERS)
LIST_CASES = ops.query("list_cases", ListCases, CaseList, roles=READERS)
OVERDUE_VISITS = ops.query("overdue_visits", OverdueQuery, OverdueVisits, roles=READERS)

# The course of a case, each on the case named in the path.
CHECK_ELIGIBILITY = ops.command_on(
    "check_eligibility", CheckEligibility, CaseRef, roles=PROVIDER_OR_OFFICE
)
ADMIT_CASE = ops.command_on("admit_case", AdmitCase, CaseRef, roles=OFFICE)
REJECT_CASE = ops.command_on("reject_case", RejectCase, CaseRef, roles=OFFICE)
EXTEND_CASE = ops.command_on("extend_case", ExtendCase, CaseRef, roles=OFFICE)
RECORD_CONSENT = ops.command_on("record_consent", RecordConsent, CaseRef, roles=PROVIDER_OR_OFFICE)
WITHDRAW_CONSENT = ops.command_on(
    "withdraw_consent", WithdrawConsent, CaseRef, roles=PROVIDER_OR_OFFICE
)
CLOSE_CASE = ops.command_on("close_case", CloseCase, CaseRef, roles=PROVIDER_OR_OFFICE)

# The help itself.
PLAN_VISIT_RHYTHM = ops.command_on("plan_visit_rhythm", PlanVisitRhythm, CaseRef, roles=PROVIDER)
RECORD_HOME_VISIT = ops.command_on("record_home_visit", RecordHomeVisit, CaseRef, roles=PROVIDER)
RECORD_MEDIATION = ops.command_on("record_mediation", RecordMediation, CaseRef, roles=PROVIDER)
RECORD_LANDLORD_NEGOTIATION = ops.command_on(
    "record_landlord_negotiation", RecordLandlordNegotiation, CaseRef, roles=PROVIDER
)
REFER_OUT = ops.command_on("refer_out", ReferOut, CaseRef, roles=PROVIDER)

ERASE_CASE = ops.command_on("erase_case", EraseCase, CaseRef, roles=COORDINATION)

# Aftercare, each on the household named in the path.
LIST_AFTERCARE = ops.query("list_aftercare", ListAftercare, AftercareList, roles=READERS)
ACCEPT_AFTERCARE = ops.command_on(
    "accept_aftercare", AcceptAftercare, AftercareRef, roles=AFTERCARE_DECIDERS
)
DECLINE_AFTERCARE = ops.command_on(
    "decline_aftercare", DeclineAftercare, AftercareRef, roles=AFTERCARE_DECIDERS
)

EXPORT_HOUSEHOLD = ops.query(
    "export_household", ExportPreventionHousehold, PreventionHouseholdExport, roles=COORDINATION
)


# Written follow-ups (Wiedervorlagen) on a case: whoever reads the case acts on them; the
# use case checks the case's provider (services/prevention/application/follow_ups.py).
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

SCHEDULE_FOLLOW_UP = ops.command("schedule_follow_up", ScheduleFollowUp, FollowUpRef, roles=READERS)
REASSIGN_FOLLOW_UP = ops.command_on(
    "reassign_follow_up", ReassignFollowUp, FollowUpRef, roles=READERS
)
POSTPONE_FOLLOW_UP = ops.command_on(
    "postpone_follow_up", PostponeFollowUp, FollowUpRef, roles=READERS
)
COMPLETE_FOLLOW_UP = ops.command_on(
    "complete_follow_up", CompleteFollowUp, FollowUpRef, roles=READERS
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
# Case notes (shared/contracts/notes.py): who may see the case today; a case of a household
# whose processing intake restricted, the coordination only (application/notes.py).
from shared.contracts.notes import ListNotes, NoteList, NoteRef, WriteNote  # noqa: E402

WRITE_NOTE = ops.command_on("write_note", WriteNote, NoteRef, roles=READERS)
LIST_NOTES = ops.query("list_notes", ListNotes, NoteList, roles=READERS)

# Home visit appointments on a case: the caseworker of the provider running it arranges,
# moves and cancels them (application/appointments.py); whoever reads cases lists those of
# a window of days (shared/contracts/appointments.py), scoped like the case list.
from shared.contracts.appointments import AppointmentList, AppointmentQuery  # noqa: E402
from shared.contracts.prevention.requests import (  # noqa: E402
    AppointHomeVisit,
    CancelHomeVisitAppointment,
    MoveHomeVisitAppointment,
)

APPOINT_HOME_VISIT = ops.command_on("appoint_home_visit", AppointHomeVisit, CaseRef, roles=PROVIDER)
MOVE_HOME_VISIT = ops.command_on(
    "move_home_visit", MoveHomeVisitAppointment, CaseRef, roles=PROVIDER
)
CANCEL_HOME_VISIT = ops.command_on(
    "cancel_home_visit", CancelHomeVisitAppointment, CaseRef, roles=PROVIDER
)
APPOINTMENTS = ops.query("appointments", AppointmentQuery, AppointmentList, roles=READERS)
# ---------------------------------------------------------------- documents
# (documents of a case: shared/contracts/documents.py). Whoever may see the case, as with
# notes; a case of a household whose processing intake restricted, the coordination only,
# which reads and downloads but files none (application/documents.py).
from shared.contracts.documents import (  # noqa: E402
    DocumentFile,
    DocumentList,
    DocumentRef,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)

UPLOAD_DOCUMENT = ops.command_on("upload_document", UploadDocument, DocumentRef, roles=READERS)
LIST_DOCUMENTS = ops.query("list_documents", ListDocuments, DocumentList, roles=READERS)
FETCH_DOCUMENT = ops.query("fetch_document", FetchDocument, DocumentFile, roles=READERS)
# Who changed what on a case (shared/contracts/history.py): whoever sees the case, with
# the same checks as its notes (services/prevention/application/history.py).
from shared.contracts.history import History, HistoryQuery  # noqa: E402

HISTORY = ops.query("history", HistoryQuery, History, roles=READERS)


# Letters (shared/contracts/letters.py): the coordination edits the templates; the home
# visit's appointment is written by the provider who visits (like RECORD_HOME_VISIT).
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
WRITE_LETTER = ops.command("write_letter", WriteLetter, LetterFile, roles=PROVIDER)
