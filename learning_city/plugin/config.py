"""The plugin's settings in mkdocs.yml, typed, as Material's own plugins declare theirs.

    plugins:
      - learning-city:
          catalogue: catalogue            # the catalogue folder, relative to mkdocs.yml
          repository: https://github.com/jx-learning-city/catalogue   # "edit this record" links
          macros: macros/main.py          # the page macros, registered with mkdocs-macros
          search_records: ""              # where to write the search records (scripts/build.py sets it)
          search_bundle_size: 5000        # courses per search bundle (Pagefind's memory, issue 23)

`extra.government` and `extra.editor` stay under `extra` (the theme's templates and the editor's
generator read them there) but are checked against the types below when the build starts, so a
typo in a key or a wrong kind of value stops the build with the key named.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.exceptions import PluginError

from learning_city.site.search_records import BUNDLE_SIZE
from learning_city.tools.editor import BACKENDS


class Positive(c.Type):
    """A whole number of at least 1 (a count of things), named in the error when it is not."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 1:
            raise ValidationError(f"must be a whole number of at least 1, not {value!r} / 须为不小于 1 的整数")
        return number


class CatalogueConfig(Config):
    catalogue = c.Type(str, default="catalogue")
    repository = c.Type(str, default="https://github.com/jx-learning-city/catalogue")
    macros = c.File(exists=True, default="macros/main.py")
    # the courses, teams, resources and events as Pagefind records, for scripts/build.py; "" writes none
    search_records = c.Type(str, default="")
    # at most this many courses in one Pagefind run: each run's memory grows with its records
    # (learning_city/site/search_records.py); more courses make more bundles, merged by the search page
    search_bundle_size = Positive(default=BUNDLE_SIZE)


class GovernmentConfig(Config):
    """A government site's footer and head (learning_city/site/government.py); empty shows nothing.
    A text is one string (Chinese) or {zh: …, en: …}."""

    sponsor = c.Type((str, dict), default="")  # 主办单位
    site_code = c.Type(str, default="")  # 网站标识码
    icp = c.Type(str, default="")  # ICP备案号
    police = c.Type(str, default="")  # 公安备案号
    contact = c.Type((str, dict), default="")


class EditorConfig(Config):
    """The forge the web editor at /admin/ saves to (learning_city/tools/editor.py)."""

    backend = c.Choice(BACKENDS, default="github")
    auth_url = c.Type(str, default="")
    app_id = c.Type(str, default="")
    local_backend = c.Type(str, default="")


def checked(kind: type[Config], values: dict | None, where: str) -> dict:
    """`values` checked against `kind`: every wrong key or value named at once, else the settings
    with their defaults filled in."""
    settings = kind()
    settings.load_dict(dict(values or {}))
    errors, warnings = settings.validate()
    problems = [f"{where}.{key}: {error}" for key, error in errors] + [f"{where}.{key}: {warning}" for key, warning in warnings]
    if problems:
        raise PluginError("mkdocs.yml 设置有误 / settings are wrong:\n" + "\n".join(problems))
    return dict(settings)
