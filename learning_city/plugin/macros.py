"""The page macros' registry: loads the macros module named in mkdocs.yml (macros/main.py, a file
beside it, not a package) and hands its macros to mkdocs-macros.

The macros get what they read, not the plugin: the build's context, the catalogue, the slots
their HTML waits in, and a way to ask for the address of the page being rendered.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

from mkdocs.exceptions import PluginError

from learning_city.data.catalogue import Catalogue
from learning_city.site.context import BuildContext
from learning_city.site.slots import Slots


def register(plugins, path: str, context: BuildContext, catalogue: Catalogue, slots: Slots, page_url: Callable[[], str]) -> None:
    macros = plugins.get("macros")
    if macros is None:
        raise PluginError("learning-city needs the macros plugin / 须同时启用 macros 插件")
    macros.register_macros(_load(path)(context, catalogue, slots, page_url))


def _load(path: str):
    spec = importlib.util.spec_from_file_location("learning_city_page_macros", path)
    if spec is None or spec.loader is None:
        raise PluginError(f"{path}: not a Python file / 不是 Python 文件")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.page_macros
