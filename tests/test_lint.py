"""ruff lints every package of ours: the built site's folder is excluded, the site layer is not."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def linted(*options: str) -> set[str]:
    shown = subprocess.run([sys.executable, "-m", "ruff", "check", "--show-files", *options, "."], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout
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
