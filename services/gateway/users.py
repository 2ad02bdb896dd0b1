"""Staff accounts from the command line (the gateway's database, `AUSZUG_GATEWAY_*`):
for the first admin of a municipality and for scripts. Everyone else is added by that
admin in the browser, „Konten“ (`/ui/konten`, services/gateway/accounts/).

    python -m services.gateway.users add --login m.muster --role caseworker \\
        --municipality koeln --provider caritas [--name "M. Muster"] [--password-stdin] \\
        [--email m.muster@caritas-koeln.de]
    python -m services.gateway.users disable --login m.muster

Without `--password-stdin` the password is asked for twice at a prompt, never taken from
the command line (it would land in the shell history and the process list).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from datetime import UTC, datetime
from uuid import uuid4

from email_validator import EmailNotValidError, validate_email

from services.gateway.adapters import MIGRATIONS
from services.gateway.adapters.users import Account, add_user, find_by_login, set_active
from services.gateway.auth.passwords import hash_password, weakness
from services.gateway.settings import GatewaySettings
from shared.db import Database
from shared.identity import Role
from shared.migrations import upgrade


class UsageError(Exception):
    pass


def account_from(args: argparse.Namespace, password: str) -> Account:
    """Check the account's scope against its role, in German, before anything is stored."""
    role = Role(args.role)
    if role is Role.caseworker and not args.provider:
        raise UsageError("Eine Fachkraft braucht ihren Träger (--provider).")
    if role in (Role.coordinator, Role.analyst, Role.admin, Role.housing_office) and args.provider:
        raise UsageError(f"Die Rolle {role.value} gehört zu keinem Träger (--provider weglassen).")
    problem = weakness(password, [args.login, args.name or "", args.municipality])
    if problem:
        raise UsageError(problem)
    email = None
    if args.email:
        try:
            email = validate_email(args.email, check_deliverability=False).normalized
        except EmailNotValidError as exc:
            raise UsageError(f"Die E-Mail-Adresse {args.email} ist ungültig: {exc}") from exc
    return Account(
        user_id=uuid4(),
        login=args.login.strip().lower(),
        password_hash=hash_password(password),
        role=role,
        municipality=args.municipality,
        provider=args.provider,
        display_name=args.name,
        email=email,
    )


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Passwort: ")
    if getpass.getpass("Passwort wiederholen: ") != first:
        raise UsageError("Die Passwörter stimmen nicht überein.")
    return first


async def _add(db: Database, account: Account) -> None:
    async with db.transaction() as conn:
        if await find_by_login(conn, account.login):
            raise UsageError(f"Den Anmeldenamen {account.login} gibt es schon.")
        await add_user(conn, account, datetime.now(UTC))


async def _disable(db: Database, login: str) -> None:
    async with db.transaction() as conn:
        if not await set_active(conn, login.strip().lower(), False):
            raise UsageError(f"Den Anmeldenamen {login} gibt es nicht.")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m services.gateway.users")
    commands = p.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="Konto anlegen")
    add.add_argument("--login", required=True)
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--municipality", required=True)
    add.add_argument("--provider")
    add.add_argument("--name", help="Anzeigename")
    add.add_argument("--password-stdin", action="store_true")
    add.add_argument("--email", help="E-Mail-Adresse für Benachrichtigungen")
    disable = commands.add_parser("disable", help="Konto sperren (Sitzungen enden)")
    disable.add_argument("--login", required=True)
    return p


async def _run(args: argparse.Namespace, db: Database) -> str:
    try:
        if args.command == "add":
            account = account_from(args, read_password(args.password_stdin))
            await _add(db, account)
            return f"Konto {account.login} angelegt ({account.role.value})."
        await _disable(db, args.login)
        return f"Konto {args.login} gesperrt."
    finally:
        await db.dispose()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    db = Database(GatewaySettings().gateway_database)
    upgrade(MIGRATIONS, db.url)
    try:
        print(asyncio.run(_run(args, db)))
    except UsageError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
