"""The MkDocs plugin, in process: its typed settings, and the page macros it registers.

mkdocs.yml is loaded as MkDocs loads it and every plugin's on_config runs, without building pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent


def configured():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.plugins.on_config(config)


def test_every_macro_a_page_calls_is_registered_with_mkdocs_macros():
    config = configured()
    registered = set(config.plugins["macros"].macros)
    called = {name for page in (ROOT / "docs").rglob("*.md") for name in re.findall(r"\{\{\s*(\w+)\(", page.read_text(encoding="utf-8"))}
    assert called and called <= registered, called - registered


def test_the_macros_render_for_the_page_being_built():
    config = configured()
    site = config.plugins["learning-city"]

    class File:
        src_uri = "en/courses.md"

    class Page:
        url = "en/courses/"  # two folders down: links go up twice
        file = File()

    site.on_page_markdown("", Page(), config, None)
    marker = config.plugins["macros"].macros["policy"]()
    assert "../../targets/#target-" in site.slots.fill(marker)


def test_without_the_macros_plugin_the_build_stops_with_a_clear_error():
    config = load_config(str(ROOT / "mkdocs.yml"))
    del config.plugins["macros"]
    with pytest.raises(PluginError, match="macros plugin"):
        config.plugins.on_config(config)


@pytest.mark.parametrize("validated_on", ["1790000000", "1790200000"], ids=["same-day", "control-another-day"])
def test_a_build_takes_the_catalogue_validation_loaded(tmp_path, monkeypatch, validated_on):
    """`make site` validates, then builds each language: the builds find validation's whole load
    on disk (same files, same day) and check nothing again; a build on another day checks again."""
    from learning_city.data import loader
    from learning_city.data.store import Store
    from learning_city.data.today import today

    disk = Store(tmp_path)
    loader.load(ROOT / "catalogue", today({"SOURCE_DATE_EPOCH": validated_on}), disk=disk)  # scripts/validate.py
    checked = []
    real_check = loader._check
    monkeypatch.setattr(loader, "_check", lambda *args: checked.append(args) or real_check(*args))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    config = load_config(str(ROOT / "mkdocs.yml"))
    site = config.plugins["learning-city"]
    monkeypatch.setattr(site, "disk", disk)
    monkeypatch.setattr(site, "parsed", None)  # a build, not a live preview
    config.plugins.on_config(config)
    assert site.catalogue is not None and len(site.catalogue.providers) > 10
    assert len(checked) == (0 if validated_on == "1790000000" else 1)
