"""What a shared page shows: its description and Open Graph tags (WeChat and other apps read them).

The description says what the page is, from the catalogue in the page's language: a provider's
courses with their days and times, a venue's opening hours, a county's course count. The picture
is one per kind of page and language (docs/assets/share/KIND-LANG.png, drawn by
scripts/share_images.py), never one per record: the build stays as fast at city scale.
"""

from __future__ import annotations

import html

from markupsafe import Markup, escape

from learning_city.data.catalogue import Catalogue
from learning_city.i18n import LANGUAGES, t
from learning_city.site import lists
from learning_city.site.text import days_text, when_text

# The kinds of page that have a picture, each labelled in ui.yml (share.kind.KIND).
KINDS = ("home", "provider", "venue", "courses", "policy", "teams", "resources", "events", "recognitions")
IMAGE = "assets/share/{kind}-{lang}.png"
SIZE = (1200, 630)  # Open Graph's recommended picture size
LONGEST = 160  # characters: apps cut a longer description
COURSES_SHOWN = 3  # a provider's description names its first few courses


def kind(src_uri: str) -> str:
    """The kind of picture for a page, from where its source lives."""
    top = src_uri.split("/")[0]
    return {
        "providers": "provider",
        "venues": "venue",
        "courses": "courses",
        "areas": "courses",
        "policy.md": "policy",
        "targets.md": "policy",
        "teams": "teams",
        "resources": "resources",
        "events": "events",
        "recognitions": "recognitions",
    }.get(top, "home")


def _clip(text: str) -> str:
    return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"


def _provider(catalogue: Catalogue, record_id: str, lang: str) -> str:
    provider = catalogue.providers[record_id]
    county = catalogue.county_of(provider.region)
    courses = [t("share.course", lang, name=c.title.get(lang), when=when_text(c, lang)) for c in provider.courses[:COURSES_SHOWN]]
    return t(
        "share.provider",
        lang,
        name=provider.name.get(lang),
        county=county.name.get(lang) if county else "",
        count=len(provider.courses),
        courses=("；" if lang == "zh" else "; ").join(courses),
    )


def _venue(catalogue: Catalogue, record_id: str, lang: str) -> str:
    venue = catalogue.venues[record_id]
    hours = [f"{days_text(h.days, lang)} {h.opens}–{h.closes}" for h in venue.opening_hours]
    return t("share.venue", lang, name=venue.name.get(lang), hours=("；" if lang == "zh" else "; ").join(hours))


def _county(catalogue: Catalogue, src_uri: str, lang: str) -> str:
    parts = src_uri.removesuffix(".md").split("/")
    county = next(c for c in catalogue.regions.counties if c.id == parts[1])
    pages = lists.course_list_pages(catalogue, county)
    providers = [p for page in pages for p in page]
    text = t(
        "share.area" if parts[0] == "areas" else "share.courses",
        lang,
        county=county.name.get(lang),
        count=sum(len(p.courses) for p in providers),
        providers=len(providers),
    )
    if len(parts) > 2:  # courses/<county>/<n>: the n-th page of them
        text += t("share.page", lang, number=parts[2])
    return text


def description(catalogue: Catalogue, src_uri: str, title: str, lang: str) -> Markup:
    """The page's description, escaped once (the theme's templates do not escape)."""
    top, _, rest = src_uri.removesuffix(".md").partition("/")
    if top == "providers" and rest in catalogue.providers:
        text = _provider(catalogue, rest, lang)
    elif top == "venues" and rest in catalogue.venues:
        text = _venue(catalogue, rest, lang)
    elif top in ("courses", "areas") and rest:
        text = _county(catalogue, src_uri, lang)
    elif src_uri == "index.md" or not title:
        text = t("site.description", lang)
    else:
        text = title + t("punct.colon", lang) + t("site.description", lang)
    return escape(_clip(" ".join(text.split())))


def tags(catalogue: Catalogue, src_uri: str, title: str, lang: str, site_url: str, page_url: str) -> dict[str, Markup]:
    """og:title, og:description, og:image and og:url of one page, by full URL on this language's site."""
    return {
        "og:type": escape("website"),
        "og:site_name": escape(t("site.name", lang)),
        "og:title": escape(title or t("site.name", lang)),
        "og:description": description(catalogue, src_uri, title, lang),
        "og:url": escape(site_url + page_url),
        "og:image": escape(site_url + IMAGE.format(kind=kind(src_uri), lang=lang)),
        "og:image:width": escape(str(SIZE[0])),
        "og:image:height": escape(str(SIZE[1])),
    }


# --- the pictures (drawn by scripts/share_images.py, committed in docs/assets/share/) ----------------

STYLE = (
    "body{margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;"
    "padding:0 96px;box-sizing:border-box;background:#0b5394;color:#fff;font-family:'Noto Sans CJK SC',sans-serif}"
    "h1{font-size:88px;margin:0 0 32px}p{font-size:60px;margin:0;color:#ffe08a}"
)


def picture_inputs() -> str:
    """Everything a picture shows, one line per kind: the picture is current while this is."""
    width, height = SIZE
    lines = [f"size {width}x{height}", f"style {STYLE}"]
    lines += [f"{kind}-{lang} {t('site.name', lang)} / {t(f'share.kind.{kind}', lang)}" for kind in KINDS for lang in LANGUAGES]
    return "\n".join(lines) + "\n"


def card(kind: str, lang: str) -> str:
    """The picture of a kind of page, as HTML that scripts/share_images.py photographs with Chromium."""
    return (
        f"<!doctype html><html lang='{lang}'><meta charset='utf-8'><style>{STYLE}</style>"
        f"<h1>{html.escape(t('site.name', lang))}</h1><p>{html.escape(t(f'share.kind.{kind}', lang))}</p></html>"
    )
