"""A shared link to search results (/search/?q=太极) on a phone, the site served as published (gzip,
as `make publish` stores it): nothing moves while the results come in (issue 23: Lighthouse measured
CLS 0.31 zh and 0.41 en as each result grew when its excerpt arrived), and the Pagefind files the
page preloads are the ones it uses, each fetched once. Sizes and counts only: Chromium's layout-shift
entries, results, requests.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import pytest
from conftest import layout_shifts, serving, watched_page
from playwright.sync_api import expect

from learning_city.tools.local import AsPublished

BUILT = dt.datetime(2026, 11, 29, 12, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # conftest's SOURCE_DATE_EPOCH
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3}
CLS_GOAL = 0.01
QUERIES = [("", "太极"), ("en/", "tai chi")]
# site.css as it was before issue 23: each result shown as it fills in, the page no taller than its content
OLD_CSS = ".lc-search .pagefind-ui__results { visibility: visible !important; } .lc-search { min-height: 0 !important; }"


@pytest.fixture(scope="module")
def as_published(site):
    with serving(site, handler=AsPublished) as base:
        yield base


def results_complete(page, address: str, css: str = "") -> dict:
    """Open a shared link and wait until the first page of results is all in (no placeholder left,
    the "N results" line written); the layout shifts that happened on the way."""
    if css:
        page.add_init_script(f"""document.addEventListener("DOMContentLoaded", () => {{
          const style = document.createElement("style"); style.textContent = {css!r}; document.head.append(style); }});""")
    page.goto(address, wait_until="load")
    expect(page.locator(".pagefind-ui__result").first).to_be_attached(timeout=15000)
    page.wait_for_function("!document.querySelector('.pagefind-ui__loading')")
    expect(page.locator(".pagefind-ui__message")).to_have_text(re.compile(r"\d"), timeout=15000)
    page.evaluate("document.fonts.ready.then(() => true)")
    return layout_shifts(page)


@pytest.mark.parametrize("prefix, query", QUERIES)
def test_a_shared_link_to_results_holds_still_on_a_phone(browser, as_published, prefix, query):
    with watched_page(browser, **PHONE) as page:
        page.clock.set_fixed_time(BUILT)
        shifts = results_complete(page, f"{as_published}{prefix}search/?q={quote(query)}")
        results = page.locator(".pagefind-ui__result")
        # the results keep what they show: a title link, an excerpt, and a course's details
        assert results.count() >= 3
        assert page.locator(".pagefind-ui__result-link").count() == results.count()
        assert page.locator(".pagefind-ui__result-excerpt").count() == results.count()
        assert page.locator(".pagefind-ui__result-tag").count() >= 4
    assert shifts["total"] <= CLS_GOAL, shifts["moved"]


@pytest.mark.parametrize("prefix, query", QUERIES)
def test_control_results_drawn_as_they_fill_in_move_the_page(browser, as_published, prefix, query):
    """The same measure on the old site.css: each result grows when its excerpt arrives."""
    with watched_page(browser, **PHONE) as page:
        page.clock.set_fixed_time(BUILT)
        shifts = results_complete(page, f"{as_published}{prefix}search/?q={quote(query)}", css=OLD_CSS)
    assert shifts["total"] > CLS_GOAL, shifts["moved"]


def pagefind_requests(browser, address: str, rewrite=None) -> tuple[list[str], list[str]]:
    """The page's preloaded Pagefind files and every Pagefind request it made (with repeats)."""
    with watched_page(browser, **PHONE) as page:
        page.clock.set_fixed_time(BUILT)
        if rewrite:
            page.route("**/search/?q=*", lambda route: route.fulfill(response=(r := route.fetch()), body=rewrite(r.text())))
        asked = []
        page.on("request", lambda request: "/pagefind/" in request.url and asked.append(request.url.split("?")[0]))
        results_complete(page, address)
        preloaded = page.eval_on_selector_all("link[rel=preload], link[rel=modulepreload]", "links => links.map(l => l.href)")
    return [p for p in preloaded if "/pagefind/" in p], asked


@pytest.mark.parametrize("prefix, query", QUERIES)
def test_pagefinds_files_are_asked_for_with_the_page_and_fetched_once(browser, as_published, prefix, query):
    preloaded, asked = pagefind_requests(browser, f"{as_published}{prefix}search/?q={quote(query)}")
    assert len(preloaded) == 3
    assert all(asked.count(url) == 1 for url in preloaded), asked


def test_control_a_preload_the_import_cannot_use_is_fetched_twice(browser, as_published):
    """The measure can fail: pagefind.js preloaded as a classic script (not a module) is asked for again by the import."""
    preloaded, asked = pagefind_requests(
        browser,
        f"{as_published}search/?q={quote('太极')}",
        rewrite=lambda html: html.replace('["pagefind.js", "modulepreload"]', '["pagefind.js", "preload", "script"]'),
    )
    assert any(asked.count(url) == 2 for url in preloaded), asked


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_a_query_nothing_is_asked_for_early(browser, as_published, prefix):
    """The search page opened from the menu paints its box first: Pagefind's files come after, by search.js."""
    with watched_page(browser, **PHONE) as page:
        page.goto(f"{as_published}{prefix}search/", wait_until="load")
        expect(page.locator(".pagefind-ui__search-input")).to_be_attached()
        assert page.locator("link[rel=preload], link[rel=modulepreload]").count() == 0
