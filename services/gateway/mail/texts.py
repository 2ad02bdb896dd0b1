"""The texts of the mails to staff, in German.

A mail leaves Auszug for a mail server and an inbox Auszug does not control, so it carries
no personal data of households (issue 15): no name, no birth date, no address, and no
text staff wrote (a follow-up's own text may name people). It says what kind of step is
due and when, names the subject by its pseudonymous short reference (8 hex digits, as
"Haushalt ad07fd63") and links to the page; what to do is read there, after signing in.

The mails are German whatever language a sender's browser shows: the recipient's is not
known, and German is the language of the offices using Auszug.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from uuid import UUID

from shared.contracts.followups import FollowUpItem, SubjectKind
from shared.contracts.intake.directory import short_id
from shared.contracts.reporting.labels import FOLLOW_UP

WRITTEN_LABEL = "Wiedervorlage"
FOOTER = (
    "Diese Nachricht enthält absichtlich keine Namen und keine Texte aus den Akten; "
    "was zu tun ist, steht in Auszug.\n"
    "Benachrichtigungen ein- oder ausschalten: {base}/ui/konto\n"
)


def day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def subject_title(kind: SubjectKind, subject_id: UUID, household_id: UUID | None) -> str:
    """ "Haushalt ad07fd63": the kind of subject and its short reference, never a name."""
    # Imported here: the "Heute" page's module imports the follow-up area, which sends
    # these mails.
    from services.gateway.reporting.today import SUBJECT_TITLES

    if household_id is not None:
        return SUBJECT_TITLES[SubjectKind.household] % {"short": short_id(household_id)}
    return SUBJECT_TITLES[kind] % {"short": short_id(subject_id)}


def _when(due_on: date, due_time: time | None) -> str:
    at = f", {due_time.strftime('%H:%M')} Uhr" if due_time is not None else ""
    return f"{day(due_on)}{at}"


@dataclass(frozen=True)
class Assigned:
    """A written follow-up someone else assigned to the recipient."""

    subject_kind: SubjectKind
    subject_id: UUID
    household_id: UUID | None
    due_on: date
    due_time: time | None
    page: str  # the subject's page, e.g. /ui/haushalte/<id>#wiedervorlagen


def assigned_mail(what: Assigned, base: str) -> tuple[str, str]:
    """Subject and body of "a follow-up was assigned to you"."""
    title = subject_title(what.subject_kind, what.subject_id, what.household_id)
    subject = f"Auszug: Wiedervorlage für Sie – {title}, fällig am {day(what.due_on)}"
    body = (
        "Guten Tag,\n\n"
        "in Auszug wurde Ihnen eine Wiedervorlage zugewiesen.\n\n"
        f"Zu: {title}\n"
        f"Fällig am: {_when(what.due_on, what.due_time)}\n"
        f"Öffnen: {base}{what.page}\n\n" + FOOTER.format(base=base)
    )
    return subject, body


@dataclass(frozen=True)
class DigestSection:
    heading: str
    items: Sequence[FollowUpItem]
    total: int


def _line(item: FollowUpItem, base: str) -> str:
    from services.gateway.reporting.today import settle_link  # see subject_title

    what = WRITTEN_LABEL if item.kind == "written" else FOLLOW_UP.get(str(item.kind), "Schritt")
    title = subject_title(item.subject_kind, item.subject_id, item.household_id)
    if item.days_overdue > 0:
        late = f", {item.days_overdue} {'Tag' if item.days_overdue == 1 else 'Tage'} überfällig"
    else:
        late = ", heute fällig"
    when = _when(item.due_on, item.due_time)
    return f"- {what} · {title} · fällig am {when}{late}\n  {base}{settle_link(item)}\n"


def digest_mail(sections: Sequence[DigestSection], on: date, base: str) -> tuple[str, str]:
    """Subject and body of the daily overview: each section with its items."""
    count = sum(section.total for section in sections)
    subject = f"Auszug: Ihre Übersicht für den {day(on)} – {count} fällig"
    parts = [f"Guten Tag,\n\nin Auszug ist am {day(on)} für Sie Folgendes fällig.\n"]
    for section in sections:
        if not section.total:
            continue
        parts.append(f"\n{section.heading} ({section.total})\n")
        parts.extend(_line(item, base) for item in section.items)
        more = section.total - len(section.items)
        if more > 0:
            parts.append(f"… und {more} weitere.\n")
    parts.append(f"\nAlles auf einen Blick: {base}/ui/heute\n\n" + FOOTER.format(base=base))
    return subject, "".join(parts)
