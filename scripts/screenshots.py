"""Screenshots of a provider page, to look at what readers see: phone and desktop width, normal and
elderly mode, Chinese and English (8 full-page PNGs); and of the web editor at /admin/ as school
staff see it (a record's form beside its preview, and a wrong time refused), working on a scratch
clone through decap-server. Builds nothing: it serves an already built site.

    python scripts/screenshots.py [--site site] [--out site-shots]
"""

from __future__ import annotations

import argparse
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


def shoot_editor(site: Path, out: Path) -> list[Path]:
    """The editor on a provider: its form and preview, then a wrong time refused with the validator's message."""
    saved = []
    with tempfile.TemporaryDirectory() as scratch:
        url = edit.free_url()
        repo = edit.scratch_repo(edit.ROOT / "catalogue", Path(scratch) / "repo")
        admin = edit.site_for(site, Path(scratch) / "site", url)
        with edit.decap_server(repo, url), serving(admin) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page(viewport={"width": 1200, "height": 760})
            page.goto(base + "admin/")
            page.get_by_role("button", name="登录").click()
            page.goto(f"{base}admin/#/collections/providers/entries/{EDITED}")
            courses = page.locator("label", has_text="课程列表 / courses").first.locator("xpath=../..")
            first = courses.locator("[class*=SortableListItem]").first
            first.get_by_text("育婴员培训 · ").wait_for()
            saved.append(out / "editor-form-and-preview.png")
            page.screenshot(path=str(saved[-1]))
            first.get_by_role("button").first.click()
            start = first.get_by_label("开始时间 / start time", exact=True).first
            start.scroll_into_view_if_needed()
            start.fill("25:00")
            page.get_by_role("button", name="保存", exact=True).click()
            page.get_by_text('时间应写成带引号的 "HH:MM"').first.wait_for()
            start.scroll_into_view_if_needed()
            saved.append(out / "editor-wrong-time.png")
            page.screenshot(path=str(saved[-1]))
            browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site to serve (default: site)")
    parser.add_argument("--out", type=Path, default=Path("site-shots"), help="where to write the PNGs (default: site-shots)")
    args = parser.parse_args(argv)
    if not (args.site / PAGE / "index.html").is_file():
        print(f"{args.site}/{PAGE}index.html is missing: build the site first (make site)", file=sys.stderr)
        return 1
    for path in shoot(args.site, args.out) + shoot_editor(args.site, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
