"""Screenshots of a provider page, to look at what readers see: phone and desktop width, normal and
elderly mode, Chinese and English (8 full-page PNGs); and of the web editor at /admin/ as school
staff see it (a record's form beside its preview, and a wrong time refused), working on a scratch
clone through decap-server. Builds nothing: it serves an already built site.

    python scripts/screenshots.py [--site site] [--out site-shots]
"""

from __future__ import annotations

import argparse
import contextlib
import html
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from learning_city.tools import local_editor as edit
from learning_city.tools.local import launch_chromium, serving

PAGE = "providers/jiaxing-city-university/"
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
LANGS = {"zh": "", "en": "en/"}
MODES = {
    "normal": "try { localStorage.removeItem('lc-elderly'); } catch (e) {}",
    "elderly": "try { localStorage.setItem('lc-elderly', '1'); } catch (e) {}",
}


def shoot(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    slug = PAGE.strip("/").replace("/", "-")
    saved = []
    with serving(site) as base, sync_playwright() as p:
        browser = launch_chromium(p)
        for size, viewport in SIZES.items():
            for mode, script in MODES.items():
                context = browser.new_context(viewport=viewport, color_scheme="light")
                context.add_init_script(script)
                page = context.new_page()
                for lang, prefix in LANGS.items():
                    response = page.goto(base + prefix + PAGE, wait_until="networkidle")
                    if response is None or not response.ok:
                        raise SystemExit(f"{prefix}{PAGE} answered {response.status if response else 'nothing'}: is {site} a built site?")
                    page.evaluate("document.fonts.ready.then(() => true)")
                    path = out / f"{slug}-{lang}-{size}-{viewport['width']}-{mode}.png"
                    page.screenshot(path=str(path), full_page=True)
                    saved.append(path)
                context.close()
        browser.close()
    return saved


EDITED = "nanhu-daqiao-adult-school"
PHONE = {"width": 390, "height": 844}


def _labelled(page_or_scope, label: str):
    """The control of the field labelled `label` (Decap adds " (可选)" to an optional field's label)."""
    return page_or_scope.locator("label", has_text=label).locator("visible=true").first.locator("xpath=../..")


def shoot_editor(site: Path, out: Path, browser=None) -> list[Path]:
    """The editor as school staff see it (CONTRIBUTING.md shows these): on a computer, a record's
    form beside its preview and a wrong time refused; on a phone (390 px), the form, a new school's
    id made from its name, and a refused save taking the person to each field."""
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as scratch:
        url = edit.free_url()
        repo = edit.scratch_repo(edit.ROOT / "catalogue", Path(scratch) / "repo")
        admin = edit.site_for(site, Path(scratch) / "site", url)
        with contextlib.ExitStack() as running:
            running.enter_context(edit.decap_server(repo, url))
            base = running.enter_context(serving(admin))
            if browser is None:  # a test passes its own
                browser = launch_chromium(running.enter_context(sync_playwright()))

            def opened(viewport: dict, path: str):
                page = browser.new_page(viewport=viewport)
                page.on("dialog", lambda dialog: dialog.accept())
                page.goto(base + "admin/")
                page.get_by_role("button", name="登录").click()
                page.goto(f"{base}admin/#/collections/providers/{path}")
                page.get_by_text("保存", exact=True).first.wait_for()
                return page

            def shot(page, name: str) -> None:
                saved.append(out / name)
                page.screenshot(path=str(saved[-1]))

            page = opened({"width": 1200, "height": 760}, f"entries/{EDITED}")
            first = _labelled(page, "课程列表").locator("[class*=SortableListItem]").first
            first.get_by_text("育婴员培训 · ").wait_for()
            shot(page, "editor-form-and-preview.png")
            first.get_by_role("button").first.click()
            start = _labelled(first, "开始时间").locator("input").first
            start.scroll_into_view_if_needed()
            start.fill("25:00")
            page.get_by_role("button", name="保存", exact=True).click()
            page.get_by_text("时间写成“时:分”").first.wait_for()
            start.scroll_into_view_if_needed()
            shot(page, "editor-wrong-time.png")
            page.close()

            page = opened(PHONE, f"entries/{EDITED}")
            shot(page, "editor-phone-form.png")
            _labelled(_labelled(page, "地址"), "中文").locator("input").first.fill("")
            page.get_by_role("button", name="保存", exact=True).click()
            page.locator("#lc-refusals").wait_for()
            page.wait_for_timeout(6000)  # Decap's own notice at the top fades first
            shot(page, "editor-phone-refused.png")
            page.close()

            page = opened(PHONE, "new")
            _labelled(_labelled(page, "机构名称"), "中文").locator("input").first.fill("凤桥镇成人学校")
            page.get_by_placeholder("保存时将用：").wait_for()
            page.get_by_placeholder("保存时将用：").scroll_into_view_if_needed()
            shot(page, "editor-phone-new-id.png")
            page.close()
    return saved


SHEET_PROVIDER = "nanhu-daqiao-adult-school"
SHEET_COLUMNS = 11  # what fits a picture: id, title, category, audience, mode, term, days, times…


def _sheet_html(ws, columns: int) -> str:
    """A worksheet's first columns as a spreadsheet shows them: letters, row numbers, ▾ on a drop-down."""
    from openpyxl.utils import get_column_letter

    listed = set()
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            for rng in dv.sqref.ranges:
                listed |= {
                    (row, col) for row in range(rng.min_row, min(rng.max_row, 40) + 1) for col in range(rng.min_col, rng.max_col + 1)
                }
    head = "".join(f"<th>{get_column_letter(c)}</th>" for c in range(1, columns + 1))
    rows = []
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=min(ws.max_row, 5), max_col=columns), start=1):
        cells = "".join(
            f"<td class='{'h' if r == 1 else ''}'>{html.escape('' if c.value is None else str(c.value))}"
            f"{'<span>▾</span>' if (r, c.column) in listed and r > 1 else ''}</td>"
            for c in row
        )
        rows.append(f"<tr><th>{r}</th>{cells}</tr>")
    return f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table>"


