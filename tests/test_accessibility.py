"""Accessibility in headless Chromium: axe-core on every kind of page in both languages and all three
modes (light, dark, elderly), the keyboard alone, elderly mode's sizes and spacing, language tags.

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js inside it (no
network at test time). One browser and one server serve the whole module, and one context per mode:
light, dark (Material follows prefers-color-scheme), elderly (localStorage "lc-elderly" = "1" before
any page script runs, as the header's switch leaves it).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import CATALOGUE
from playwright.sync_api import expect

from learning_city.i18n import t

VIEWPORT = {"width": 1280, "height": 900}

# Every kind of page; the same relative path in both languages.
PAGES = {
    "home": "",
    "policy": "policy/",
    "targets": "targets/",
    "provider": "providers/jiaxing-city-university/",
    "venue": "venues/jiaxing-library/",
    "network": "network/",
    "elderly": "elderly/",
    "finder": "courses/",
    "providers": "providers/",
    "venues": "venues/",
    "area": "areas/nanhu/",
    "county-courses": "courses/nanhu/",
    "search": "search/",
    "statement": "accessibility/",
    "data": "data/",
    "404": "404.html",
    # issue 22: learning teams and online resources
    "teams": "teams/",
    "county-teams": "teams/nanhu/",
    "resources": "resources/",
    "events": "events/",  # issue 22: events
    # issue 22: recognitions
    "recognitions": "recognitions/",
}
LANGS = {"zh": "", "en": "en/"}
MODES = ("light", "dark", "elderly")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

ELDERLY_ON = "try { localStorage.setItem('lc-elderly', '1'); } catch (e) {}"
TOGGLE_TEXT = {"zh": "长辈模式", "en": "Large text"}
MIN_TARGET = 48  # CSS px, elderly mode's promise (WCAG 2.5.5 AAA asks 44)


@pytest.fixture(scope="module")
def contexts(browser):
    """One browser context per mode, made when first asked for and shared by the module's tests."""
    made = {}

    def get(mode: str):
        if mode not in made:
            context = browser.new_context(viewport=VIEWPORT, color_scheme="dark" if mode == "dark" else "light")
            if mode == "elderly":
                context.add_init_script(ELDERLY_ON)
            made[mode] = context
        return made[mode]

    yield get
    for context in made.values():
        context.close()


@pytest.fixture
def new_page(contexts):
    """A fresh tab in the given mode's shared context, closed after the test."""
    opened = []

    def make(mode: str = "light"):
        page = contexts(mode).new_page()
        opened.append(page)
        return page

    yield make
    for page in opened:
        page.close()


@pytest.fixture
def own_context(browser):
    """A context of the test's own, for tests that change what the browser remembers."""
    made = []

    def make(**options):
        context = browser.new_context(viewport=VIEWPORT, **options)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def url(server: str, lang: str, path: str) -> str:
    return server + LANGS[lang] + path


def open_page(page, address: str) -> None:
    """Load a page and wait until what its scripts draw is there (the finder's results, the search box)."""
    response = page.goto(address, wait_until="load")
    assert response is not None and response.ok, f"{address} answered {response.status if response else 'nothing'}"
    if page.locator(".lc-finder-form").count():
        expect(page.locator(".lc-count")).to_have_text(re.compile(r"\d"))
    if page.locator(".lc-search").count():
        expect(page.locator(".pagefind-ui__search-input")).to_be_attached()
    page.evaluate("document.fonts.ready.then(() => true)")


def in_elderly_mode(page) -> bool:
    return page.evaluate("document.documentElement.dataset.lcMode") == "elderly"


# ---------------------------------------------------------------- axe-core

AXE = Axe()
LIGHTHOUSE_RULES = ("aria-allowed-role",)


def axe_violations(page) -> list[dict]:
    """axe-core's violations of WCAG 2.0/2.1 A and AA and WCAG 2.2 AA on the page as it is now, and
    of the best-practice rules Lighthouse's accessibility score counts that a page of ours broke
    (the menu button, a <label> given role="button": 99 on every page in make bench)."""
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "rules": {rule: {"enabled": True} for rule in LIGHTHOUSE_RULES},
        "resultTypes": ["violations"],
    }
    return AXE.run(page, options=options).response["violations"]


