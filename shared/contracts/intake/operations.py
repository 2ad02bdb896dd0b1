"""What intake answers over the bus (shared/contracts/operation.py)."""

from __future__ import annotations

from shared.contracts.intake.consents import (
    ConsentRef,
    Disclosures,
    ListDisclosures,
    RecordConsentBody,
    WithdrawConsent,
)
from shared.contracts.intake.privacy import (
    EraseHousehold,
    EraseMember,
    ExportHousehold,
    HouseholdExport,
    LiftRestriction,
    RestrictProcessingBody,
)
from shared.contracts.intake.requests import (
    AssessHousingReadinessBody,
    AssignCaseworkerBody,
    ChangeAccommodationBody,
    ChangeCompositionBody,
    DeregisterHouseholdBody,
    DuplicateDecision,
    GetHousehold,
    HandOverHouseholdBody,
    HouseholdRef,
    ListDuplicates,
    RegisterHousehold,
)
from shared.contracts.intake.views import Duplicates, DuplicateView, HouseholdView
from shared.contracts.operation import Operations
from shared.identity import Role

ops = Operations("intake")

# ---------------------------------------------------------------- households
# (households, members, consents, duplicates, privacy, the Art. 15 export)
# Who may call each: services/intake/application/access.py (the use case checks again,
# with the household's provider and restriction).
STAFF = {Role.coordinator, Role.caseworker}
READERS = {Role.coordinator, Role.caseworker, Role.admin}
COORDINATION = {Role.coordinator}

REGISTER_HOUSEHOLD = ops.command("register_household", RegisterHousehold, HouseholdRef, roles=STAFF)
GET_HOUSEHOLD = ops.query("get_household", GetHousehold, HouseholdView, roles=READERS)
CHANGE_COMPOSITION = ops.command_on(
    "change_composition", ChangeCompositionBody, HouseholdRef, roles=STAFF
)
CHANGE_ACCOMMODATION = ops.command_on(
    "change_accommodation", ChangeAccommodationBody, HouseholdRef, roles=STAFF
)
HAND_OVER_HOUSEHOLD = ops.command_on(
    "hand_over_household", HandOverHouseholdBody, HouseholdRef, roles=COORDINATION
)
DEREGISTER_HOUSEHOLD = ops.command_on(
    "deregister_household", DeregisterHouseholdBody, HouseholdRef, roles=STAFF
)
ASSESS_HOUSING_READINESS = ops.command_on(
    "assess_housing_readiness", AssessHousingReadinessBody, HouseholdRef, roles=STAFF
)
LIST_DUPLICATES = ops.query("list_duplicates", ListDuplicates, Duplicates, roles=COORDINATION)
LINK_DUPLICATE = ops.command("link_duplicate", DuplicateDecision, DuplicateView, roles=COORDINATION)
DISMISS_DUPLICATE = ops.command(
    "dismiss_duplicate", DuplicateDecision, DuplicateView, roles=COORDINATION
)
REVOKE_DUPLICATE_DECISION = ops.command(
    "revoke_duplicate_decision", DuplicateDecision, DuplicateView, roles=COORDINATION
)
RECORD_CONSENT = ops.command_on("record_consent", RecordConsentBody, ConsentRef, roles=STAFF)
# Two ids (the household's and its consent's): the request names both, no `Addressed`.
WITHDRAW_CONSENT = ops.command("withdraw_consent", WithdrawConsent, ConsentRef, roles=STAFF)
LIST_DISCLOSURES = ops.query("list_disclosures", ListDisclosures, Disclosures, roles=STAFF)
ERASE_HOUSEHOLD = ops.command("erase_household", EraseHousehold, HouseholdRef, roles=COORDINATION)
ERASE_MEMBER = ops.command("erase_member", EraseMember, HouseholdRef, roles=COORDINATION)
RESTRICT_HOUSEHOLD = ops.command_on(
    "restrict_household", RestrictProcessingBody, HouseholdRef, roles=COORDINATION
)
LIFT_HOUSEHOLD_RESTRICTION = ops.command(
    "lift_household_restriction", LiftRestriction, HouseholdRef, roles=COORDINATION
)
EXPORT_HOUSEHOLD = ops.query(
    "export_household", ExportHousehold, HouseholdExport, roles=COORDINATION
)
# The provider's staff say who is responsible (the gateway checks the chosen person first).
ASSIGN_CASEWORKER = ops.command_on(
    "assign_caseworker", AssignCaseworkerBody, HouseholdRef, roles=STAFF
)

