"""The rules of account administration, as plain functions (accounts/pages.py applies them,
tests/unit/test_gateway_accounts.py states them).

What "no account can grant more than its own rights" means on this platform: every role
is scoped to one municipality, and the `admin` of a municipality is the top of that
municipality — it reads all of it and manages its accounts. An admin may therefore give
any role *of its own municipality*, `admin` included (the ceiling: its own rights), but
never an account of another municipality, a provider the municipality does not have, or
anything outside a municipality (there is no platform-wide role yet; onboarding a new
municipality will be the platform admin's, not a municipal admin's). Only an admin
manages accounts at all. Scope rules of a role (a caseworker belongs to exactly one
provider of the municipality) hold for every account an admin saves.

Accounts of the city's OpenID provider take role and scope from the provider's token at
each sign-in, and have no password here: an admin may deactivate them, nothing else.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from enum import StrEnum

from email_validator import EmailNotValidError, validate_email

from services.gateway.adapters.users import Account
from services.gateway.web.i18n import N_
from shared.contracts.places import providers_of
from shared.identity import Caller, Role


class Change(StrEnum):
    """What an admin changed on an account (the `what` of `account_changes`)."""

    created = "created"
    role = "role"
    provider = "provider"
    name = "name"
    email = "email"
    deactivated = "deactivated"
    reactivated = "reactivated"
    password_reset = "password_reset"
    # By the person themselves, replacing the one-time password (accounts/password.py).
    password_changed = "password_changed"


CHANGES = {
    Change.created: N_("Konto angelegt"),
    Change.role: N_("Rolle geändert"),
    Change.provider: N_("Träger geändert"),
    Change.name: N_("Anzeigename geändert"),
    Change.email: N_("E-Mail-Adresse geändert"),
    Change.deactivated: N_("Konto deaktiviert, Sitzungen beendet"),
    Change.reactivated: N_("Konto wieder aktiviert"),
    Change.password_reset: N_("Passwort zurückgesetzt, Sitzungen beendet"),
    Change.password_changed: N_("Eigenes Passwort gewählt"),
}

# A caseworker works for exactly one provider; a volunteer may be placed by one; the
# other roles act for the whole municipality and have none.
NEEDS_PROVIDER = frozenset({Role.caseworker})
MAY_HAVE_PROVIDER = frozenset({Role.caseworker, Role.volunteer})

# The fields of the account form (the login only when the account is created).
FORM_FIELDS = ("login", "role", "provider", "display_name", "email")
LOGIN = re.compile(r"[a-z0-9][a-z0-9._@-]{1,119}")
NAME_MAX = 120
ADDRESS_MAX = 254

BAD_LOGIN = N_(
    "Bitte einen Anmeldenamen aus Kleinbuchstaben, Ziffern und . _ - @ angeben, "
    "2 bis 120 Zeichen, z. B. m.muster."
)
LOGIN_TAKEN = N_(
    "Diesen Anmeldenamen gibt es schon. Bitte einen anderen wählen, z. B. mit dem "
    "Anfangsbuchstaben des Vornamens (m.muster2 oder ma.muster)."
)
NO_ROLE = N_("Bitte die Rolle wählen.")
PROVIDER_MISSING = N_("Eine Fachkraft arbeitet für einen Träger: bitte ihren Träger wählen.")
PROVIDER_NOT_ALLOWED = N_(
    "Diese Rolle arbeitet für die ganze Kommune, nicht für einen Träger: bitte „kein "
    "Träger“ wählen."
)
PROVIDER_UNKNOWN = N_("Diesen Träger gibt es in Ihrer Kommune nicht. Bitte aus der Liste wählen.")
NAME_TOO_LONG = N_("Der Anzeigename darf höchstens 120 Zeichen lang sein.")
BAD_ADDRESS = N_(
    "Bitte eine vollständige E-Mail-Adresse angeben, z. B. m.muster@caritas-koeln.de "
    "(oder das Feld leeren: dann bekommt das Konto keine E-Mails)."
)
NOT_YOURS = N_("Konten anderer Kommunen verwaltet deren eigene Administration.")
ADMIN_ONLY = N_("Konten verwaltet nur die Administration der Kommune.")
LAST_ADMIN = N_(
    "Sie sind die letzte aktive Administration dieser Kommune: Sie können sich weder "
    "deaktivieren noch Ihre Rolle abgeben. Bitte zuerst ein weiteres Konto mit der Rolle "
    "„Administration“ anlegen."
)
FROM_PROVIDER = N_(
    "Dieses Konto meldet sich über den Anmeldedienst der Stadt an: Rolle, Träger und "
    "Passwort kommen von dort. Hier lässt es sich nur deaktivieren oder wieder aktivieren."
)


@dataclass(frozen=True)
class Draft:
    """An account's fields as an admin submits them, checked (`account_form`)."""

    role: Role
    provider: str | None
    display_name: str | None
    email: str | None


