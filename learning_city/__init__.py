"""The Learning City catalogue: load, validate and render Jiaxing's learning catalogue.

Data flows one way, one folder per step:

- `data/`: YAML files (`yamlfile`, `inventory`) -> validated records (`model`, `loader`,
  `problems`) -> the `Catalogue`, with the targets' figures (`figures`) and the day (`today`).
- `i18n/`: the interface strings in both languages (`ui.yml`) and how numbers and dates read.
- `site/`: page content from the catalogue: renderers and their templates, exports, calendars,
  search records, and the build's context (`context`). Nothing here imports MkDocs' plugin API.
- `tools/`: around the catalogue for contributors: schema, the web editor's configuration,
  spreadsheets, formatting, CODEOWNERS, publishing.
- `plugin/`: the MkDocs plugin, its settings and the page macros' registry: the one place that
  puts the layers together (tests/test_layers.py holds each folder to this order).
"""