def describe(violations: list[dict], targets: int = 4) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} element(s)]")
        for node in v["nodes"][:targets]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
    return "\n".join(lines)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_finds_no_wcag_violations(new_page, server, kind, lang, mode):
    page = new_page(mode)
    open_page(page, url(server, lang, PAGES[kind]))
    if mode == "dark":
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "the dark palette did not apply"
    if mode == "elderly":
        assert in_elderly_mode(page), 'elderly mode is not on: <html data-lc-mode="elderly"> is missing'
    violations = axe_violations(page)
    if violations:
        pytest.fail(f"/{LANGS[lang]}{PAGES[kind]} ({mode}):\n" + describe(violations), pytrace=False)


BROKEN = """
<div id="lc-broken" style="background: #ffffff">
  <img id="lc-broken-img" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==" width="40" height="40">
  <button id="lc-broken-button" type="button"><svg width="16" height="16" aria-hidden="true"><rect width="16" height="16"/></svg></button>
  <p id="lc-broken-text" style="color: #e0e0e0; background: #ffffff">Barely readable grey text</p>
</div>
"""


def test_the_axe_check_reports_broken_markup(new_page, server):
    """The check above can fail: a picture without alt, a nameless button and pale text are caught."""
    page = new_page("light")
    open_page(page, url(server, "en", PAGES["policy"]))
    page.evaluate("html => document.querySelector('.md-content__inner').insertAdjacentHTML('beforeend', html)", BROKEN)
    violations = axe_violations(page)
    in_fixture = {(v["id"], str(node["target"][-1])) for v in violations for node in v["nodes"] if "#lc-broken" in str(node["target"][-1])}
    expected = {("image-alt", "#lc-broken-img"), ("button-name", "#lc-broken-button"), ("color-contrast", "#lc-broken-text")}
    assert expected <= in_fixture, describe(violations)
    report = describe(violations)
    assert "image-alt (critical)" in report and "#lc-broken-img" in report


# ---------------------------------------------------------------- keyboard only


