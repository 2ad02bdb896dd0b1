"""The staff UI's languages: German (the source texts) and English.

Templates and UI modules are written in German; every visible text goes through
`gettext` (`{% trans %}…{% endtrans %}` or `_("…")` in a template, `_()`/`N_()` in
Python; a label held in data is shown with the filter `|t`, never `_(variable)`, see
`translated`), and the English catalogues in `locale/en/*.po` (one per area, merged) translate
them. A text missing from the catalogue shows in German — the catalogue test in
tests/unit/test_ui_catalogue.py fails first.

The locale is chosen per request (`?lang=en` — remembered in a cookie —, then the
cookie, then the browser's Accept-Language, else German) and held in a context variable
for the request's task, so label tables and the timeline translate without passing the
request around.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError, dates, negotiate_locale, numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from starlette.datastructures import URL, MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared import validation
from shared.contracts import inputs, places
from shared.contracts.labels import N_ as N_  # re-exported: the UI marks with it

GERMAN = "de"
ENGLISH = "en"
LOCALES = (GERMAN, ENGLISH)
LOCALE_NAMES = {GERMAN: "Deutsch", ENGLISH: "English"}
COOKIE = "auszug_lang"
CATALOGUES = Path(__file__).parent / "locale"
BERLIN = ZoneInfo("Europe/Berlin")

_current: ContextVar[str] = ContextVar("auszug_ui_locale", default=GERMAN)


@cache
def translations(locale: str) -> NullTranslations:
    """The merged catalogue of `locale`; German is the source and needs none."""
    if locale == GERMAN:
        return NullTranslations()
    merged: Translations | None = None
    for po_file in sorted((CATALOGUES / locale).glob("*.po")):
        with po_file.open("rb") as source:
            catalog = read_po(source, locale=locale)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        part = Translations(buffer)
        merged = part if merged is None else merged.merge(part)
    return merged if merged is not None else NullTranslations()


def current_locale() -> str:
    return _current.get()


def gettext(message: str) -> str:
    """`message` in the request's language (itself when there is no translation)."""
    if not message:
        return message
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(_current.get()).ngettext(singular, plural, count)


_ = gettext


class Verbatim(str):
    """A text a person typed (a name, a landlord) or one already in the request's
    language: templates show it as it is — escaped like any value — and never look it up
    in the catalogue (a member called "Kind" stays "Kind" in English)."""


def translated(text: str | None) -> str:
    """The template filter `t`: a label in the request's language, as a plain string.

    Jinja's own `_()` marks what it returns as safe HTML, which is right for a literal
    message but lets markup through when given data (issue 12, finding 3.10); this is
    for data and is escaped by autoescape like any other value.
    """
    if text is None:
        return ""
    if isinstance(text, Verbatim):
        return str.__str__(text)
    message = str(text)
    shown = gettext(message)
    if shown == message and _current.get() != GERMAN:
        # A validation message with a number ("Bitte mindestens 2 Zeichen eingeben."):
        # the catalogue holds its template.
        found = validation.parameterised(message, also=inputs.DATE_RULES)
        if found is not None:
            template, values = found
            shown = gettext(template).format(**{k: _day_of(v) for k, v in values.items()})
    return str.__str__(shown)


def _day_of(value: str) -> str:
    """A German day in a message ("01.01.2000") as the request's language writes it."""
    try:
        return format_date(datetime.strptime(value, "%d.%m.%Y").date())
    except ValueError:
        return value  # a number, not a day


def language_names(codes: list[str] | tuple[str, ...]) -> str:
    """`["de", "ar"]` → "Deutsch, Arabisch" / "German, Arabic" (the Jinja global)."""
    return ", ".join(gettext(places.language_name(code)) for code in codes)


def format_date(value: date | datetime | None) -> str:
    """A day (or a moment, in Berlin time) as people of the request's language write it."""
    if value is None:
        return "–"
    if _current.get() == GERMAN:
        if isinstance(value, datetime):
            return value.astimezone(BERLIN).strftime("%d.%m.%Y, %H:%M Uhr")
        return value.strftime("%d.%m.%Y")
    if isinstance(value, datetime):
        return dates.format_datetime(value, "d MMM yyyy, HH:mm", tzinfo=BERLIN, locale="en_GB")
    return dates.format_date(value, "d MMM yyyy", locale="en_GB")


def format_number(value: float | int | Decimal | None, decimals: int | None = None) -> str:
    """A count or a measure as the request's language writes it: "1.628", "15,0"."""
    if value is None:
        return "–"
    babel_locale = "de_DE" if _current.get() == GERMAN else "en_GB"
    if decimals is None:
        return numbers.format_decimal(value, locale=babel_locale)
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return numbers.format_decimal(value, format=pattern, locale=babel_locale)


def choose_locale(connection: HTTPConnection) -> str:
    """`?lang=`, then the cookie, then Accept-Language, else German."""
    asked = connection.query_params.get("lang")
    if asked in LOCALES:
        return asked
    remembered = connection.cookies.get(COOKIE)
    if remembered in LOCALES:
        return remembered
    return _from_accept_language(connection.headers.get("accept-language", ""))


def _from_accept_language(header: str) -> str:
    weighted: list[tuple[float, str]] = []
    for part in header.split(","):
        tag, _sep, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        weighted.append((quality, tag.strip().replace("-", "_")))
    preferred = [tag for _q, tag in sorted(weighted, key=lambda item: -item[0])]
    chosen = negotiate_locale(preferred, list(LOCALES), sep="_")
    if chosen is None:
        return GERMAN
    try:
        return Locale.parse(chosen).language
    except (ValueError, UnknownLocaleError):
        return GERMAN


def switch_url(url: URL, locale: str) -> str:
    """The same page in `locale` (the link of the language switch)."""
    with_locale = url.include_query_params(lang=locale)
    return f"{with_locale.path}?{with_locale.query}"


class LocaleMiddleware:
    """Sets the request's UI language and remembers an explicit `?lang=` in a cookie."""

    def __init__(self, app: ASGIApp, *, secure_cookies: bool) -> None:
        self.app = app
        self.secure = "; Secure" if secure_cookies else ""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        locale = choose_locale(connection)
        remember = connection.query_params.get("lang") in LOCALES
        token = _current.set(locale)

        async def send_with_cookie(message: Message) -> None:
            if remember and message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.append(
                    "set-cookie",
                    f"{COOKIE}={locale}; Path=/; Max-Age=31536000; SameSite=Lax{self.secure}",
                )
            await send(message)

        try:
            await self.app(scope, receive, send_with_cookie)
        finally:
            _current.reset(token)


def install(env_globals: dict[str, object], env_filters: dict[str, Callable[..., str]]) -> None:
    """What every template needs to speak the request's language."""
    env_globals["current_locale"] = current_locale
    env_globals["locale_names"] = LOCALE_NAMES
    env_globals["switch_url"] = switch_url
    env_filters["datum"] = format_date
    env_filters["zahl"] = format_number
    env_filters["t"] = translated
