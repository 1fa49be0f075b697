"""The plugin's settings in mkdocs.yml, typed, as Material's own plugins declare theirs.

    plugins:
      - learning-city:
          catalogue: catalogue            # the catalogue folder, relative to mkdocs.yml
          repository: https://github.com/jx-learning-city/catalogue   # "edit this record" links
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CatalogueConfig(Config):
    catalogue = c.Type(str, default="catalogue")
    repository = c.Type(str, default="https://github.com/jx-learning-city/catalogue")
