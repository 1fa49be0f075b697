"""Builds that reuse earlier work give exactly what a clean build gives.

- a build with a warm cache (parsed files, whole loads, QR codes) equals one with an empty cache,
  byte for byte;
- `make serve`'s rebuild (MkDocs `--dirty`, pages chosen by their inputs) after editing a record,
  a venue the record names, a template or an interface string equals a clean build of the same
  files, and leaves pages that do not depend on the edit unwritten.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import BUILD_ENV, CATALOGUE, ROOT, SOURCE_DATE_EPOCH
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from learning_city import i18n
from learning_city.plugin import build

pytestmark = pytest.mark.build


def hashes(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_warm_build_equals_cold_build(tmp_path):
    env = {**BUILD_ENV, "LEARNING_CITY_CACHE": str(tmp_path / "cache")}
    build.build(CATALOGUE, tmp_path / "cold", environ=env)
    kinds = {p.name for p in (tmp_path / "cache").iterdir()}
    assert kinds == {"file", "load", "qr", "jinja", "site", "calendars"}  # the cold build filled the cache the warm one reads
    build.build(CATALOGUE, tmp_path / "warm", environ=env)  # another folder: built, from what the cache holds
    cold, warm = hashes(tmp_path / "cold"), hashes(tmp_path / "warm")
    assert len(cold) > 300 and cold.keys() == warm.keys()
    assert [name for name in cold if cold[name] != warm[name]] == []


# --- make serve --------------------------------------------------------------------------


@pytest.fixture
def preview(tmp_path, monkeypatch):
    """In-process builds as `mkdocs serve --dirty` makes them, on a scratch catalogue and theme."""
    catalogue = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE, catalogue)
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    ui = tmp_path / "ui.yml"
    shutil.copy(i18n.UI_FILE, ui)
    monkeypatch.setattr(i18n, "UI_FILE", ui)
    config_file = ROOT / "mkdocs.yml"
    for name, value in {"CATALOGUE": str(catalogue), "SITE_LANG": "zh", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
                        "LEARNING_CITY_CACHE": str(tmp_path / "cache"), "NO_MKDOCS_2_WARNING": "1"}.items():  # fmt: skip
        monkeypatch.setenv(name, value)

    def run(site: Path, *, dirty: bool) -> Path:
        config = load_config(config_file=str(config_file), site_dir=str(site))
        assert Path(config.theme.dirs[0]) == ROOT / "overrides"
        config.theme._custom_dir = config.theme.dirs[0] = str(overrides)  # the theme's overrides, a scratch copy
        config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
        mkdocs_build(config, dirty=dirty)
        i18n.strings.cache_clear()
        return site

    yield catalogue, overrides, ui, run
    i18n.strings.cache_clear()


def mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def test_serve_rebuild_equals_clean_build(preview, tmp_path):
    catalogue, _overrides, _ui, run = preview
    served = run(tmp_path / "served", dirty=True)
    before = mtimes(served)
    provider = catalogue / "providers" / "haining-elderly-university.yml"
    venue_id = next(
        line.split(":")[1].strip() for line in provider.read_text(encoding="utf-8").splitlines() if line.strip().startswith("venue:")
    )
    venue = catalogue / "venues" / f"{venue_id}.yml"
    provider.write_text(provider.read_text(encoding="utf-8").replace("\n  zh: ", "\n  zh: 改过的", 1), encoding="utf-8")
    venue.write_text(venue.read_text(encoding="utf-8").replace("\n  zh: ", "\n  zh: 改名", 1), encoding="utf-8")
    run(served, dirty=True)
    after = mtimes(served)
    rewritten = {name for name in before if after.get(name) != before[name]}
    page = "providers/haining-elderly-university/index.html"
    assert page in rewritten and f"venues/{venue_id}/index.html" in rewritten
    assert "改过的" in (served / page).read_text(encoding="utf-8") and "改名" in (served / page).read_text(encoding="utf-8")
    untouched = [name for name in before if name.startswith("providers/") and name not in rewritten]
    assert len(untouched) > 20  # only what depends on the edit was written again
    assert "network/index.html" in rewritten  # a page of the whole catalogue (counts, lists)
    assert "search/index.html" not in rewritten  # it shows no provider or venue

    clean = run(tmp_path / "clean", dirty=False)
    served_files, clean_files = hashes(served), hashes(clean)
    assert served_files.keys() == clean_files.keys()
    assert [name for name in clean_files if clean_files[name] != served_files[name]] == []


def test_deleted_record_page_is_removed(preview, tmp_path):
    catalogue, _overrides, _ui, run = preview
    served = run(tmp_path / "served", dirty=True)
    gone = sorted((catalogue / "venues").glob("*.yml"))
    used = {
        line.split(":")[1].strip()
        for p in (catalogue / "providers").glob("*.yml")
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("venue:")
    }
    unused = next(p for p in gone if p.stem not in used)
    assert (served / "venues" / unused.stem / "index.html").is_file()
    unused.unlink()
    run(served, dirty=True)
    assert not (served / "venues" / unused.stem / "index.html").exists()
    clean = run(tmp_path / "clean", dirty=False)
    assert [n for n in hashes(clean) if n.endswith(".html")] == [n for n in hashes(served) if n.endswith(".html")]


def test_template_and_interface_string_changes_show_in_a_warm_rebuild(preview, tmp_path):
    catalogue, overrides, ui, run = preview
    served = run(tmp_path / "served", dirty=True)
    page = "venues/" + sorted((catalogue / "venues").glob("*.yml"))[0].stem + "/index.html"
    template = (ROOT / "learning_city" / "site" / "templates" / "lc" / "venue.html").read_text(encoding="utf-8")
    (overrides / "lc").mkdir(exist_ok=True)
    (overrides / "lc" / "venue.html").write_text(template + "<p>TEMPLATE-CHANGED</p>", encoding="utf-8")
    text = ui.read_text(encoding="utf-8")
    ui.write_text(text.replace("elderly.toggle:\n  zh: 长辈模式", "elderly.toggle:\n  zh: 长辈模式UI-CHANGED", 1), encoding="utf-8")
    run(served, dirty=True)
    assert "TEMPLATE-CHANGED" in (served / page).read_text(encoding="utf-8")
    assert "UI-CHANGED" in (served / page).read_text(encoding="utf-8") and "UI-CHANGED" in (served / "index.html").read_text(
        encoding="utf-8"
    )
    clean = run(tmp_path / "clean", dirty=False)
    assert hashes(clean) == hashes(served)


def test_control_a_missed_dependency_shows_as_a_difference(preview, tmp_path, monkeypatch):
    """The comparison can fail: with a record page's key blind to the venues it names, the
    served page keeps the old venue name and differs from the clean build."""
    from learning_city.site import incremental

    catalogue, _overrides, _ui, run = preview
    monkeypatch.setattr(incremental, "_related", lambda catalogue, collection, record_id: [(collection, record_id)])
    served = run(tmp_path / "served", dirty=True)
    provider = catalogue / "providers" / "haining-elderly-university.yml"
    venue_id = next(
        line.split(":")[1].strip() for line in provider.read_text(encoding="utf-8").splitlines() if line.strip().startswith("venue:")
    )
    venue = catalogue / "venues" / f"{venue_id}.yml"
    venue.write_text(venue.read_text(encoding="utf-8").replace("\n  zh: ", "\n  zh: 改名", 1), encoding="utf-8")
    run(served, dirty=True)
    clean = run(tmp_path / "clean", dirty=False)
    served_files, clean_files = hashes(served), hashes(clean)
    assert [n for n in clean_files if clean_files[n] != served_files[n]] == ["providers/haining-elderly-university/index.html"]


def test_a_build_with_nothing_changed_keeps_the_site_and_any_change_builds_again(tmp_path, catalogue_copy):
    env = {**BUILD_ENV, "LEARNING_CITY_CACHE": str(tmp_path / "cache")}
    site = tmp_path / "site"
    build.build(catalogue_copy, site, environ=env)
    first, written = hashes(site), (site / "index.html").stat().st_mtime_ns
    build.build(catalogue_copy, site, environ=env)
    assert hashes(site) == first and (site / "index.html").stat().st_mtime_ns == written  # kept, not written again

    venue = sorted((catalogue_copy / "venues").glob("*.yml"))[0]
    venue.write_text(venue.read_text(encoding="utf-8").replace("\n  zh: ", "\n  zh: 新名字", 1), encoding="utf-8")
    build.build(catalogue_copy, site, environ=env)
    assert "新名字" in (site / "venues" / venue.stem / "index.html").read_text(encoding="utf-8")

    build.build(catalogue_copy, site, environ={**env, "SITE_URL": "https://elsewhere.example.org/"})
    assert "https://elsewhere.example.org/" in (site / "index.html").read_text(encoding="utf-8")

    edited = hashes(site)
    (site / "policy" / "index.html").write_text("damaged", encoding="utf-8")  # the output changed by hand
    build.build(catalogue_copy, site, environ={**env, "SITE_URL": "https://elsewhere.example.org/"})
    assert hashes(site) == edited
