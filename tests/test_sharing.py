"""Shared pages: descriptions that say what each page is, and the committed pictures current."""

import struct
from pathlib import Path

from learning_city.data.loader import load
from learning_city.site import sharing
from scripts import share_images

ROOT = Path(__file__).resolve().parent.parent


def record_pages(catalogue):
    return ([f"providers/{i}.md" for i in catalogue.providers] + [f"venues/{i}.md" for i in catalogue.venues]
            + [f"courses/{c.id}.md" for c in catalogue.regions.counties] + [f"areas/{c.id}.md" for c in catalogue.regions.counties])


def test_every_record_page_has_its_own_description_in_both_languages():
    catalogue, _ = load(ROOT / "catalogue")
    pages = record_pages(catalogue)
    for lang in ("zh", "en"):
        found = [sharing.description(catalogue, page, "title", lang) for page in pages]
        assert all(found) and len(set(found)) == len(pages), lang


def test_the_pictures_are_current_png_of_open_graph_size():
    assert share_images.INPUTS.read_text("utf-8") == share_images.inputs(), "run: python scripts/share_images.py"
    for kind in sharing.KINDS:
        head = (share_images.FOLDER / f"{kind}.png").read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == sharing.SIZE
