"""The on-disk cache of parsed and validated files: the same answer as reading afresh, errors
included; a changed file, changed code or a damaged entry is never answered from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import CATALOGUE, SOURCE_DATE_EPOCH

from learning_city.data import loader, store
from learning_city.data.store import Store
from learning_city.data.today import today
from learning_city.plugin import warm

TODAY = dt.date(2026, 11, 29)


def outcome(catalogue, problems) -> tuple:
    """What a load says, as plain data: every record as the model dumps it, every problem."""
    records = None
    if catalogue is not None:
        records = (
            {pid: p.model_dump(mode="json") for pid, p in catalogue.providers.items()},
            {vid: v.model_dump(mode="json") for vid, v in catalogue.venues.items()},
            [t.model_dump(mode="json") for t in catalogue.targets],
            catalogue.regions.model_dump(mode="json"),
            catalogue.sources,
        )
    return records, [str(p) for p in problems]


def entries(folder: Path, kind: str) -> list[Path]:
    return sorted(p for p in (folder / kind).rglob("*") if p.is_file())


def test_warm_load_equals_fresh_load(tmp_path):
    disk = Store(tmp_path / "cache")
    fresh = outcome(*loader.load(CATALOGUE, today=TODAY))
    cold = outcome(*loader.load(CATALOGUE, today=TODAY, disk=disk))
    files = entries(tmp_path / "cache", "file")
    assert len(files) == len(loader.catalogue_files(CATALOGUE)) and len(entries(tmp_path / "cache", "load")) == 1
    warm = outcome(*loader.load(CATALOGUE, today=TODAY, disk=disk))
    per_file = outcome(*loader.load(CATALOGUE, today=TODAY, disk=disk, whole=False))
    assert fresh == cold == warm == per_file
    assert fresh[0] is not None and any("warning" in p for p in fresh[1])  # warnings come back too


def test_warm_load_reads_the_disk(tmp_path, monkeypatch):
    """Control: with parsing broken, a warm load still answers (from disk), a cold one cannot."""
    disk = Store(tmp_path / "cache")
    loader.load(CATALOGUE, disk=disk, whole=False)

    def broken(raw, shown):
        raise RuntimeError("parser called")

    monkeypatch.setattr(loader, "parse", broken)
    catalogue, problems = loader.load(CATALOGUE, disk=disk, whole=False)
    assert catalogue is not None and problems == []
    catalogue, problems = loader.load(CATALOGUE, disk=Store(tmp_path / "empty"), whole=False)
    assert catalogue is None and {p.code for p in problems} == {"internal"}


def test_errors_are_kept_and_a_changed_file_is_read_again(catalogue_copy, tmp_path):
    disk = Store(tmp_path / "cache")
    record = sorted((catalogue_copy / "providers").glob("*.yml"))[0]
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("\nregion: ", "\nregion: nowhere-", 1), encoding="utf-8")
    cold = outcome(*loader.load(catalogue_copy, disk=disk))
    warm = outcome(*loader.load(catalogue_copy, disk=disk))
    assert cold == warm and cold[0] is None
    assert any(p.startswith(f"{record}:") and "nowhere-" in p for p in warm[1])
    record.write_text(good, encoding="utf-8")  # fixed: the cache must not keep the error
    catalogue, problems = loader.load(catalogue_copy, disk=disk)
    assert catalogue is not None and problems == []
    record.write_text(good.replace("\nregion: ", "\nregion: nowhere-", 1), encoding="utf-8")
    assert outcome(*loader.load(catalogue_copy, disk=disk)) == cold


def test_parse_errors_are_kept_too(catalogue_copy, tmp_path):
    disk = Store(tmp_path / "cache")
    record = sorted((catalogue_copy / "venues").glob("*.yml"))[0]
    record.write_text(record.read_text(encoding="utf-8") + "name: twice\n", encoding="utf-8")
    cold = outcome(*loader.load(catalogue_copy, disk=disk, whole=False))
    warm = outcome(*loader.load(catalogue_copy, disk=disk, whole=False))
    assert cold == warm and cold[0] is None and any("duplicate key" in p for p in warm[1])


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_ignored_and_replaced(tmp_path, damage):
    disk = Store(tmp_path / "cache")
    fresh = outcome(*loader.load(CATALOGUE, disk=disk))
    damaged = entries(tmp_path / "cache", "file") + entries(tmp_path / "cache", "load")
    for path in damaged:
        blob = path.read_bytes()
        path.write_bytes(
            {
                "truncate": blob[: len(blob) // 2],
                "flip": blob[:40] + bytes([blob[40] ^ 0xFF]) + blob[41:],
                "empty": b"",
                "garbage": b"\0" * 31,
            }[damage]
        )
    assert outcome(*loader.load(CATALOGUE, disk=disk)) == fresh
    assert all(disk.get(p.parent.parent.name, p.name) is not store.MISSING for p in damaged)  # written again


def test_a_valid_checksum_over_bad_pickle_is_ignored(tmp_path):
    import hashlib

    disk = Store(tmp_path / "cache")
    disk.put("file", "ab" * 32, {"a": 1})
    path = tmp_path / "cache" / "file" / "ab" / ("ab" * 32)
    payload = b"not a pickle"
    path.write_bytes(hashlib.sha256(payload).digest() + payload)
    assert disk.get("file", "ab" * 32) is store.MISSING


def test_another_code_version_is_another_entry(tmp_path, monkeypatch):
    """A change to the loader or the model never reads entries made by the old code."""
    disk = Store(tmp_path / "cache")
    loader.load(CATALOGUE, disk=disk)
    before = len(entries(tmp_path / "cache", "file"))
    monkeypatch.setattr(store, "code_version", lambda *folders: "another version")
    loader.load(CATALOGUE, disk=disk)
    assert len(entries(tmp_path / "cache", "file")) == 2 * before
    assert len(entries(tmp_path / "cache", "load")) == 2


def test_code_version_follows_the_source(tmp_path, monkeypatch):
    package = tmp_path / "learning_city"
    (package / "data").mkdir(parents=True)
    (package / "data" / "model.py").write_text("x = 1\n")
    monkeypatch.setattr(store, "PACKAGE", package)
    store.code_version.cache_clear()
    first = store.code_version("data")
    (package / "data" / "model.py").write_text("x = 2\n")
    store.code_version.cache_clear()
    assert store.code_version("data") != first
    store.code_version.cache_clear()


def test_off_keeps_nothing(tmp_path):
    disk = Store.default({"LEARNING_CITY_CACHE": "off"})
    disk.put("file", "cd" * 32, 1)
    assert disk.get("file", "cd" * 32) is store.MISSING
    assert Store.default({"LEARNING_CITY_CACHE": str(tmp_path)}).folder == tmp_path
    assert Store.default({}).folder == store.DEFAULT_FOLDER


# --- a live preview's parts of the whole-catalogue files (site/incremental.py) ---------------


def test_pieces_keep_a_records_part_until_its_key_changes():
    from learning_city.site.incremental import Pieces

    pieces, made = Pieces(), []

    def make(value):
        made.append(value)
        return value

    pieces.keys = {"providers/a.md": "k1"}
    assert pieces("finder", "providers/a.md", lambda: make("first")) == "first"
    assert pieces("finder", "providers/a.md", lambda: make("second")) == "first"  # kept: same key
    assert pieces("csv", "providers/a.md", lambda: make("other kind")) == "other kind"  # kinds apart
    pieces.keys = {"providers/a.md": "k2"}  # the record was edited
    assert pieces("finder", "providers/a.md", lambda: make("third")) == "third"
    assert pieces("finder", "providers/b.md", lambda: make("no key")) == "no key"  # unknown: never kept
    assert pieces("finder", "providers/b.md", lambda: make("no key again")) == "no key again"
    assert made == ["first", "other kind", "third", "no key", "no key again"]


def test_the_build_warms_the_store_with_the_load_its_languages_read(tmp_path, monkeypatch):
    """plugin/warm.py loads the catalogue once before both language builds start (issue 23: two
    builds parsing every file at once held 1.1 GB at city scale). A build then loads as the plugin
    does, with the build's day from SOURCE_DATE_EPOCH, and checks no file: the whole load is
    read from the store. Control: on a store nothing warmed, the same load checks every file."""
    monkeypatch.setenv("LEARNING_CITY_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    assert warm.main([str(CATALOGUE.resolve())]) == 0
    day = today({"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})

    def checked(*args):
        raise AssertionError("files checked again")

    monkeypatch.setattr(loader, "_check", checked)
    catalogue, _ = loader.load(CATALOGUE.resolve(), day, disk=Store(tmp_path / "cache"))
    assert catalogue is not None
    with pytest.raises(AssertionError, match="checked again"):
        loader.load(CATALOGUE.resolve(), day, disk=Store(tmp_path / "other"))
