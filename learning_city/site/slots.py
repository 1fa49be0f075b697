"""Rendered HTML kept aside while Markdown runs, then put back into the page."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

# Generated pages: (source path, plain title, renderer taking base and templates), put in a slot each
Pages = list[tuple[str, str, Callable[..., str]]]


class Slots:
    """Rendered HTML kept aside while Markdown runs, then put back into the page.

    A macro returns a marker (an HTML comment) in place of its HTML: Markdown passes a comment
    through untouched, and never parses our (already escaped) HTML, which at city scale took
    half the build. The plugin's `on_page_context` swaps each marker for its HTML just before the
    page is written; a function put here runs then, so one page's HTML is in memory at a time.
    """

    MARKER = re.compile(r"<!--lc-slot-(\d+)-->")

    def __init__(self):
        self._html: dict[str, str | Callable[[], str]] = {}
        self._keys = itertools.count()

    def put(self, html: str | Callable[[], str]) -> str:
        """Keep HTML (or a function that makes it, called when the page is written) aside."""
        key = str(next(self._keys))
        self._html[key] = html
        return f"\n\n<!--lc-slot-{key}-->\n\n"

    def fill(self, page_html: str) -> str:
        def html(match: re.Match) -> str:
            kept = self._html.pop(match.group(1))
            return kept() if callable(kept) else kept

        return self.MARKER.sub(html, page_html)
