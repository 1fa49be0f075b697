"""What a reader sees today, in headless Chromium, in both languages: a course found by its name,
enrolment status worked out for the reader's day (the page may be older than that), the finder's
"can still enrol" and "starting soonest", a venue's doors today, language alternates, and one
course to share. The browser's clock is set (Playwright's clock), so no test depends on the day it runs.
"""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CATALOGUE, ROOT, watched_page
from playwright.sync_api import expect

import bench  # scripts/bench.py (on the path from conftest): the relevance set's expectations and recall
from learning_city import i18n
from learning_city.data import model as m
from learning_city.data.loader import load
from learning_city.data.status import Status, enrolment_status, window
from learning_city.i18n import t
from learning_city.site import enrolment

JIAXING = dt.timezone(dt.timedelta(hours=8))
BUILT = dt.date(2026, 11, 29)  # conftest's SOURCE_DATE_EPOCH
PREFIX = {"zh": "", "en": "en/"}
PROVIDER = "jiaxing-technician-college"
CLOSED_COURSE = "electrician-exam"  # enrolment closed on 7 September 2026
OPEN_COURSE = "home-safety-winter"  # enrolment open from 16 November to 8 December 2026


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=JIAXING)


@pytest.fixture
def page(browser):
    with watched_page(browser, viewport={"width": 1280, "height": 900}) as page:
        yield page


def catalogue():
    return load(CATALOGUE)[0]


def course_of(provider_id: str, course_id: str):
    provider = catalogue().providers[provider_id]
    return provider, next(c for c in provider.courses if c.id == course_id)


def status_words(provider_id: str, course_id: str, day: dt.date, lang: str) -> str:
    provider, course = course_of(provider_id, course_id)
    return enrolment.text(enrolment.of(provider, course, day), lang)


# --- the status script agrees with status.py -------------------------------------------------------

D = dt.date.fromisoformat
DAYS = [None, "2026-08-20", "2026-09-03", "2026-09-10", "2026-12-28"]
TODAYS = ["2026-08-01", "2026-08-20", "2026-08-25", "2026-09-03", "2026-09-04", "2026-09-11", "2026-12-28", "2026-12-29"]


def table():
    """Every combination of the provider's word, opening and closing days, and today, with the
    answer of learning_city/data/status.py; class dates end on 28 December."""
    cases = []
    for word in m.CourseStatus:
        for opens in DAYS:
            for closes in DAYS:
                if opens and closes and closes < opens:
                    continue
                course = m.Course.model_validate(
                    {
                        "id": "c",
                        "title": {"zh": "课"},
                        "category": "health",
                        "audience": ["everyone"],
                        "mode": "in-person",
                        "hours": 1,
                        "fee": {"amount": 0},
                        "capacity": 1,
                        "status": word.value,
                        "schedule": {
                            "days": ["mon"],
                            "start": "09:00",
                            "end": "10:00",
                            "dates": {"start": "2026-09-07", "end": "2026-12-28"},
                        },
                        "enrolment": {"method": "on-site", **({"opens": opens} if opens else {}), **({"closes": closes} if closes else {})},
                    }
                )
                days = window(course, None)
                facts = {"status": word.value, "opens": opens or "", "closes": closes or "", "ends": days.ends.isoformat()}
                for today in TODAYS:
                    cases.append((facts, today, enrolment_status(course, None, D(today))))
    return cases


def script_answers(page, cases, facts_of=lambda facts: facts) -> list[Status]:
    answers = page.evaluate(
        "cases => cases.map(([facts, day]) => lcStatus.compute(facts, day))", [[facts_of(f), day] for f, day, _ in cases]
    )
    return [Status(a["kind"], D(a["date"]) if a["date"] else None) for a in answers]


def test_the_status_script_agrees_with_status_py_on_every_case(page, server):
    page.goto(server)
    cases = table()
    assert len(cases) > 300
    assert script_answers(page, cases) == [expected for _, _, expected in cases]
    # control: the script given the facts without the closing day answers differently somewhere
    dropped = script_answers(page, cases, lambda facts: {**facts, "closes": ""})
    assert dropped != [expected for _, _, expected in cases]


