"""The prevention case names its household by its title (finding 14), with intake faked:
linked to the household's page when intake names it for the caller; a household intake
does not name for the caller (another provider's, restricted, or a role without household
data) keeps its neutral title, unlinked; the raw id is never the text."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import pytest

from support.ui.prevention import CASE, VIEW, as_role, gateway

HOUSEHOLD = uuid4()


@pytest.mark.parametrize(
    ("role", "titles", "linked"),
    [
        ("caseworker", {str(HOUSEHOLD): "Familie Demir (SKM Köln, 3 Personen)"}, True),
        ("caseworker", {}, False),  # intake does not name it for this caller
        ("housing_office", None, False),  # the Fachstelle reads no household data
    ],
)
def test_the_case_shows_its_households_title(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    role: str,
    titles: dict[str, str] | None,
    linked: bool,
) -> None:
    client, fake = gateway(tmp_path, monkeypatch)
    fake.answers["get_case"] = {**VIEW, "household_id": str(HOUSEHOLD)}
    if titles is not None:
        fake.answers["household_titles"] = {"titles": titles}
    page = client.get(f"/ui/praevention/{CASE}", headers=as_role(role)).text
    title = (titles or {}).get(str(HOUSEHOLD), f"Haushalt {HOUSEHOLD.hex[:8]}")
    link = f'<a href="/ui/haushalte/{HOUSEHOLD}">{title}</a>'
    assert (link in page) is linked
    assert f"<dd>{title}</dd>" in page or linked
    assert f">{HOUSEHOLD}<" not in page
    assert f"<code>{CASE}</code>" in page  # the case's own id stays, small
    asked = [name for name, _ in fake.calls if name == "household_titles"]
    assert len(asked) == (0 if role == "housing_office" else 1)
