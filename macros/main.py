"""Page macros: what a page in docs/ may call, each a thin wrapper over `learning_city.site`.

Pages call these with ids; each returns HTML that the site layer built and escaped, set aside
while Markdown runs (the plugin's Slots). Nothing here is rendered again as a template, so
catalogue text can never run as code. The build's state and events live in the plugin
(learning_city/site/plugin.py); mkdocs-macros calls `define_env` with the current page.
"""

from __future__ import annotations

from learning_city.site import datapackage as render_data
from learning_city.site import i18n
from learning_city.site import lists as render_lists
from learning_city.site import pages as render
from learning_city.site import records as render_records


def define_env(env):
    # The learning-city plugin (listed before macros in mkdocs.yml) has loaded the catalogue.
    site = env.conf.plugins["learning-city"]
    catalogue, lang, slots, tpl = site.catalogue, site.lang, site.slots, site.templates

    def base() -> str:
        """Relative path from the current page to the site root."""
        return "../" * env.page.url.count("/")

    @env.macro
    def ui(key: str) -> str:
        return render.esc(i18n.t(key, lang))

    @env.macro
    def home() -> str:
        return slots.put(render.home(catalogue, lang, base(), templates=tpl))

    @env.macro
    def policy() -> str:
        return slots.put(render.policy(catalogue, lang, base(), templates=tpl))

    @env.macro
    def search_box() -> str:
        # Pagefind's bundle sits at the root of the Chinese site, above /en/.
        bundle = base() + "../" * i18n.ROOTS[lang].count("/") + "pagefind/"
        return slots.put(render.search_box(bundle, lang, templates=tpl))

    @env.macro
    def accessibility() -> str:
        return slots.put(render.accessibility(lang, site.repository, templates=tpl))

    @env.macro
    def open_data() -> str:
        # the data package lives once, at the root of the Chinese site, above /en/
        root = base() + "../" * i18n.ROOTS[lang].count("/")
        return slots.put(render_data.page(catalogue, lang, base(), root, env.conf["site_url"], templates=tpl))

    @env.macro
    def targets() -> str:
        return slots.put(render.targets(catalogue, lang, base(), templates=tpl))

    @env.macro
    def area_title(county_id: str) -> str:
        return render_records.heading_text(catalogue.counties[county_id].name.get(lang))

    @env.macro
    def area(county_id: str) -> str:
        return slots.put(render_lists.area(catalogue, catalogue.counties[county_id], lang, base(), templates=tpl))

    @env.macro
    def county_courses_title(county_id: str, number: int = 1) -> str:
        county = catalogue.counties[county_id].name.get(lang)
        title = i18n.t("courses.county_title", lang, county=county)
        if number > 1:
            title += " · " + i18n.t("courses.page", lang, n=number)
        return render_records.heading_text(title)

    @env.macro
    def county_courses(county_id: str, number: int = 1) -> str:
        return slots.put(render_lists.county_courses(catalogue, catalogue.counties[county_id], number, lang, base(), templates=tpl))

    for name in ("providers_directory", "venues_directory", "network", "elderly", "finder"):
        env.macro(_list_page(getattr(render_lists, name), catalogue, lang, base, slots, tpl), name)


def _list_page(renderer, catalogue, lang, base, slots, templates):
    """A macro for a page that lists records, rendered for the current page's depth."""
    return lambda: slots.put(renderer(catalogue, lang, base(), templates=templates))
