"""Property-based test: real catalogue files, mutated the ways people and attackers mutate them.

Whatever a file holds, the validator must answer with problems that name a file inside the
catalogue, in both languages: never a traceback, never "internal error", never a catalogue
built from a file with an error. Hypothesis shrinks any failure to the smallest mutation.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import CATALOGUE
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from validate import github

from learning_city.data.files import SINGLE_FILES
from learning_city.data.loader import load

pytestmark = pytest.mark.slow

# A small catalogue that is still whole: every single file, providers with a parent, terms and
# courses, and the venues they use, so references and cross-field rules are exercised too.
RECORDS = [
    "providers/jiaxing-city-university.yml",
    "providers/haining-community-college.yml",
    "providers/haining-elderly-university.yml",
    "venues/haining-library.yml",
    "venues/haining-art-gallery.yml",
]
MUTABLE = [*RECORDS, "targets.yml", "regions.yml", "recognitions.yml", "statistics.yml", "leading-group.yml"]
TODAY = dt.date(2026, 11, 29)
# Characters of the classes the validator must name: bidirectional controls, zero-width and other
# format characters, C0 and C1 controls, full-width forms, line separators, YAML's own syntax.
NASTY = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff\u00ad" \
    "\x00\x01\x07\x1b\x7f\x85\x9f\u2028\u2029\t\r：ｉｄ１２\u3000" ":-#&*!|>'\"%@`{}[],?\n "  # fmt: skip


@pytest.fixture(scope="module")
def small_catalogue(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz") / "catalogue"
    for name in SINGLE_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CATALOGUE / name, root / name)
    for name in RECORDS:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CATALOGUE / name, root / name)
    # recognitions name providers left out here; one that names a region stays
    lines = (CATALOGUE / "recognitions.yml").read_text(encoding="utf-8").split("\n  - ")
    kept = [item for item in lines[1:] if "provider:" not in item]
    (root / "recognitions.yml").write_text("\n  - ".join(lines[:1] + kept), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def parsed(small_catalogue) -> dict:
    """The parse cache of the unmutated catalogue: each example re-reads only the file it changed."""
    cache: dict = {}
    load(small_catalogue, cache=cache)
    return cache


def mutations():
    """One change to a file's bytes, as a function of the bytes."""
    line = st.integers(min_value=0, max_value=400)
    flip = st.tuples(st.just("flip"), st.integers(0, 30_000), st.integers(0, 255))
    delete = st.tuples(st.just("delete"), line, st.just(0))
    duplicate = st.tuples(st.just("duplicate"), line, st.just(0))
    indent = st.tuples(st.just("indent"), line, st.integers(-4, 4))
    tab = st.tuples(st.just("tab"), line, st.just(0))
    text = st.tuples(st.just("insert"), st.integers(0, 30_000), st.text(alphabet=st.sampled_from(NASTY) | st.characters(), max_size=8))
    swap = st.tuples(st.just("swap"), line, line)
    truncate = st.tuples(st.just("truncate"), st.integers(0, 30_000), st.just(0))
    return st.one_of(flip, delete, duplicate, indent, tab, text, swap, truncate)


def apply(raw: bytes, mutation: tuple) -> bytes:
    kind, a, b = mutation
    if kind == "flip":
        a %= max(len(raw), 1)
        return raw[:a] + bytes([b]) + raw[a + 1 :]
    if kind == "insert":
        a %= max(len(raw), 1)
        return raw[:a] + b.encode("utf-8", "surrogatepass") + raw[a:]
    if kind == "truncate":
        return raw[: a % max(len(raw), 1)]
    lines = raw.split(b"\n")
    i = a % len(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "indent":
        lines[i] = b" " * b + lines[i] if b > 0 else lines[i][-b:]
    elif kind == "tab":
        lines[i] = b"\t" + lines[i]
    elif kind == "swap":
        j = b % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


@settings(max_examples=2000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(MUTABLE), changes=st.lists(mutations(), min_size=1, max_size=3))
def test_no_mutated_file_crashes_leaks_or_vanishes(small_catalogue, parsed, target, changes):
    path = small_catalogue / target
    original = path.read_bytes()
    mutated = original
    for change in changes:
        mutated = apply(mutated, change)
    path.write_bytes(mutated)
    try:
        catalogue, problems = load(small_catalogue, today=TODAY, cache=dict(parsed))
    finally:
        path.write_bytes(original)
    errors = [p for p in problems if p.severity == "error"]
    event("still valid" if catalogue else "refused")
    assert (catalogue is None) == bool(errors)
    for problem in problems:
        text, annotation = str(problem), github(problem)
        assert "internal error" not in text and "Traceback" not in text
        assert problem.path.startswith(f"{small_catalogue}/"), text
        assert " / " in problem.message() and "\n" not in text and "\n" not in annotation
    if mutated != original and catalogue is not None:  # a change that still validates lost nothing
        assert len(catalogue.providers) + len(catalogue.venues) == len(RECORDS)


def test_the_small_catalogue_is_valid_before_mutation(small_catalogue):
    catalogue, problems = load(small_catalogue, today=TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.severity == "error"]
