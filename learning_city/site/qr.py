"""QR codes of page addresses, printed on a course's or venue's page so a reader can open it on a
phone. A code depends on its address alone, so each is made once and kept: in memory for a
build, and on disk between builds (the plugin calls `load` and `save`)."""

from __future__ import annotations

from typing import TypedDict

import segno
from markupsafe import Markup

from learning_city.data import store


class _Options(TypedDict):  # segno.make's, so the checker matches them to its parameters
    error: str
    micro: bool
    mask: int


# A fixed mask: choosing the best of eight would triple the cost of every page (4 ms vs 1.3 ms).
OPTIONS = _Options(error="m", micro=False, mask=0)
SVG = {"scale": 4, "border": 2, "omitsize": False}
KEY = store.key("qr", segno.__version__, repr(OPTIONS), repr(SVG))
_codes: dict[str, str] = {}  # by address; this module's own cache, filled by svg() and load()


def svg(url: str) -> Markup:
    """The page's address as a QR code (SVG), made at build time; the page shows it only when printed."""
    if url not in _codes:
        _codes[url] = segno.make(url, **OPTIONS).svg_inline(**SVG)
    return Markup(_codes[url])


def load(disk: store.Store, lang: str) -> None:
    kept = disk.get("qr", store.key(KEY, lang))
    if isinstance(kept, dict):
        _codes.update(kept)


def save(disk: store.Store, lang: str, addresses: set[str]) -> None:
    """Keep the codes this build used (not every address ever seen)."""
    used = {url: _codes[url] for url in sorted(addresses) if url in _codes}
    if disk.get("qr", store.key(KEY, lang)) != used:
        disk.put("qr", store.key(KEY, lang), used)
