"""Screenshots of a provider page, to look at what readers see: phone and desktop width, normal and
elderly mode, Chinese and English (8 full-page PNGs). Builds nothing: it serves an already built site.

    python scripts/screenshots.py [--site site] [--out site-shots]
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium (make browser): Playwright cannot download its own here
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGE = "providers/jiaxing-city-university/"
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
LANGS = {"zh": "", "en": "en/"}
MODES = {"normal": "try { localStorage.removeItem('lc-elderly'); } catch (e) {}",
         "elderly": "try { localStorage.setItem('lc-elderly', '1'); } catch (e) {}"}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def shoot(site: Path, out: Path) -> list[Path]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    slug = PAGE.strip("/").replace("/", "-")
    saved = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
    finally:
        httpd.shutdown()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site to serve (default: site)")
    parser.add_argument("--out", type=Path, default=Path("site-shots"), help="where to write the PNGs (default: site-shots)")
    args = parser.parse_args(argv)
    if not (args.site / PAGE / "index.html").is_file():
        print(f"{args.site}/{PAGE}index.html is missing: build the site first (make site)", file=sys.stderr)
        return 1
    for path in shoot(args.site, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
