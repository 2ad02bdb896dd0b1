"""The tests' own layout: a test module imports builders and fixtures from tests/support,
never from another test module (so each test file can move, split or go on its own), and
every test file lies in a directory that gives its kind (`unit`, `integration`, `e2e`)."""

from __future__ import annotations

import ast
from pathlib import Path

from support.layout import KIND_OF_DIRECTORY, TESTS


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def is_test_module(name: str) -> bool:
    return any(part.startswith("test_") for part in name.split("."))


def test_no_test_module_imports_another_test_module() -> None:
    offences = {
        str(path.relative_to(TESTS)): sorted(filter(is_test_module, imported_modules(path)))
        for path in sorted(TESTS.rglob("*.py"))
    }
    assert {path: names for path, names in offences.items() if names} == {}


def test_every_test_file_lies_in_a_directory_of_its_kind() -> None:
    misplaced = [
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("test_*.py")
        if path.relative_to(TESTS).parts[0] not in KIND_OF_DIRECTORY
    ]
    assert misplaced == []


def test_the_check_sees_the_imports_it_forbids(tmp_path: Path) -> None:
    module = tmp_path / "test_example.py"
    module.write_text("from test_reporting_world import world\nimport tests.unit.test_x\n")
    found = sorted(filter(is_test_module, imported_modules(module)))
    assert found == ["test_reporting_world", "tests.unit.test_x"]
