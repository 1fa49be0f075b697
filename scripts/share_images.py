"""Draw the pictures shown when a page is shared (docs/assets/share/KIND-LANG.png), one per kind
of page and language.

The pictures are committed, not drawn by the build: the build must not depend on fonts installed
by hand, and `make install` installs no CJK font (`make browser` does, with Chromium). Chromium
draws them here from the site's name and each kind's words in ui.yml, so no new dependency is
needed. docs/assets/share/inputs.txt records what they were drawn from; tests/test_sharing.py
fails when it differs from ui.yml now: run `make browser` then `python scripts/share_images.py`.
"""

from __future__ import annotations

from pathlib import Path

from learning_city.i18n import LANGUAGES
from learning_city.site import sharing

ROOT = Path(__file__).resolve().parent.parent

FOLDER = ROOT / "docs" / "assets" / "share"
INPUTS = FOLDER / "inputs.txt"


def main() -> None:
    from playwright.sync_api import sync_playwright

    from learning_city.tools.local import launch_chromium

    width, height = sharing.SIZE
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": width, "height": height})
        for kind in sharing.KINDS:
            for lang in LANGUAGES:
                page.set_content(sharing.card(kind, lang))
                page.screenshot(path=str(FOLDER / f"{kind}-{lang}.png"))
        browser.close()
    INPUTS.write_text(sharing.picture_inputs(), "utf-8")


if __name__ == "__main__":
    main()
