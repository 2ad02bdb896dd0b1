"""What placement answers over the bus (shared/contracts/operation.py).

The roles are those services/placement/application/access.py lets through: the
coordination runs placement, a caseworker reads and proposes, arranges and records the
viewings of their own provider's households (the use case narrows to the provider).
"""

from __future__ import annotations

from shared.contracts.operation import Operations
from shared.contracts.placement.household_export import (
    ExportPlacementHousehold,
    PlacementHouseholdExport,
)
from shared.contracts.placement.requests import (
    CompletePlacement,
    ConcludeCooperation,
    DecideGuarantee,
    ExpireOffer,
    GetLandlord,
    GetOffer,
    GetOffers,
    GetRules,
    GuaranteeRef,
    HouseholdCourseQuery,
    HouseholdOffersQuery,
    LandlordRef,
    ListLandlords,
    OfferMatchesQuery,
    OfferRef,
    PlacementRules,
    ProposeHouseholds,
    ReceiveOffer,
    RecordLandlordDecision,
    RecordViewing,
    RegisterLandlord,
    RequestGuarantee,
    RetractPlacement,
    ScheduleViewing,
    ViewingRef,
    WithdrawOffer,
)
from shared.contracts.placement.views import (
    HouseholdCourse,
    HouseholdOffers,
    LandlordList,
    LandlordView,
    OfferList,
    OfferMatches,
    OfferView,
)
from shared.identity import Role

# access.coordinator_only
COORDINATION = {Role.coordinator}
# access.reader / provider_scope / visible: a caseworker only for their provider's households
READERS = {Role.coordinator, Role.caseworker}

ops = Operations("placement")

# Landlords
REGISTER_LANDLORD = ops.command(
    "register_landlord", RegisterLandlord, LandlordRef, roles=COORDINATION
)
CONCLUDE_COOPERATION = ops.command_on(
    "conclude_cooperation", ConcludeCooperation, LandlordRef, roles=COORDINATION
)
GET_LANDLORD = ops.query("get_landlord", GetLandlord, LandlordView, roles=READERS)
LIST_LANDLORDS = ops.query("list_landlords", ListLandlords, LandlordList, roles=READERS)

# Offers
RECEIVE_OFFER = ops.command("receive_offer", ReceiveOffer, OfferRef, roles=COORDINATION)
WITHDRAW_OFFER = ops.command_on("withdraw_offer", WithdrawOffer, OfferRef, roles=COORDINATION)
EXPIRE_OFFER = ops.command_on("expire_offer", ExpireOffer, OfferRef, roles=COORDINATION)
GET_OFFER = ops.query("get_offer", GetOffer, OfferView, roles=READERS)
LIST_OFFERS = ops.query("list_offers", GetOffers, OfferList, roles=READERS)

# Matching and a household's way through placement
OFFER_MATCHES = ops.query("offer_matches", OfferMatchesQuery, OfferMatches, roles=READERS)
HOUSEHOLD_OFFERS = ops.query(
    "household_offers", HouseholdOffersQuery, HouseholdOffers, roles=READERS
)
HOUSEHOLD_COURSE = ops.query(
    "household_course", HouseholdCourseQuery, HouseholdCourse, roles=READERS
)

# On the way to the lease
PROPOSE_HOUSEHOLDS = ops.command_on(
    "propose_households", ProposeHouseholds, OfferRef, roles=READERS
)
RECORD_LANDLORD_DECISION = ops.command_on(
    "record_landlord_decision", RecordLandlordDecision, OfferRef, roles=COORDINATION
)
SCHEDULE_VIEWING = ops.command_on("schedule_viewing", ScheduleViewing, ViewingRef, roles=READERS)
RECORD_VIEWING = ops.command_on("record_viewing", RecordViewing, OfferRef, roles=READERS)
REQUEST_GUARANTEE = ops.command_on(
    "request_guarantee", RequestGuarantee, GuaranteeRef, roles=COORDINATION
)
DECIDE_GUARANTEE = ops.command_on("decide_guarantee", DecideGuarantee, OfferRef, roles=COORDINATION)
COMPLETE_PLACEMENT = ops.command_on(
    "complete_placement", CompletePlacement, OfferRef, roles=COORDINATION
)
RETRACT_PLACEMENT = ops.command_on(
    "retract_placement", RetractPlacement, OfferRef, roles=COORDINATION
)

