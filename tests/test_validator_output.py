"""A validator people read: one screen on the shipped catalogue, and a PR sees its own files."""

from __future__ import annotations

import re
import subprocess

import validate  # scripts/validate.py
from conftest import CATALOGUE

SCREEN = 40  # lines


def run(capsys, *args: str) -> tuple[int, list[str]]:
    status = validate.main([*args, "--today", "2026-11-29"])
    out, err = capsys.readouterr()
    return status, (out + err).splitlines()


def test_the_shipped_catalogue_fits_on_one_screen(capsys):
    status, lines = run(capsys, str(CATALOGUE))
    assert status == 0
    assert len(lines) <= SCREEN, "\n".join(lines)
    assert any("enrolment_passed" in line for line in lines)  # warnings are counted by kind
    assert any(line.startswith("      最多 / most in: ") for line in lines)


def test_control_verbose_lists_every_warning(capsys):
    status, lines = run(capsys, "--verbose", str(CATALOGUE))
    assert status == 0
    assert len([line for line in lines if ": warning: " in line]) > SCREEN


def test_errors_are_never_summarised(catalogue_copy, capsys):
    for path in sorted((catalogue_copy / "providers").glob("*.yml"))[:30]:
        path.write_text(path.read_text(encoding="utf-8").replace("\nregion: ", "\nregion: nowhere-"), encoding="utf-8")
    status, lines = run(capsys, str(catalogue_copy))
    assert status == 1
    assert len([line for line in lines if ": error: " in line]) == 30


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True, capture_output=True)


def test_a_pull_request_sees_warnings_of_its_own_files_only(catalogue_copy, capsys):
    git(catalogue_copy.parent, "init", "-q")
    git(catalogue_copy.parent, "add", ".")
    git(catalogue_copy.parent, "commit", "-qm", "base")
    mine = catalogue_copy / "venues" / "haining-library.yml"
    text = mine.read_text(encoding="utf-8")
    mine.write_text(re.sub(r"\nlast_verified: .*\n", "\nlast_verified: 2020-01-01\n", text), encoding="utf-8")  # a year unchecked
    status, lines = run(capsys, "--format", "github", "--changed", "HEAD", str(catalogue_copy))
    assert status == 0, lines
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert warnings and all("haining-library.yml" in line for line in warnings), warnings
    assert any("more warning(s) in files this change did not touch" in line for line in lines)
    # control: without --changed the whole city's warnings come back
    status, lines = run(capsys, "--format", "github", str(catalogue_copy))
    assert len([line for line in lines if line.startswith("::warning ") and "haining-library.yml" not in line]) > 100


def test_an_error_elsewhere_is_still_shown_with_changed(catalogue_copy, capsys):
    git(catalogue_copy.parent, "init", "-q")
    git(catalogue_copy.parent, "add", ".")
    git(catalogue_copy.parent, "commit", "-qm", "base")
    (catalogue_copy / "venues" / "haining-library.yml").unlink()  # the PR deletes a venue others use
    status, lines = run(capsys, "--changed", "HEAD", str(catalogue_copy))
    assert status == 1
    assert any("haining-elderly-university.yml" in line and "haining-library" in line for line in lines), lines


def test_a_bad_base_commit_is_bad_usage(catalogue_copy, capsys):
    status, lines = run(capsys, "--changed", "no-such-commit", str(catalogue_copy))
    assert status == 2 and any("cannot compare" in line for line in lines)