def tab_to(page, selector: str, presses: int = 60) -> None:
    """Press Tab (only Tab: no clicks, no .focus()) until the element matching selector has focus."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    active = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"{selector} not reached in {presses} Tab presses; focus is on {active}")


FOCUS_VISIBLE = """() => {
  const s = getComputedStyle(document.activeElement);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return {outline: outline, shadow: s.boxShadow !== "none", style: s.outlineStyle + " " + s.outlineWidth + " / " + s.boxShadow};
}"""


def assert_focus_visible(page) -> None:
    focus = page.evaluate(FOCUS_VISIBLE)
    assert focus["outline"] or focus["shadow"], f"no visible focus indicator: {focus['style']}"


def count_text(page) -> str:
    expect(page.locator(".lc-count")).to_have_text(re.compile(r"\d"))
    return page.locator(".lc-count").inner_text()


def test_keyboard_alone_searches_and_filters_the_finder(own_context, server):
    page = own_context().new_page()
    open_page(page, url(server, "zh", PAGES["finder"]))
    before = count_text(page)
    tab_to(page, "#f-q")
    assert_focus_visible(page)
    page.keyboard.type("太极")
    expect(page.locator(".lc-count")).not_to_have_text(before)
    assert "太极" in page.locator(".lc-results").inner_text()

    open_page(page, url(server, "zh", PAGES["finder"]))  # start again, without the keyword
    before = count_text(page)
    tab_to(page, "#f-county")
    assert_focus_visible(page)
    page.keyboard.press("ArrowDown")
    expect(page.locator("#f-county")).not_to_have_value("")
    expect(page.locator(".lc-count")).not_to_have_text(before)
    county = page.locator("#f-county").input_value()
    assert page.locator(f'.lc-result[data-county="{county}"]').count() == page.locator(".lc-result").count() > 0


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_alone_turns_elderly_mode_on_and_off(own_context, server, lang):
    page = own_context().new_page()
    open_page(page, url(server, lang, PAGES["home"]))
    toggle = page.locator("#lc-elderly-toggle")
    assert page.evaluate("document.getElementById('lc-elderly-toggle')?.tagName") == "BUTTON"
    expect(toggle).to_be_visible()
    expect(toggle).to_contain_text(TOGGLE_TEXT[lang])
    expect(toggle).to_have_attribute("aria-pressed", "false")
    assert not in_elderly_mode(page)

    tab_to(page, "#lc-elderly-toggle")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("data-lc-mode", "elderly")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("localStorage.getItem('lc-elderly')") == "1"

    open_page(page, url(server, lang, PAGES["policy"]))  # remembered on the next page
    assert in_elderly_mode(page)
    expect(toggle).to_have_attribute("aria-pressed", "true")

    tab_to(page, "#lc-elderly-toggle")
    page.keyboard.press("Space")  # a real button answers Space as well as Enter
    expect(page.locator("html")).not_to_have_attribute("data-lc-mode", "elderly")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    open_page(page, url(server, lang, PAGES["network"]))
    assert not in_elderly_mode(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_skip_link_is_the_first_stop_and_shows(own_context, server, lang):
    page = own_context().new_page()
    open_page(page, url(server, lang, PAGES["provider"]))
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    assert_focus_visible(page)
    expect(skip).to_have_css("opacity", "1")  # Material fades it in on focus
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["x"] >= 0 and box["width"] > 10, f"the focused skip link is off screen: {box}"
    target = skip.get_attribute("href")
    assert target.startswith("#") and page.locator(target).count() == 1
    # what a screen reader says first: ours (Material's Chinese is "跳转至", "jump to", and nothing after)
    expect(skip).to_have_text(t("material.action.skip", lang))
    assert t("material.action.skip", "zh") != material_word("zh", "action.skip")


def material_word(lang: str, key: str) -> str:
    """Material's own word for `key` in `lang` (its partials/languages/<lang>.html), read from the file."""
    text = (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html").read_text(encoding="utf-8")
    found = re.search(rf'"{re.escape(key)}": "([^"]*)"', text)
    assert found, key
    return found.group(1)


# ---------------------------------------------------------------- elderly mode, measured

# Text blocks whose own font size is the body text size.
TEXT_BLOCKS = ".md-content .md-typeset :is(p, li, dd, dt, td, th, label)"

MEASURE = """([blocks, minTarget]) => {
  const visible = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + ' "' + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30) + '"';
  const px = v => parseFloat(v);

  const text = [];
  for (const el of document.querySelectorAll(blocks)) {
    if (!visible(el) || !el.textContent.trim()) continue;
    const s = getComputedStyle(el);
    const size = px(s.fontSize);
    const line = s.lineHeight === "normal" ? 1.2 * size : px(s.lineHeight);
    text.push({el: name(el), size: size, line: line});
  }

  // The gap between two consecutive paragraphs' boxes (adjacent margins collapse to it).
  const gaps = [];
  for (const p of document.querySelectorAll(".md-content .md-typeset p")) {
    const next = p.nextElementSibling;
    if (!next || next.tagName !== "P" || !visible(p) || !visible(next)) continue;
    gaps.push({el: name(p), gap: next.getBoundingClientRect().top - p.getBoundingClientRect().bottom,
               size: px(getComputedStyle(p).fontSize)});
  }
  // Where a page has no two paragraphs in a row, what two would be separated by: the collapsed
  // margin of a paragraph in the running text (an admonition's last paragraph sits on its padding).
  const p = [...document.querySelectorAll(".md-content .md-typeset p")].find(p => visible(p) && !p.closest(".admonition"));
  const margin = p ? {el: name(p), gap: Math.max(px(getComputedStyle(p).marginTop), px(getComputedStyle(p).marginBottom)),
                      size: px(getComputedStyle(p).fontSize)} : null;

  // Targets: every visible control in the header, the tabs and the content.
  const small = [];
  const controls = ".md-header :is(a, button, input, select, summary, label.md-header__button),"
    + ".md-tabs a, .md-content :is(a, button, input, select, summary)";
  for (const el of document.querySelectorAll(controls)) {
    if (!visible(el)) continue;
    // WCAG 2.5.8 exempts inline targets: a link inside a sentence is sized by the text's line.
    if (el.matches("a") && el.closest("p")) continue;
    let r = el.getBoundingClientRect();
    // A checkbox's target includes its label: pressing the label ticks the box.
    if (el.matches("input[type=checkbox], input[type=radio]") && el.labels.length) {
      for (const label of el.labels) {
        const l = label.getBoundingClientRect();
        const left = Math.min(r.left, l.left), top = Math.min(r.top, l.top);
        r = {width: Math.max(r.right, l.right) - left, height: Math.max(r.bottom, l.bottom) - top,
             left: left, top: top, right: Math.max(r.right, l.right), bottom: Math.max(r.bottom, l.bottom)};
      }
    }
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5)
      small.push(name(el) + " " + Math.round(r.width) + "x" + Math.round(r.height));
  }

  const sidebars = [...document.querySelectorAll(".md-sidebar")].filter(visible).map(name);
  return {text: text, gaps: gaps, margin: margin, small: small, sidebars: sidebars};
}"""


@pytest.mark.parametrize("lang", LANGS)
# every kind of page with running text (the search page's and the 404's are a box and a heading)
@pytest.mark.parametrize("kind", sorted(set(PAGES) - {"search", "404"}))
def test_elderly_mode_text_spacing_and_target_sizes(new_page, server, kind, lang):
    page = new_page("elderly")
    open_page(page, url(server, lang, PAGES[kind]))
    assert in_elderly_mode(page), 'elderly mode is not on: <html data-lc-mode="elderly"> is missing'
    m = page.evaluate(MEASURE, [TEXT_BLOCKS, MIN_TARGET])
    problems = []
    assert m["text"], "no body text measured"
    problems += [f"text under 20px: {t['el']} {t['size']}px" for t in m["text"] if t["size"] < 20 - 0.01]
    problems += [
        f"line height under 1.3x: {t['el']} {t['line']}px for {t['size']}px" for t in m["text"] if t["line"] < 1.3 * t["size"] - 0.01
    ]
    gaps = m["gaps"] or ([m["margin"]] if m["margin"] else [])
    assert gaps, "no paragraph to measure"
    problems += [
        f"paragraph gap under 1.3x the font size: {g['el']} {g['gap']:.1f}px for {g['size']}px"
        for g in gaps
        if g["gap"] < 1.3 * g["size"] - 0.01
    ]
    problems += [f"target under {MIN_TARGET}x{MIN_TARGET}: {s}" for s in m["small"]]
    problems += [f"sidebar shown: {s}" for s in m["sidebars"]]
    if problems:
        pytest.fail(f"/{LANGS[lang]}{PAGES[kind]} in elderly mode:\n" + "\n".join(dict.fromkeys(problems)), pytrace=False)


# ---------------------------------------------------------------- language, finder semantics, read aloud, print


@pytest.mark.parametrize("lang", LANGS)
def test_pages_name_their_language(new_page, server, lang):
    page = new_page("light")
    for kind in ("home", "provider", "finder"):
        open_page(page, url(server, lang, PAGES[kind]))
        assert page.evaluate("document.documentElement.lang").split("-")[0] == lang, kind


UNTAGGED_CHINESE = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);  // the header's title too
  const bad = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/\\p{Script=Han}/u.test(node.data)) continue;
    if (node.parentElement.closest("script")) continue;  // data for software (JSON-LD), never shown or read aloud
    const tagged = node.parentElement.closest("[lang]");
    if (!tagged || !tagged.lang.startsWith("zh")) bad.push(node.parentElement.tagName + ": " + node.data.trim().slice(0, 40));
  }
  return bad;
}"""


def test_untranslated_text_on_english_pages_is_tagged_chinese(new_page, server):
    record = "nanhu-daqiao-jiangnan-community-school"
    data = yaml.safe_load((CATALOGUE / "providers" / f"{record}.yml").read_text(encoding="utf-8"))
    assert "en" not in data["name"], "pick a record whose name has no English"
    page = new_page("light")
    open_page(page, url(server, "en", f"providers/{record}/"))
    name = data["name"]["zh"]
    assert name in page.locator(".md-content").inner_text()
    assert page.evaluate("document.documentElement.lang").startswith("en")
    untagged = page.evaluate(UNTAGGED_CHINESE)
    assert not untagged, "Chinese text on an English page without lang=zh:\n" + "\n".join(untagged)


FINDER_LABELS = """() => [...document.querySelectorAll(".lc-finder-form :is(input, select, textarea)")]
  .filter(el => el.type !== "hidden")
  .map(el => ({id: el.id, labels: [...el.labels].map(l => l.textContent.trim())}))"""


@pytest.mark.parametrize("lang", LANGS)
def test_finder_announces_its_count_and_labels_every_filter(new_page, server, lang):
    page = new_page("light")
    open_page(page, url(server, lang, PAGES["finder"]))
    count = page.locator(".lc-count")
    assert count.get_attribute("role") == "status" or count.get_attribute("aria-live") == "polite"
    controls = page.evaluate(FINDER_LABELS)
    assert len(controls) >= 10
    unlabelled = [c["id"] or "(no id)" for c in controls if not any(c["labels"])]
    assert not unlabelled, f"filters without a <label>: {unlabelled}"


# Each text box of the page's own forms: its border's four sides (width, style) and the contrast of
# its colour against what is behind the box (the nearest ancestor's background that is not
# transparent), as WCAG 1.4.11 measures a control's boundary.
TEXT_BOXES = """() => {
  const rgba = c => { const [r, g, b, a = 1] = c.match(/[\\d.]+/g).map(Number); return [r, g, b, a]; };
  const over = (top, below) => top.slice(0, 3).map((v, i) => v * top[3] + below[i] * (1 - top[3]));
  const behind = el => {
    for (let e = el.parentElement; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) return over(c, [255, 255, 255]);
    }
    return [255, 255, 255];
  };
  const lum = rgb => { const l = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  return [...document.querySelectorAll(".md-content form input")]
    .filter(el => ["text", "search", "date", "email", "tel", "url", "number"].includes(el.type) && el.checkVisibility())
    .map(el => {
      const s = getComputedStyle(el), page = behind(el);
      const sides = ["Top", "Right", "Bottom", "Left"].map(side => ({
        width: parseFloat(s["border" + side + "Width"]), style: s["border" + side + "Style"],
        contrast: Math.round(ratio(over(rgba(s["border" + side + "Color"]), page), page) * 100) / 100}));
      return {id: el.id || el.className, sides: sides};
    });
}"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("lang", LANGS)
def test_the_finders_text_boxes_have_a_border_that_shows(new_page, server, lang, mode):
    """The keyword and date boxes show where they are, as the select boxes beside them do: a border
    on each side, of 3:1 against the page (WCAG 1.4.11), in each colour scheme and large-text mode.
    Control: before, Material's `input { border: 0 }` left both with none (0px none on white)."""
    page = new_page(mode)
    open_page(page, url(server, lang, PAGES["finder"]))
    boxes = page.evaluate(TEXT_BOXES)
    assert {box["id"] for box in boxes} == {"f-q", "f-start"}
    faint = [
        f"{box['id']}: {side['width']}px {side['style']}, {side['contrast']}:1"
        for box in boxes
        for side in box["sides"]
        if side["width"] < 1 or side["style"] in ("none", "hidden") or side["contrast"] < 3
    ]
    assert not faint, f"text boxes without a visible border ({mode}): {list(dict.fromkeys(faint))}"


