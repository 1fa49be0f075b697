"""MkDocs macros: the thin layer between page Markdown and `learning_city`.

Pages call these with ids; each returns HTML that `learning_city.render` built and escaped.
Nothing here is rendered again as a template, so catalogue text can never run as code.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from learning_city import i18n, render, render_lists, render_records
from learning_city.loader import load, resolve_root


def define_env(env):
    lang = env.conf["theme"]["language"]
    catalogue, problems = load(resolve_root(env.conf["extra"]["catalogue"], Path(env.conf["config_file_path"]).parent))
    if problems:
        # PluginError stops the build with the message and no traceback
        raise PluginError("catalogue has problems / 目录有错误:\n" + "\n".join(map(str, problems)))

    def base() -> str:
        """Relative path from the current page to the site root."""
        return "../" * env.page.url.count("/")

    @env.macro
    def ui(key: str) -> str:
        return render.esc(i18n.t(key, lang))

    @env.macro
    def home() -> str:
        return render.home(catalogue, lang, base())

    @env.macro
    def policy() -> str:
        return render.policy(catalogue, lang, base())

    @env.macro
    def policy_title() -> str:
        return render.text(catalogue.policy.title, lang)

    @env.macro
    def targets() -> str:
        return render.targets(catalogue, lang, base())

    @env.macro
    def record_title(collection: str, record_id: str) -> str:
        """The H1 of a provider or venue page: text escaped for HTML and for Markdown."""
        record = (catalogue.providers if collection == "providers" else catalogue.venues)[record_id]
        return render_records.heading_text(record.name.get(lang))

    @env.macro
    def provider(record_id: str) -> str:
        return render_records.provider_page(catalogue, catalogue.providers[record_id], lang, base())

    @env.macro
    def venue(record_id: str) -> str:
        return render_records.venue_page(catalogue, catalogue.venues[record_id], lang, base())

    for name in ("providers_directory", "venues_directory", "network", "elderly", "finder"):
        env.macro(_list_page(getattr(render_lists, name), catalogue, lang, base), name)


def _list_page(renderer, catalogue, lang, base):
    return lambda: renderer(catalogue, lang, base())
