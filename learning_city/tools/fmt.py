"""Tidy catalogue files without losing a word: key order, quoting and indentation.

ruamel.yaml's round-trip mode keeps comments and blank lines where they were. Keys follow
the model's field order, clock times are double-quoted (a bare 19:30 is a number to some
YAML tools), indentation is two spaces, and every file starts with its schema line.
"""

from __future__ import annotations

import io
import re
import typing

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from learning_city.data.files import schema_line
from learning_city.data.model import CLOCK
from learning_city.tools.schema import SCHEMAS

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S*\n")


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1_000_000  # never fold a line: the editor writes each text on one (format.js)
    yaml.preserve_quotes = True
    return yaml


def model_for(catalogue_file: str) -> type[BaseModel]:
    for _, (cls, pattern) in SCHEMAS.items():
        folder, _, _ = pattern.rpartition("/")
        if (folder and catalogue_file.startswith(folder + "/")) or catalogue_file == pattern:
            return cls
    raise KeyError(catalogue_file)


def _nested_model(annotation) -> type[BaseModel] | None:
    """The model class inside Optional[...], list[...] or Annotated[...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found:
            return found
    return None


def _reorder(node: CommentedMap, cls: type[BaseModel] | None) -> None:
    if cls is None:
        return
    fields = list(cls.model_fields)
    keys = list(node.keys())
    wanted = sorted(keys, key=lambda k: fields.index(k) if k in fields else len(fields))
    if wanted != keys:
        entries = [(key, node[key], node.ca.items.get(key)) for key in wanted]
        for key in keys:
            del node[key]
        for key, value, comment in entries:
            node[key] = value
            if comment:
                node.ca.items[key] = comment
    for key, value in node.items():
        info = cls.model_fields.get(key)
        child = _nested_model(info.annotation) if info else None
        _walk(value, child)


def _walk(node, cls: type[BaseModel] | None) -> None:
    if isinstance(node, CommentedMap):
        _reorder(node, cls)
        for key, value in node.items():
            if isinstance(value, str) and re.fullmatch(CLOCK, value) and not isinstance(value, DoubleQuotedScalarString):
                node[key] = DoubleQuotedScalarString(value)
    elif isinstance(node, CommentedSeq):
        for item in node:
            _walk(item, cls)


def tidy(text: str, catalogue_file: str) -> str:
    """The tidy form of a catalogue file's text; a tidy file comes back byte for byte."""
    body = SCHEMA_LINE.sub("", text.lstrip("\ufeff"), count=1)
    yaml = _yaml()
    data = yaml.load(body)
    _walk(data, model_for(catalogue_file))
    out = io.StringIO()
    yaml.dump(data, out)
    return schema_line(catalogue_file) + "\n" + out.getvalue()
