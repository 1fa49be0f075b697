"""What one build of one language is made with, decided once (the plugin's `on_config`) and
passed down: renderers and exports read the day, addresses and templates from here, never from
the environment, so a build's pages all agree and a test sets them in one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from learning_city import i18n
from learning_city.site.templates import PACKAGE_FOLDER, Templates


@dataclass(frozen=True)
class BuildContext:
    lang: str
    today: dt.date  # the build's day (SOURCE_DATE_EPOCH, else the date in Jiaxing): statuses, "this week"
    site_url: str  # this language's root address, "" when the site has none (links stay relative)
    site_root: str  # the Chinese root address: hreflang links name the other language's page by it
    repository: str  # where "edit this record" links point, without a trailing slash
    templates: Templates
    search_bundle_size: int  # courses per search bundle (the plugin's setting; search_records.py)


def make(
    lang: str, today: dt.date, site_url: str, repository: str, custom_dir: str | Path | None = None, *, search_bundle_size: int
) -> BuildContext:
    """`site_url` as mkdocs.yml gives it (the Chinese root); a site overrides any page template
    from the theme's custom_dir (overrides/lc/<name>.html)."""
    site_root = site_url.rstrip("/") + "/" if site_url else ""
    folders = [custom_dir, PACKAGE_FOLDER] if custom_dir else [PACKAGE_FOLDER]
    return BuildContext(
        lang=lang,
        today=today,
        site_url=site_root + i18n.ROOTS[lang] if site_url else "",
        site_root=site_root,
        repository=repository.rstrip("/"),
        templates=Templates(folders, today),
        search_bundle_size=search_bundle_size,
    )
