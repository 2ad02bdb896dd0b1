"""What intake answers over the bus (shared/contracts/operation.py)."""

from __future__ import annotations

from shared.contracts.operation import Operations

ops = Operations("intake")

# ---------------------------------------------------------------- households
# (households, members, consents, duplicates, privacy, the Art. 15 export)


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
