"""The data layer: YAML files → checked records → the catalogue, and the figures computed from it.

It imports nothing from `site` or `tools` (a test checks): a validator, a web editor or another
site generator can use it alone.
"""