def test_the_dates_a_page_keeps_give_the_same_status_from_its_build_day_on(page, server):
    """A page carries only the facts that can still change the status (enrolment.live): for every
    build day and every later reader's day the script's answer is status.py's."""
    page.goto(server)
    cases = [(enrolment.live(facts, D(built)), day, expected) for facts, day, expected in table() for built in TODAYS if built <= day]
    assert len(cases) > 1000
    assert script_answers(page, cases) == [expected for _, _, expected in cases]
    # control: the same facts read on days before the build day are not always right
    early = [(enrolment.live(facts, D(built)), day, expected) for facts, day, expected in table() for built in TODAYS if built > day]
    assert script_answers(page, early) != [expected for _, _, expected in early]


# --- a course's status on its provider's page ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_on_the_build_day_closed_and_open_until(page, server, lang):
    page.clock.set_fixed_time(at(BUILT))
    page.goto(server + PREFIX[lang] + f"providers/{PROVIDER}/")
    closed = page.locator(f"#course-{CLOSED_COURSE} .lc-status")
    open_ = page.locator(f"#course-{OPEN_COURSE} .lc-status")
    expect(closed).to_have_text(t("status.closed", lang))
    expect(open_).to_have_text(t("status.open_until", lang, date="8 December 2026" if lang == "en" else "2026年12月8日"))
    assert status_words(PROVIDER, OPEN_COURSE, BUILT, lang) == open_.inner_text()
    # the reader's day now, said in place of the build's (hidden, it would move the list up)
    expect(page.locator(".lc-status-as-of")).to_have_text(
        t("status.as_of", lang, date="29 November 2026" if lang == "en" else "2026年11月29日")
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_page_built_earlier_shows_the_status_of_the_readers_later_day(page, server, site, lang):
    path = PREFIX[lang] + f"providers/{PROVIDER}/"
    html = (site / path / "index.html").read_text(encoding="utf-8")
    built = BeautifulSoup(html, "html.parser").select_one(f"#course-{OPEN_COURSE} .lc-status").get_text()
    assert built == status_words(PROVIDER, OPEN_COURSE, BUILT, lang)  # open until 8 December, as of 29 November
    later = dt.date(2026, 12, 10)
    page.clock.set_fixed_time(at(later))
    page.goto(server + path)
    expect(page.locator(f"#course-{OPEN_COURSE} .lc-status")).to_have_text(t("status.closed", lang))
    assert page.locator(f"#course-{OPEN_COURSE} .lc-status").get_attribute("data-kind") == "closed"
    expect(page.locator(".lc-status-as-of")).to_have_text(
        t("status.as_of", lang, date="10 December 2026" if lang == "en" else "2026年12月10日")
    )


def test_the_link_to_enrol_is_offered_only_while_enrolment_is_on(page, server):
    """No "去报名" under "报名已结束": beside each course with a link to enrol, the link shows only
    while the course takes enrolments on the reader's day. Control: the provider has courses with
    a link on both sides, and the same closed course offers it on a day before it closed."""
    provider = catalogue().providers["jiaxing-city-university"]
    linked = [c for c in provider.courses if c.enrolment and c.enrolment.url]

    def offered(day: dt.date) -> dict[str, bool]:
        page.clock.set_fixed_time(at(day))
        page.goto(server + f"providers/{provider.id}/")
        return {c.id: page.locator(f"#course-{c.id} .lc-enrol-link").is_visible() for c in linked}

    can = {c.id: enrolment.of(provider, c, BUILT).kind in enrolment.CAN_ENROL for c in linked}
    assert True in can.values() and False in can.values(), can
    assert offered(BUILT) == can
    closed = next(c for c in linked if not can[c.id] and c.enrolment.closes)
    assert offered(closed.enrolment.closes)[closed.id] is True


def test_a_terms_link_to_enrol_is_offered_only_while_its_enrolment_is_on(page, server):
    """The same beside a term's enrolment (an elderly university enrols by term): no "去报名" after
    "报名已结束" above the term's courses. Control: the closed term offers it on a day in its window."""
    provider = catalogue().providers["jiaxing-city-university"]
    autumn, spring = (term for term in provider.terms if term.enrolment and term.enrolment.url)
    assert autumn.enrolment.closes < BUILT < spring.enrolment.opens

    def offered(term, day: dt.date) -> bool:
        page.clock.set_fixed_time(at(day))
        page.goto(server + f"providers/{provider.id}/")
        return page.locator(f"#term-{term.id} + p .lc-enrol-link").is_visible()

    assert offered(autumn, BUILT) is False
    assert offered(autumn, autumn.enrolment.closes) is True
    assert offered(spring, spring.enrolment.opens) is True


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_the_build_status_says_as_of_its_day(browser, server, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PREFIX[lang] + f"providers/{PROVIDER}/")
    as_of = page.locator(".lc-status-as-of")
    expect(as_of).to_be_visible()
    assert ("2026年11月29日" if lang == "zh" else "29 November 2026") in as_of.inner_text()
    expect(page.locator(f"#course-{OPEN_COURSE} .lc-status")).to_have_text(status_words(PROVIDER, OPEN_COURSE, BUILT, lang))
    page.goto(server + PREFIX[lang] + "courses/nanhu/")  # the county lists carry the status too
    assert page.locator(".lc-result .lc-status").count() == page.locator(".lc-result").count() > 0
    context.close()


# --- search: courses are results ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, provider_id, course_id",
    [
        ("zh", "haining-yanguan-elderly-school", "knitting-beginners"),
        ("zh", PROVIDER, OPEN_COURSE),
        ("en", PROVIDER, OPEN_COURSE),
        ("en", "jiaxing-city-university", "smartphone-basics"),
    ],
)
def test_a_course_title_finds_the_course_with_its_time_and_status(page, server, lang, provider_id, course_id):
    provider, course = course_of(provider_id, course_id)
    title = course.title.get(lang)
    page.clock.set_fixed_time(at(BUILT))
    page.goto(server + PREFIX[lang] + "search/?q=" + title)
    first = page.locator(".pagefind-ui__result").first
    expect(first.locator(".pagefind-ui__result-link")).to_have_text(title, timeout=15000)
    href = first.locator(".pagefind-ui__result-link").get_attribute("href")
    assert href.endswith(f"/{PREFIX[lang]}providers/{provider_id}/#course-{course_id}"), href
    tags = first.locator(".pagefind-ui__result-tag").all_inner_texts()
    when = next(tag for tag in tags if tag.startswith(t("search.when", lang)))
    assert f"{course.schedule.start}–{course.schedule.end}" in when
    colon = t("punct.colon", lang)  # "：" on the Chinese page, not Pagefind's ": "
    assert f"{t('search.status', lang)}{colon}{status_words(provider_id, course_id, BUILT, lang)}" in tags
    assert any(tag.startswith(t("search.provider", lang) + colon + provider.name.get(lang)) for tag in tags)
    # found by its title, a course shows no excerpt: it would repeat the title and provider above
    expect(first.locator(".pagefind-ui__result-excerpt")).to_be_hidden()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_event_a_team_and_a_resource_found_show_their_facts_labelled_in_the_pages_language(page, server, lang):
    """Not a course's labels or Pagefind's raw keys ("Fee: 免费" on the Chinese page, a resource's
    subject as "When"): each kind's own, in the page's language. Control: every label is one of
    ui.yml's for that language, and the raw keys appear nowhere."""
    cat = catalogue()
    event = next(iter(cat.events.values()))
    team = next(iter(cat.teams.values()))
    resource = next(iter(cat.resources.values()))
    expected = {
        event.name.get(lang): {t("events.host", lang), t("search.when", lang), t("search.place", lang), t("events.join", lang)},
        team.name.get(lang): {t("search.place", lang), t("search.when", lang)},
        resource.name.get(lang): {t("resources.publisher", lang), t("label.category", lang), t("search.fee", lang)},
    }
    for title, labels in expected.items():
        page.goto(server + PREFIX[lang] + "search/?q=" + title)
        result = page.locator(".pagefind-ui__result").filter(has=page.locator(".pagefind-ui__result-link", has_text=title)).first
        expect(result).to_be_visible(timeout=15000)
        tags = result.locator(".pagefind-ui__result-tag").all_inner_texts()
        shown = {tag.split(t("punct.colon", lang).strip())[0] for tag in tags}
        assert shown == labels, (title, shown)
        assert lang == "en" or not any(": " in tag for tag in tags), tags  # Pagefind's ASCII colon, worded over


