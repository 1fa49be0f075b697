"""Write a record read from a sheet as a catalogue file in its canonical form.

A new file is written from the data; an existing one is updated in place with ruamel.yaml's
round-trip mode, so its comments and the quoting of unchanged values stay, and a record that
did not change comes back byte for byte. Either way the project's formatter (`tidy`) has the
last word on key order, clock quoting and the schema line.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from enum import Enum

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from learning_city.data.yamlfile import FALSE, NULLS, TRUE, YES_NO
from learning_city.tools.fmt import _yaml, tidy
from learning_city.tools.sheets.layout import _inner, _is_choice, _is_model, _list_item


def _node(value, annotation):
    """Plain data as ruamel nodes: lists of choices inline ([mon, wed]), as the catalogue writes them."""
    annotation = _inner(annotation)
    if isinstance(value, dict):
        cls = annotation if _is_model(annotation) else None
        node = CommentedMap()
        for key, item in value.items():
            info = cls.model_fields.get(key) if cls else None
            node[key] = _node(item, info.annotation if info else None)
        return node
    if isinstance(value, list):
        item_type = _list_item(annotation) if annotation is not None else None
        seq = CommentedSeq(_node(item, item_type) for item in value)
        if item_type is not None and _is_choice(item_type):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _needs_quotes(value):
        return DoubleQuotedScalarString(value)
    return value


@functools.lru_cache(maxsize=4096)
def _needs_quotes(text: str) -> bool:
    """Whether text must be quoted to stay text: the catalogue quotes with double quotes, and
    quotes what YAML 1.1 readers take for a boolean (yes, no, on, off) though YAML 1.2 does not."""
    if text.lower() in YES_NO or text in NULLS | TRUE | FALSE:
        return True
    out = io.StringIO()
    _yaml().dump({"k": text}, out)
    return out.getvalue()[3:4] in ("'", '"')


def _same(old, new) -> bool:
    if isinstance(new, Enum):
        new = new.value
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, dt.date) != isinstance(new, dt.date):
        return False
    return isinstance(old, str) == isinstance(new, str) and old == new


def _merge(old, new, annotation):
    """`old` (ruamel nodes) changed to hold `new`, keeping what did not change as it was written."""
    annotation = _inner(annotation)
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        cls = annotation if _is_model(annotation) else None
        for key in [key for key in old if key not in new]:
            del old[key]
        for key, value in new.items():
            info = cls.model_fields.get(key) if cls else None
            field_type = info.annotation if info else None
            old[key] = _merge(old[key], value, field_type) if key in old else _node(value, field_type)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        item_type = _list_item(annotation) if annotation is not None else None
        del old[len(new) :]
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = _merge(old[index], value, item_type)
            else:
                old.append(_node(value, item_type))
        return old
    return old if _same(old, new) else _node(new, annotation)


def write(data: dict, model, catalogue_file: str, existing: str | None = None) -> str:
    """The canonical text of a catalogue file holding `data`; `existing`: the file's text now."""
    yaml = _yaml()
    root = None
    if existing is not None:
        try:
            root = yaml.load(existing)
        except Exception:  # an unreadable file is replaced whole: the sheet holds the whole record
            root = None
    root = _merge(root, data, model) if isinstance(root, CommentedMap) else _node(data, model)
    out = io.StringIO()
    yaml.dump(root, out)
    return tidy(out.getvalue(), catalogue_file)
