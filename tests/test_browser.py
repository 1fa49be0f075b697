"""The site as a reader uses it, in headless Chromium: finder, shared links, language, search, phone width."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import CATALOGUE, serving, watched_page
from playwright.sync_api import expect

from learning_city import i18n
from learning_city.data import events as data_events
from learning_city.data.loader import load
from learning_city.plugin import build
from learning_city.site import search_records
from learning_city.tools import local

pytestmark = pytest.mark.build


@pytest.fixture
def page(browser):
    with watched_page(browser, viewport={"width": 1280, "height": 900}) as page:
        yield page


def shown_count(page) -> int:
    expect(page.locator(".lc-count")).to_have_text(re.compile(r"\d"))
    return int(re.search(r"\d+", page.locator(".lc-count").inner_text()).group())


def expect_count(page, n: int) -> None:
    """The announced count reaches n (the finder updates after the input event)."""
    expect(page.locator(".lc-count")).to_have_text(re.compile(rf"(?<!\d){n}(?!\d)"))


def course_pairs():
    catalogue = load(CATALOGUE)[0]
    return catalogue, [(p, c) for p in catalogue.providers.values() for c in p.courses]


def starts(provider, course) -> str:
    if course.schedule.dates:
        return course.schedule.dates.start.isoformat()
    terms = {term.id: term for term in provider.terms}
    return terms[course.term].dates.start.isoformat() if course.term else ""


def expected_counts():
    """Each filter with one value, and how many courses it should leave, computed from the YAML."""
    catalogue, pairs = course_pairs()
    county = lambda p: catalogue.county_of(p.region).id  # noqa: E731
    return (
        catalogue,
        pairs,
        [
            ("county", "jiashan", lambda p, c: county(p) == "jiashan"),
            ("town", "haiyan-wuyuan", lambda p, c: p.region == "haiyan-wuyuan"),
            ("category", "health", lambda p, c: c.category.value == "health"),
            ("audience", "new-residents", lambda p, c: "new-residents" in [a.value for a in c.audience]),
            ("mode", "online", lambda p, c: c.mode.value == "online"),
            ("day", "sat", lambda p, c: "sat" in [d.value for d in c.schedule.days]),
            ("time", "evening", lambda p, c: c.schedule.start >= "18:00"),
            ("time", "weekend", lambda p, c: bool({"sat", "sun"} & {d.value for d in c.schedule.days})),
            ("kind", "elderly-university", lambda p, c: p.kind.value == "elderly-university"),
            ("start", "2027-01-01", lambda p, c: starts(p, c) >= "2027-01-01"),
            ("free", "1", lambda p, c: c.fee.amount == 0),
            ("q", "太极", lambda p, c: "太极" in c.title.zh or "太极" in (c.description.zh if c.description else "")),
        ],
    )


def set_filter(page, name: str, value: str) -> None:
    if name == "free":
        page.check("#f-free")
    elif name in ("q", "start"):
        page.fill(f"#f-{name}", value)
    else:
        page.select_option(f"#f-{name}", value)


def test_finder_narrows_for_each_filter_and_counts_right(page, server):
    _catalogue, pairs, filters = expected_counts()
    page.goto(server + "courses/")
    total = len(pairs)
    assert shown_count(page) == total
    assert page.locator(".lc-result").count() == min(total, 50)
    for name, value, keep in filters:
        expected = sum(1 for p, c in pairs if keep(p, c))
        assert 0 < expected < total, f"the sample catalogue cannot exercise {name}={value}"
        set_filter(page, name, value)
        expect_count(page, expected)
        assert page.locator(".lc-result").count() == min(expected, 50), (name, value)
        page.click(".lc-finder-form button[type=reset]")
        expect_count(page, total)


# Each element's name and height, to find tap targets under 44 px.
BOXES = "els => els.map(el => ({tag: el.tagName + (el.id ? '#' + el.id : ''), height: el.getBoundingClientRect().height}))"


def test_the_english_finder_on_a_390px_phone(browser, server):
    """The reader review's finder at 390 px: untranslated text marked as the pages mark it, tap targets
    of 44 px, no sideways scroll at 360 px, and only the chosen county's towns offered, also when a
    shared link names a town of another county."""
    catalogue, pairs = course_pairs()
    haiyan = [(p, c) for p, c in pairs if catalogue.county_of(p.region).id == "haiyan"]
    with watched_page(browser, viewport={"width": 390, "height": 800}) as page:
        page.goto(server + "en/courses/?county=haiyan&town=nanhu-jiefang")
        expect_count(page, len(haiyan))  # not 0: the other county's town is cleared, the address with it
        expect(page).to_have_url(server + "en/courses/?county=haiyan")
        expect(page.locator("#f-town")).to_have_value("")
        assert offered_towns(page) == towns_of(catalogue, "haiyan")

        # (the link to the results shows with the filters; the clear button beside it only when none is found)
        fields = page.locator(
            ".lc-finder-form :is(select, input:not([type=checkbox]), button, .lc-show-results):visible, .lc-check label, .lc-more"
        )
        assert fields.count() == 16
        expect(page.locator(".lc-check label:has(input[type=checkbox])")).to_have_count(2)  # each row is its box's label
        small = [f"{box['tag']} {box['height']}" for box in fields.evaluate_all(BOXES) if box["height"] < 44]
        assert not small, f"under 44 px tall: {small}"

        page.click(".lc-more")  # all of Haiyan's courses: every untranslated title and provider name marked
        expect(page.locator(".lc-result")).to_have_count(len(haiyan))
        untranslated = sum(c.title.is_fallback("en") + p.name.is_fallback("en") for p, c in haiyan)
        assert untranslated > 0
        expect(page.locator(".lc-result [lang=zh]")).to_have_count(untranslated)
        marks = page.locator(".lc-result [lang=zh] + .lc-untranslated")
        expect(marks).to_have_count(untranslated)
        assert set(marks.all_inner_texts()) == {f"({i18n.t('untranslated', 'en')})"}

        row = page.locator(".lc-check label").filter(has=page.locator("#f-free"))
        box = row.bounding_box()
        assert box["width"] >= 300  # the row is the checkbox's target: tapped at its far end, it ticks
        row.click(position={"x": box["width"] - 5, "y": box["height"] / 2})
        expect(page.locator("#f-free")).to_be_checked()
        expect_count(page, sum(1 for _p, c in haiyan if c.fee.amount == 0))
        page.set_viewport_size({"width": 360, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

        page.select_option("#f-town", "haiyan-wuyuan")
        page.select_option("#f-county", "nanhu")  # a town chosen before the county changes is cleared
        expect(page.locator("#f-town")).to_have_value("")
        assert offered_towns(page) == towns_of(catalogue, "nanhu")
        expect(page).to_have_url(re.compile(r"county=nanhu"))
        assert "town=" not in page.url
        page.click(".lc-finder-form button[type=reset]")
        expect_count(page, len(pairs))
        assert len(offered_towns(page)) == sum(len(county.towns) for county in catalogue.regions.counties)


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_on_a_phone_the_finder_shows_what_it_found_beside_the_filters(browser, server, lang, prefix):
    """At 390 px the form is a screen and a half long: each change shows what it found where the
    reader is, a "Show N courses" link kept at the bottom of the screen while the form is in view,
    which goes to the results; none found, a sentence and the button that clears the filters are
    there instead, and under the results' "0 courses found" a link back to them. Control: before,
    the only count was under the form, out of view (~900 px below the first filter), and 0 found
    said nothing more."""
    catalogue, pairs = course_pairs()
    haiyan = sum(1 for p, _c in pairs if catalogue.county_of(p.region).id == "haiyan")
    with watched_page(browser, viewport={"width": 390, "height": 844}) as page:
        page.goto(server + prefix + "courses/")
        expect_count(page, len(pairs))
        show = page.locator(".lc-finder-form .lc-show-results")
        expect(show).to_have_text(i18n.counted("finder.show", len(pairs), lang))
        page.select_option("#f-county", "haiyan")
        expect(show).to_have_text(i18n.counted("finder.show", haiyan, lang))
        expect(page.locator("#f-county")).to_be_in_viewport()
        expect(show).to_be_in_viewport()
        expect(page.locator(".lc-count")).not_to_be_in_viewport()  # the results are further down
        show.click()
        expect(page.locator(".lc-count")).to_be_in_viewport()
        expect_count(page, haiyan)

        page.fill("#f-q", "zzzz")
        expect_count(page, 0)
        none = page.locator(".lc-finder-form .lc-none")
        expect(none).to_contain_text(i18n.t("finder.none", lang))
        expect(none).to_be_in_viewport()
        expect(show).to_be_hidden()
        back = page.locator(".lc-results .lc-none-help a")
        expect(back).to_have_text(i18n.t("finder.change", lang))
        expect(back).to_have_attribute("href", "#lc-found")
        clear = none.get_by_role("button", name=i18n.t("finder.reset", lang))
        assert clear.bounding_box()["height"] >= 44
        clear.click()
        expect_count(page, len(pairs))
        expect(page.locator("#f-q")).to_have_value("")
        expect(page.locator("#f-county")).to_have_value("")
        expect(none).to_be_hidden()
        expect(show).to_have_text(i18n.counted("finder.show", len(pairs), lang))


def test_show_more_pages_through_the_results(page, server):
    _, pairs, _ = expected_counts()
    page.goto(server + "courses/")
    page.click(".lc-more")
    assert page.locator(".lc-result").count() == min(len(pairs), 100)


def test_the_finders_bar_keeps_to_the_screen_from_the_first_change(browser, server):
    """At Lighthouse's phone screen (412 x 823) the bar kept at the bottom left 13 px of the 上课形式
    select uncovered on the first view (axe target-size, accessibility 96): it rests at the form's
    end until the reader changes a filter, then keeps to the screen, as the test above needs."""
    with watched_page(browser, viewport={"width": 412, "height": 823}) as page:
        page.goto(server + "courses/")
        shown_count(page)
        found = page.locator(".lc-found")
        assert found.evaluate("e => getComputedStyle(e).position") == "static"
        expect(found).not_to_be_in_viewport()
        page.select_option("#f-county", "haiyan")
        assert found.evaluate("e => getComputedStyle(e).position") == "sticky"
        expect(found).to_be_in_viewport()


def test_back_from_a_course_returns_to_it_in_the_finder(browser, server):
    """An older reader opens the 81st course of a long list on a phone and comes back: the list as
    long as it was, at the course left. Control: a fresh visit to the same address shows the first
    page of results at the top (the place is the history entry's, not the address's); and before
    finder.js kept it, Back showed 50 results, far above the course."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "courses/?county=jiashan")
    shown_count(page)
    page.click(".lc-more")
    results = page.locator(".lc-result")
    assert results.count() > 80
    chosen = results.nth(80)
    chosen.scroll_into_view_if_needed()
    title = chosen.locator("a").first.inner_text()
    with page.expect_navigation():
        chosen.locator("a").first.click()
    with page.expect_navigation():
        page.go_back()
    expect(results.nth(80)).to_be_attached()
    assert results.count() > 80
    expect(results.nth(80).locator("a").first).to_have_text(title)
    expect(results.nth(80)).to_be_in_viewport()
    page.close()
    fresh = browser.new_page(viewport={"width": 390, "height": 844})
    fresh.goto(server + "courses/?county=jiashan")
    shown_count(fresh)
    assert fresh.locator(".lc-result").count() == 50 and fresh.evaluate("window.scrollY") == 0
    fresh.close()


