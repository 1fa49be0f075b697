"""The flow goes one way, folder by folder: data → i18n → site and tools → plugin. The data layer
imports nothing from the others, the interface strings nothing but the data model, the site and the
contributor tools nothing of each other, and only the plugin puts them together; publishing imports
nothing of the project at all, so each can be used and tested alone."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

# folder -> the project's packages its modules may import (sub-packages included: tools/sheets)
ALLOWED = {
    "learning_city/data": {"learning_city.data"},
    "learning_city/i18n": {"learning_city.data", "learning_city.i18n"},
    "learning_city/site": {"learning_city.data", "learning_city.i18n", "learning_city.site"},
    "learning_city/tools": {"learning_city.data", "learning_city.i18n", "learning_city.tools"},
    "learning_city/plugin": {"learning_city"},  # the composition: it may import every layer
    "macros": {"learning_city.data", "learning_city.i18n", "learning_city.site"},  # the page macros ask the site layer for HTML
}
STANDALONE = {"learning_city/tools/publish.py"}  # talks to object storage only


def project_imports(path: Path, root: Path) -> set[str]:
    """The learning_city modules a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("learning_city.")}  # `from learning_city import i18n` names learning_city.i18n


def crossings(root: Path) -> list[str]:
    """Every import, in every module under each folder of ALLOWED (at any depth), of a package
    the folder may not use."""
    wrong = []
    for folder, allowed in ALLOWED.items():
        for path in sorted((root / folder).rglob("*.py")):
            for name in sorted(project_imports(path, root)):
                if not any(name == ok or name.startswith(ok + ".") for ok in allowed):
                    wrong.append(f"{path.relative_to(root).as_posix()} imports {name}")
    return wrong


def test_every_module_belongs_to_a_layer():
    loose = [p.name for p in (ROOT / "learning_city").glob("*.py") if p.name != "__init__.py"]
    folders = {p.relative_to(ROOT).as_posix() for p in (ROOT / "learning_city").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert loose == [], "put each module in a layer's folder"
    assert folders == {f for f in ALLOWED if f.startswith("learning_city/")}, "a new folder needs its place in ALLOWED"


def test_each_layer_imports_only_from_itself_and_those_before_it():
    assert crossings(ROOT) == []


def test_the_walk_reaches_sub_packages_and_the_macros():
    walked = {p.relative_to(ROOT).as_posix() for folder in ALLOWED for p in (ROOT / folder).rglob("*.py")}
    assert {"learning_city/tools/sheets/records.py", "macros/main.py", "learning_city/plugin/plugin.py"} <= walked


def test_publishing_imports_nothing_of_the_project():
    for name in STANDALONE:
        assert project_imports(ROOT / name, ROOT) == set()


def test_control_crossings_are_found_at_any_depth(tmp_path):
    """Planted in a copy of the layout, never in the source tree: a data module that imports the
    site and (relatively) the tools, a sheet module that imports the site, macros that import the plugin."""
    planted = {
        "learning_city/data/planted.py": "from learning_city.site import pages\nfrom ..tools import fmt\n",
        "learning_city/tools/sheets/planted.py": "from learning_city.site import i18n\n",
        "learning_city/i18n/planted.py": "import learning_city.site.text\n",
        "macros/planted.py": "from learning_city.plugin import plugin\n",
    }
    for name, text in planted.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert crossings(tmp_path) == [
        "learning_city/data/planted.py imports learning_city.site",
        "learning_city/data/planted.py imports learning_city.site.pages",
        "learning_city/data/planted.py imports learning_city.tools",
        "learning_city/data/planted.py imports learning_city.tools.fmt",
        "learning_city/i18n/planted.py imports learning_city.site.text",
        "learning_city/tools/sheets/planted.py imports learning_city.site",
        "learning_city/tools/sheets/planted.py imports learning_city.site.i18n",
        "macros/planted.py imports learning_city.plugin",
        "macros/planted.py imports learning_city.plugin.plugin",
    ]


def test_no_test_imports_another_test_module():
    """Tests share helpers through conftest.py, never by importing another test module: a test
    module imported elsewhere runs its module-level code twice and ties two files' fixtures."""
    assert imports_of_test_modules(ROOT / "tests") == []


def test_control_a_test_importing_another_is_found(tmp_path):
    (tmp_path / "test_a.py").write_text("from test_b import helper\n", encoding="utf-8")
    (tmp_path / "test_b.py").write_text("import conftest\n", encoding="utf-8")
    assert imports_of_test_modules(tmp_path) == ["test_a.py imports test_b"]


def imports_of_test_modules(folder: Path) -> list[str]:
    """Each import of a test module by a module in `folder`."""
    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [f"{path.name} imports {name}" for name in names if name.split(".")[0].startswith("test_")]
    return found
