"""Requests of the intake context. See the package docstring."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from shared.contracts.inputs import BirthDate, Deadline, Line, Text, WorkDay, age_on
from shared.contracts.intake import labels
from shared.contracts.intake.codes import (
    AccommodationKind,
    AgeBand,
    CompositionChange,
    CriterionRating,
    DeregistrationReason,
    DistrictCode,
    DuplicateStatus,
    LanguageCode,
    MemberRole,
    ProviderCode,
    ReadinessCriterion,
    ReadinessResult,
    ResidenceOutlook,
)


class Accommodation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: AccommodationKind = Field(description="Art der Unterkunft")
    site: Line | None = Field(
        default=None,
        max_length=120,
        description="Standort der Unterkunft (Kennung, keine Privatadresse)",
    )


class Member(BaseModel):
    """A person of the household. Names and birth date are personal data."""

    model_config = ConfigDict(extra="forbid")

    role: MemberRole = Field(description="Rolle im Haushalt")
    age_band: AgeBand = Field(description="Altersgruppe")
    given_name: Line | None = Field(default=None, max_length=100, description="Vorname")
    family_name: Line | None = Field(default=None, max_length=100, description="Nachname")
    birth_date: BirthDate | None = Field(default=None, description="Geburtsdatum")


# Completed years a person of each age band has, first and last.
_BAND_YEARS: dict[AgeBand, tuple[int, int]] = {
    AgeBand.under_6: (0, 5),
    AgeBand.age_6_17: (6, 17),
    AgeBand.age_18_26: (18, 26),
    AgeBand.age_27_64: (27, 64),
    AgeBand.age_65_plus: (65, 130),
}


def _years(age: int) -> str:
    return "1 Jahr" if age == 1 else f"{age} Jahre"


def birth_date_problem(birth_date: date, band: AgeBand, day: date, title: str) -> str | None:
    """Why `birth_date` cannot be right for a person of `band` on `day` (the day the band
    was recorded: the registration's, the change's), in words a social worker reads; None
    if it fits. `title` names the day ("Tag der Aufnahme")."""
    on = f"{title} ({_german(day)})"
    if birth_date > day:
        return f"Das Geburtsdatum {_german(birth_date)} liegt nach dem {on}."
    first, last = _BAND_YEARS[band]
    age = age_on(birth_date, day)
    if first <= age <= last:
        return None
    return (
        f"Nach dem Geburtsdatum war die Person am {on} {_years(age)} alt — das passt nicht "
        f"zur Altersgruppe „{labels.AGE_BAND[band.value]}“."
    )


def birth_date_problem_between(
    birth_date: date, band: AgeBand, first_day: date, last_day: date
) -> str | None:
    """As `birth_date_problem` for a band recorded on some day between `first_day` (the
    registration) and `last_day` (today): a person who joined later was given the band on
    the day they joined, which intake does not keep; the date must fit on one of them."""
    first, last = _BAND_YEARS[band]
    band_text = labels.AGE_BAND[band.value]
    if age_on(birth_date, first_day) > last:
        age = age_on(birth_date, first_day)
        return (
            f"Nach dem Geburtsdatum war die Person schon am Tag der Aufnahme "
            f"({_german(first_day)}) {_years(age)} alt — das passt nicht zur Altersgruppe "
            f"„{band_text}“."
        )
    if age_on(birth_date, last_day) < first:
        age = max(age_on(birth_date, last_day), 0)
        return (
            f"Nach dem Geburtsdatum ist die Person heute erst {_years(age)} alt — das passt "
            f"nicht zur Altersgruppe „{band_text}“."
        )
    return None


def _german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _ages_fit_bands(members: list[Member], day: date | None, title: str) -> list[Member]:
    """Refuse a birth date that contradicts the member's age band on `day` (the day of
    registration or of the change, in Berlin time as every business day), at the
    member's `birth_date`."""
    if day is None:  # the day itself was refused; that error says enough
        return members
    errors = []
    for index, member in enumerate(members):
        if member.birth_date is None:
            continue
        problem = birth_date_problem(member.birth_date, member.age_band, day, title)
        if problem is not None:
            errors.append(
                InitErrorDetails(
                    # The sentence is complete; braces in it are not placeholders.
                    type=PydanticCustomError("birth_date_age_band", problem.replace("{", "(")),
                    loc=(index, "birth_date"),
                    input=member.birth_date,
                )
            )
    if errors:
        raise ValidationError.from_exception_data("Member", errors)
    return members


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: str | None = Field(default=None, max_length=40, pattern=r"^[0-9 +()/-]{4,40}$")
    email: EmailStr | None = None


