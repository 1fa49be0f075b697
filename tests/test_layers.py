"""The flow goes one way: data → site and tools. The data layer imports nothing from the others,
and publishing imports nothing of the project at all, so each can be used and tested alone."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "learning_city"
# layer -> the project's packages it may import
ALLOWED = {
    "data": {"learning_city.data"},
    "site": {"learning_city.data", "learning_city.site"},
    "tools": {"learning_city.data", "learning_city.site", "learning_city.tools"},
}
STANDALONE = {"learning_city/tools/publish.py"}  # talks to object storage only
# The plugin puts a build together: pages, exports, and the web editor's files for /admin/.
COMPOSITION_ROOT = "learning_city/site/plugin.py"


def project_imports(path: Path) -> set[str]:
    """The learning_city modules a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("learning_city")}


def crossings(layer: str, files: list[Path]) -> list[str]:
    wrong = []
    for path in files:
        allowed_here = ALLOWED["tools"] if path.relative_to(ROOT).as_posix() == COMPOSITION_ROOT else ALLOWED[layer]
        for name in project_imports(path):
            if not any(name == allowed or name.startswith(allowed + ".") for allowed in allowed_here):
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    return wrong


def test_every_module_belongs_to_a_layer():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == [], "put each module in data/, site/ or tools/"


def test_each_layer_imports_only_from_itself_and_those_before_it():
    for layer in ALLOWED:
        assert crossings(layer, sorted((PACKAGE / layer).glob("*.py"))) == []


def test_publishing_imports_nothing_of_the_project():
    for name in STANDALONE:
        assert project_imports(ROOT / name) == set()


def test_control_a_crossing_is_found():
    bad = ROOT / "learning_city" / "data" / "_planted_for_the_test.py"
    bad.write_text("from learning_city.site import pages\nfrom ..tools import fmt\n", encoding="utf-8")
    try:
        found = sorted(crossings("data", [bad]))
    finally:
        bad.unlink()
    assert found == [
        f"{bad.relative_to(ROOT)} imports learning_city.site",
        f"{bad.relative_to(ROOT)} imports learning_city.site.pages",
        f"{bad.relative_to(ROOT)} imports learning_city.tools",
        f"{bad.relative_to(ROOT)} imports learning_city.tools.fmt",
    ]
