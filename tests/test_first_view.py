"""The first view as a phone shows it (issue 16, measured by Lighthouse in `make bench`): nothing a
script does after load moves the page (cumulative layout shift, as Chromium counts it, at most 0.01)
and the search box is in the page itself, painted with it, not drawn later by Pagefind's script.
Sizes and counts only: Chromium's layout-shift entries, boxes, elements. The browser's clock is the
build's day (Playwright's clock), so the enrolment words do not change with the day the tests run.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import layout_shifts, serving, watched_page
from playwright.sync_api import expect

from learning_city.i18n import t
from learning_city.tools.local import QuietHandler

BUILT = dt.datetime(2026, 11, 29, 12, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # conftest's SOURCE_DATE_EPOCH
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75}  # Lighthouse's mobile screen
CLS_GOAL = 0.01
# the pages that moved (county lists: the "as of" note hidden; targets: their states rewritten as
# enrolment), the search page (its box swapped for Pagefind's), and a provider page with the note
STILL_PAGES = ["courses/haining/", "en/courses/haining/", "targets/", "en/targets/", "search/", "en/search/",
               "search/?q=太极", "en/search/?q=tai%20chi",  # a shared link to results: each result fills in
               "providers/jiaxing-technician-college/", "en/elderly/"]  # fmt: skip


@pytest.fixture
def phone(browser):
    with watched_page(browser, **PHONE) as page:
        page.clock.set_fixed_time(BUILT)
        yield page


def settled(page, address: str) -> None:
    """Loaded, and what the scripts put in is there (the search page's Pagefind box)."""
    page.goto(address, wait_until="load")
    if page.locator("#lc-search").count():
        expect(page.locator(".pagefind-ui__search-input")).to_be_attached()
    if "?q=" in address:  # every result drawn and filled in: the shifts they cause have happened
        expect(page.locator(".pagefind-ui__result").first).to_be_attached()
        page.wait_for_function("!document.querySelector('.pagefind-ui__loading')")
    page.evaluate("document.fonts.ready.then(() => true)")


def layout_shift(page) -> float:
    return layout_shifts(page)["total"]


def what_moved(page) -> list:
    """Each shift and its elements (name, top before and after, height before and after), for the message."""
    return layout_shifts(page)["moved"]


@pytest.mark.parametrize("path", STILL_PAGES)
def test_nothing_moves_after_the_page_is_drawn(phone, server, path):
    settled(phone, server + path)
    assert layout_shift(phone) <= CLS_GOAL, what_moved(phone)


def test_control_a_box_put_above_the_list_after_load_is_seen(phone, server):
    """The measure can fail: a line put in above the courses once the page is drawn moves them."""
    settled(phone, server + "courses/haining/")
    phone.evaluate("""() => new Promise(done => requestAnimationFrame(() => setTimeout(() => {
      const note = document.createElement("p"); note.textContent = "moved"; note.style.height = "60px";
      document.querySelector(".lc-county-courses").prepend(note); done(); }, 0)))""")
    assert layout_shift(phone) > CLS_GOAL


def test_control_results_shown_as_they_fill_in_move_each_other(phone, server):
    """What the search page did before site.css held the results back: a shared link's results
    grew one by one in view and moved the ones below (Lighthouse measured CLS 0.31)."""
    phone.add_init_script("""document.addEventListener("DOMContentLoaded", () => {
      const undo = document.createElement("style");
      undo.textContent = ".lc-search .pagefind-ui__results { visibility: visible !important; } .lc-search { min-height: 0 !important; }";
      document.head.append(undo); });""")
    settled(phone, server + "search/?q=太极")
    assert layout_shift(phone) > CLS_GOAL


def test_control_hiding_the_as_of_note_moves_the_list(phone, server):
    """What status.js did before: hide the build's "as of" note once it had redone the statuses."""
    settled(phone, server + "en/courses/haining/")
    before = layout_shift(phone)
    phone.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => setTimeout(() => { document.querySelector('.lc-status-as-of').hidden = true; done(); }, 0)))"
    )
    assert before <= CLS_GOAL < layout_shift(phone)


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_the_as_of_note_stays_and_names_the_readers_day(phone, server, lang, prefix):
    settled(phone, server + prefix + "courses/haining/")
    note = phone.locator(".lc-status-as-of")
    expect(note).to_be_visible()
    expect(note).to_have_text(t("status.as_of", lang, date="29 November 2026" if lang == "en" else "2026年11月29日"))


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_a_targets_state_keeps_its_words_after_the_scripts(phone, server, site, lang, prefix):
    """The targets' state cells are not courses' enrolment: status.js once rewrote every one "Open"."""
    built = BeautifulSoup((site / prefix / "targets" / "index.html").read_text(encoding="utf-8"), "html.parser")
    states = [cell.get_text() for cell in built.select("td.lc-target-status")]
    assert len(states) > 10 and t("status.open", lang) not in states
    settled(phone, server + prefix + "targets/")
    assert phone.locator("td.lc-target-status").all_inner_texts() == states
    assert phone.locator("table.lc-targets-table .lc-status").count() == 0


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_the_search_box_is_in_the_page_before_any_script(browser, server, lang, prefix):
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + prefix + "search/")
    box = page.locator("#lc-search form[role=search] input[name=q]")
    expect(box).to_be_visible()
    expect(box).to_have_attribute("placeholder", t("search.placeholder", lang))
    early = box.bounding_box()
    context.close()
    assert early["height"] > 40 and early["width"] > 300


