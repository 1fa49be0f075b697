"""scripts/synth.py writes a valid, deterministic synthetic catalogue of the size asked for."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SYNTH = ROOT / "scripts" / "synth.py"
VALIDATE = ROOT / "scripts" / "validate.py"
SIZE = ["--providers", "120", "--venues", "20", "--courses", "900"]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def synth(out: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(SYNTH), str(out), *args], check=False, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result


def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def test_synthetic_catalogue_is_valid_sized_as_asked_and_deterministic(tmp_path):
    first, again, other = tmp_path / "first", tmp_path / "again", tmp_path / "other"
    result = synth(first, *SIZE, "--seed", "7")
    assert "120 providers" in result.stderr and "900 courses" in result.stderr

    checked = subprocess.run([sys.executable, str(VALIDATE), str(first)], check=False, capture_output=True, text=True, cwd=ROOT)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert ": error: " not in checked.stdout + checked.stderr

    providers = [load(p) for p in sorted((first / "providers").glob("*.yml"))]
    venues = [load(p) for p in sorted((first / "venues").glob("*.yml"))]
    courses = [course for provider in providers for course in provider.get("courses", [])]
    assert (len(providers), len(venues), len(courses)) == (120, 20, 900)
    assert all(p["sample"] is True for p in providers + venues)
    kinds = {p["kind"] for p in providers}
    assert {"city-university", "community-college", "adult-school", "community-education-centre", "community-school"} <= kinds
    assert max(len(p.get("courses", [])) for p in providers) <= 60
    # some records without English, to exercise the fallback
    assert any("en" not in p["name"] for p in providers)
    assert any("en" not in c["title"] for c in courses)
    assert any("en" in c["title"] for c in courses)
    for name in ("policy.yml", "targets.yml", "regions.yml", "leading-group.yml", "statistics.yml", "glossary.yml"):
        assert (first / name).read_bytes() == (ROOT / "catalogue" / name).read_bytes()
    assert (
        (first / "recognitions.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schema/recognitions.schema.json\n")
    )

    synth(again, *SIZE, "--seed", "7")
    assert same_tree(first, again)
    synth(other, *SIZE, "--seed", "8")
    assert not same_tree(first, other)


def test_tiny_catalogue_is_valid(tmp_path):
    out = tmp_path / "tiny"
    synth(out, "--providers", "20", "--venues", "5", "--courses", "100")
    checked = subprocess.run([sys.executable, str(VALIDATE), str(out)], check=False, capture_output=True, text=True, cwd=ROOT)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    courses = sum(len(load(p).get("courses", [])) for p in (out / "providers").glob("*.yml"))
    assert courses == 100
