"""Page macros: what a page in docs/ may call, each a thin wrapper over `learning_city.site`.

Pages call these with ids; each returns a marker for HTML that the site layer builds and escapes
when the page is written (Slots: one page's HTML in memory at a time, not the site's). Nothing
here is rendered again as a template, so catalogue text can never run as code. The learning-city
plugin loads this module (its `macros` setting, learning_city/plugin/macros.py) and hands
`page_macros` what it reads: the build's context, the catalogue, the slots, and the address of the
page being rendered (links are relative to it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from learning_city import i18n
from learning_city.data.catalogue import Catalogue
from learning_city.site import datapackage as render_data
from learning_city.site import lists as render_lists
from learning_city.site import pages as render
from learning_city.site import search_records as render_search
from learning_city.site.context import BuildContext
from learning_city.site.slots import Slots
from learning_city.site.templates import html


def page_macros(context: BuildContext, catalogue: Catalogue, slots: Slots, page_url: Callable[[], str]) -> dict[str, Callable[..., str]]:
    lang, tpl = context.lang, context.templates

    def base() -> str:
        """Relative path from the current page to the site root."""
        return "../" * page_url().count("/")

    def later(renderer, *args) -> str:
        """A marker now; the renderer runs, with these arguments, when the page is written."""
        return slots.put(functools.partial(renderer, *args, templates=tpl))

    def ui(key: str) -> str:
        return str(html(i18n.t(key, lang)))

    def home() -> str:
        return later(render.home, catalogue, lang, base())

    def policy() -> str:
        return later(render.policy, catalogue, lang, base())

    def search_box() -> str:
        # Pagefind's bundle sits at the root of the Chinese site, above /en/.
        bundle = base() + "../" * i18n.ROOTS[lang].count("/") + "pagefind/"
        merged = render_search.merged_folders(catalogue, lang, context.search_bundle_size)
        return later(render.search_box, bundle, merged, lang)

    def accessibility() -> str:
        return later(render.accessibility, lang, context.repository)

    def open_data() -> str:
        # the data package lives once, at the root of the Chinese site, above /en/
        root = base() + "../" * i18n.ROOTS[lang].count("/")
        return later(render_data.page, catalogue, lang, base(), root, context.site_url)

    def targets() -> str:
        return later(render.targets, catalogue, lang, base())

    def list_page(renderer) -> Callable[[], str]:
        """A macro for a page that lists records, rendered for the current page's depth."""
        return lambda: later(renderer, catalogue, lang, base())

    macros: dict[str, Callable[..., str]] = {
        "ui": ui, "home": home, "policy": policy, "open_data": open_data, "search_box": search_box, "accessibility": accessibility,
        "targets": targets,
    }  # fmt: skip
    for name in ("providers_directory", "venues_directory", "network", "elderly", "finder"):
        macros[name] = list_page(getattr(render_lists, name))
    return macros