@pytest.mark.parametrize("lang, prefix", [("zh", ""), ("en", "en/")])
def test_pagefinds_box_takes_the_place_of_the_pages_own_at_its_size(browser, server, lang, prefix):
    """One box after the script, where the page's own was and as large: no jump and no later, larger paint."""
    boxes = {}
    for scripts in (False, True):
        context = browser.new_context(**PHONE, java_script_enabled=scripts)
        page = context.new_page()
        page.goto(server + prefix + "search/")
        selector = ".pagefind-ui__search-input" if scripts else ".lc-search-input"
        expect(page.locator(selector)).to_be_visible()
        assert page.locator("#lc-search input:not([type=checkbox])").count() == 1
        boxes[scripts] = page.locator(selector).bounding_box()
        context.close()
    assert boxes[True] == boxes[False]


def test_what_is_typed_before_pagefind_is_here_is_searched(phone, server):
    """A reader quicker than the script: the words typed in the page's own box are searched for."""
    held = []
    phone.route("**/pagefind/pagefind-ui.js", lambda route: held.append(route))
    phone.goto(server + "search/", wait_until="domcontentloaded")  # its load waits for the held script
    phone.locator(".lc-search-input").fill("太极")
    for _ in range(200):  # until search.js has asked for Pagefind's script (held above)
        if held:
            break
        phone.wait_for_timeout(50)
    assert len(held) == 1 and phone.locator(".pagefind-ui__search-input").count() == 0
    held[0].continue_()
    expect(phone.locator(".pagefind-ui__search-input")).to_have_value("太极")
    expect(phone.locator(".pagefind-ui__result-link").first).to_be_visible(timeout=15000)
    assert phone.locator(".lc-search-input").count() == 0
    assert "q=" in phone.url


# --- a slow network: the page's HTML in two parts ------------------------------------------------

# every page kind with a table of ours, in both languages, and the provider directory's county counts
TABLE_PAGES = ["targets/", "en/targets/", "network/", "en/network/", "providers/", "en/data/", "en/elderly/",
               "venues/xiuzhou-cultural-centre/"]  # fmt: skip
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
# what the tables looked like before site.css laid them out from their header (Material's own box,
# widths from the rows), and before a phone showed their rows as cards: the control, which the slow
# network must catch
WIDTHS_FROM_ROWS = (b"<style>.md-typeset table.lc-table { table-layout: auto !important; width: auto !important; }"
                    b" .md-typeset .md-typeset__table.lc-table-wrap { display: inline-block !important; }"
                    b" .md-typeset table.lc-table.lc-cards { display: table !important; }"
                    b" .md-typeset .lc-cards thead { display: table-header-group !important; }"
                    b" .md-typeset .lc-cards tbody { display: table-row-group !important; }"
                    b" .md-typeset .lc-cards tr { display: table-row !important; }"
                    b" .md-typeset .lc-cards :is(th, td) { display: table-cell !important; }"
                    b" .md-typeset .lc-cards td::before { content: none !important; }</style>")  # fmt: skip


# Cut into the page after its first row: once the browser has painted that part, it says so.
PAINTED = b"<script>requestAnimationFrame(() => requestAnimationFrame(() => fetch('/__painted')))</script>"


def in_two_parts(head: bytes = b"") -> type:
    """A server that sends each page's HTML cut after its first table row, and the rest only once
    the browser has painted the first part (then 0.2 s more): what a phone on a slow network gets.
    Waiting for the paint, not a fixed time, keeps the measure the same on a busy machine."""
    painted = threading.Event()

    class TwoParts(QuietHandler):
        def do_GET(self):
            if self.path == "/__painted":
                painted.set()
                self.send_response(204)
                self.end_headers()
                return
            page = Path(self.directory, self.path.split("?")[0].lstrip("/"), "index.html")
            if not self.path.endswith("/") or not page.is_file():
                return super().do_GET()
            body = page.read_bytes().replace(b"</head>", head + b"</head>", 1)
            cut = body.index(b"</tr>", body.index(b"<tbody>")) + len(b"</tr>")
            body = body[:cut] + PAINTED + body[cut:]
            cut += len(PAINTED)
            painted.clear()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:cut])
            self.wfile.flush()
            painted.wait(timeout=20)
            time.sleep(0.2)
            self.wfile.write(body[cut:])

    return TwoParts


