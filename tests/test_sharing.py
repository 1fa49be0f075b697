"""Shared pages: descriptions that say what each page is, Open Graph tags on every built page,
and the committed pictures current."""

import re
import struct
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from learning_city.data.loader import load
from learning_city.i18n import LANGUAGES
from learning_city.site import sharing

ROOT = Path(__file__).resolve().parent.parent
PICTURES = ROOT / "docs" / "assets" / "share"  # drawn by scripts/share_images.py
SITE_URL = "https://learning-city.example.org/"  # mkdocs.yml's default site_url, which tests build with
META = re.compile(r'<meta (name|property)="([^"]+)" content="([^"]*)"')


def record_pages(catalogue):
    return (
        [f"providers/{i}.md" for i in catalogue.providers]
        + [f"venues/{i}.md" for i in catalogue.venues]
        + [f"courses/{c.id}.md" for c in catalogue.regions.counties]
        + [f"areas/{c.id}.md" for c in catalogue.regions.counties]
    )


def test_every_record_page_has_its_own_description_in_both_languages():
    catalogue, _ = load(ROOT / "catalogue")
    pages = record_pages(catalogue)
    for lang in LANGUAGES:
        found = [sharing.description(catalogue, page, "title", lang) for page in pages]
        assert all(found) and len(set(found)) == len(pages), lang


def test_the_pictures_are_current_png_of_open_graph_size():
    assert (PICTURES / "inputs.txt").read_text("utf-8") == sharing.picture_inputs(), "run: python scripts/share_images.py"
    for kind in sharing.KINDS:
        for lang in LANGUAGES:
            head = (PICTURES / f"{kind}-{lang}.png").read_bytes()[:24]
            assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == sharing.SIZE


def tags(page: Path) -> list[tuple[str, str]]:
    head = page.read_text("utf-8").split("</head>", 1)[0]
    return [(key, unescape(value)) for _, key, value in META.findall(head)]


def shared_tags_problems(site: Path) -> list[str]:
    """What a shared page would show wrong: no or two descriptions, an empty title, a picture or
    address on another host, or a picture that is not in the site."""
    problems = []
    pages = [p for p in site.rglob("index.html") if "admin" not in p.relative_to(site).parts]
    for page in pages:
        found = tags(page)
        keys = [key for key, _ in found]
        values = dict(found)
        name = page.relative_to(site).as_posix()
        for key in ("description", "og:title", "og:description", "og:url", "og:image"):
            if keys.count(key) != 1 or not values.get(key, "").strip():
                problems.append(f"{name}: {key} x{keys.count(key)}")
        if values.get("description") != values.get("og:description"):
            problems.append(f"{name}: description differs from og:description")
        for key in ("og:url", "og:image"):
            if not values.get(key, "").startswith(SITE_URL):
                problems.append(f"{name}: {key} {values.get(key)!r} is not on this site")
        image = values.get("og:image", "")
        if image.startswith(SITE_URL) and not (site / urlsplit(image).path.lstrip("/")).is_file():
            problems.append(f"{name}: og:image {image} is not in the site")
        lang = "en" if name.startswith("en/") else "zh"
        if image and not image.endswith(f"-{lang}.png"):
            problems.append(f"{name}: og:image {image} is not the {lang} picture")
    return problems


def test_every_built_page_shares_one_description_title_and_picture_of_this_site(site):
    assert len(list(site.rglob("index.html"))) > 50
    assert shared_tags_problems(site) == []
    provider = next((site / "providers").glob("*/index.html"))
    assert dict(tags(provider))["og:image"].endswith("/assets/share/provider-zh.png")


def test_control_a_page_without_the_tags_or_with_a_foreign_picture_is_found(site, tmp_path):
    page = next((site / "venues").glob("*/index.html"))
    copy = tmp_path / "venues" / "x" / "index.html"
    copy.parent.mkdir(parents=True)
    html = page.read_text("utf-8")
    copy.write_text(re.sub(r'<meta property="og:[^>]*>', "", html), "utf-8")
    assert any("og:title x0" in p for p in shared_tags_problems(tmp_path))
    copy.write_text(html.replace(SITE_URL + "assets/share/", "https://cdn.example.com/"), "utf-8")
    assert any("not on this site" in p for p in shared_tags_problems(tmp_path))
