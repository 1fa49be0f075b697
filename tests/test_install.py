"""The project installs from a fresh copy at any path: the lock file names no machine's paths."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

# A requirement that installs from this machine instead of the package index.
LOCAL = re.compile(r"^\s*(-e\b|--editable\b|\.{0,2}/|file:|[A-Za-z]:\\)|\bfile:|@\s*(file|/)", re.MULTILINE)


def local_lines(lock: str) -> list[str]:
    return [line for line in lock.splitlines() if LOCAL.search(line.split("#", 1)[0])]


def test_the_lock_file_names_no_local_path():
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "==" in lock
    assert local_lines(lock) == []


def test_control_a_local_path_in_the_lock_file_is_found():
    # spelled in pieces, so that a search of the repository for local paths does not find the test itself
    file_url = "file:" + "///srv/build/learning-city"
    for planted in ("-e /srv/build/learning-city", f"learning-city @ {file_url}", "./vendor/pkg.whl", "--editable ."):
        assert local_lines(f"mkdocs==1.6.1\n{planted}\n") == [planted], planted


def test_every_pin_comes_from_pyproject():
    """requirements.txt is pip-compile's output for pyproject.toml (`make lock`), not a freeze."""
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "pip-compile" in lock and "pyproject.toml" in lock


def test_a_copy_at_another_path_installs_and_validates(tmp_path):
    copy = tmp_path / "a new folder" / "learning city"
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    result = subprocess.run(["make", "validate"], cwd=copy, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "catalogue valid" in result.stderr
    assert str(ROOT) not in (copy / ".venv" / "pyvenv.cfg").read_text(encoding="utf-8")


def ignored(paths: list[str]) -> list[str]:
    """Those of the paths that git would leave out of a commit."""
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, input="\n".join(paths), capture_output=True, text=True
    )
    return result.stdout.split()


def test_no_source_file_is_ignored_by_git():
    """A source file that .gitignore matches works here and is missing from every clone."""
    sources = [
        path.relative_to(ROOT).as_posix()
        for folder in ("learning_city", "macros", "scripts", "tests", "docs", "overrides", "catalogue")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert len(sources) > 200
    assert ignored(sources) == []


def test_control_an_ignored_source_file_is_found():
    assert ignored(["learning_city/site/pages.py", "site/index.html"]) == ["site/index.html"]
    assert ignored([".venv/bin/python"]) == [".venv/bin/python"]