def test_a_word_of_a_description_shows_its_sentence_under_the_course(page, server):
    """Found by a word only its description has, the course shows that sentence, the word marked
    (the control of the hidden excerpt above)."""
    page.goto(server + "search/?q=积分落户")
    excerpt = page.locator(".pagefind-ui__result").first.locator(".pagefind-ui__result-excerpt")
    expect(excerpt).to_be_visible(timeout=15000)
    assert "积分落户" in excerpt.inner_text()


def test_search_results_show_the_status_of_the_readers_day(page, server):
    page.clock.set_fixed_time(at(dt.date(2026, 12, 10)))
    page.goto(server + "en/search/?q=Safe electricity at home in winter")
    first = page.locator(".pagefind-ui__result").first
    expect(first.locator(".pagefind-ui__result-tag").last).to_have_text("Enrolment: Enrolment closed", timeout=15000)


def test_course_level_recall_at_5_on_the_sample_in_both_languages(browser, server):
    """bench/relevance.yml's course queries, as `make bench` asks them: the course itself in the top 5."""
    relevance = yaml.safe_load((ROOT / "bench" / "relevance.yml").read_text(encoding="utf-8"))
    queries = relevance["courses"]["generic"] + relevance["courses"]["sample"]
    for lang in ("zh", "en"):
        asked = [q for q in queries if q["lang"] == lang]
        result = bench.relevance(browser, server, asked, CATALOGUE, exact=True)
        assert result["queries"] >= 12, result
        assert result["recall"] >= 0.95, result
    # control: a query that names something else does not find the course
    wrong = bench.relevance(browser, server, [{"query": "茅盾故居", "lang": "zh", "title": "家庭电工入门"}], CATALOGUE, exact=True)
    assert wrong["queries"] == 1 and wrong["recall"] == 0, wrong