def offered_towns(page) -> list[str]:
    return page.eval_on_selector_all("#f-town option", "options => options.map(o => o.value).filter(Boolean)")


def towns_of(catalogue, county_id: str) -> list[str]:
    return [town.id for town in catalogue.county(county_id).towns]


def test_a_shared_url_restores_the_filters(page, server):
    catalogue, pairs = course_pairs()
    page.goto(server + "courses/")
    assert offered_towns(page) == [town.id for county in catalogue.regions.counties for town in county.towns]
    page.select_option("#f-mode", "in-person")
    page.check("#f-free")
    page.select_option("#f-county", "haiyan")
    assert offered_towns(page) == towns_of(catalogue, "haiyan")  # only the chosen county's towns
    page.select_option("#f-town", "haiyan-wuyuan")
    expected = sum(1 for p, c in pairs if p.region == "haiyan-wuyuan" and c.mode.value == "in-person" and c.fee.amount == 0)
    assert expected > 0
    expect_count(page, expected)
    url = page.url
    assert "mode=in-person" in url and "free=1" in url and "county=haiyan" in url and "town=haiyan-wuyuan" in url
    page.goto(url)
    expect(page.locator("#f-mode")).to_have_value("in-person")
    expect(page.locator("#f-free")).to_be_checked()
    expect(page.locator("#f-town")).to_have_value("haiyan-wuyuan")
    assert offered_towns(page) == towns_of(catalogue, "haiyan")
    assert shown_count(page) == expected


