"""Restriction of processing (Art. 18 DSGVO, §84 SGB X) in the volunteer service.

While intake restricts a household, only a coordinator reads it here: its tandems and
the tandem household view answer 404 for everyone else (a volunteer included), and
lists leave them out. No new tandem is formed for it (409 for the coordinator, who
knows it is restricted; 404-like "unknown" for anyone else).

Tandems already active are NOT ended: restriction is not erasure. The household keeps
its volunteer once the restriction is lifted, and every figure stays as it was; the
coordinator may still end such a tandem.
"""

from __future__ import annotations

from shared.decider import RuleViolation
from shared.identity import Caller, Role


def sees_restricted(caller: Caller) -> bool:
    """Only a coordinator reads a household whose processing is restricted."""
    return caller.role is Role.coordinator


def hidden(caller: Caller, restricted: bool) -> bool:
    """Whether a (restricted) household is hidden from this caller."""
    return restricted and not sees_restricted(caller)


def refuse_new_tandem() -> None:
    raise RuleViolation(
        "household_restricted",
        "Die Verarbeitung dieses Haushalts ist eingeschränkt (Art. 18 DSGVO); "
        "ein neues Tandem kann erst nach Aufhebung der Einschränkung gebildet werden.",
    )