def test_exact_course_expectations_are_course_anchors():
    cat = catalogue()
    urls = bench.expected_course_urls(
        cat, {"query": "西塘 书法", "lang": "zh", "town": "jiashan-xitang", "category": "calligraphy-painting"}
    )
    assert urls and all(re.fullmatch(r"/providers/jiashan-xitang-[a-z-]+/#course-[a-z0-9-]+", u) for u in urls), urls
    assert bench.expected_course_urls(cat, {"query": "x", "lang": "en", "title": "Safe electricity at home in winter"}) == {
        f"/en/providers/{PROVIDER}/#course-{OPEN_COURSE}"
    }


# --- the finder ------------------------------------------------------------------------------------


def finder_expectations(day: dt.date):
    cat = catalogue()
    pairs = [(p, c) for p in cat.providers.values() for c in p.courses]
    can = [(p, c) for p, c in pairs if enrolment.of(p, c, day).kind in enrolment.CAN_ENROL]
    return pairs, can


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_can_still_enrol_filters_and_announces_the_count(page, server, lang):
    pairs, can = finder_expectations(BUILT)
    assert 0 < len(can) < len(pairs)
    page.clock.set_fixed_time(at(BUILT))
    page.goto(server + PREFIX[lang] + "courses/")
    count = page.locator(".lc-count")
    assert count.get_attribute("aria-live") == "polite" and count.get_attribute("role") == "status"
    expect(count).to_have_text(i18n.counted("finder.count", len(pairs), lang))
    page.check("#f-enrol")
    expect(count).to_have_text(i18n.counted("finder.count", len(can), lang))
    kinds = page.locator(".lc-result .lc-status").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert kinds and set(kinds) <= set(enrolment.CAN_ENROL), set(kinds)
    assert "enrol=1" in page.url


def test_can_still_enrol_follows_the_readers_day(page, server):
    later = dt.date(2027, 7, 1)
    _, can_later = finder_expectations(later)
    _, can_built = finder_expectations(BUILT)
    assert len(can_later) != len(can_built)  # the control: the day changes the answer
    page.clock.set_fixed_time(at(later))
    page.goto(server + "courses/?enrol=1")
    expect(page.locator(".lc-count")).to_have_text(i18n.counted("finder.count", len(can_later), "zh"))


def test_starting_soonest_puts_the_next_courses_first(page, server):
    page.clock.set_fixed_time(at(BUILT))
    page.goto(server + "courses/")
    first_default = page.locator(".lc-result a").first.get_attribute("href")
    page.select_option("#f-sort", "soonest")
    expect(page.locator(".lc-result a").first).not_to_have_attribute("href", first_default)
    cat = catalogue()
    starts = {f"providers/{p.id}/#course-{c.id}": bench_start(p, c) for p in cat.providers.values() for c in p.courses}
    hrefs = page.locator(".lc-result a").evaluate_all("links => links.map(a => a.getAttribute('href').replace(/^(\\.\\.\\/)+/, ''))")
    shown = [starts[href] for href in hrefs]
    upcoming = sorted(s for s in starts.values() if s >= BUILT.isoformat())
    assert shown[: len(upcoming[:50])] == upcoming[:50]