@pytest.mark.parametrize("kind", ["provider", "venue", "policy"])
def test_read_aloud_is_a_named_button_where_speech_exists(new_page, server, kind):
    page = new_page("light")
    open_page(page, url(server, "zh", PAGES[kind]))
    assert page.evaluate("'speechSynthesis' in window")
    button = page.locator(".lc-read-aloud")
    expect(button).to_have_count(1)
    assert button.evaluate("el => el.tagName") == "BUTTON"
    expect(button).to_be_visible()
    expect(button).not_to_have_accessible_name("")


def test_read_aloud_hides_without_speech_synthesis(own_context, server):
    context = own_context()
    context.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    page = context.new_page()
    open_page(page, url(server, "zh", PAGES["provider"]))
    assert page.evaluate("!('speechSynthesis' in window)")
    assert page.locator(".lc-read-aloud").count() == 0 or not page.locator(".lc-read-aloud").is_visible()


def test_print_shows_the_content_without_the_controls(new_page, server):
    page = new_page("light")
    open_page(page, url(server, "zh", PAGES["provider"]))
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar", "#lc-elderly-toggle", ".lc-read-aloud"):
        shown = page.locator(selector).evaluate_all("els => els.filter(e => e.checkVisibility()).length")
        assert shown == 0, f"{selector} is printed"
    expect(page.locator(".md-content h1")).to_be_visible()
    page.emulate_media(media="screen")


