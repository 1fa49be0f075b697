"""MkDocs macros: the thin layer between page Markdown and `learning_city`.

Pages call these with ids; each returns HTML that `learning_city.site` built and escaped.
Nothing here is rendered again as a template, so catalogue text can never run as code.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

from learning_city.data.loader import load, resolve_root
from learning_city.site import exports, i18n
from learning_city.site import lists as render_lists
from learning_city.site import pages as render
from learning_city.site import records as render_records


def define_env(env):
    lang = env.conf["theme"]["language"]
    catalogue, problems = load(resolve_root(env.conf["extra"]["catalogue"], Path(env.conf["config_file_path"]).parent))
    if problems:
        # PluginError stops the build with the message and no traceback
        raise PluginError("catalogue has problems / 目录有错误:\n" + "\n".join(map(str, problems)))

    env.variables["loaded_catalogue"] = catalogue  # for on_post_build: loaded once per build
    slots = env.variables["lc_slots"] = Slots()  # filled in by hooks.on_page_content

    def base() -> str:
        """Relative path from the current page to the site root."""
        return "../" * env.page.url.count("/")

    @env.macro
    def ui(key: str) -> str:
        return render.esc(i18n.t(key, lang))

    @env.macro
    def home() -> str:
        return slots.put(render.home(catalogue, lang, base()))

    @env.macro
    def policy() -> str:
        return slots.put(render.policy(catalogue, lang, base()))

    @env.macro
    def search_box() -> str:
        # Pagefind's bundle sits at the root of the Chinese site, above /en/.
        bundle = base() + "../" * i18n.ROOTS[lang].count("/") + "pagefind/"
        return slots.put(render.search_box(bundle, lang))

    @env.macro
    def accessibility() -> str:
        return slots.put(render.accessibility(lang, env.conf["extra"]["repository"].rstrip("/")))

    @env.macro
    def targets() -> str:
        return slots.put(render.targets(catalogue, lang, base()))

    @env.macro
    def area_title(county_id: str) -> str:
        return render_records.heading_text(catalogue.counties[county_id].name.get(lang))

    @env.macro
    def area(county_id: str) -> str:
        return slots.put(render_lists.area(catalogue, catalogue.counties[county_id], lang, base()))

    @env.macro
    def county_courses_title(county_id: str, number: int = 1) -> str:
        county = catalogue.counties[county_id].name.get(lang)
        title = i18n.t("courses.county_title", lang, county=county)
        if number > 1:
            title += " · " + i18n.t("courses.page", lang, n=number)
        return render_records.heading_text(title)

    @env.macro
    def county_courses(county_id: str, number: int = 1) -> str:
        return slots.put(render_lists.county_courses(catalogue, catalogue.counties[county_id], number, lang, base()))

    for name in ("providers_directory", "venues_directory", "network", "elderly", "finder"):
        env.macro(_list_page(getattr(render_lists, name), catalogue, lang, base, slots), name)


def on_post_build(env):
    """Open data, from the catalogue this build already loaded."""
    exports.write(env.variables["loaded_catalogue"], env.conf["theme"]["language"], Path(env.conf["site_dir"]))


def _list_page(renderer, catalogue, lang, base, slots):
    """A macro for a page that lists records, rendered for the current page's depth."""
    return lambda: slots.put(renderer(catalogue, lang, base()))


class Slots:
    """Rendered HTML kept aside while Markdown runs, then put back into the page.

    A macro returns a marker (an HTML comment) in place of its HTML: Markdown passes a comment
    through untouched, and never parses our (already escaped) HTML, which at city scale took
    half the build. `hooks.on_page_content` swaps each marker for its HTML.
    """

    MARKER = re.compile(r"<!--lc-slot-(\d+)-->")

    def __init__(self):
        self._html: dict[str, str] = {}
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

