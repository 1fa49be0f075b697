"""The MkDocs side, put together: the `learning-city` plugin (plugin.py), its typed settings
(config.py) and the page macros' registry (macros.py). The one package that imports every layer."""