SHEET_STYLE = """<style>
body { margin: 12px; font: 13px "Noto Sans CJK SC", sans-serif; }
table { border-collapse: collapse; } th { background: #f3f3f3; color: #555; font-weight: normal; }
td, th { border: 1px solid #ccc; padding: 3px 6px; white-space: nowrap; max-width: 14em; overflow: hidden; }
td.h { font-weight: bold; background: #e8f0fe; } td span { color: #888; float: right; margin-left: 6px; }
pre { font: 13px "Noto Sans Mono CJK SC", monospace; background: #1e1e1e; color: #eee; padding: 12px; white-space: pre-wrap; }
</style>"""


def shoot_sheets(out: Path, browser=None) -> list[Path]:
    """The spreadsheet path as CONTRIBUTING.md shows it: the courses sheet `make export` writes for
    one school, and what `make import` says of that sheet with two mistakes in it."""
    from learning_city.data.loader import load
    from learning_city.tools.sheets import records

    out.mkdir(parents=True, exist_ok=True)
    catalogue, loaded = load(edit.ROOT / "catalogue")
    if catalogue is None:
        raise SystemExit("\n".join(map(str, loaded)))
    book = records.export(catalogue)[f"providers/{SHEET_PROVIDER}.xlsx"]
    courses = book["课程列表"]
    table = _sheet_html(courses, SHEET_COLUMNS)
    header = [cell.value for cell in courses[1]]
    courses.cell(row=2, column=header.index("上课时间·开始时间") + 1, value="25:00")
    courses.cell(row=3, column=header.index("名额") + 1, value="=SUM(A1:A9)")
    with tempfile.TemporaryDirectory() as scratch:
        filled = Path(scratch) / "大桥成校.xlsx"
        book.save(filled)
        _, problems = records.import_workbook(filled.read_bytes(), filled.name, edit.ROOT / "catalogue")
    said = "\n".join(str(problem) for problem in problems)
    pages = {
        "sheet-courses.png": table,
        "sheet-import-problems.png": f"<pre>$ make import FILE={filled.name}\n{html.escape(said)}\n{len(problems)} 个问题，未写入任何文件 / {len(problems)} problem(s), nothing written</pre>",
    }
    saved = []
    with contextlib.ExitStack() as running:
        if browser is None:
            browser = launch_chromium(running.enter_context(sync_playwright()))
        page = browser.new_page(viewport={"width": 1100, "height": 300})
        for name, body in pages.items():
            page.set_content(f"<!doctype html><meta charset='utf-8'>{SHEET_STYLE}{body}")
            saved.append(out / name)
            page.locator("table, pre").first.screenshot(path=str(saved[-1]))
        page.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site to serve (default: site)")
    parser.add_argument("--out", type=Path, default=Path("site-shots"), help="where to write the PNGs (default: site-shots)")
    parser.add_argument("--editor-only", action="store_true", help="only the editor's (into --out, e.g. contributing/)")
    args = parser.parse_args(argv)
    if not (args.site / PAGE / "index.html").is_file():
        print(f"{args.site}/{PAGE}index.html is missing: build the site first (make site)", file=sys.stderr)
        return 1
    for path in ([] if args.editor_only else shoot(args.site, args.out)) + shoot_editor(args.site, args.out) + shoot_sheets(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
