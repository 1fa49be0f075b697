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
    called |= {"area", "area_title", "county_courses", "county_courses_title"}  # the plugin's generated list pages
    assert called and called <= registered, called - registered


def test_the_macros_render_for_the_page_being_built():
    config = configured()
    site = config.plugins["learning-city"]

    class Page:
        url = "en/courses/"  # two folders down: links go up twice

    site.on_page_markdown("", Page(), config, None)
    marker = config.plugins["macros"].macros["policy"]()
    assert '../../targets/#target-' in site.slots.fill(marker)


def test_without_the_macros_plugin_the_build_stops_with_a_clear_error():
    config = load_config(str(ROOT / "mkdocs.yml"))
    del config.plugins["macros"]
    with pytest.raises(PluginError, match="macros plugin"):
        config.plugins.on_config(config)
