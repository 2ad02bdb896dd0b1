"""Letters (shared/casework/letters.py): a template renders with its placeholders in a
sandbox and refuses anything else at its field in German; the PDF prints every letter of
a name; and placement's letters against a real SQLite database: a saved template wins
over the default, the guarantee letter is the coordination's, the proposal letter names
no person and another provider's household is not found."""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from pypdf import PdfReader
from sqlalchemy import insert

from services.placement.adapters.tables import candidate_households
from services.placement.application import letters as placement_letters
from services.placement.application.documents import OfferDocuments
from services.placement.application.landlords import Landlords
from services.placement.application.letters import PlacementLetters
from services.placement.application.offers import Offers
from services.placement.application.proposals import Proposals
from services.placement.entrypoints.app import MIGRATIONS
from services.prevention.application import letters as prevention_letters
from services.volunteer.application import letters as volunteer_letters
from shared.application import CommandExecutor
from shared.casework import letters
from shared.casework.letters import (
    Letter,
    LetterKind,
    TemplateRefused,
    check,
    letter_pdf,
    placeholder,
    render_text,
)
from shared.clock import today
from shared.contracts import placement as c
from shared.contracts.documents import DocumentKind, FetchDocument, ListDocuments
from shared.contracts.letters import LetterFile, SaveLetterTemplate, WriteLetter
from shared.db import Database
from shared.decider import FieldRefused, Forbidden, NotFound
from shared.identity import Caller, Role
from shared.migrations import upgrade
from support.commands import executor_on

KIND = LetterKind(
    code="sample",
    title="Beispiel",
    purpose="ein Beispiel",
    subject_line="Antrag für {{ haushalt }}",
    body="Betrag: {{ betrag }}",
    placeholders=(
        placeholder("haushalt", "Zeichen", "Haushalt ad07fd63"),
        placeholder("betrag", "Betrag", "2.340,00 €"),
    ),
)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


# ---------------------------------------------------------------- templates


def test_a_template_renders_with_its_placeholders() -> None:
    rendered = render_text("Betrag: {{ betrag }} für {{ haushalt }}", KIND.samples, KIND.names)
    assert rendered == "Betrag: 2.340,00 € für Haushalt ad07fd63"
    assert check(KIND, KIND.subject_line, KIND.body) == {}


def test_an_unknown_placeholder_is_refused_at_its_field_naming_it() -> None:
    errors = check(KIND, "Antrag {{ haushalt }}", "Sehr geehrte Frau {{ nachname }},")
    assert list(errors) == ["body"]
    assert "{{ nachname }}" in errors["body"]
    assert errors["body"].startswith("Unbekannter Platzhalter")


def test_a_syntax_error_names_its_line() -> None:
    errors = check(KIND, "Antrag", "Zeile eins\nZeile zwei\nBetrag {{ betrag }")
    assert errors["body"].startswith("Zeile 3:")


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ betrag.__class__.__init__.__globals__ }}",
        "{{ 'x' * 100000000 }}",
        "{{ betrag * 1000 }}",
    ],
)
def test_the_sandbox_refuses_to_reach_python(source: str) -> None:
    with pytest.raises(TemplateRefused) as refused:
        render_text(source, KIND.samples, KIND.names)
    assert "Platzhalter" in refused.value.message or "zu lang" in refused.value.message
    assert check(KIND, "Betreff", source).keys() == {"body"}


def test_the_page_templates_environment_is_not_used() -> None:
    # A page global (`provider_name`, `_`) is no placeholder of a letter.
    assert "{{ _ }}" in check(KIND, "Betreff", "{{ _('x') }}")["body"]


# ---------------------------------------------------------------- the PDF


LETTER = Letter(
    title="Antrag",
    sender=("Stadt Köln", "Amt für Wohnungswesen"),
    recipient=("Jobcenter Köln",),
    place="Köln",
    day=date(2026, 12, 7),
    subject_line="Antrag für Amal Đorđević und Ayşe Ağaoğlu",
    body="Zeile eins\n\nZeile zwei mit Łódź",
    signature="Stadt Köln",
    reference="Zeichen: Haushalt ad07fd63",
)