def test_filters_chosen_while_the_courses_load_are_applied_and_shared(page, server):
    """A slow phone: the reader chooses before the course files arrive; the link must still carry them."""
    held, released = [], []

    def hold(route):
        if released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/data/courses/*.json", hold)
    page.goto(server + "courses/")
    page.select_option("#f-mode", "in-person")
    page.check("#f-free")
    assert held and "?" not in page.url and not re.search(r"\d", page.locator(".lc-count").inner_text())
    released.append(True)
    for route in held:
        route.continue_()
    _, pairs, _ = expected_counts()
    expect_count(page, sum(1 for _p, c in pairs if c.mode.value == "in-person" and c.fee.amount == 0))
    assert "mode=in-person" in page.url and "free=1" in page.url


def test_only_this_week_on_the_events_page_hides_the_other_events_and_the_past(page, server):
    """Issue 22's "this week" facet: the build day's week (conftest pins 2026-11-29), by CSS alone."""
    catalogue = course_pairs()[0]
    page.goto(server + "events/")
    shown = page.locator(".lc-event:visible")
    assert shown.count() == len(catalogue.events)  # control: unchecked, every event shows
    page.get_by_label(re.compile("只看本周活动")).check()
    assert shown.count() == len(data_events.this_week(catalogue.events.values(), dt.date(2026, 11, 29))) == 5
    assert not page.locator("#past").is_visible() and not page.locator("#event-haiyan-museum-open-day").is_visible()
    assert page.locator("#event-jiaxing-learning-week-opening").is_visible()
    page.get_by_label(re.compile("只看本周活动")).uncheck()
    assert shown.count() == len(catalogue.events)


def test_without_javascript_the_courses_are_listed_by_county(browser, server):
    catalogue, pairs = course_pairs()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "courses/")
    links = page.locator(".lc-by-county a")
    assert links.count() == len(catalogue.regions.counties)
    listed = 0
    for county in catalogue.regions.counties:
        page.goto(server + f"courses/{county.id}/")
        listed += page.locator(".lc-result").count()
    context.close()
    assert listed == len(pairs)


def test_results_link_to_the_course_on_its_provider_page(page, server):
    page.goto(server + "courses/")
    shown_count(page)
    link = page.locator(".lc-result a").first
    href = link.get_attribute("href")
    with page.expect_navigation():
        link.click()
    anchor = href.split("#")[1]
    assert page.url.endswith("#" + anchor)
    expect(page.locator(f"#{anchor}")).to_be_visible()


def test_language_switch_keeps_the_reader_on_the_same_provider_page(page, server):
    provider = sorted(load(CATALOGUE)[0].providers)[0]
    page.goto(server + f"providers/{provider}/")
    page.hover(".md-header__option .md-select")
    page.click('a.lc-alternate[hreflang="en"]')
    assert page.url == server + f"en/providers/{provider}/"
    assert page.locator("html").get_attribute("lang") == "en"
    page.hover(".md-header__option .md-select")
    page.click('a.lc-alternate[hreflang="zh"]')
    assert page.url == server + f"providers/{provider}/"


def test_back_from_a_search_result_returns_to_it(browser, server):
    """A reader opens the ninth result, after "more results", and comes back: ten results again and
    the ninth on screen. Control: before search.js kept the place, Back showed five, at the top."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "search/?q=书法")
    results = page.locator(".pagefind-ui__result")
    expect(results.nth(4)).to_be_visible(timeout=15000)
    page.locator(".pagefind-ui__button").click()
    expect(results.nth(8)).to_be_visible(timeout=15000)
    link = results.nth(8).locator(".pagefind-ui__result-link").first
    title = link.inner_text()
    link.scroll_into_view_if_needed()
    with page.expect_navigation():
        link.click()
    with page.expect_navigation():
        page.go_back()
    expect(results.nth(8).locator(".pagefind-ui__result-link").first).to_have_text(title, timeout=15000)
    expect(results.nth(8)).to_be_in_viewport()
    page.close()


def test_clearing_the_search_box_clears_the_address(page, server):
    """Pagefind's 清除 empties the box without an input event: the old query stayed in the address,
    and a reload or a shared link brought its results back."""
    page.goto(server + "search/")
    page.locator(".pagefind-ui__search-input").fill("手机")
    page.wait_for_url(re.compile(r"\?q="))
    page.locator(".pagefind-ui__search-clear").click()
    page.wait_for_url(re.compile(r"/search/$"))


def test_switching_a_chinese_search_to_english_opens_the_english_search_empty(page, server):
    """The English index holds English: 太极 found nothing there ("No results for 太极"). A query in
    Latin letters is carried over (control), as the finder's filters are."""
    page.goto(server + "search/?q=太极")
    expect(page.locator(".pagefind-ui__result").first).to_be_visible(timeout=15000)
    page.hover(".md-header__option .md-select")
    page.click('a.lc-alternate[hreflang="en"]')
    page.wait_for_url(re.compile(r"/en/search/$"))
    expect(page.locator(".pagefind-ui__search-input")).to_have_value("")
    page.goto(server + "search/?q=Python")
    page.hover(".md-header__option .md-select")
    page.click('a.lc-alternate[hreflang="en"]')
    page.wait_for_url(re.compile(r"/en/search/\?q=Python$"))


def test_chinese_in_an_english_excerpt_is_tagged_chinese(page, server):
    """A record not yet translated shows Chinese in its excerpt on the English search page: tagged,
    so a screen reader speaks it in Chinese, as its title is."""
    page.goto(server + "en/search/?q=meiyuan")
    excerpt = page.locator(".pagefind-ui__result-excerpt").first
    expect(excerpt).to_be_visible(timeout=15000)
    tagged = excerpt.locator('span[lang="zh"]')
    assert tagged.count() > 0
    untagged = excerpt.evaluate(
        "e => [...e.querySelectorAll('*'), e].flatMap(n => [...n.childNodes]).filter(t => t.nodeType === 3"
        " && /[\\u3400-\\u9fff]/.test(t.data) && !t.parentElement.closest('[lang=zh]')).length"
    )
    assert untagged == 0


def pagefind_urls(page, server, lang: str, query: str) -> list[str]:
    """Ask the built Pagefind index directly, as the search page's script does."""
    page.goto(server + ("en/" if lang == "en" else "") + "search/")
    return local.pagefind_urls(page, server, query)


@pytest.mark.parametrize("lang, word", [("zh", "终身"), ("zh", "激励"), ("en", "lifelong")])
def test_search_finds_the_policy_page_by_a_word(page, server, lang, word):
    urls = pagefind_urls(page, server, lang, word)
    assert ("/en/policy/" if lang == "en" else "/policy/") in urls, urls


# Pagefind with its own default ranking, the merged bundles included: the control below (off the
# page's worker, as local.PAGEFIND_SEARCH says why)
DEFAULT_RANKING_SEARCH = """async ([bundle, query]) => {
    const pagefind = await import(bundle + "pagefind.js");
    const plain = pagefind.createInstance({basePath: bundle, baseUrl: "/", noWorker: true});
    for (const folder of JSON.parse(document.getElementById("lc-search").dataset.merge)) await plain.mergeIndex(bundle + folder, {baseUrl: "/"});
    const search = await plain.search(query);
    return (await Promise.all(search.results.slice(0, 5).map((r) => r.data()))).map((d) => d.url);
}"""


@pytest.mark.parametrize("lang, query", [("zh", "终身"), ("en", "lifelong learning")])
def test_a_word_of_the_policy_shows_its_page_among_the_first_five(page, server, lang, query):
    """What a reader sees first (Pagefind's UI shows five results): for a word the policy is about,
    the policy page, besides the short records that also name it (pages.SEARCH_RANKING). Control:
    Pagefind's default ranking puts those records, all of them, above the policy page."""
    prefix = "en/" if lang == "en" else ""
    page.goto(server + prefix + "search/?q=" + query)
    results = page.locator(".pagefind-ui__result")
    expect(results.first).to_be_visible(timeout=15000)
    first = results.evaluate_all("items => items.slice(0, 5).map(li => li.querySelector('a').getAttribute('href'))")
    assert len(first) == 5 and f"/{prefix}policy/" in first, first
    default = page.evaluate(DEFAULT_RANKING_SEARCH, [server + "pagefind/", query])
    assert len(default) == 5 and f"/{prefix}policy/" not in default, default


def test_chinese_search_for_a_course_word_finds_its_provider_page(page, server):
    catalogue = load(CATALOGUE)[0]
    word = "智能手机"
    providers = {p.id for p in catalogue.providers.values() if any(word in c.title.zh for c in p.courses)}
    assert providers
    page.goto(server)
    page.click("a.lc-search-link")
    page.click(".pagefind-ui__search-input")
    page.keyboard.type(word)
    results = page.locator(".pagefind-ui__result-link")
    expect(results.first).to_be_visible(timeout=15000)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(f"/providers/{pid}/" in href for href in hrefs for pid in providers), hrefs
    assert "q=" in page.url  # the query is in the address, to share or come back to


def test_english_search_tags_and_marks_a_title_not_yet_translated(page, server):
    """An English result whose title is the Chinese is tagged lang="zh" and marked, as the page's
    own heading is; the page's part under that heading is not shown again under it, and the mark
    is no excerpt. Control: the old search.js gave a bare Chinese title in lang="en", twice, and
    an excerpt starting "(not yet translated)"."""
    catalogue = load(CATALOGUE)[0]
    school = catalogue.providers["jiashan-taozhuang-sangyuan-community-school"]
    assert school.name.is_fallback("en")
    mark = f"({i18n.t('untranslated', 'en')})"
    page.goto(server + "en/search/?q=Sangyuan")
    result = page.locator(".pagefind-ui__result").filter(has=page.locator(f'a[href$="/providers/{school.id}/"]'))
    link = result.locator(".pagefind-ui__result-title > a")
    expect(link).to_have_attribute("lang", "zh", timeout=15000)
    expect(link).to_have_text(school.name.zh)
    expect(result.locator(".pagefind-ui__result-title .lc-untranslated")).to_have_text(mark)
    expect(result.locator(".pagefind-ui__result-nested")).to_have_count(0)
    assert mark not in result.locator(".pagefind-ui__result-excerpt").inner_text()


# the last: a long English name, as the page title Material keeps hidden in the header row
# (control: without that row's overflow rule, 407 px wide at 390)
@pytest.mark.parametrize(
    "path", ["courses/", "providers/jiaxing-city-university/", "targets/", "en/courses/", "en/providers/nanhu-community-college/"]
)
def test_pages_fit_a_375px_phone(browser, server, path):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server + path)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert overflow <= 375, f"{path} is {overflow}px wide"


HOSTILE = {
    "title": "<script>window.__xss=1</script>{{ 7*7 }}",
    "description": '<img src=x onerror="window.__xss=2">[click](javascript:window.__xss=3)',
}
# A record's name that breaks out of a page's <title> (Material prints page.meta.title as it is, and
# `page.title | striptags` unescapes entities), runs as a template (mkdocs-macros renders a title
# holding {% or {{), or reads as Markdown (\\, *, [x](y)) anywhere a title is shown.
HOSTILE_NAME = (
    "{% </title><img src=x onerror=alert(document.title)>&lt;/title&gt;&lt;img src=x onerror=alert(2)&gt;"
    "<script>alert(3)</script>{{ 7*7 }} \\*a* [x](y) 'q' \"d\""
)
# The record of each kind named with it: its file, the kind's word, and the text its name follows
# (the first `name:` after it); `zh:` and `en:` replaced, or (`both` false) `zh:` alone, `en:` removed.
HOSTILE_RECORDS = {
    "providers/jiaxing-city-university.yml": ("大学", "", False),  # English shows the Chinese, tagged (untranslated)
    "venues/jiaxing-art-museum.yml": ("场馆", "", True),
    "regions.yml": ("南湖", "id: nanhu\n", True),
    "teams/nanhu-qili-taiji-team.yml": ("团队", "", True),
    "resources/baduanjin-video.yml": ("资源", "", True),
    "events/nanhu-daqiao-tea-culture-lecture.yml": ("活动", "", True),
    "recognitions.yml": ("表彰", "id: nanhu-jiefang-learning-community-2023\n", True),
}


def _hostile_name(kind: str) -> str:
    return kind + HOSTILE_NAME


def _give_hostile_names(catalogue: Path) -> None:
    for name, (kind, after, both) in HOSTILE_RECORDS.items():
        path = catalogue / name
        text = path.read_text(encoding="utf-8")
        head, tail = text[: text.index(after) + len(after)], text[text.index(after) + len(after) :]
        value = json.dumps(_hostile_name(kind), ensure_ascii=False).replace("\\", "\\\\")  # YAML's double quotes, for re.sub
        field = "name|organisation"
        pattern = rf"^( *)({field}):\n( *)zh: .*\n( *)en: .*\n"
        lines = rf"\1\2:\n\3zh: {value}\n" + (rf"\4en: {value}\n" if both else "")
        tail, count = re.subn(pattern, lines, tail, count=1, flags=re.M)
        assert count == 1, name
        path.write_text(head + tail, encoding="utf-8")


def test_hostile_catalogue_text_is_shown_literally_and_nothing_runs(catalogue_copy, tmp_path, browser):
    """Catalogue text is text wherever a page shows it: a course's title and description, and a name
    of each kind in the page's <title>, og:title and heading, exactly as written. Control: with the
    plugin of before 2026-12-06, the provider's page title ends at the name's </title> and a dialog opens."""
    path = catalogue_copy / "providers" / "jiaxing-city-university.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "      zh: 智能手机入门\n      en: Getting started with a smartphone\n",
        f'      zh: "{HOSTILE["title"]}"\n      en: "{HOSTILE["title"]}"\n',
        1,
    )
    text = text.replace(
        "    category: digital-skills\n", f"    description:\n      zh: '{HOSTILE['description']}'\n    category: digital-skills\n", 1
    )
    path.write_text(text, encoding="utf-8")
    _give_hostile_names(catalogue_copy)
    out = tmp_path / "site"
    build.build(catalogue_copy, out)
    county = _hostile_name("南湖")
    titled = {  # a page the plugin makes: its title, as text
        "providers/jiaxing-city-university/": lambda lang: _hostile_name("大学"),
        "venues/jiaxing-art-museum/": lambda lang: _hostile_name("场馆"),
        "areas/nanhu/": lambda lang: county,
        "courses/nanhu/": lambda lang: i18n.t("courses.county_title", lang, county=county),
        "teams/nanhu/": lambda lang: i18n.t("teams.county_title", lang, county=county),
    }
    listed = {"teams/nanhu/": "团队", "resources/": "资源", "events/": "活动", "recognitions/": "表彰"}  # a name in the page's body
    with serving(out) as base:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: dialogs.append(d.message) or d.dismiss())
        for lang, prefix in (("zh", ""), ("en", "en/")):
            for path, title in [*titled.items(), *((p, None) for p in listed if p not in titled)]:
                page.goto(base + prefix + path)
                if title:
                    shown = title(lang)
                    assert page.title() == f"{shown} - {i18n.t('site.name', lang)}", path
                    assert page.locator('meta[property="og:title"]').get_attribute("content") == shown, path
                    assert page.locator(".md-content h1").inner_text() == shown, path
                assert page.locator('img[src="x"]').count() == 0, path  # nothing broke out of the title or heading
                if path in listed:
                    assert _hostile_name(listed[path]) in page.locator(".md-content").inner_text(), path
        for path in ("providers/jiaxing-city-university/", "en/providers/jiaxing-city-university/", "courses/?q=window", "elderly/"):
            page.goto(base + path)
            body = page.locator(".md-content").inner_text()
            if path.endswith("university/"):
                assert HOSTILE["title"] in body and HOSTILE["description"] in body
            if path.startswith("courses/"):  # the finder shows the title from its data file
                expect(page.locator(".lc-result strong").first).to_have_text(HOSTILE["title"])
            assert page.evaluate("window.__xss") is None
            assert page.locator('a[href^="javascript:"]').count() == 0
            assert "49" not in body
        assert dialogs == []
        context.close()


def test_the_course_buttons_are_made_once_when_the_script_runs_again(page, server):
    """The editor's preview may run the page scripts twice on one rendering (a re-render while they
    load): each course keeps one bar of buttons, not two."""
    page.goto(server + "providers/jiaxing-city-university/")
    courses = page.locator("article.lc-course[id]")
    expect(courses.first.locator(".lc-course-tools")).to_have_count(1)
    # control: the second run does run; a course whose bar is gone gets one again
    page.evaluate("document.querySelector('article.lc-course[id] .lc-course-tools').remove()")
    page.evaluate("""() => new Promise((done) => {
        const script = document.createElement("script");
        script.src = [...document.scripts].find((s) => s.src.includes("assets/course.js")).src + "?again";
        script.onload = done;
        document.body.appendChild(script);
    })""")
    counts = page.evaluate(
        "[...document.querySelectorAll('article.lc-course[id]')].map((a) => a.querySelectorAll('.lc-course-tools').length)"
    )
    assert counts and set(counts) == {1}, counts


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_search_page_finds_a_course_of_its_last_bundle(browser, server, lang):
    """The tests' site has its courses in bundles of 250 (conftest's BUILD_ENV), as a city's site has
    them in bundles of 5,000 (issue 23: Pagefind's memory): a course only in the last bundle is found
    on the search page, as a reader finds it. Control: the same page with no bundle to merge does
    not find it."""
    catalogue = load(CATALOGUE)[0]
    last = search_records.bundles(catalogue, lang, 250)[-1]
    titles = [r["meta"]["title"] for b in search_records.bundles(catalogue, lang, 250) for r in b]
    course = next(r for r in last if titles.count(title := r["meta"]["title"]) == 1 and not re.search(r"[\s\d]", title))
    address = server + ("en/" if lang == "en" else "") + "search/?q=" + course["meta"]["title"]

    def found(page) -> list[str]:
        page.goto(address)
        done = [
            re.escape(i18n.t(f"search.{key}", lang)).replace(re.escape("[COUNT]"), r"\d+")
            for key in ("many_results", "one_result", "zero_results")
        ]
        message = page.locator(".pagefind-ui__message")
        expect(message).to_have_text(re.compile("|".join(d.replace(re.escape("[SEARCH_TERM]"), ".+") for d in done)))
        # the results it says, each loaded (Pagefind's UI shows 5 at first; one loading is greyed)
        said = int(number.group()) if (number := re.search(r"\d+", message.inner_text())) else 0
        expect(page.locator("li.pagefind-ui__result")).to_have_count(min(said, 5))
        expect(page.locator(".pagefind-ui__loading")).to_have_count(0)
        return [link.get_attribute("href") for link in page.locator(".pagefind-ui__result-link").all()]

    with watched_page(browser, viewport={"width": 390, "height": 844}) as page:
        assert course["url"] in found(page)
    with watched_page(browser, viewport={"width": 390, "height": 844}) as page:
        page.route(
            re.compile(r".*/search/\?q=.*"), lambda route: route.fulfill(response=route.fetch(), body=unmerged(route.fetch().text()))
        )
        assert course["url"] not in found(page)