class Consent(BaseModel):
    """Einwilligung in die Datenverarbeitung (personenbezogen: bleibt in intake)."""

    model_config = ConfigDict(extra="forbid")

    purpose: Line = Field(min_length=3, max_length=300, description="Zweck der Verarbeitung")
    given_on: WorkDay = Field(description="Tag der Einwilligung")
    given_by: Line = Field(min_length=2, max_length=120, description="Wer eingewilligt hat")
    withdrawn_on: WorkDay | None = Field(default=None, description="Tag des Widerrufs")

    @field_validator("withdrawn_on")
    @classmethod
    def _withdrawn_after_given(cls, value: date | None, info: ValidationInfo) -> date | None:
        given_on = info.data.get("given_on")
        if value is not None and given_on is not None and value < given_on:
            raise ValueError("Der Widerruf liegt vor der Einwilligung.")
        return value

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


class RegisterHousehold(BaseModel):
    """Nimmt einen Haushalt ins Auszugsmanagement auf."""

    model_config = ConfigDict(extra="forbid")

    household_id: UUID | None = Field(
        default=None,
        description="Optional: vom Client vergebene Kennung (idempotente Wiederholung)",
    )
    provider: ProviderCode
    registered_on: WorkDay = Field(description="Tag der Aufnahme (zählt für die Jahreszahlen)")
    accommodation: Accommodation
    members: list[Member] = Field(min_length=1, max_length=30, description="Haushaltsmitglieder")
    contact: Contact | None = None
    note: Text | None = Field(default=None, max_length=4000, description="Freitext-Notiz")
    wbs: bool = Field(default=False, description="Wohnberechtigungsschein (WBS) vorhanden")
    wbs_valid_until: Deadline | None = Field(default=None, description="WBS gültig bis")
    residence_outlook: ResidenceOutlook = Field(
        default=ResidenceOutlook.unknown, description="Bleibeperspektive"
    )
    languages: list[LanguageCode] = Field(
        default_factory=list, max_length=10, description="Sprachen des Haushalts"
    )
    consent: Consent | None = Field(default=None, description="Einwilligung Datenverarbeitung")
    accessible_flat_needed: bool | None = Field(
        default=None, description="Braucht eine barrierefreie Wohnung (leer: nicht erfasst)"
    )
    preferred_districts: list[DistrictCode] = Field(
        default_factory=list,
        max_length=20,
        description="Wunsch-Stadtteile (Kennungen der Kommune, z. B. `kalk`); leer: jeder",
    )

    @field_validator("members")
    @classmethod
    def _exactly_one_head(cls, members: list[Member], info: ValidationInfo) -> list[Member]:
        if sum(1 for m in members if m.role is MemberRole.head) != 1:
            raise ValueError(
                "Ein Haushalt braucht genau einen Haushaltsvorstand: bitte bei genau einer "
                "Person die Rolle „Haushaltsvorstand“ wählen."
            )
        return _ages_fit_bands(members, info.data.get("registered_on"), "Tag der Aufnahme")

    @field_validator("wbs_valid_until")
    @classmethod
    def _only_with_wbs(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is not None and not info.data.get("wbs"):
            raise ValueError(
                "Ein Gültigkeitsdatum gibt es nur, wenn ein WBS vorhanden ist: bitte "
                "„WBS vorhanden“ ankreuzen oder das Datum leer lassen."
            )
        return value

    @field_validator("languages")
    @classmethod
    def _once_each(cls, languages: list[str]) -> list[str]:
        return list(dict.fromkeys(languages))

    @field_validator("preferred_districts")
    @classmethod
    def _districts_once(cls, districts: list[str]) -> list[str]:
        return list(dict.fromkeys(districts))


class ChangeCompositionBody(BaseModel):
    """Ändert die Zusammensetzung: Geburt, Zuzug oder Wegzug von Personen."""

    model_config = ConfigDict(extra="forbid")

    change: CompositionChange = Field(description="Art der Änderung")
    changed_on: WorkDay = Field(description="Tag der Änderung")
    joining: list[Member] = Field(
        default_factory=list,
        max_length=20,
        validate_default=True,
        description="Neue Personen (bei Geburt und Zuzug)",
    )
    leaving: list[UUID] = Field(
        default_factory=list,
        max_length=30,
        validate_default=True,
        description="Kennungen (member_id) der Personen, die wegziehen",
    )
    new_head: UUID | None = Field(
        default=None,
        description="member_id des künftigen Haushaltsvorstands, wenn der bisherige wegzieht",
    )

    @field_validator("joining")
    @classmethod
    def _joining_fits_change(cls, joining: list[Member], info: ValidationInfo) -> list[Member]:
        change = info.data.get("change")
        if change in (CompositionChange.birth, CompositionChange.joined) and not joining:
            raise ValueError("Bitte die neuen Personen angeben.")
        if change is CompositionChange.moved_away and joining:
            raise ValueError("Bei einem Wegzug kommen keine Personen hinzu.")
        if any(m.role is MemberRole.head for m in joining):
            raise ValueError("Neue Personen können nicht Haushaltsvorstand sein.")
        return _ages_fit_bands(joining, info.data.get("changed_on"), "Tag der Änderung")

    @field_validator("leaving")
    @classmethod
    def _leaving_fits_change(cls, leaving: list[UUID], info: ValidationInfo) -> list[UUID]:
        change = info.data.get("change")
        if change is CompositionChange.moved_away and not leaving:
            raise ValueError("Bitte angeben, wer wegzieht (member_id).")
        if change is not CompositionChange.moved_away and leaving:
            raise ValueError("Nur bei einem Wegzug verlassen Personen den Haushalt.")
        if len(set(leaving)) != len(leaving):
            raise ValueError("Jede Person nur einmal angeben.")
        return leaving


class ChangeComposition(ChangeCompositionBody):
    household_id: UUID


class ChangeAccommodationBody(BaseModel):
    """Hält fest, dass der Haushalt in eine andere Unterkunft umgezogen ist."""

    model_config = ConfigDict(extra="forbid")

    accommodation: Accommodation
    moved_on: WorkDay = Field(description="Tag des Umzugs")


class ChangeAccommodation(ChangeAccommodationBody):
    household_id: UUID


class HandOverHouseholdBody(BaseModel):
    """Übergibt den Haushalt an einen anderen Träger (nur Koordination)."""

    model_config = ConfigDict(extra="forbid")

    to_provider: ProviderCode
    handed_over_on: WorkDay = Field(description="Ab diesem Tag zuständig")


class HandOverHousehold(HandOverHouseholdBody):
    household_id: UUID


class DeregisterHouseholdBody(BaseModel):
    """Meldet den Haushalt aus dem Auszugsmanagement ab."""

    model_config = ConfigDict(extra="forbid")

    reason: DeregistrationReason = Field(description="Grund der Abmeldung")
    deregistered_on: WorkDay = Field(description="Tag der Abmeldung")
    note: Text | None = Field(default=None, max_length=4000, description="Freitext-Notiz")


class DeregisterHousehold(DeregisterHouseholdBody):
    household_id: UUID


class AssessHousingReadinessBody(BaseModel):
    """Hält eine Einschätzung der Wohnfähigkeit fest (alle Kriterien, Ergebnis, Tag)."""

    model_config = ConfigDict(extra="forbid")

    assessed_on: WorkDay = Field(description="Tag der Einschätzung")
    criteria: dict[ReadinessCriterion, CriterionRating] = Field(
        description="Bewertung je Kriterium: met, partly, not_met"
    )
    result: ReadinessResult = Field(description="Ergebnis")
    note: Text | None = Field(default=None, max_length=4000, description="Freitext-Notiz")

    @field_validator("criteria")
    @classmethod
    def _every_criterion(
        cls, criteria: dict[ReadinessCriterion, CriterionRating]
    ) -> dict[ReadinessCriterion, CriterionRating]:
        missing = [c.value for c in ReadinessCriterion if c not in criteria]
        if missing:
            raise ValueError(f"Bitte alle Kriterien bewerten; es fehlt: {', '.join(missing)}.")
        return {c: criteria[c] for c in ReadinessCriterion}


class AssessHousingReadiness(AssessHousingReadinessBody):
    household_id: UUID


class DuplicateDecision(BaseModel):
    """Entscheidung über einen möglichen Doppelfall (nur Koordination)."""

    household_id: UUID
    other_household_id: UUID


class ListDuplicates(BaseModel):
    status: DuplicateStatus | None = Field(
        default=DuplicateStatus.open, description="Nur Fälle mit diesem Stand (leer: alle)"
    )


class HouseholdRef(BaseModel):
    household_id: UUID


class GetHousehold(BaseModel):
    household_id: UUID


class AssignCaseworkerBody(BaseModel):
    """Legt fest, wer den Haushalt betreut („zuständig“); leer: niemand."""

    model_config = ConfigDict(extra="forbid")

    # A pseudonym (a UUID, or "oidc:…"): printable ASCII without spaces.
    caseworker: str | None = Field(
        default=None,
        min_length=1,
        max_length=120,
        pattern=r"^[!-~]+$",
        description="Die Kennung, unter der die Dienste die Fachkraft kennen (Pseudonym)",
    )


class AssignCaseworker(AssignCaseworkerBody):
    household_id: UUID