# ---------------------------------------------------------------- a phone (reader review 2026-12-06)

PHONE = {"width": 390, "height": 844}
# the site's name in the header: whole (not cut to "嘉兴…"), inside the screen, at a readable size
HEADER_NAME = """() => {
  const name = document.querySelector(".md-header__topic .md-ellipsis");
  const box = name.getBoundingClientRect();
  return {text: name.textContent.trim(), cut: name.scrollWidth > name.clientWidth, right: box.right,
          size: parseFloat(getComputedStyle(name).fontSize)};
}"""


def assert_the_site_name_reads_whole(page) -> None:
    """At 360 and 390 px, in normal and large-text mode (switched by the header's button)."""
    for mode in ("normal", "elderly"):
        if in_elderly_mode(page) != (mode == "elderly"):
            page.click("#lc-elderly-toggle")
        for width in (360, 390):
            page.set_viewport_size({"width": width, "height": PHONE["height"]})
            name = page.evaluate(HEADER_NAME)
            assert not name["cut"] and name["right"] <= width and name["size"] >= 16, f"{mode} at {width}px: {name}"


def test_large_text_search_results_on_a_phone(own_context, server):
    """Large-text mode's results as large as its text (.md-typeset's 22 px), each title a 48 px
    target, the clear button inside the input's border; the site's name whole in the header.
    Control: before, Pagefind's results kept 11.2-16.8 px and 19 px tall titles in this mode, the
    clear button covered the input's bottom border, and the name showed as "嘉兴…"."""
    context = own_context()
    context.add_init_script(ELDERLY_ON)
    page = context.new_page()
    page.set_viewport_size(PHONE)
    open_page(page, url(server, "zh", "search/?q=太极"))
    expect(page.locator(".pagefind-ui__result-tag").first).to_be_visible(timeout=15000)
    expect(page.locator(".pagefind-ui__loading")).to_have_count(0)
    text = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    assert text >= 20
    for part in (".pagefind-ui__message", ".pagefind-ui__result-excerpt", ".pagefind-ui__result-tag", ".pagefind-ui__result-title"):
        sizes = page.locator(part).evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert sizes and min(sizes) >= text, f"{part}: {sizes} px, the text is {text} px"
    links = page.locator(".pagefind-ui__result-title .pagefind-ui__result-link").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height, r.right]; })"
    )
    assert links and all(w >= MIN_TARGET and h >= MIN_TARGET and right <= PHONE["width"] for w, h, right in links), links
    tags = page.locator(".pagefind-ui__result-tag").evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
    assert max(tags) <= PHONE["width"], f"a result's details reach {max(tags)} px"
    edges = page.evaluate("""() => {
      const input = document.querySelector(".pagefind-ui__search-input"), clear = document.querySelector(".pagefind-ui__search-clear");
      const i = input.getBoundingClientRect(), c = clear.getBoundingClientRect(), border = parseFloat(getComputedStyle(input).borderBottomWidth);
      return {clear: [c.bottom, c.right], inside: [i.bottom - border, i.right - border]};
    }""")
    assert edges["clear"][0] <= edges["inside"][0] and edges["clear"][1] <= edges["inside"][1], edges
    assert_the_site_name_reads_whole(page)


