"""Screenshots of a provider page, to look at what readers see: phone and desktop width, normal and
elderly mode, Chinese and English (8 full-page PNGs); and of the web editor at /admin/ as school
staff see it (a record's form beside its preview, and a wrong time refused), working on a scratch
clone through decap-server. Builds nothing: it serves an already built site.

    python scripts/screenshots.py [--site site] [--out site-shots]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

import edit  # scripts/edit.py
from playwright.sync_api import sync_playwright

from learning_city.tools.local import launch_chromium, serving

PAGE = "providers/jiaxing-city-university/"
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
LANGS = {"zh": "", "en": "en/"}
MODES = {"normal": "try { localStorage.removeItem('lc-elderly'); } catch (e) {}",
         "elderly": "try { localStorage.setItem('lc-elderly', '1'); } catch (e) {}"}


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site to serve (default: site)")
    parser.add_argument("--out", type=Path, default=Path("site-shots"), help="where to write the PNGs (default: site-shots)")
    parser.add_argument("--editor-only", action="store_true", help="only the editor's (into --out, e.g. contributing/)")
    args = parser.parse_args(argv)
    if not (args.site / PAGE / "index.html").is_file():
        print(f"{args.site}/{PAGE}index.html is missing: build the site first (make site)", file=sys.stderr)
        return 1
    for path in ([] if args.editor_only else shoot(args.site, args.out)) + shoot_editor(args.site, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
