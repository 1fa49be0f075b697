"""Tools around the catalogue: JSON Schema and web-editor configuration generated from the model,
the formatter, new-record skeletons, change summaries, CODEOWNERS, publishing to object storage.
"""