def test_on_a_phone_the_keyboard_skips_the_closed_drawer_and_opens_it(own_context, server):
    """Material's closed drawer was only moved off screen: Tab walked its links before the page's.
    Now Tab goes from the skip link to the menu button, then the header, then the page; Enter on
    the button opens the drawer with the keyboard on its first link, Escape closes it. The site's
    name reads whole (English: the longer one), and the page's controls are 44 px targets.
    Control: before, the 7th Tab stop was the drawer's
    (at x = -234), the menu button was no stop at all, and the name showed as "Jiaxi…"."""
    page = own_context().new_page()
    page.set_viewport_size(PHONE)
    open_page(page, url(server, "en", PAGES["provider"]))
    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate("""() => { const a = document.activeElement;
          return {drawer: !!a.closest(".md-sidebar--primary"), menu: a.matches("button.lc-menu-button"), content: !!a.closest(".md-content")}; }""")
        )
        if stops[-1]["content"]:
            break
    assert stops[-1]["content"], "the page's content was not reached in 30 Tab presses"
    assert not any(stop["drawer"] for stop in stops), stops
    assert stops[1]["menu"], stops  # after the skip link
    menu = page.locator(".md-header button.lc-menu-button")
    expect(menu).to_have_attribute("type", "button")
    expect(menu).to_have_accessible_name(t("header.menu", "en"))
    menu.focus()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Tab")  # the drawer's next link, on screen once the drawer has slid in
    page.wait_for_function(
        "document.activeElement.closest('.md-sidebar--primary') && document.activeElement.getBoundingClientRect().left >= 0"
    )
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(page.locator(".md-sidebar--primary")).to_have_css("visibility", "hidden")  # once its slide has ended
    assert_the_site_name_reads_whole(page)
    # normal mode on a phone: what a reader acts on is a 44 px target (control: 17-28 px before)
    if in_elderly_mode(page):  # as the site name's check left it
        page.click("#lc-elderly-toggle")
    assert not in_elderly_mode(page)
    page.set_viewport_size(PHONE)
    for name, selector in PHONE_CONTROLS.items():
        heights = page.locator(selector).evaluate_all(
            "els => els.filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect().height)"
        )
        assert heights and min(heights) >= 44, f"{name}: {heights}"


