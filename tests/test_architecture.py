"""The layout the project promises: quantulum3 behind one adapter module, pandas in the engine only,
formatters reading the models alone."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "checker"


def importers(module: str) -> set[str]:
    """Package files (relative paths) that import `module` or one of its submodules."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            if any(name == module or name.startswith(module + ".") for name in names):
                found.add(path.relative_to(PACKAGE).as_posix())
    return found


@pytest.mark.parametrize(("module", "allowed"), [
    ("quantulum3", {"extract/quantities.py"}),
    ("pandas", {"engine.py"}),
])
def test_a_library_is_imported_in_its_one_place(module: str, allowed: set[str]) -> None:
    assert importers(module) == allowed


def checker_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0
            and node.module and node.module.startswith("checker.")}


def test_formatters_see_only_the_models() -> None:
    """Formatters (and the charts the HTML report draws) read the Report model, never the pipeline.
    One exception: SARIF describes every rule a tool has, so sarif.py reads the check catalogue
    (codes, names, summaries) as well."""
    allowed = {"checker.models", "checker.errors", "checker.charts"}
    for path in [*(PACKAGE / "formatters").glob("*.py"), PACKAGE / "charts.py"]:
        ours = {m for m in checker_imports(path) if not m.startswith("checker.formatters")}
        extra = {"checker.checks"} if path.name == "sarif.py" else set()
        assert ours <= allowed | extra, (path.name, ours - allowed - extra)
