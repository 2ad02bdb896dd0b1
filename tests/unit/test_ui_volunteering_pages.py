"""The volunteer pages' templates render with German labels, keep what was typed and show
each error beside its field (rendered directly, without a running gateway)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

from services.gateway.volunteer import consultation_rows as rows
from services.gateway.web.submit import form_values
from services.gateway.web.templating import templates
from shared.contracts import volunteer as c
from shared.contracts.intake import AccommodationKind
from shared.contracts.paging import PageInfo
from shared.identity import Role


def render(name: str, **context: Any) -> str:
    caller = SimpleNamespace(
        role=Role.caseworker, user_id="ute", provider="caritas", municipality="koeln"
    )
    base = {"caller": caller, "csrf_token": "t" * 30}
    return templates.env.get_template(name).render(
        {**base, "errors": {}, "general": None, **context}
    )


def test_quick_entry_keeps_every_row_and_shows_the_error_at_its_row_and_field() -> None:
    values = form_values(
        {
            "held_on": "2025-03-05",
            "provider": "caritas",
            "consultations.2.topic": "wbs",
            "consultations.2.duration_minutes": "viel",
        },
        rows.field_names(rows.ROWS),
    )
    errors = {"consultations.2.duration_minutes": "Ganze Zahl erwartet."}
    page = render(
        "volunteer/office_hour_new.html", form=values, rows=rows.ROWS, more=12, errors=errors
    )
    assert 'value="viel"' in page and '<option value="wbs" selected>' in page
    assert '<span class="feldfehler" id="fehler-consultations.2.duration_minutes">' in page
    assert 'aria-describedby="fehler-consultations.2.duration_minutes"' in page
    assert "Es wurde nichts gespeichert" in page
    assert page.count('<label for="consultations.') == rows.ROWS * len(rows.ROW_FIELDS)


def test_an_office_hour_shows_its_consultations_in_german_and_counts_by_channel() -> None:
    consultation = c.ConsultationView(
        consultation_id=uuid4(),
        channel=c.ConsultationChannel.phone,
        visitor=c.Visitor.tandem,
        topic=c.ConsultationTopic.wbs,
        duration_minutes=20,
        tandem_id=None,
        household_id=None,
    )
    office_hour = c.OfficeHourView(
        office_hour_id=uuid4(),
        provider="caritas",
        held_on=date(2025, 3, 5),
        duration_minutes=120,
        consultations=[consultation],
        by_channel={c.ConsultationChannel.phone: 1},
    )
    values = form_values({}, rows.field_names(rows.ROWS, top=False))
    page = render(
        "volunteer/office_hour.html", office_hour=office_hour, form=values, rows=rows.ROWS
    )
    assert "Offene Sprechstunde am 05.03.2025" in page
    assert "<td>Telefon</td>" in page and "Wohnberechtigungsschein" in page
    assert "<dt>davon Telefon</dt><dd>1</dd>" in page and "<dt>davon E-Mail</dt><dd>0</dd>" in page


def test_a_volunteer_sees_the_household_of_their_tandem_without_names() -> None:
    tandem = c.TandemView(
        tandem_id=uuid4(),
        volunteer_id=uuid4(),
        household_id=uuid4(),
        provider="caritas",
        formed_on=date(2025, 2, 1),
        ended_on=None,
        end_reason=None,
        support=[
            c.SupportView(
                support_id=uuid4(), kind=c.SupportKind.office, supported_on=date(2025, 6, 1)
            )
        ],
        supported_placements=0,
    )
    household = c.TandemHouseholdView(
        household_id=tandem.household_id,
        provider="caritas",
        adults=2,
        minors=3,
        persons=5,
        accommodation_kind=AccommodationKind.shelter,
        tandem_id=tandem.tandem_id,
        tandem_since=tandem.formed_on,
    )
    listing = render(
        "volunteer/own_tandems.html",
        entries=[(tandem, household)],
        today="2025-06-02",
        page_info=PageInfo(page=1, per_page=50, total=1),
    )
    # No support act is chosen beforehand (finding 20), and no household id or name shows.
    assert '<option value="">– bitte wählen –</option>' in listing and " selected" not in listing
    assert f"Haushalt {household.household_id.hex[:8]}" in listing
    assert str(household.household_id) not in listing and "Caritas Köln" in listing
    assert "Tandem seit 01.02.2025" in listing and "5 (2 Erwachsene, 3 Minderjährige)" in listing
    assert "Städtische Unterkunft" in listing
    assert f'action="/ui/tandems/{tandem.tandem_id}/unterstuetzung"' in listing
    form = form_values({"supported_on": "2025-06-02"}, ("kind", "supported_on"))
    one = render("volunteer/own_tandem.html", tandem=tandem, household=household, form=form)
    assert "Behördengang" in one and 'value="2025-06-02"' in one