@pytest.mark.skipif(not (letters.FONT_DIR / "DejaVuSans.ttf").exists(), reason="fonts-dejavu-core")
def test_latin_extended_names_print_as_given() -> None:
    text = text_of(letter_pdf(LETTER))
    for expected in (
        "Amal Đorđević",
        "Ayşe Ağaoğlu",
        "Łódź",
        "Köln, den 07.12.2026",
        "Mit freundlichen Grüßen",
        "Jobcenter Köln",
    ):
        assert expected in text


def test_without_dejavu_the_nearest_letters_print(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(letters, "FONT_DIR", tmp_path)
    text = text_of(letter_pdf(LETTER))
    assert "Amal Dordevic" in text and "Ayse Agaoglu" in text


# ---------------------------------------------------------------- placement's letters


def caller(role: Role, provider: str | None = None, city: str = "koeln") -> Caller:
    return Caller(
        user_id=f"{role}-1", role=role, municipality=city, provider=provider, correlation_id=uuid4()
    )


COORDINATOR = caller(Role.coordinator)
CARITAS = caller(Role.caseworker, "caritas")
DRK = caller(Role.caseworker, "drk")
HID = UUID("00000000-0000-4000-8000-0000000000c1")


@dataclass
class Setup:
    commands: CommandExecutor
    letters: PlacementLetters
    offer_id: UUID
    guarantee_id: UUID


@pytest.fixture
async def s(tmp_path: Path) -> AsyncIterator[Setup]:
    url = f"sqlite+aiosqlite:///{tmp_path}/placement.db"
    await asyncio.to_thread(upgrade, MIGRATIONS, url)
    db = Database(url)
    commands = executor_on(db)
    try:
        landlord = await Landlords(commands).register(
            c.RegisterLandlord(kind=c.LandlordKind.private, name="Haus Brandt"), COORDINATOR
        )
        received = c.ReceiveOffer.model_validate(
            {
                "landlord_id": landlord.landlord_id,
                "district": "kalk",
                "rooms": 3,
                "size_m2": 70,
                "cold_rent": 600,
                "running_costs": 150,
                "available_from": today().isoformat(),
                "wbs_required": False,
                "source": "private_landlord",
                "street_address": "Kalker Hauptstraße 12",
            }
        )
        offer_id = (await Offers(commands).receive(received, COORDINATOR)).offer_id
        async with db.transaction() as conn:
            await conn.execute(
                insert(candidate_households).values(
                    household_id=HID,
                    municipality="koeln",
                    provider="caritas",
                    adults=2,
                    minors=3,
                    registered_on=date(2025, 1, 2),
                    has_wbs=True,
                )
            )
        proposals = Proposals(commands)
        await proposals.propose(offer_id, c.ProposeHouseholds(household_ids=[HID]), CARITAS)
        guarantee = await proposals.request_guarantee(
            offer_id,
            c.RequestGuarantee(
                household_id=HID,
                kind=c.GuaranteeKind.deposit,
                requested_from=c.GuaranteeAuthority.jobcenter,
                amount=Decimal("1800"),
                funding=c.GuaranteeFunding.loan,
            ),
            COORDINATOR,
        )
        yield Setup(commands, PlacementLetters(commands), offer_id, guarantee.guarantee_id)
    finally:
        await db.dispose()


def pdf_text(answer: LetterFile) -> str:
    return text_of(base64.b64decode(answer.content_base64))


async def kept_text(s: Setup, answer: LetterFile) -> str:
    """The letter as kept with the offer's documents (the coordination's download)."""
    assert answer.document_id is not None and answer.content_base64 == ""
    query = FetchDocument(subject_id=s.offer_id, document_id=answer.document_id)
    kept = await OfferDocuments(s.commands).fetch(query, COORDINATOR)
    assert kept.media_type == "application/pdf" and kept.file_name == answer.file_name
    return text_of(kept.content)


async def kept_text_of(s: Setup, answer: LetterFile) -> str:
    assert answer.document_id is not None
    query = FetchDocument(subject_id=s.offer_id, document_id=answer.document_id)
    return text_of((await OfferDocuments(s.commands).fetch(query, COORDINATOR)).content)


async def test_the_guarantee_letter_says_what_was_requested_and_is_kept(s: Setup) -> None:
    request = WriteLetter(kind="guarantee_request", subject_id=s.offer_id, about=s.guarantee_id)
    answer = await s.letters.write(request, COORDINATOR)
    assert answer.file_name.endswith(".pdf") and answer.media_type == "application/pdf"
    text = await kept_text(s, answer)
    listed = await OfferDocuments(s.commands).listing(
        ListDocuments(subject_id=s.offer_id), COORDINATOR
    )
    assert [(d.kind, d.file_name) for d in listed.documents] == [
        (DocumentKind.letter, answer.file_name)
    ]
    for expected in (
        "Jobcenter Köln",
        "Antrag auf Kautionsübernahme",
        "1.800,00 €",
        "Darlehen",
        "Kalker Hauptstraße 12",
        "750,00 €",
        f"Haushalt {HID.hex[:8]}",
        "5 Personen",
    ):
        assert expected in text, expected
    with pytest.raises(Forbidden):
        await s.letters.write(request, CARITAS)


async def test_a_saved_template_wins_over_the_default_for_its_municipality_only(
    s: Setup,
) -> None:
    body = "Bitte übernehmen Sie {{ betrag }} für {{ haushalt }}. Eilt sehr Qzvx."
    save = SaveLetterTemplate(kind="guarantee_request", subject_line="Eilantrag", body=body)
    await s.letters.save(save, COORDINATOR)
    listed = {t.kind: t for t in (await s.letters.templates(COORDINATOR)).templates}
    assert listed["guarantee_request"].body == body
    assert listed["guarantee_request"].updated_by == COORDINATOR.user_id
    assert listed["proposal"].updated_at is None
    request = WriteLetter(kind="guarantee_request", subject_id=s.offer_id, about=s.guarantee_id)
    text = await kept_text(s, await s.letters.write(request, COORDINATOR))
    assert "Eilt sehr Qzvx" in text and "Eilantrag" in text
    # Bergisch Gladbach still has the default.
    other = await s.letters.templates(caller(Role.coordinator, city="bergisch-gladbach"))
    assert {t.kind: t for t in other.templates}["guarantee_request"].updated_at is None
    # Saved again: one row, the new text.
    await s.letters.save(save.model_copy(update={"body": "Neu {{ haushalt }}"}), COORDINATOR)
    text = await kept_text(s, await s.letters.write(request, COORDINATOR))
    assert "Neu Haushalt" in text and "Qzvx" not in text


async def test_saving_refuses_an_unknown_placeholder_and_a_caseworker(s: Setup) -> None:
    save = SaveLetterTemplate(
        kind="guarantee_request", subject_line="Antrag", body="Frau {{ nachname }}"
    )
    with pytest.raises(FieldRefused) as refused:
        await s.letters.save(save, COORDINATOR)
    assert refused.value.field == "body" and "{{ nachname }}" in refused.value.message
    with pytest.raises(FieldRefused) as unknown:
        await s.letters.save(save.model_copy(update={"kind": "mahnung"}), COORDINATOR)
    assert unknown.value.field == "kind"
    with pytest.raises(Forbidden):
        await s.letters.save(save.model_copy(update={"body": "{{ haushalt }}"}), CARITAS)
    with pytest.raises(Forbidden):
        await s.letters.templates(CARITAS)


async def test_the_proposal_letter_names_no_person_and_stays_with_the_provider(
    s: Setup,
) -> None:
    request = WriteLetter(kind="proposal", subject_id=s.offer_id, about=HID)
    # The caseworker reads no offer documents: the letter itself comes back (and is kept
    # for the coordination all the same).
    answer = await s.letters.write(request, CARITAS)
    text = pdf_text(answer)
    assert answer.document_id is not None
    assert text == await kept_text_of(s, answer)
    for expected in ("Haus Brandt", "2 Erwachsene, 3 Kinder", "liegt vor", "Caritas"):
        assert expected in text, expected
    with pytest.raises(NotFound):
        await s.letters.write(request, DRK)
    with pytest.raises(NotFound):
        await s.letters.write(request.model_copy(update={"about": uuid4()}), COORDINATOR)
    with pytest.raises(NotFound):
        await s.letters.write(request, caller(Role.coordinator, city="bergisch-gladbach"))


def test_every_default_template_renders_with_its_samples() -> None:
    books = (placement_letters.LETTERS, volunteer_letters.LETTERS, prevention_letters.LETTERS)
    kinds = [kind for book in books for kind in book.kinds.values()]
    assert {kind.code for kind in kinds} == {
        "guarantee_request",
        "proposal",
        "certificate",
        "home_visit",
    }
    for kind in kinds:
        assert check(kind, kind.subject_line, kind.body) == {}, kind.code
