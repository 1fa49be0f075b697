"""The site layer: pages, interface strings and open-data exports made from the catalogue, and the
MkDocs plugin that puts them into a build.
"""