def manages(admin: Caller, account: Account) -> bool:
    """Whether `admin` may see and change `account` at all (else the page is 404: an
    account of another municipality is not even confirmed to exist)."""
    return admin.role is Role.admin and account.municipality == admin.municipality


def grant_problem(granter: Caller, role: Role, municipality: str) -> str | None:
    """Why `granter` may not give `role` in `municipality` (None: it may): only an admin
    grants, and only within its own municipality — `admin` of it is the most it has."""
    if granter.role is not Role.admin:
        return ADMIN_ONLY
    if municipality != granter.municipality:
        return NOT_YOURS
    return None


def scope_problems(role: Role, provider: str | None, municipality: str) -> dict[str, str]:
    """The provider field's problem for this role, by field name (empty: none)."""
    if provider and provider not in providers_of(municipality):
        return {"provider": PROVIDER_UNKNOWN}
    if role in NEEDS_PROVIDER and not provider:
        return {"provider": PROVIDER_MISSING}
    if provider and role not in MAY_HAVE_PROVIDER:
        return {"provider": PROVIDER_NOT_ALLOWED}
    return {}


def last_admin_problem(
    account: Account, role: Role, active: bool, other_active_admins: int
) -> str | None:
    """Refuses a change that would leave the municipality without an active admin: nobody
    could manage its accounts any more. Only an active admin changes accounts, so this is
    an admin taking away their own role or deactivating themselves."""
    was_admin = account.active and account.role is Role.admin
    stays_admin = active and role is Role.admin
    if was_admin and not stays_admin and other_active_admins == 0:
        return LAST_ADMIN
    return None


def login_problem(login: str) -> str | None:
    return None if LOGIN.fullmatch(login) else BAD_LOGIN


def account_form(form: dict[str, str], municipality: str) -> tuple[Draft | None, dict[str, str]]:
    """The role, provider, name and address of a submitted form, or the messages at the
    fields (the words a person understands, never a field name)."""
    errors: dict[str, str] = {}
    role: Role | None = None
    try:
        role = Role(form.get("role", ""))
    except ValueError:
        errors["role"] = NO_ROLE
    provider = form.get("provider", "").strip() or None
    if role is not None:
        errors |= scope_problems(role, provider, municipality)
    name = form.get("display_name", "").strip() or None
    if name and len(name) > NAME_MAX:
        errors["display_name"] = NAME_TOO_LONG
    email: str | None = None
    if address := form.get("email", "").strip():
        try:
            email = validate_email(address, check_deliverability=False).normalized
        except EmailNotValidError:
            email = None
        if email is None or len(email) > ADDRESS_MAX:
            errors["email"] = BAD_ADDRESS
    if errors or role is None:
        return None, errors
    return Draft(role=role, provider=provider, display_name=name, email=email), {}


def changes(account: Account, draft: Draft) -> list[tuple[Change, str | None]]:
    """What saving `draft` changes on `account`, each with the new code it records (a
    role's or provider's; None for name and address, which stay out of the history)."""
    found: list[tuple[Change, str | None]] = []
    if draft.role is not account.role:
        found.append((Change.role, draft.role.value))
    if draft.provider != account.provider:
        found.append((Change.provider, draft.provider))
    if draft.display_name != account.display_name:
        found.append((Change.name, None))
    if draft.email != account.email:
        found.append((Change.email, None))
    return found


# No letters that read alike (0/O, 1/l/I): the password is read out or copied by hand.
_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def one_time_password() -> str:
    """A new random password to be passed on: 5 groups of 4 from 57 characters (about
    117 bits), far beyond what the password rule (auth/passwords.py) asks."""
    groups = ("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(5))
    return "-".join(groups)
