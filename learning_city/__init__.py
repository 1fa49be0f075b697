"""The Learning City catalogue: load, validate and render Jiaxing's learning catalogue.

Data flows one way: YAML files (`yamlfile`) -> validated records (`model`, `loader`) ->
the `Catalogue` -> figures (`targets`) and page content (`render`) -> the site (`macros/`).
Nothing here imports MkDocs.
"""
