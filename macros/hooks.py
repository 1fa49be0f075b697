"""MkDocs hooks: set the language-dependent configuration from the interface strings.

One mkdocs.yml serves both languages (SITE_LANG=zh|en); the site's name, description and
the language switch come from `learning_city/ui.yml`, so no translation lives in config.
"""

from __future__ import annotations

from pathlib import Path

from learning_city import i18n
from learning_city.loader import resolve_root

# Where each language's site lives, relative to the Chinese root.
ROOTS = {"zh": "", "en": "en/"}


def on_config(config):
    lang = config["theme"]["language"]
    config["site_name"] = i18n.t("site.name", lang)
    config["site_description"] = i18n.t("site.description", lang)
    if config.get("site_url") and ROOTS[lang]:
        config["site_url"] = config["site_url"].rstrip("/") + "/" + ROOTS[lang]
    back = "../" * ROOTS[lang].count("/")
    config["extra"]["alternate"] = [
        {"name": i18n.t(f"language.{other}", lang), "lang": other, "root": back + ROOTS[other], "current": other == lang}
        for other in i18n.LANGUAGES
    ]
    return config


def on_serve(server, config, builder):
    """Live reload when the catalogue changes, wherever CATALOGUE points."""
    root = resolve_root(config["extra"]["catalogue"], Path(config["config_file_path"]).parent)
    server.watch(str(root))
    return server