# Oversight and rules
GET_RULES = ops.query("get_rules", GetRules, PlacementRules, roles=READERS)
REPLACE_RULES = ops.command("replace_rules", PlacementRules, PlacementRules, roles=COORDINATION)

# Art. 15 DSGVO: the coordination's export of one household
EXPORT_HOUSEHOLD = ops.query(
    "export_household", ExportPlacementHousehold, PlacementHouseholdExport, roles=COORDINATION
)


# Written follow-ups (Wiedervorlagen) and case notes on an offer: the coordination's alone.
# An offer's notes speak of the landlord's people and of households of every provider;
# a caseworker reads the offer itself, not what the coordination writes down about it
# (services/placement/application/follow_ups.py, notes.py).
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
    "schedule_follow_up", ScheduleFollowUp, FollowUpRef, roles=COORDINATION
)
REASSIGN_FOLLOW_UP = ops.command_on(
    "reassign_follow_up", ReassignFollowUp, FollowUpRef, roles=COORDINATION
)
POSTPONE_FOLLOW_UP = ops.command_on(
    "postpone_follow_up", PostponeFollowUp, FollowUpRef, roles=COORDINATION
)
COMPLETE_FOLLOW_UP = ops.command_on(
    "complete_follow_up", CompleteFollowUp, FollowUpRef, roles=COORDINATION
)
FOLLOW_UP_TEXTS = ops.query(
    "follow_up_texts", FollowUpTextsQuery, FollowUpTexts, roles=COORDINATION
)
SUBJECT_FOLLOW_UPS = ops.query(
    "subject_follow_ups", SubjectFollowUpsQuery, SubjectFollowUps, roles=COORDINATION
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
WRITE_NOTE = ops.command_on("write_note", WriteNote, NoteRef, roles=COORDINATION)
LIST_NOTES = ops.query("list_notes", ListNotes, NoteList, roles=COORDINATION)
# Viewings as appointments (shared/contracts/appointments.py): whoever works on offers lists
# those of a window of days; a caseworker their own provider's households' (application/
# appointments.py), none of a restricted household but for the coordination.
from shared.contracts.appointments import AppointmentList, AppointmentQuery  # noqa: E402

APPOINTMENTS = ops.query("appointments", AppointmentQuery, AppointmentList, roles=READERS)
# ---------------------------------------------------------------- documents
# (documents on an offer: shared/contracts/documents.py). The coordination's alone, like
# the offer's notes (services/placement/application/documents.py).
from shared.contracts.documents import (  # noqa: E402
    DocumentFile,
    DocumentList,
    DocumentRef,
    FetchDocument,
    ListDocuments,
    UploadDocument,
)

UPLOAD_DOCUMENT = ops.command_on("upload_document", UploadDocument, DocumentRef, roles=COORDINATION)
LIST_DOCUMENTS = ops.query("list_documents", ListDocuments, DocumentList, roles=COORDINATION)
FETCH_DOCUMENT = ops.query("fetch_document", FetchDocument, DocumentFile, roles=COORDINATION)

# Who changed what on an offer (shared/contracts/history.py): the coordination's alone,
# like its notes — the stream records every provider's proposals for the flat.
from shared.contracts.history import History, HistoryQuery  # noqa: E402

HISTORY = ops.query("history", HistoryQuery, History, roles=COORDINATION)

# Letters (shared/contracts/letters.py): the coordination edits the templates; a letter is
# written by whoever may take its step (a proposal: the household's caseworker too; a
# guarantee request: the coordination — the use case checks per kind).
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
WRITE_LETTER = ops.command("write_letter", WriteLetter, LetterFile, roles=READERS)
