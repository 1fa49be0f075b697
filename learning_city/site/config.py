"""The plugin's settings in mkdocs.yml, typed, as Material's own plugins declare theirs.

    plugins:
      - learning-city:
          catalogue: catalogue            # the catalogue folder, relative to mkdocs.yml
          repository: https://github.com/jx-learning-city/catalogue   # "edit this record" links
          macros: macros/main.py          # the page macros, registered with mkdocs-macros
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CatalogueConfig(Config):
    catalogue = c.Type(str, default="catalogue")
    repository = c.Type(str, default="https://github.com/jx-learning-city/catalogue")
    macros = c.File(exists=True, default="macros/main.py")
