"""Every text a person typed is escaped in the staff UI (issue 12, finding 3.10).

Jinja's newstyle `_()` marks what it returns as safe HTML: right for a literal message of
the catalogue, a hole when it is given data (a member called `<meta http-equiv=refresh…>`
redirected a coordinator's browser). So the templates are scanned: `_()`, `gettext` and
`ngettext` take only literal messages, nothing is marked `|safe` and autoescape is never
switched off; data is translated with the filter `t`, which returns a plain string. No
gateway module builds Markup. And the field macro that printed member names raw shows
them escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import nodes

from services.gateway.web import i18n
from services.gateway.web.fields import Field
from services.gateway.web.templating import templates

GATEWAY = Path(__file__).parents[2] / "services" / "gateway"
# Every folder of templates: the kit's, each area's, and those not moved yet (ui/).
TEMPLATES = "*/templates/*.html"
GETTEXT = {"_", "gettext", "ngettext", "pgettext", "npgettext"}
PAYLOAD = '<meta http-equiv="refresh" content="0;url=/x">"><img src=x onerror=f()>'


def template_names() -> list[str]:
    return sorted(str(p.relative_to(GATEWAY)) for p in GATEWAY.glob(TEMPLATES))


def parsed(name: str) -> nodes.Template:
    source = (GATEWAY / name).read_text(encoding="utf-8")
    return templates.env.parse(source, name=name)


def gettext_calls(tree: nodes.Template) -> Iterator[nodes.Call]:
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in GETTEXT:
            yield call


def test_the_scan_sees_the_templates() -> None:
    names = template_names()
    assert "volunteer/templates/overview.html" in names and len(names) > 30
    assert any(True for name in names for _call in gettext_calls(parsed(name)))


@pytest.mark.parametrize("name", template_names())
def test_gettext_takes_only_literal_messages(name: str) -> None:
    """`_(variable)` would come back marked safe; data goes through `|t` instead."""
    offending = [
        f"line {call.lineno}"
        for call in gettext_calls(parsed(name))
        if not call.args
        or not all(
            isinstance(arg, nodes.Const) and isinstance(arg.value, str)
            for arg in call.args[: 2 if call.node.name == "ngettext" else 1]  # type: ignore[attr-defined]
        )
    ]
    assert offending == [], f"{name}: _() of data (use `value|t`)"


@pytest.mark.parametrize("name", template_names())
def test_nothing_is_marked_safe_and_autoescape_stays_on(name: str) -> None:
    tree = parsed(name)
    unsafe = [f"line {f.lineno}" for f in tree.find_all(nodes.Filter) if f.name == "safe"]
    switched = [
        f"line {m.lineno}"
        for m in tree.find_all((nodes.EvalContextModifier, nodes.ScopedEvalContextModifier))
        if any(k.key == "autoescape" for k in m.options)
    ]
    markup = [
        f"line {n.lineno}" for n in tree.find_all(nodes.Name) if n.name in {"Markup", "markup"}
    ]
    assert (unsafe, switched, markup) == ([], [], []), name


def test_no_gateway_module_builds_markup_or_turns_autoescape_off() -> None:
    pattern = re.compile(r"\bMarkup\b|markupsafe|mark_safe|autoescape\s*=\s*False|__html__")
    hits = [
        f"{path.relative_to(GATEWAY)}:{number}"
        for path in sorted(GATEWAY.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert hits == []


def test_the_filter_t_translates_labels_and_returns_plain_text() -> None:
    token = i18n._current.set(i18n.ENGLISH)
    try:
        assert i18n.translated("Kind") == "Child"
        # A name as typed is not looked up in the catalogue, however it is spelled.
        assert i18n.translated(i18n.Verbatim("Kind")) == "Kind"
    finally:
        i18n._current.reset(token)
    for value in (PAYLOAD, i18n.Verbatim(PAYLOAD)):
        shown = i18n.translated(value)
        assert type(shown) is str and not hasattr(shown, "__html__")
    assert i18n.translated(None) == ""


def render_field(f: Field, values: dict[str, str]) -> str:
    macro = templates.env.get_template("fields.html").module.feld  # type: ignore[attr-defined]
    return str(macro(f, values, {}, "p-"))


@pytest.mark.parametrize("kind", ["codes", "select"])
def test_the_field_macro_escapes_option_texts_labels_and_values(kind: str) -> None:
    """The composition form's "Wer zieht weg?" and "Künftiger Haushaltsvorstand"."""
    options = {"m1": i18n.Verbatim(PAYLOAD + " (Kind)"), "m2": PAYLOAD}
    f = Field("people", PAYLOAD, kind, options, hint=PAYLOAD)
    html = render_field(f, {"people": PAYLOAD})
    assert "<meta" not in html and "<img" not in html
    assert html.count("&lt;meta http-equiv=&#34;refresh&#34;") == 4


def test_a_typed_value_cannot_leave_its_attribute() -> None:
    html = render_field(Field("name", "Name"), {"name": PAYLOAD})
    assert 'value="&lt;meta http-equiv=&#34;refresh&#34;' in html and "<img" not in html