def bench_start(provider, course) -> str:
    from learning_city.site.text import course_start

    return course_start(provider, course)


# --- a venue today -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, when, expected",
    [
        ("zh", dt.datetime(2027, 2, 6, 10, tzinfo=JIAXING), "今天闭馆：春节闭馆"),
        ("en", dt.datetime(2027, 2, 6, 10, tzinfo=JIAXING), "Closed today: Closed for the Spring Festival"),
        ("zh", dt.datetime(2027, 2, 9, 10, tzinfo=JIAXING), "现在开放，20:30闭馆"),  # controls: a Tuesday morning
        ("en", dt.datetime(2027, 2, 9, 21, tzinfo=JIAXING), "Closed now; today's hours: 09:00–20:30"),
        ("en", dt.datetime(2027, 2, 8, 10, tzinfo=JIAXING), "Closed today"),  # a Monday
    ],
)
def test_a_venue_says_whether_it_is_open_now(page, server, lang, when, expected):
    page.clock.set_fixed_time(when)
    page.goto(server + PREFIX[lang] + "venues/jiaxing-library/")
    expect(page.locator(".lc-today-now")).to_have_text(expected)


def test_without_javascript_a_venue_shows_the_week_from_the_build_day(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "venues/jiaxing-library/")
    days = page.locator(".lc-week li")
    assert days.count() == 7
    assert days.first.get_attribute("data-date") == BUILT.isoformat()
    assert days.nth(1).inner_text().endswith("闭馆")  # 30 November 2026, a Monday
    expect(page.locator(".lc-today-now")).to_be_hidden()
    context.close()


# --- language alternates ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "providers/jiaxing-technician-college/", "venues/jiaxing-library/", "courses/nanhu/"])
def test_hreflang_links_are_full_urls_of_the_same_page(site, path):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    site_url = home.select_one('link[rel="canonical"]')["href"]  # site_url, as the build used it
    for lang in ("zh", "en"):
        soup = BeautifulSoup((site / PREFIX[lang] / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert links == {"zh": site_url + path, "en": site_url + "en/" + path, "x-default": site_url + path}, links


def test_sitemaps_carry_the_language_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for lang in ("zh", "en"):
        urls = ElementTree.parse(site / PREFIX[lang] / "sitemap.xml").getroot().findall("s:url", ns)
        assert len(urls) > 100
        for url in urls:
            loc = url.find("s:loc", ns).text
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
            assert set(alternates) == {"zh", "en", "x-default"} and loc in alternates.values(), loc
            assert alternates["en"].replace("/en/", "/", 1) == alternates["zh"] == alternates["x-default"]


def test_the_language_switch_keeps_the_fragment_and_the_query(page, server):
    page.goto(server + f"providers/{PROVIDER}/#course-{OPEN_COURSE}")
    page.hover(".md-header__option .md-select")
    page.click('a.lc-alternate[hreflang="en"]')
    expect(page).to_have_url(server + f"en/providers/{PROVIDER}/#course-{OPEN_COURSE}")
    page.goto(server + "en/courses/?mode=in-person&free=1")
    page.hover(".md-header__option .md-select")
    page.click('a.lc-alternate[hreflang="zh"]')
    expect(page).to_have_url(server + "courses/?mode=in-person&free=1")
    expect(page.locator("#f-free")).to_be_checked()


# --- one course to share -----------------------------------------------------------------------------


def canonical(server, lang) -> str:
    return f"https://learning-city.example.org/{PREFIX[lang]}providers/{PROVIDER}/#course-{OPEN_COURSE}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_link_copies_the_courses_own_address_and_says_so(browser, server, lang):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + PREFIX[lang] + f"providers/{PROVIDER}/")
    page.click(f"#course-{OPEN_COURSE} .lc-copy-link")
    expect(page.locator(".lc-announce")).to_have_text(t("course.copied", lang))
    assert page.evaluate("navigator.clipboard.readText()") == canonical(server, lang)
    context.close()


def test_copy_link_without_the_clipboard_shows_the_address_to_copy(browser, server):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined}); document.execCommand = () => false;")
    page = context.new_page()
    page.goto(server + f"providers/{PROVIDER}/")
    page.click(f"#course-{OPEN_COURSE} .lc-copy-link")
    expect(page.locator(f"#course-{OPEN_COURSE} .lc-copy-field")).to_have_value(canonical(server, "zh"))
    expect(page.locator(".lc-announce")).to_have_text(t("course.copy_failed", "zh"))
    context.close()