# Keep current: rectification (Art. 16 DSGVO) and the needs matching uses.
from shared.contracts.intake.master_data import (  # noqa: E402
    ChangeNeedsBody,
    CorrectPersonalDataBody,
)

CORRECT_PERSONAL_DATA = ops.command_on(
    "correct_personal_data", CorrectPersonalDataBody, HouseholdRef, roles=STAFF
)
CHANGE_NEEDS = ops.command_on("change_needs", ChangeNeedsBody, HouseholdRef, roles=STAFF)


# ---------------------------------------------------------------- inquiries
# (the central office's inbox)
# The inbox is the coordination's alone: no other role receives, triages, lists or reads
# an inquiry (services/intake/application/inquiries.py, access.require_coordinator).
from shared.contracts.intake.inquiries import (  # noqa: E402
    GetInquiry,
    InquiryRef,
    ListInquiries,
    ReceiveInquiry,
    TriageInquiryBody,
)
from shared.contracts.intake.views import Inquiries, InquiryView  # noqa: E402
from shared.identity import Role  # noqa: E402

INBOX = {Role.coordinator}

RECEIVE_INQUIRY = ops.command("receive_inquiry", ReceiveInquiry, InquiryRef, roles=INBOX)
TRIAGE_INQUIRY = ops.command_on("triage_inquiry", TriageInquiryBody, InquiryRef, roles=INBOX)
GET_INQUIRY = ops.query("get_inquiry", GetInquiry, InquiryView, roles=INBOX)
LIST_INQUIRIES = ops.query("list_inquiries", ListInquiries, Inquiries, roles=INBOX)


# ---------------------------------------------------------------- directory
# (find a household; the titles every list shows). Scope as GET_HOUSEHOLD:
# services/intake/application/directory.py. Volunteers and the housing office see no
# household data in intake (access.py), so neither is here.
from shared.contracts.intake.directory import (  # noqa: E402
    HouseholdDirectory,
    HouseholdTitles,
    HouseholdTitlesQuery,
    SearchHouseholds,
)

SEARCH_HOUSEHOLDS = ops.query(
    "search_households", SearchHouseholds, HouseholdDirectory, roles=READERS
)
HOUSEHOLD_TITLES = ops.query(
    "household_titles", HouseholdTitlesQuery, HouseholdTitles, roles=READERS
)


# ---------------------------------------------------------------- follow-ups
# (written follow-ups, Wiedervorlagen, on a household or an inquiry). The use case checks
# the subject's scope: a household's provider and restriction (access.py), an inquiry
# the coordination's alone (services/intake/application/follow_ups.py).
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

SCHEDULE_FOLLOW_UP = ops.command("schedule_follow_up", ScheduleFollowUp, FollowUpRef, roles=STAFF)
REASSIGN_FOLLOW_UP = ops.command_on(
    "reassign_follow_up", ReassignFollowUp, FollowUpRef, roles=STAFF
)
POSTPONE_FOLLOW_UP = ops.command_on(
    "postpone_follow_up", PostponeFollowUp, FollowUpRef, roles=STAFF
)
COMPLETE_FOLLOW_UP = ops.command_on(
    "complete_follow_up", CompleteFollowUp, FollowUpRef, roles=STAFF
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
# ---------------------------------------------------------------- notes
# (case notes on a household: shared/contracts/notes.py). Who may act on the household:
# the coordination and its provider's caseworkers; a restricted household the
# coordination only, which reads but writes none (services/intake/application/notes.py).
from shared.contracts.notes import ListNotes, NoteList, NoteRef, WriteNote  # noqa: E402

WRITE_NOTE = ops.command_on("write_note", WriteNote, NoteRef, roles=STAFF)
LIST_NOTES = ops.query("list_notes", ListNotes, NoteList, roles=STAFF)
# ---------------------------------------------------------------- documents
# (documents of a household: shared/contracts/documents.py). Who may act on the household,
# as with notes; a restricted household's the coordination only, which reads and downloads
# but files none (services/intake/application/documents.py).
from shared.contracts.documents import (  # noqa: E402
    DocumentFile,
    DocumentList,
    DocumentRef,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)

UPLOAD_DOCUMENT = ops.command_on("upload_document", UploadDocument, DocumentRef, roles=STAFF)
LIST_DOCUMENTS = ops.query("list_documents", ListDocuments, DocumentList, roles=STAFF)
FETCH_DOCUMENT = ops.query("fetch_document", FetchDocument, DocumentFile, roles=STAFF)