def unmerged(html: str) -> str:
    """The search page as built before issue 23's bundles: nothing to merge."""
    changed = re.sub(r'data-merge="[^"]*"', 'data-merge="[]"', html)
    assert changed != html
    return changed


@pytest.mark.parametrize(
    "address, lang, status",
    [("no/such/page/", "zh", 404), ("en/no-such-course/", "en", 404), ("404.html", "zh", 200), ("en/404.html", "en", 200)],
)
def test_a_missing_address_gets_a_page_in_words_whose_links_all_work(page, server, address, lang, status):
    """Hosting answers every missing address with 404.html, at any depth: its links (home, search,
    the other language, the menus, the feed) must work from there and stay on this host, and it
    speaks the page's language: under /en/, English (control: the one error document stayed
    Chinese, lang="zh", for an English reader's mistyped address). Control: with `{{ base_url }}/` (base_url "/" there) they were "//…",
    other hosts."""
    hosts, errors = set(), []
    page.on("request", lambda r: hosts.add(urlsplit(r.url).netloc))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and m.location.get("url") != server + address else None)
    response = page.goto(server + address)
    assert response is not None and response.status == status
    expect(page.locator("h1")).to_have_text(i18n.t("notfound.title", lang))  # under /en/: the English page
    expect(page.locator("html")).to_have_attribute("lang", lang)
    addresses = page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)")
    inside = {a.split("#")[0] for a in addresses if a.startswith(server)}
    outside = [a for a in addresses if not a.startswith(server) and a.startswith("http")]
    assert outside == [] and len(inside) > 10, outside
    broken = [a for a in sorted(inside) if page.request.get(a).status != 200]
    assert broken == []
    assert hosts == {urlsplit(server).netloc} and errors == [], (hosts, errors)