def shift_on_a_slow_network(browser, site, path: str, screen: dict, head: bytes = b"") -> dict:
    with serving(site, handler=in_two_parts(head)) as base, watched_page(browser, **screen) as page:
        page.clock.set_fixed_time(BUILT)
        page.goto(base + path, wait_until="load")
        assert page.locator("table.lc-table tbody tr").count() > 1
        return layout_shifts(page)


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", TABLE_PAGES)
def test_a_table_arriving_in_parts_keeps_its_columns(browser, site, path, screen):
    shift = shift_on_a_slow_network(browser, site, path, screen)
    assert shift["tables"] == 0 and shift["total"] <= CLS_GOAL, shift["moved"]


def test_control_widths_taken_from_the_rows_move_the_page_as_rows_arrive(browser, site):
    """The measure can fail: the tables as they were, laid out from their rows, move on the same network."""
    shifts = [shift_on_a_slow_network(browser, site, "targets/", screen, WIDTHS_FROM_ROWS) for screen in (PHONE, DESKTOP)]
    assert all(shift["tables"] > CLS_GOAL for shift in shifts), shifts


def test_on_a_tablet_the_county_counts_scroll_sideways_keeping_what_each_row_counts_in_view(browser, server):
    """The county counts (840 px) are wider than a tablet held upright (768 px), which keeps the
    table (a phone shows cards, below): the numbers scroll, and the first column (what the row is)
    stays in view."""
    with watched_page(browser, viewport={"width": 768, "height": 1024}) as page:
        settled(page, server + "en/network/")
        wrap = page.locator(".md-typeset__scrollwrap").first
        first = page.locator("table.lc-table tbody th").first
        number = page.locator("table.lc-table tbody td").first
        room = wrap.evaluate("el => el.scrollWidth - el.clientWidth")
        assert room > 50
        before = first.bounding_box()["x"], number.bounding_box()["x"]
        wrap.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
        after = first.bounding_box()["x"], number.bounding_box()["x"]
    # the numbers went `room` px left; the first column stays at the scrolling box's edge
    assert 0 <= after[0] <= before[0] and after[1] < before[1] - room + 5, (before, after, room)


# the tables wider than a phone: the targets (5 columns), the counts by county (9)
CARD_PAGES = ["targets/", "en/targets/", "network/", "en/network/", "providers/", "en/providers/"]
# each body cell: its box, the label shown before it, and its column's header
CELLS = """table => {
  const heads = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
  return [...table.querySelectorAll("tbody tr")].flatMap(tr => [...tr.children].map((cell, i) => {
    const r = cell.getBoundingClientRect(), label = getComputedStyle(cell, "::before").content;
    return {tag: cell.tagName, left: r.left, right: r.right, label: label, head: heads[i],
            status: cell.classList.contains("lc-target-status")};
  }));
}"""


@pytest.mark.parametrize("path", CARD_PAGES)
def test_on_a_phone_a_wide_tables_rows_are_cards_with_each_cell_labelled(browser, server, path):
    """At 390 px each row of a wide table is a card: its header on top, each cell under its
    column's name; nothing scrolls sideways, so a target's "Actual" and "Status" are on screen.
    Control: before, /en/targets/ scrolled its table (600 px in 390) with both columns off
    screen, and the counts were 856 px wide; no cell had a label."""
    with watched_page(browser, viewport={"width": 390, "height": 844}) as page:
        settled(page, server + path)
        table = page.locator("table.lc-table").first
        wrap = page.locator(".md-typeset__scrollwrap").first
        assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth"), "the table scrolls sideways"
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        cells = table.evaluate(CELLS)
        assert len(cells) > 10
        outside = [cell for cell in cells if cell["left"] < 0 or cell["right"] > 390]
        assert not outside, outside[:3]
        unlabelled = [cell for cell in cells if cell["tag"] == "TD" and cell["label"] != f'"{cell["head"]}"']
        assert not unlabelled, unlabelled[:3]
        if "targets" in path:
            assert sum(cell["status"] for cell in cells) == table.locator("tbody tr").count()


@pytest.mark.parametrize("path", ["en/targets/", "en/network/"])
def test_on_a_desktop_a_wide_table_stays_a_table_for_screen_readers(browser, server, path):
    """The cards are a phone's alone: at 1280 px the table is laid out as one, with no label
    before a cell, and Chromium's accessibility tree (what a screen reader reads) has the table,
    its column headers, row headers and cells."""
    with watched_page(browser, **DESKTOP) as page:
        settled(page, server + path)
        table = page.locator("table.lc-table").first
        expect(table).to_have_css("display", "table")
        expect(table.locator("thead")).to_be_visible()
        cells = table.evaluate(CELLS)
        assert {cell["label"] for cell in cells} == {"none"}
        columns, rows = table.locator("thead th").count(), table.locator("tbody tr").count()
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        roles = [node.get("role", {}).get("value") for node in tree if not node.get("ignored")]
        assert roles.count("table") == 1 and roles.count("columnheader") == columns
        assert roles.count("rowheader") == rows and roles.count("cell") == rows * (columns - 1)