# the text a printer gets: each shown element's own words (a phone's browser prints what CSS shows)
PRINTED_TEXT = """() => [...document.querySelectorAll("body *")].filter((e) => e.checkVisibility())
    .flatMap((e) => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim())).filter(Boolean)"""
# a provider with an address, a phone and terms; the course printed, in its term (reader review 2026-12-06)
CARD_PROVIDER, CARD_COURSE, CARD_TERM = "jiaxing-city-university", "smartphone-basics", "2026-autumn"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_printing_one_course_gives_a_card_to_act_on_with_a_qr_code_of_its_address(browser, server, lang):
    """The card carries what an older reader needs to go or to call: the school's name, address and
    phone, the course's term and dates, its facts and the QR code of its address; nothing else of
    the page (the online resources below the courses were printed under the card). Control: the
    old print CSS hid the h1 and the provider's facts (tests fail on the name and the address)."""
    provider = catalogue().providers[CARD_PROVIDER]
    course = next(c for c in provider.courses if c.id == CARD_COURSE)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    page.goto(server + PREFIX[lang] + f"providers/{CARD_PROVIDER}/")
    page.click(f"#course-{CARD_COURSE} .lc-print-course")
    page.wait_for_function("window.__printed === 1")
    page.emulate_media(media="print")
    card = page.locator(f"#course-{CARD_COURSE}")
    expect(card.locator(".lc-course-qr svg")).to_be_visible()
    address = f"https://learning-city.example.org/{PREFIX[lang]}providers/{CARD_PROVIDER}/#course-{CARD_COURSE}"
    expect(card.locator(".lc-course-qr figcaption")).to_have_text(address)
    assert card.locator(".lc-course-qr svg rect, .lc-course-qr svg path").count() > 0
    printed = page.evaluate(PRINTED_TEXT)
    for words in (getattr(provider.name, lang), getattr(provider.address, lang), provider.contact.phone, getattr(course.title, lang)):
        assert words in printed, f"{words!r} is not on the card: {printed}"
    expect(page.locator(f"#term-{CARD_TERM}")).to_be_visible()  # the term and its dates, above the course
    expect(page.locator(f"#term-{CARD_TERM} + p")).to_be_visible()
    assert card.locator(".lc-facts dt").evaluate_all("dts => dts.filter(d => d.checkVisibility()).length") >= 7
    others = [c.id for c in provider.courses if c.id != CARD_COURSE]
    assert page.locator(", ".join(f"#course-{c}" for c in others)).evaluate_all("cs => cs.filter(c => c.checkVisibility()).length") == 0
    for words in ("resources.on_these_subjects", "calendar.add", "calendar.provider", "label.kind", "label.region", "label.website"):
        assert t(words, lang) not in printed, f"{t(words, lang)!r} is printed with the course"
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_older_peoples_page_gives_each_terms_enrolment_for_the_readers_day(page, server, site, lang):
    term = 'a[href$="jiaxing-elderly-university/#term-2027-spring"]'
    soup = BeautifulSoup((site / PREFIX[lang] / "elderly" / "index.html").read_text(encoding="utf-8"), "html.parser")
    built = soup.select_one(term).find_parent("dt").find_next_sibling("dd").select_one(".lc-status")
    # on 29 November 2026 it opens on 15 January 2027
    assert built.get_text() == t("status.not_yet", lang, date="15 January 2027" if lang == "en" else "2027年1月15日")
    page.clock.set_fixed_time(at(dt.date(2027, 1, 20)))
    page.goto(server + PREFIX[lang] + "elderly/")
    status = page.locator(f"dt:has({term}) + dd .lc-status")
    expect(status).to_have_text(t("status.open_until", lang, date="9 February 2027" if lang == "en" else "2027年2月9日"))
