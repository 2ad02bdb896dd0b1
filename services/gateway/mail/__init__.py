"""E-mail to staff (issue 15): the immediate mail when someone else assigns a follow-up
to me, the daily overview of what is due, the outbox both go through, and „Mein Konto“
where a person sets their address.

Mail is sent from the gateway because only the gateway knows people and their
addresses: the services know staff by pseudonymous ids (docs/architecture.md, "E-mail").
"""

from __future__ import annotations

from fastapi import APIRouter

from services.gateway.mail import account

routers: list[APIRouter] = [account.router]
