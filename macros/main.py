"""MkDocs macros: the thin layer between page Markdown and `learning_city`.

Pages call these with ids; each returns HTML that `learning_city.render` built and escaped.
Nothing here is rendered again as a template, so catalogue text can never run as code.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from learning_city import i18n, render
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
