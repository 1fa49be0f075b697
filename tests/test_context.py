"""One build context: the day, the addresses and the templates are decided once, by the plugin,
and passed down; the settings under `extra` are checked against their types."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.exceptions import PluginError

from learning_city.plugin.config import CatalogueConfig, EditorConfig, GovernmentConfig, checked
from learning_city.site import context, search_records

DAY = dt.date(2026, 11, 29)


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def environment_reads(folder: Path) -> list[str]:
    """Where modules under `folder` read the environment (os.environ, os.getenv) or the clock's day."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            environ = isinstance(node, ast.Attribute) and _name(node.value) == "os" and node.attr in ("environ", "getenv")
            clock = (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("today", "now")
                and _name(node.func.value) in ("date", "datetime")
            )
            if environ or clock:
                found.append(f"{path.relative_to(folder).as_posix()}:{node.lineno}")
    return sorted(found, key=lambda place: (place.rsplit(":", 1)[0], int(place.rsplit(":", 1)[1])))


def test_pages_and_strings_read_no_environment():
    """The plugin reads the day once (learning_city/plugin/plugin.py); renderers get it from the context."""
    assert environment_reads(ROOT / "learning_city" / "site") == []
    assert environment_reads(ROOT / "learning_city" / "i18n") == []


def test_control_a_read_of_the_environment_is_found(tmp_path):
    (tmp_path / "planted.py").write_text(
        "import os\nimport datetime as dt\nday = os.environ.get('X')\nnow = dt.date.today()\nthen = dt.datetime.now()\n", encoding="utf-8"
    )
    assert environment_reads(tmp_path) == ["planted.py:3", "planted.py:4", "planted.py:5"]


def test_context_names_each_language_root_and_is_frozen():
    zh = context.make("zh", DAY, "https://learn.jiaxing.example/", "https://git.example/city/catalogue/", search_bundle_size=5000)
    en = context.make("en", DAY, "https://learn.jiaxing.example", "https://git.example/city/catalogue", search_bundle_size=5000)
    assert (zh.site_url, en.site_url) == ("https://learn.jiaxing.example/", "https://learn.jiaxing.example/en/")
    assert zh.site_root == en.site_root == "https://learn.jiaxing.example/"
    assert zh.repository == en.repository == "https://git.example/city/catalogue"
    assert context.make("en", DAY, "", "r", search_bundle_size=5000).site_url == ""  # no address: links stay relative
    with pytest.raises(dataclasses.FrozenInstanceError):
        zh.today = dt.date(2030, 1, 1)  # type: ignore[misc]


def test_templates_show_statuses_on_the_context_day():
    """The day given, not the clock's: a build of 2026-11-29 says so on every page."""
    as_of = context.make("en", DAY, "", "r", search_bundle_size=5000).templates.env.globals["status_as_of"]("en")
    later = context.make("en", dt.date(2027, 3, 1), "", "r", search_bundle_size=5000).templates.env.globals["status_as_of"]("en")
    assert "29 November 2026" in as_of and "1 March 2027" in later


@pytest.mark.parametrize(
    ("kind", "values", "named"),
    [
        (GovernmentConfig, {"sponser": "嘉兴市教育局"}, "extra.government.sponser"),  # a typo in a key
        (GovernmentConfig, {"site_code": 3304000001}, "extra.government.site_code"),  # a number where text is expected
        (EditorConfig, {"backend": "bitbucket"}, "extra.editor.backend"),
        (EditorConfig, {"app_id": ["x"]}, "extra.editor.app_id"),
    ],
)
def test_a_wrong_setting_stops_the_build_with_its_key(kind, values, named):
    with pytest.raises(PluginError, match=named.replace(".", r"\.")):
        checked(kind, values, named.rsplit(".", 1)[0])


def test_control_right_settings_pass_with_defaults_filled():
    assert (
        checked(GovernmentConfig, {"sponsor": {"zh": "嘉兴市教育局", "en": "Jiaxing Municipal Education Bureau"}}, "extra.government")[
            "icp"
        ]
        == ""
    )
    assert checked(EditorConfig, None, "extra.editor")["backend"] == "github"
    assert checked(EditorConfig, {"backend": "gitea", "app_id": "abc"}, "extra.editor")["app_id"] == "abc"


@pytest.mark.parametrize(
    "value, error", [(5000, None), (1, None), (None, None), (0, "at least 1"), (-3, "at least 1"), (True, "at least 1"), ("5k", "int")]
)
def test_the_search_bundle_size_is_a_count(value, error):
    """A bundle of 0 courses would split nothing (range with step 0: a traceback in the build): the
    setting is refused with its name instead; unset is the plugin's default."""
    config = CatalogueConfig()
    config.load_dict({"search_bundle_size": value})
    failed, _ = config.validate()
    assert [str(e) for _, e in failed if error and error in str(e)] if error else not failed
    if not error:
        assert config.search_bundle_size == (value or search_records.BUNDLE_SIZE)
