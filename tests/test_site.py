"""The built site: search finds Chinese words, catalogue text stays text, builds are strict."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from learning_city.plugin import build

pytestmark = pytest.mark.build


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_html_lang_and_language_switch_keep_the_page(site):
    zh, en = page(site, "targets"), page(site / "en", "targets")
    assert zh.html["lang"].startswith("zh") and en.html["lang"] == "en"
    assert zh.select_one('a.lc-alternate[hreflang="en"]')["href"] == "../en/targets/"
    assert en.select_one('a.lc-alternate[hreflang="zh"]')["href"] == "../../targets/"


def test_untranslated_text_falls_back_to_chinese_tagged_and_marked(site):
    """A village school that wrote its courses in Chinese only: the English page shows the Chinese, tagged and marked."""
    body = page(site / "en", "providers/haiyan-baibu-meiyuan-community-school")
    fallback = [element for element in body.find_all(lang="zh") if element.get_text(strip=True) == "隔代教育"]
    assert fallback, "the untranslated course title is not tagged as Chinese"
    assert "not yet translated" in body.get_text()


def test_sample_data_says_so(site):
    assert "示例数据" in page(site, "targets").get_text()
    assert "Sample data" in page(site / "en", "targets").get_text()


HOSTILE = ["<script>alert(1)</script>", "{{ 7*7 }}", "<img src=x onerror=alert(2)>", "[x](javascript:alert(3))"]


def test_catalogue_text_is_shown_literally_never_run(catalogue_copy, tmp_path):
    targets = catalogue_copy / "targets.yml"
    text = targets.read_text(encoding="utf-8")
    for number, hostile in enumerate(HOSTILE):
        old = ["每所中职学校开设社区课程", "每所成人学校培育特色培训项目", "国家级示范镇", "市级标准化社区学校"][number]
        quoted = json.dumps(hostile).replace("\\", "\\\\")
        text = re.sub(rf"zh: {old}\n(\s+)en: .*\n", rf"zh: {quoted}\n\1en: {quoted}\n", text, count=1)
    targets.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    build.build(catalogue_copy, out)
    for lang in ("", "en"):
        html = (out / lang / "targets" / "index.html").read_text(encoding="utf-8")
        shown = BeautifulSoup(html, "html.parser").select_one(".lc-targets").get_text()
        for hostile in HOSTILE:
            assert hostile in shown, f"{hostile!r} not shown literally ({lang or 'zh'})"
        assert "<script>alert(1)" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
        assert 'href="javascript:' not in html
        assert "49" not in shown


def scratch_project(tmp_path, extra_page: str):
    """A copy of the site's sources with one more page, to prove what fails the build."""
    project = tmp_path / "project"
    for name in ("docs", "overrides", "macros"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "learning_city").symlink_to(ROOT / "learning_city")
    (project / "docs" / "extra.md").write_text(extra_page, encoding="utf-8")
    return project


@pytest.mark.parametrize(
    "extra_page",
    ["# x\n\n{{ no_such_variable }}\n", "# x\n\n{{ ui('no.such.key') }}\n", "# x\n\n[broken](no-such-page.md)\n"],
    ids=["undefined-variable", "macro-error", "warning"],
)
def test_a_macro_error_an_undefined_variable_or_a_warning_fails_the_build(tmp_path, extra_page):
    project = scratch_project(tmp_path, extra_page)
    with pytest.raises(subprocess.CalledProcessError):
        build.build(ROOT / "catalogue", tmp_path / "site", config=project / "mkdocs.yml")


def test_the_scratch_project_builds_without_the_fault(tmp_path):
    """The control for the test above: the same copy with a harmless page builds."""
    project = scratch_project(tmp_path, "# x\n\n{{ ui('home.title') }}\n")
    build.build(ROOT / "catalogue", tmp_path / "site", config=project / "mkdocs.yml")
    assert (tmp_path / "site" / "en" / "extra" / "index.html").exists()


def test_an_invalid_catalogue_fails_the_build_with_its_problems(catalogue_copy, tmp_path):
    (catalogue_copy / "providers" / "jiaxing-library-typo.yml").write_text("id: x\n", encoding="utf-8")
    env_build = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "--catalogue", str(catalogue_copy), "--site-dir", str(tmp_path / "s")],
        capture_output=True,
        text=True,
    )
    assert env_build.returncode == 1
    assert "jiaxing-library-typo.yml" in env_build.stderr + env_build.stdout


def test_a_template_in_the_themes_custom_dir_replaces_the_packages(tmp_path, site):
    """A site changes a page's markup from overrides/lc/ without touching the package."""
    project = scratch_project(tmp_path, "# x\n\n{{ ui('home.title') }}\n")
    package = (ROOT / "learning_city" / "site" / "templates" / "lc" / "untranslated.html").read_text(encoding="utf-8")
    (project / "overrides" / "lc").mkdir()
    (project / "overrides" / "lc" / "untranslated.html").write_text(
        package.replace('<span lang="zh">', '<span lang="zh" data-city-override>'), encoding="utf-8"
    )
    build.build(ROOT / "catalogue", tmp_path / "site", config=project / "mkdocs.yml")
    page = "en/venues/jiaxing-library-fengqiao/index.html"  # its name has no English
    assert "data-city-override" in (tmp_path / "site" / page).read_text(encoding="utf-8")
    assert "data-city-override" not in (site / page).read_text(encoding="utf-8")  # control: the package's own
