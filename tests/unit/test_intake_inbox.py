"""The central inquiry inbox through its use cases: coordinator only, personal data in
intake's tables, time to first answer, opening a household case."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from services.intake.application.inquiries import InquiryInbox
from shared.application import CommandExecutor
from shared.contracts.intake import GetInquiry, ListInquiries, ReceiveInquiry, TriageInquiryBody
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.identity import Role
from support.builders.intake import CARITAS, COORDINATOR, caller, intake_commands, register


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with intake_commands(tmp_path) as executor:
        yield executor


async def test_the_inbox_is_the_coordinators(commands: CommandExecutor) -> None:
    inbox = InquiryInbox(commands)
    request = ReceiveInquiry(
        sender_kind="resident", channel="email", text="Wir suchen eine Wohnung."
    )
    for who in (CARITAS, caller(Role.analyst), caller(Role.volunteer)):
        with pytest.raises(Forbidden):
            await inbox.receive(request, who)
        with pytest.raises(Forbidden):
            await inbox.list(ListInquiries(), who)


async def test_an_inquiry_is_answered_then_opened_as_a_case(commands: CommandExecutor) -> None:
    inbox = InquiryInbox(commands)
    request = ReceiveInquiry(
        sender_kind="landlord",
        channel="phone",
        received_at="2025-03-01T09:00:00+01:00",
        sender_name="Frau Vermieterin",
        contact={"phone": "02202 123"},
        text="Ich habe eine 3-Zimmer-Wohnung frei.",
    )
    inquiry_id = (await inbox.receive(request, COORDINATOR)).inquiry_id
    assert [i.inquiry_id for i in (await inbox.list(ListInquiries(), COORDINATOR)).items] == [
        inquiry_id
    ]
    answered = TriageInquiryBody(
        outcome="answered",
        triaged_at="2025-03-01T11:30:00+01:00",
        note="Rückruf",
    )
    await inbox.triage(inquiry_id, answered, COORDINATOR)
    assert (await inbox.list(ListInquiries(), COORDINATOR)).items == []
    case = TriageInquiryBody(outcome="opened_as_case", household_id=uuid4())
    with pytest.raises(RuleViolation) as refused:
        await inbox.triage(inquiry_id, case, COORDINATOR)
    assert refused.value.code == "unknown_household"
    household_id = await register(commands)
    await inbox.triage(
        inquiry_id, case.model_copy(update={"household_id": household_id}), COORDINATOR
    )

    view = await inbox.get(GetInquiry(inquiry_id=inquiry_id), COORDINATOR)
    assert (view.sender_name, view.text, view.last_outcome) == (
        "Frau Vermieterin",
        "Ich habe eine 3-Zimmer-Wohnung frei.",
        "opened_as_case",
    )
    assert view.first_triaged_at is not None
    assert view.first_triaged_at - view.received_at == timedelta(hours=2, minutes=30)
    assert [(t.outcome, t.note, t.household_id) for t in view.triage] == [
        ("answered", "Rückruf", None),
        ("opened_as_case", None, household_id),
    ]
    with pytest.raises(NotFound):
        await inbox.get(GetInquiry(inquiry_id=inquiry_id), caller(city="bergisch-gladbach"))


async def test_the_inbox_in_pages_filtered_sorted_with_the_case_household(
    commands: CommandExecutor,
) -> None:
    inbox = InquiryInbox(commands)
    ids = []
    for n in range(7):
        request = ReceiveInquiry(
            sender_kind="landlord" if n % 2 else "resident",
            channel="phone" if n < 3 else "email",
            received_at=f"2025-03-0{n + 1}T09:00:00+01:00",
            text="Anfrage",
        )
        ids.append((await inbox.receive(request, COORDINATOR)).inquiry_id)
    household_id = await register(commands)
    case = TriageInquiryBody(outcome="opened_as_case", household_id=household_id)
    await inbox.triage(ids[0], case, COORDINATOR)

    every = ListInquiries(open_only=False, per_page=3)
    first, third = [
        await inbox.list(every.model_copy(update={"page": p}), COORDINATOR) for p in (1, 3)
    ]
    # Open first (the longest waiting first), the triaged one last.
    assert [i.inquiry_id for i in first.items] == ids[1:4]
    assert [i.inquiry_id for i in third.items] == [ids[0]]
    assert third.items[0].household_id == household_id
    assert (first.page.total, first.page.pages) == (7, 3)

    newest = ListInquiries(open_only=False, sort="received", descending=True, per_page=2)
    assert [i.inquiry_id for i in (await inbox.list(newest, COORDINATOR)).items] == ids[:4:-1]
    phone = await inbox.list(ListInquiries(channel="phone"), COORDINATOR)
    assert [i.inquiry_id for i in phone.items] == ids[1:3]
    landlords = ListInquiries(open_only=False, sender_kind="landlord")
    assert (await inbox.list(landlords, COORDINATOR)).page.total == 3
    opened = ListInquiries(open_only=False, outcome="opened_as_case")
    assert [i.inquiry_id for i in (await inbox.list(opened, COORDINATOR)).items] == [ids[0]]
