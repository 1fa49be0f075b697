"""Draw the pictures shown when a page is shared (docs/assets/share/KIND-LANG.png), one per kind
of page and language.

The pictures are committed, not drawn by the build: the build must not depend on fonts installed
by hand, and `make install` installs no CJK font (`make browser` does, with Chromium). Chromium
draws them here from the site's name and each kind's words in ui.yml, so no new dependency is
needed. docs/assets/share/inputs.txt records what they were drawn from; tests/test_sharing.py
fails when it differs from ui.yml now: run `make browser` then `python scripts/share_images.py`.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from learning_city.i18n import LANGUAGES, t  # noqa: E402
from learning_city.site import sharing  # noqa: E402

FOLDER = ROOT / "docs" / "assets" / "share"
INPUTS = FOLDER / "inputs.txt"
STYLE = ("body{margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;"
         "padding:0 96px;box-sizing:border-box;background:#0b5394;color:#fff;font-family:'Noto Sans CJK SC',sans-serif}"
         "h1{font-size:88px;margin:0 0 32px}p{font-size:60px;margin:0;color:#ffe08a}")


def inputs() -> str:
    """Everything a picture shows, one line per kind: the picture is current while this is."""
    width, height = sharing.SIZE
    lines = [f"size {width}x{height}", f"style {STYLE}"]
    lines += [f"{kind}-{lang} {t('site.name', lang)} / {t(f'share.kind.{kind}', lang)}" for kind in sharing.KINDS for lang in LANGUAGES]
    return "\n".join(lines) + "\n"


def card(kind: str, lang: str) -> str:
    return (f"<!doctype html><html lang='{lang}'><meta charset='utf-8'><style>{STYLE}</style>"
            f"<h1>{html.escape(t('site.name', lang))}</h1><p>{html.escape(t(f'share.kind.{kind}', lang))}</p></html>")


def main() -> None:
    from playwright.sync_api import sync_playwright

    from learning_city.tools.local import launch_chromium

    width, height = sharing.SIZE
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": width, "height": height})
        for kind in sharing.KINDS:
            for lang in LANGUAGES:
                page.set_content(card(kind, lang))
                page.screenshot(path=str(FOLDER / f"{kind}-{lang}.png"))
        browser.close()
    INPUTS.write_text(inputs(), "utf-8")


if __name__ == "__main__":
    main()
