"""ruff lints every package of ours: the built site's folder is excluded, the site layer is not."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT


def linted(*options: str) -> set[str]:
    shown = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--show-files", *options, "."], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return {line.strip().removeprefix(str(ROOT) + "/") for line in shown.splitlines() if line.strip().endswith(".py")}


def test_every_python_file_of_the_package_is_linted():
    files = linted()
    ours = {path.relative_to(ROOT).as_posix() for path in (ROOT / "learning_city").rglob("*.py")}
    assert ours <= files, sorted(ours - files)
    assert "learning_city/site/pages.py" in files and "macros/main.py" in files
    assert not any(path.startswith(("site/", "node_modules/")) for path in files)


def test_control_the_old_exclude_hid_the_site_layer():
    """`extend-exclude = ["site"]` matched learning_city/site too: its files went unlinted."""
    assert "learning_city/site/pages.py" not in linted("--extend-exclude", "site")


# --- planted problems, in copies under tmp_path: the source tree is never written -----------------

PROJECT_CONFIG = ROOT / "pyproject.toml"
PLANTED_TYPE_ERROR = """

def _planted():  # no annotations: mypy looks inside only with the project's check_untyped_defs
    return Slots().put(1)
"""


def mypy(*arguments: str) -> subprocess.CompletedProcess:
    """mypy from the project root, as `make test-fast` runs it (the warm cache there makes it quick)."""
    return subprocess.run([sys.executable, "-m", "mypy", *arguments], cwd=ROOT, capture_output=True, text=True)


def site_module_copy(tmp_path: Path, planted: str = "") -> Path:
    """A copy of a site module (slots.py: the standard library only, so mypy checks little else)."""
    copy = tmp_path / "slots_copy.py"
    copy.write_text((ROOT / "learning_city" / "site" / "slots.py").read_text("utf-8") + planted, "utf-8")
    return copy


def test_mypy_reports_a_type_error_planted_in_a_site_module(tmp_path):
    copy = site_module_copy(tmp_path, PLANTED_TYPE_ERROR)
    line = copy.read_text("utf-8").splitlines().index("    return Slots().put(1)") + 1
    planted = mypy("--config-file", str(PROJECT_CONFIG), str(copy))
    assert planted.returncode == 1, planted.stdout + planted.stderr
    assert f'slots_copy.py:{line}: error: Argument 1 to "put" of "Slots" has incompatible type "int"' in planted.stdout
    assert "Found 1 error in 1 file" in planted.stdout


def test_control_the_site_module_copy_checks_clean_and_the_plant_needs_the_project_settings(tmp_path):
    """The failure above is the plant's, found by the project's settings: the unplanted copy passes,
    and mypy's defaults (no check_untyped_defs) let the planted copy pass too."""
    clean = mypy("--config-file", str(PROJECT_CONFIG), str(site_module_copy(tmp_path)))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    defaults = mypy("--config-file", "", "--no-incremental", str(site_module_copy(tmp_path, PLANTED_TYPE_ERROR)))
    assert defaults.returncode == 0, defaults.stdout + defaults.stderr


def unchecked(config: dict) -> set[str]:
    """Python files of the package that mypy's `files` and `exclude` settings leave out."""
    roots = [ROOT / entry for entry in config.get("files", [])]
    excluded = re.compile(config["exclude"]) if config.get("exclude") else None
    left = set()
    for path in (ROOT / "learning_city").rglob("*.py"):
        shown = path.relative_to(ROOT).as_posix()
        if not any(path.is_relative_to(root) for root in roots) or (excluded and excluded.search(shown)):
            left.add(shown)
    return left


def test_mypy_is_configured_over_the_whole_package_site_layer_included():
    config = tomllib.loads(PROJECT_CONFIG.read_text("utf-8"))["tool"]["mypy"]
    assert unchecked(config) == set()
    assert {"learning_city", "macros", "scripts"} <= set(config["files"])
    assert config["check_untyped_defs"] is True


def test_control_a_configuration_without_the_site_layer_is_noticed():
    left = unchecked({"files": ["learning_city/data", "learning_city/tools", "macros", "scripts"]})
    assert "learning_city/site/pages.py" in left and "learning_city/data/model.py" not in left
    assert "learning_city/site/slots.py" in unchecked({"files": ["learning_city"], "exclude": "^learning_city/site/"})


def ruff_in_a_copy(tmp_path: Path, config: str) -> set[str]:
    """`ruff check` with the project's settings in a copy of the layout: an unused import planted in the
    site layer and in the built site (the root's site/). Ruff reads a --config file's excludes
    relative to the folder it runs in, so it runs in the copy's root, as `make test` runs in ours."""
    (tmp_path / "pyproject.toml").write_text(config, "utf-8")
    for folder in ("learning_city/site", "site"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "planted.py").write_text("import os\n", "utf-8")
    found = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--config", "pyproject.toml", "--output-format", "concise", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    return {line.split(":")[0] for line in found.stdout.splitlines() if "F401" in line}


def test_ruff_reports_an_unused_import_planted_in_the_site_layer_not_in_the_built_site(tmp_path):
    assert ruff_in_a_copy(tmp_path, PROJECT_CONFIG.read_text("utf-8")) == {"learning_city/site/planted.py"}


def test_control_the_old_exclude_hides_the_planted_import(tmp_path):
    old = PROJECT_CONFIG.read_text("utf-8").replace('extend-exclude = ["./site"', 'extend-exclude = ["site"', 1)
    assert old != PROJECT_CONFIG.read_text("utf-8")
    assert ruff_in_a_copy(tmp_path, old) == set()


def test_control_an_exclude_from_the_machine_root_keeps_the_built_site_in(tmp_path):
    """ "/site" (this file's exclude before) names the machine's /site: outside a git clone, where
    .gitignore does not apply, the built site's files were linted."""
    absolute = PROJECT_CONFIG.read_text("utf-8").replace('extend-exclude = ["./site"', 'extend-exclude = ["/site"', 1)
    assert ruff_in_a_copy(tmp_path, absolute) == {"learning_city/site/planted.py", "site/planted.py"}


def unformatted_in_a_copy(tmp_path: Path, config: str) -> set[str]:
    """`ruff format --check` as `make test` runs it, in a copy of the layout: a file written the way
    the formatter would not write it, planted in the site layer and in the built site."""
    (tmp_path / "pyproject.toml").write_text(config, "utf-8")
    for folder in ("learning_city/site", "site"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "planted.py").write_text("x = {'a':1}\n", "utf-8")
    found = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--output-format", "concise", "--config", "pyproject.toml", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    return {line.split(":")[0] for line in found.stdout.splitlines() if "unformatted" in line}


def test_the_formatter_checks_the_site_layer_not_the_built_site(tmp_path):
    assert unformatted_in_a_copy(tmp_path, PROJECT_CONFIG.read_text("utf-8")) == {"learning_city/site/planted.py"}


def test_control_the_formatter_with_the_old_exclude_misses_the_site_layer(tmp_path):
    old = PROJECT_CONFIG.read_text("utf-8").replace('extend-exclude = ["./site"', 'extend-exclude = ["site"', 1)
    assert unformatted_in_a_copy(tmp_path, old) == set()


def test_make_test_and_test_fast_check_the_format():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in ("test:", "test-fast:"):
        recipe = makefile.split("\n" + target, 1)[1].split("\n\n", 1)[0]
        assert "ruff format --check ." in recipe, target