WHERE_FOCUS_IS = """() => { const a = document.activeElement;
  return {drawer: !!a.closest(".md-sidebar--primary"), close: a.matches("button.lc-drawer-close"),
          name: a.tagName + " " + (a.id || "") + " " + (a.textContent || "").trim().slice(0, 30)}; }"""


@pytest.mark.parametrize("mode", ["normal", "elderly"])
def test_on_a_phone_the_open_drawer_keeps_the_keyboard_and_closes_by_a_button(own_context, server, mode):
    """The open drawer covers the page: Tab and Shift+Tab go round its own controls, a close button
    among them (visible, named, 44 px) that closes it and gives the keyboard back to the menu
    button; focus put on the page behind closes it. Control: before, the 13th Tab after opening
    the menu on /en/courses/ went to the finder's keyword box (#f-q) behind the overlay, and the
    drawer had no close control the keyboard could reach."""
    context = own_context()
    if mode == "elderly":
        context.add_init_script(ELDERLY_ON)
    page = context.new_page()
    page.set_viewport_size(PHONE)
    open_page(page, url(server, "en", PAGES["finder"]))
    menu = page.locator(".md-header button.lc-menu-button")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    links = page.locator(".md-sidebar--primary a[href]:visible").count()
    assert links >= 12
    forward, backward = [], []
    for stops, key in ((forward, "Tab"), (backward, "Shift+Tab")):
        for _ in range(links + 4):  # once round the drawer, and on
            page.keyboard.press(key)
            stops.append(page.evaluate(WHERE_FOCUS_IS))
    outside = [stop["name"] for stop in forward + backward if not stop["drawer"]]
    assert not outside, f"Tab left the open drawer for: {outside}"
    assert any(stop["close"] for stop in forward) and any(stop["close"] for stop in backward)
    close = page.locator(".md-sidebar--primary button.lc-drawer-close")
    expect(close).to_have_accessible_name(t("header.close_menu", "en"))
    expect(close).to_be_visible()
    box = close.bounding_box()
    least = MIN_TARGET if mode == "elderly" else 44
    assert box["width"] >= least and box["height"] >= least and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    close.focus()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(page.locator(".md-sidebar--primary")).to_have_css("visibility", "hidden")
    menu.click()  # open again; focus put on the page behind it (not by Tab) closes it
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.locator("#f-q").focus()
    expect(menu).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("mode", ["normal", "elderly"])
