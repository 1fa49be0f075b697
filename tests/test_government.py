"""Government website conventions: footer lines and meta tags when mkdocs.yml sets them, none
by default; and large-text mode's large mouse pointer, in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import CATALOGUE, ROOT, TEMPLATES

from learning_city.plugin import build
from learning_city.site import government

SETTINGS = {
    "sponsor": {"zh": "嘉兴市教育局", "en": "Jiaxing Municipal Education Bureau"},
    "site_code": "3304000001",
    "icp": "浙ICP备12345678号-1",
    "police": "浙公网安备33040202000123号",
    "contact": {"zh": "联系电话：0573-12345678"},
}
# the settings as a city writes them in mkdocs.yml
FILLED = """\
  government:
    sponsor: {zh: 嘉兴市教育局, en: Jiaxing Municipal Education Bureau}
    site_code: "3304000001"
    icp: 浙ICP备12345678号-1
    police: 浙公网安备33040202000123号
    contact: {zh: 联系电话：0573-12345678}
"""
PAGES = ("index.html", "policy/index.html", "providers/index.html", "404.html")
POLICE_LINK = "https://beian.mps.gov.cn/#/query/webSearch?code=33040202000123"


# ---------------------------------------------------------------- the footer's lines, in process


def test_nothing_by_default():
    assert government.footer({}, "zh", templates=TEMPLATES) == [] and government.footer(None, "en", templates=TEMPLATES) == []
    empty = {"sponsor": "", "site_code": "", "icp": "", "police": "", "contact": ""}
    assert (
        government.footer(empty, "zh", templates=TEMPLATES) == []
        and government.meta_tags(empty, "嘉兴学习型城市", "https://x.org/", templates=TEMPLATES) == []
    )


def test_footer_lines_in_each_language():
    zh = government.footer(SETTINGS, "zh", templates=TEMPLATES)
    assert [re.sub(r"<[^>]+>", "", line) for line in zh] == [
        "主办单位：嘉兴市教育局",
        "网站标识码：3304000001",
        "ICP备案号：浙ICP备12345678号-1",
        "公安备案号：浙公网安备33040202000123号",
        "联系方式：联系电话：0573-12345678",
    ]
    en = government.footer(SETTINGS, "en", templates=TEMPLATES)
    assert re.sub(r"<[^>]+>", "", en[0]) == "Run by: Jiaxing Municipal Education Bureau"
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener"><span lang="zh">浙ICP备12345678号-1</span></a>' in en[2]
    assert f'href="{POLICE_LINK}"' in en[3]
    # no English contact given: the Chinese, tagged as Chinese
    assert en[4].endswith('Contact: <span lang="zh">联系电话：0573-12345678</span></span>')


def test_settings_are_escaped():
    lines = government.footer({"sponsor": "<script>alert(1)</script>", "site_code": '1" onmouseover="x'}, "zh", templates=TEMPLATES)
    assert "<script>" not in "".join(lines) and "&lt;script&gt;" in lines[0]
    tags = government.meta_tags({"site_code": '1"><script>'}, "a&b", "https://x.org/", templates=TEMPLATES)
    assert tags[0] == '<meta name="SiteName" content="a&amp;b">' and '"><script>' not in "".join(tags)


# ---------------------------------------------------------------- built sites, with and without


@pytest.fixture(scope="module")
def government_site(tmp_path_factory) -> Path:
    """The real catalogue built with extra.government filled in, from a copy of mkdocs.yml that
    changes nothing else (its folders linked, so the copy builds the same site)."""
    project = tmp_path_factory.mktemp("government")
    for name in ("docs", "overrides", "macros", "learning_city"):
        (project / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^  government:\n(?:    .*\n)+", config, re.M)
    assert block, "mkdocs.yml has no extra.government block"
    (project / "mkdocs.yml").write_text(config.replace(block.group(0), FILLED), encoding="utf-8")
    out = tmp_path_factory.mktemp("government-site")
    build.build(CATALOGUE, out, config=project / "mkdocs.yml")
    return out


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_the_settings_in_its_language(government_site, lang, path):
    page = soup(government_site, ("en/" if lang == "en" else "") + path)
    footer = page.select_one("footer .lc-gov")
    assert footer is not None, "no government lines in the footer"
    text = " ".join(footer.get_text().split())
    if lang == "zh":
        for expected in (
            "主办单位：嘉兴市教育局",
            "网站标识码：3304000001",
            "ICP备案号：浙ICP备12345678号-1",
            "公安备案号：浙公网安备33040202000123号",
            "联系方式：联系电话：0573-12345678",
        ):
            assert expected in text, (expected, text)
    else:
        for expected in (
            "Run by: Jiaxing Municipal Education Bureau",
            "Site identification code: 3304000001",
            "ICP filing: 浙ICP备12345678号-1",
            "Public security filing: 浙公网安备33040202000123号",
            "Contact: 联系电话",
        ):
            assert expected in text, (expected, text)
        assert "主办单位" not in text
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    assert links == {"浙ICP备12345678号-1": "https://beian.miit.gov.cn/", "浙公网安备33040202000123号": POLICE_LINK}
    meta = {tag["name"]: tag["content"] for tag in page.find_all("meta", attrs={"name": re.compile("^Site")})}
    name = "嘉兴学习型城市" if lang == "zh" else "Jiaxing Learning City"
    assert meta == {"SiteName": name, "SiteDomain": "learning-city.example.org", "SiteIDCode": "3304000001"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_by_default_no_page_shows_them(site, lang, path):
    page = soup(site, ("en/" if lang == "en" else "") + path)
    assert page.select_one("footer .md-copyright a[href$='accessibility/']") is not None  # the footer is there
    assert page.select_one(".lc-gov") is None
    assert page.find("meta", attrs={"name": re.compile("^Site")}) is None
    assert "beian" not in str(page)


# ---------------------------------------------------------------- the large mouse pointer


def cursors(page) -> dict[str, str]:
    return page.evaluate(
        """() => ({
            body: getComputedStyle(document.querySelector('.md-content p') || document.body).cursor,
            link: getComputedStyle(document.querySelector('.md-content a[href]')).cursor,
        })"""
    )


def test_large_text_mode_gives_a_large_mouse_pointer(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    hosts = set()
    context.on("request", lambda request: hosts.add(re.sub(r"^\w+://([^/:]+).*", r"\1", request.url)))
    page = context.new_page()
    page.goto(server + "policy/")
    normal = cursors(page)
    assert "cursor-large" not in normal["body"] + normal["link"]  # control: the usual pointer
    page.click("#lc-elderly-toggle")
    large = cursors(page)
    assert re.fullmatch(r'url\("http://127\.0\.0\.1:\d+/assets/cursor-large\.svg"\) 13 5, default', large["body"]), large
    assert re.fullmatch(r'url\("http://127\.0\.0\.1:\d+/assets/cursor-large-link\.svg"\) 22 5, pointer', large["link"]), large
    sizes = page.evaluate(
        """async () => Promise.all(['cursor-large.svg', 'cursor-large-link.svg'].map(async name => {
            const img = new Image();
            img.src = new URL('../assets/' + name, location.href).href;
            await img.decode();
            return [img.naturalWidth, img.naturalHeight];
        }))"""
    )
    assert sizes == [[48, 48], [48, 48]]
    # the English site has its own copy
    page.goto(server + "en/policy/")
    assert "/en/assets/cursor-large.svg" in cursors(page)["body"]
    assert hosts == {"127.0.0.1"}, hosts
    context.close()


def test_no_large_pointer_on_touch_screens(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    context.add_init_script("try { localStorage.setItem('lc-elderly', '1'); } catch (e) {}")
    page = context.new_page()
    page.goto(server + "policy/")
    assert page.evaluate("document.documentElement.dataset.lcMode") == "elderly"
    assert "cursor-large" not in cursors(page)["body"]
    context.close()
