"""Office hours, consultations and workshops as use cases (SQLite, no NATS): quick entry,
what a consultation may refer to, attendance names, and the certificate document."""

from __future__ import annotations

import base64
import io
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest
from pypdf import PdfReader

from services.volunteer.application.letters import LETTERS
from services.volunteer.application.office_hours import OfficeHours
from services.volunteer.application.workshops import Workshops
from shared.application import CommandExecutor
from shared.contracts import volunteer as c
from shared.contracts.letters import LetterFile, SaveLetterTemplate, WriteLetter
from shared.decider import Forbidden, NotFound, RuleViolation
from shared.identity import Role
from support.builders.volunteer import (
    CARITAS,
    COORDINATOR,
    DRK,
    MARIA,
    all_payloads,
    caller,
    form,
    intake_registers,
    ready_volunteer,
    volunteer_commands,
)


@pytest.fixture
async def commands(tmp_path: Path) -> AsyncIterator[CommandExecutor]:
    async with volunteer_commands(tmp_path) as executor:
        yield executor


def consultation(channel: str, **extra: object) -> dict[str, object]:
    return {
        "channel": channel,
        "visitor": "tandem",
        "topic": "application",
        "duration_minutes": 20,
        **extra,
    }


async def test_an_office_hour_with_its_consultations_counts_them_by_channel(
    commands: CommandExecutor,
) -> None:
    household_id = await intake_registers(commands)
    tandem_id = await form(commands, await ready_volunteer(commands), household_id)
    hours = OfficeHours(commands)
    request = c.HoldOfficeHour.model_validate(
        {
            "provider": "caritas",
            "held_on": "2025-03-12",
            "duration_minutes": 120,
            "consultations": [
                consultation("in_person", tandem_id=str(tandem_id)),
                consultation("phone"),
            ],
        }
    )
    ref = await hours.hold(request, CARITAS)
    more = c.RecordOfficeHourConsultations.model_validate(
        {"consultations": [consultation("email", visitor="volunteer_alone")]}
    )
    await hours.add(ref.office_hour_id, more, CARITAS)

    shown = await hours.get(ref.office_hour_id, COORDINATOR)
    assert shown.by_channel == {"in_person": 1, "phone": 1, "email": 1}
    # The tandem brings its household along.
    assert (shown.consultations[0].tandem_id, shown.consultations[0].household_id) == (
        tandem_id,
        household_id,
    )
    with pytest.raises(NotFound):
        await hours.get(ref.office_hour_id, DRK)
    with pytest.raises(NotFound):
        await hours.add(ref.office_hour_id, more, DRK)


async def test_a_consultation_refers_only_to_tandems_and_households_the_caller_sees(
    commands: CommandExecutor,
) -> None:
    hours = OfficeHours(commands)
    tandem_id = await form(
        commands, await ready_volunteer(commands), await intake_registers(commands)
    )
    cases = [
        ({"tandem_id": str(uuid4())}, "tandem_unknown"),
        ({"household_id": str(uuid4())}, "household_unknown"),
        ({"tandem_id": str(tandem_id), "household_id": str(uuid4())}, "tandem_household_mismatch"),
    ]
    for extra, code in cases:
        body = {"provider": "caritas", "held_on": "2025-03-12", **consultation("email", **extra)}
        with pytest.raises(RuleViolation) as refused:
            await hours.record(c.RecordConsultation.model_validate(body), CARITAS)
        assert refused.value.code == code
    drk_body = {"provider": "drk", **consultation("phone", tandem_id=str(tandem_id))}
    with pytest.raises(RuleViolation) as refused:
        await hours.record(c.RecordConsultation.model_validate(drk_body), DRK)
    assert refused.value.code == "tandem_unknown"


async def test_who_may_record_office_hours(commands: CommandExecutor) -> None:
    hours = OfficeHours(commands)
    request = c.HoldOfficeHour(provider="drk", duration_minutes=60)
    with pytest.raises(Forbidden):
        await hours.hold(request, CARITAS)
    for role in (Role.volunteer, Role.analyst, Role.housing_office, Role.admin):
        with pytest.raises(Forbidden):
            await hours.hold(request, caller(role))
    await hours.hold(request, DRK)