def test_the_menu_button_shows_only_where_the_drawer_is_hidden(own_context, server, mode):
    """At 1280 px the navigation is always in view (the sidebar; in large-text mode the tabs): no
    menu button, which would open nothing there. Below Material's 76.25em (1220 px) it shows and
    opens the drawer. Control: before, Material's `.md-header__button:not([hidden])` outranked
    site.css's `.lc-menu-button { display: none }`, and a 40 x 40 button showed at 1280 px."""
    context = own_context()
    if mode == "elderly":
        context.add_init_script(ELDERLY_ON)
    page = context.new_page()
    open_page(page, url(server, "en", PAGES["finder"]))
    menu = page.locator(".md-header button.lc-menu-button")
    expect(menu).to_have_count(1)
    expect(menu).to_be_hidden()
    page.set_viewport_size({"width": 1200, "height": VIEWPORT["height"]})
    expect(menu).to_be_visible()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary")).to_have_css("visibility", "visible")


# What a reader taps on a touch screen in normal mode, by page (the same path in both languages):
# the header's icon buttons and language links, a table's links, the footer's, search results' titles.
TOUCH_TARGETS = {
    "targets/": {"header buttons": ".md-header .md-header__button", "language links": ".md-select__link",
                 "table links": ".md-typeset :is(td, th) a", "footer links": ".md-footer a"},
    "network/": {"table links": ".md-typeset :is(td, th) a"},  # the counties' names heading the columns
    "search/?q=": {"result titles": ".pagefind-ui__result-link"},  # the query in the page's language
}  # fmt: skip
QUERY = {"zh": "太极", "en": "tai chi"}
TOUCH_SCREENS = {"phone": PHONE, "tablet": {"width": 820, "height": 1180}}  # the tablet: (pointer: coarse) alone


@pytest.mark.parametrize("screen", TOUCH_SCREENS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", TOUCH_TARGETS)
def test_on_a_touch_screen_what_a_reader_taps_is_44px(own_context, server, path, lang, screen):
    """Each target at least 44 x 44 (WCAG 2.5.5) on a touch screen in normal mode, and the page no
    wider than the screen. Control: before, at 390 px the header's menu, language and search
    buttons were 40 x 40, the language links 36 px tall, the targets page's 三（二） links 19 px,
    the footer's accessibility statement 15 px and search results' titles 27 px tall."""
    viewport = TOUCH_SCREENS[screen]
    page = own_context(has_touch=True).new_page()
    page.set_viewport_size(viewport)
    open_page(page, url(server, lang, path) + (QUERY[lang] if path.endswith("?q=") else ""))
    assert page.evaluate("matchMedia('(pointer: coarse)').matches")
    if "?q=" in path:
        expect(page.locator(".pagefind-ui__result-link").first).to_be_visible(timeout=15000)
        expect(page.locator(".pagefind-ui__loading")).to_have_count(0)
    page.hover(".md-header .md-select")  # the language list shows while its button is pressed
    small = []
    for name, selector in TOUCH_TARGETS[path].items():
        boxes = page.locator(selector).evaluate_all(
            "els => els.filter(e => e.checkVisibility()).map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
        )
        # a phone shows the county counts as cards, without the head row and its links
        assert boxes or (path, screen) == ("network/", "phone"), f"no {name} shown"
        small += [f"{name} {round(w)}x{round(h)}" for w, h in boxes if w < 44 - 0.5 or h < 44 - 0.5]
    assert not small, f"under 44 x 44 on a {screen}: {sorted(set(small))}"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


# the controls of a record page a reader acts on (phone, enrol, calendar, copy and print, edit and report)
PHONE_CONTROLS = {
    "phone": ".md-typeset dd > a[href^='tel:']",
    "enrol": ".md-typeset dd > .lc-enrol-link > a",
    "calendar": ".md-typeset dd.lc-calendar > a",
    "course tools": ".md-typeset .lc-course-tools .md-button",
    "record links": ".md-typeset .lc-record-links a",
}
