"""The form for a consultation outside an office hour (an individual appointment, a call, an
e-mail) on the volunteer programme's overview: its fields, its blank values and the request
it sends (posted and refused by overview.py, which shows it)."""

from __future__ import annotations

from services.gateway.web.submit import filled, form_values
from shared.clock import today
from shared.identity import Caller

FIELDS = (
    "provider",
    "held_on",
    "appointment",
    "channel",
    "visitor",
    "topic",
    "duration_minutes",
    "tandem_id",
    "household_id",
    # The arranged appointment this consultation settles ("als Beratung erfassen").
    "appointment_id",
)
ANCHOR = "einzeltermin"


def blank_form(caller: Caller) -> dict[str, str]:
    """The empty form: the caller's provider, today, an individual appointment in person."""
    start = {
        "provider": caller.provider or "",
        "held_on": today().isoformat(),
        "appointment": "on",
        "channel": "in_person",
    }
    return form_values(start, FIELDS)


def consultation_body(values: dict[str, str]) -> dict[str, object]:
    """The body of `record_consultation`; an unticked box is not sent by the browser."""
    body: dict[str, object] = {**filled(values, *FIELDS)}
    body["provider"] = values["provider"]
    body["appointment"] = bool(values["appointment"])
    return body