async def test_a_certificate_shows_the_attendees_name_which_no_event_carries(
    commands: CommandExecutor,
) -> None:
    workshops = Workshops(commands)
    household_id = await intake_registers(commands)
    hold = c.HoldWorkshop(
        provider="caritas",
        topic=c.WorkshopTopic.rent_and_utilities,
        held_on=date(2025, 5, 7),
        site="Bürgerzentrum Ehrenfeld",
        duration_minutes=150,
    )
    workshop_id = (await workshops.hold(hold, CARITAS)).workshop_id
    attend = c.RecordAttendance(
        household_id=household_id,
        given_name="Yasmin",
        family_name="Öztürk",
        birth_date="1990-02-03",
    )
    attendee_id = (await workshops.attend(workshop_id, attend, CARITAS)).attendee_id
    issue = c.IssueCertificate(attendee_id=attendee_id, issued_on=date(2025, 5, 8))
    certificate_id = (await workshops.certify(workshop_id, issue, CARITAS)).certificate_id

    query = c.GetCertificate(workshop_id=workshop_id, certificate_id=certificate_id)
    document = await workshops.certificate(query, CARITAS)
    pdf = base64.b64decode(document.content_base64)
    assert pdf.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for expected in (
        "Teilnahmebestätigung",
        "Yasmin Öztürk",
        "03.02.1990",
        "07.05.2025",
        "Miete, Nebenkosten und Kaution",
        "Bürgerzentrum Ehrenfeld",
    ):
        assert expected in text
    assert not [p for p in ("Yasmin", "Öztürk", "1990-02-03") if p in await all_payloads(commands)]

    shown = await workshops.get(workshop_id, COORDINATOR)
    assert [(a.family_name, a.certificate_id) for a in shown.attendees] == [
        ("Öztürk", certificate_id)
    ]
    with pytest.raises(NotFound):
        await workshops.certificate(query, DRK)
    with pytest.raises(Forbidden):
        await workshops.certificate(query, MARIA)
    with pytest.raises(NotFound):
        other = c.GetCertificate(workshop_id=workshop_id, certificate_id=uuid4())
        await workshops.certificate(other, CARITAS)


async def test_the_certificate_prints_from_the_coordinations_template(
    commands: CommandExecutor,
) -> None:
    workshops = Workshops(commands)
    hold = c.HoldWorkshop(
        provider="caritas",
        topic=c.WorkshopTopic.neighbourhood,
        held_on=date(2025, 5, 7),
        site="Bürgerzentrum Kalk",
        duration_minutes=60,
    )
    workshop_id = (await workshops.hold(hold, CARITAS)).workshop_id
    attend = c.RecordAttendance(given_name="Đorđe", family_name="Ağaoğlu")
    attendee_id = (await workshops.attend(workshop_id, attend, CARITAS)).attendee_id
    issue = c.IssueCertificate(attendee_id=attendee_id, issued_on=date(2025, 5, 8))
    certificate_id = (await workshops.certify(workshop_id, issue, CARITAS)).certificate_id
    letter = WriteLetter(kind="certificate", subject_id=workshop_id, about=certificate_id)

    def text(answer: LetterFile) -> str:
        pdf = base64.b64decode(answer.content_base64)
        return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

    assert "Hiermit bestätigen wir, dass" in text(await workshops.write_letter(letter, CARITAS))
    async with commands.db.transaction() as conn:
        edited = SaveLetterTemplate(
            kind="certificate",
            subject_line="Bescheinigung",
            body="{{ name }} war am {{ am }} bei „{{ workshop }}“ (Kalk-Edition Wqpz).",
        )
        await LETTERS.save(conn, "koeln", edited, COORDINATOR.user_id)
    printed = text(await workshops.write_letter(letter, CARITAS))
    assert "Đorđe Ağaoğlu war am 07.05.2025 bei „Gute Nachbarschaft“" in printed
    assert "Wqpz" in printed and "Hiermit bestätigen wir" not in printed
    # The API's certificate is the same text.
    query = c.GetCertificate(workshop_id=workshop_id, certificate_id=certificate_id)
    document = await workshops.certificate(query, CARITAS)
    assert (
        "Wqpz"
        in PdfReader(io.BytesIO(base64.b64decode(document.content_base64))).pages[0].extract_text()
    )
    with pytest.raises(NotFound):
        await workshops.write_letter(letter, DRK)


async def test_attendance_at_a_workshop_that_does_not_exist_or_is_not_ours_is_refused(
    commands: CommandExecutor,
) -> None:
    workshops = Workshops(commands)
    attend = c.RecordAttendance(given_name="A", family_name="B")
    with pytest.raises(RuleViolation) as refused:
        await workshops.attend(uuid4(), attend, CARITAS)
    assert refused.value.code == "workshop_unknown"
    hold = c.HoldWorkshop(
        provider="drk", topic=c.WorkshopTopic.neighbourhood, site="DRK-Haus", duration_minutes=90
    )
    workshop_id = (await workshops.hold(hold, DRK)).workshop_id
    with pytest.raises(RuleViolation) as refused:
        await workshops.attend(workshop_id, attend, CARITAS)
    assert refused.value.code == "workshop_unknown"
    with pytest.raises(Forbidden):
        await workshops.attend(workshop_id, attend, MARIA)
