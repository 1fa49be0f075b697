"""Read one YAML file as people write it: plain data, every position kept, every trap named.

PyYAML's C parser gives events with line and column, fast; building values from those
events ourselves gives YAML 1.2 behaviour where people are caught by YAML 1.1 (`19:30`
stays the text "19:30", `0755` stays "0755") and lets us refuse what we never want:
duplicate keys, anchors and aliases, tags. Plain scalars stay strings except null and
true/false; the model converts them to numbers and dates by field type.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from learning_city.data.characters import character_name, has_hidden, hidden_characters
from learning_city.data.problems import Problem, dotted
from learning_city.data.yamllines import Line, explain, scan

# the C parser is much faster; the pure-Python one (PyYAML built without libyaml) behaves the same
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

NULLS = {"", "~", "null", "Null", "NULL"}
TRUE = {"true", "True", "TRUE"}
FALSE = {"false", "False", "FALSE"}
# YAML 1.1 booleans that YAML 1.2 reads as text: ambiguous between tools, so refused unquoted.
YES_NO = {"yes", "no", "on", "off", "y", "n"}
# The lines git writes around a conflict (`|||||||` with diff3): at the start of a line, seven of a kind.
_CONFLICT_MARKER = re.compile(r"^(?:<{7}|>{7}|\|{7})(?: |$)|^={7}$")
# What only the line scan finds (YAML itself may read these lines without a word): a tab, a
# full-width colon or space, a list item's dash or a key's colon with no space after it.
_MAYBE_MISTYPED = re.compile(r"[\t：\u3000]|^ *(?:- +)?(?:-[^\s\-0-9.]|[A-Za-z_][\w-]*:[^\s/])", re.MULTILINE)
# Deeper than any catalogue file needs; guards the builder's recursion against crafted files.
MAX_DEPTH = 40
# A provider with hundreds of courses is a few hundred KB; anything far larger is a mistake or an attack.
MAX_BYTES = 5_000_000

Loc = tuple  # a path into the data: ("courses", 3, "title", "zh")


@dataclass
class Document:
    """One file's data with the position of every key and value (1-based line, column)."""

    path: str
    data: object = None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of loc, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            found = (self.keys.get(loc) if key else None) or self.values.get(loc) or self.keys.get(loc)
            if found:
                return found
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def moved(self, path: str) -> Document:
        """The same document read from another path (same bytes): its problems name the new one."""
        problems = [dataclasses.replace(problem, path=path) for problem in self.problems]
        return dataclasses.replace(self, path=path, problems=problems)

    def problem(self, loc: Loc, code: str, *, key: bool = False, severity: str = "error", **args) -> Problem:
        line, col = self.where(loc, key=key)
        return Problem(self.path, line, col, dotted(loc), code, args, severity)


def read(path: Path | str, display: str | None = None) -> Document:
    """Parse a file; on a problem the document's data is None and problems say why."""
    return parse(Path(path).read_bytes(), display or str(path))


def parse(raw: bytes, display: str) -> Document:
    """Parse a file's bytes (as read from disk or from git), naming it `display` in problems."""
    doc = Document(display)
    if len(raw) > MAX_BYTES:
        doc.problems.append(Problem(doc.path, 1, 1, "", "too_large", {"size": len(raw), "limit": MAX_BYTES}))
        return doc
    text = _decode(raw, doc)
    if text is None:
        return doc
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        doc.problems.append(Problem(doc.path, 1, 1, "", "empty"))
        return doc
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # one kind of line end, as editors count lines
    hidden = [(match.start(), match.group()) for match in hidden_characters().finditer(text)] if has_hidden(text) else []
    if hidden:  # named where they are, then replaced so that the rest of the file can still be checked
        text = hidden_characters().sub("\ufffd", text)
    _conflict_markers(text, doc)
    lines = _scan_lines(text, doc) if _MAYBE_MISTYPED.search(text) else None
    builder = None if doc.problems else _parse_events(text, doc, lines, spans=bool(hidden))
    if builder is not None:
        builder.build()
    fatal = bool(doc.problems)
    for offset, ch in hidden:
        line, col = _position(text, offset)
        loc = builder.scalar_at(line, col) if builder else ()
        doc.problems.append(Problem(doc.path, line, col, dotted(loc), "hidden_character", {"char": character_name(ch)}))
    if fatal:  # a hidden character alone still lets the model check the rest of the file
        doc.data = None
    return doc


def _parse_events(text: str, doc: Document, lines: list[Line] | None = None, spans: bool = False) -> _Builder | None:
    """A builder over the file's YAML events, or None with the syntax error added to the problems;
    `lines`: the file's lines as scanned, if they were; `spans`: keep where each value is, to
    name the key of a hidden character."""
    try:
        return _Builder(doc, list(yaml.parse(text, Loader=_Loader)), spans)
    except yaml.MarkedYAMLError as err:
        if lines is None:  # the mistakes a line shows by itself, every one of them, before YAML's one error
            lines = _scan_lines(text, doc)
        if not doc.problems:
            doc.problems.append(explain(err, lines, doc.path))
    except yaml.YAMLError as err:  # no position given (the reader's own checks): the whole file
        doc.problems.append(Problem(doc.path, 1, 1, "", "syntax", {"detail": str(err).splitlines()[0]}))
    return None


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _decode(raw: bytes, doc: Document) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        col = len(raw[line_start : err.start].decode("utf-8", errors="replace")) + 1  # in characters, as editors count
        try:
            raw.decode("gbk")
            code = "gbk"
        except UnicodeDecodeError:
            code = "not_utf8"
        doc.problems.append(Problem(doc.path, line, col, "", code))
        return None


def _conflict_markers(text: str, doc: Document) -> None:
    """Name git's merge-conflict markers where they are: YAML would report a syntax error on some
    other line, and the person needs to know a merge left both sides in the file."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if _CONFLICT_MARKER.match(line):
            doc.problems.append(Problem(doc.path, number, 1, "", "conflict_marker", {"marker": line[:7]}))


def _scan_lines(text: str, doc: Document) -> list[Line]:
    """Find the typing mistakes YAML itself reports badly or on the wrong line (yamllines.py):
    run on a file that YAML cannot read or that holds a character or pattern only the scan names."""
    lines, mistakes = scan(text, doc.path)
    doc.problems.extend(mistakes)
    return lines


class _Builder:
    """Turns the event stream into dicts, lists and strings, recording positions."""

    def __init__(self, doc: Document, events: list, spans: bool = True):
        self.doc = doc
        self.events = iter(events)
        # scalar start, end, loc: kept only when the file has a hidden character to place
        self.spans: list[tuple[tuple[int, int], tuple[int, int], Loc]] | None = [] if spans else None
        self.anchored = False  # an anchor or alias named already

    def scalar_at(self, line: int, col: int) -> Loc:
        """The key whose value spans (line, col); () when it is outside every value (a comment)."""
        for start, end, loc in self.spans or ():  # kept only for a file with a hidden character
            if start <= (line, col) < end:
                return loc
        return ()

    def build(self) -> None:
        documents = 0
        for event in self.events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._problem(event, (), "multiple_documents")
                    return
                self.doc.data = self._node(next(self.events), ())
        if not isinstance(self.doc.data, dict):
            self.doc.problems.append(Problem(self.doc.path, 1, 1, "", "top_not_mapping"))

    def _problem(self, event, loc: Loc, code: str, **args) -> None:
        mark = event.start_mark
        self.doc.problems.append(Problem(self.doc.path, mark.line + 1, mark.column + 1, dotted(loc), code, args))

    def _node(self, event, loc: Loc):
        mark = event.start_mark
        self.doc.values[loc] = (mark.line + 1, mark.column + 1)
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag in (None, "!") and len(loc) <= MAX_DEPTH:
            return self._scalar(event, loc)  # most nodes: a plain value, none of the checks below apply
        if len(loc) > MAX_DEPTH:
            self._problem(event, loc[:MAX_DEPTH], "too_deep", limit=MAX_DEPTH)
            self._skip(event)
            return None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            if not self.anchored:  # once a file: one that is all aliases (billion laughs) gives one line, not thousands
                self._problem(event, loc, "anchor")
            self.anchored = True
            if isinstance(event, yaml.AliasEvent):
                return None
        tag = getattr(event, "tag", None)
        if tag and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            self._problem(event, loc, "tag", tag=tag)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, loc)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[object] = []
            for index in itertools.count():
                child = next(self.events)
                if isinstance(child, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(child, loc + (index,)))
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(loc)
        raise AssertionError(f"unexpected YAML event {event!r}")  # the parser guarantees structure

    def _skip(self, event) -> None:
        """Consume the events of a node without building it."""
        depth = int(isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)))
        while depth:
            child = next(self.events)
            depth += isinstance(child, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
            depth -= isinstance(child, (yaml.SequenceEndEvent, yaml.MappingEndEvent))

    def _mapping(self, loc: Loc) -> dict:
        mapping: dict = {}
        while True:
            key_event = next(self.events)
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            if not isinstance(key_event, yaml.ScalarEvent):
                self._problem(key_event, loc, "non_string_key")
                self._node(key_event, loc + ("?",))
                self._node(next(self.events), loc + ("?",))
                continue
            key = key_event.value
            key_loc = loc + (key,)
            if self.spans is not None:
                start, end = key_event.start_mark, key_event.end_mark
                # a parsed event always has its marks (the stubs allow None, for events made by hand)
                self.spans.append(((start.line + 1, start.column + 1), (end.line + 1, end.column + 1), key_loc))  # type: ignore[union-attr]
            escaped = key_event.style == '"' and hidden_characters().search(key)  # only an escape makes one here
            if escaped:
                self._problem(key_event, key_loc, "hidden_character", char=character_name(escaped.group()))
            first = self.doc.keys.get(key_loc)
            if first:
                self._problem(key_event, key_loc, "duplicate_key", first=first[0])
                self._node(next(self.events), loc + ("?duplicate",))
                continue
            mark = key_event.start_mark  # a parsed event's: never None, whatever the stubs allow
            self.doc.keys[key_loc] = (mark.line + 1, mark.column + 1)  # type: ignore[union-attr]
            mapping[key] = self._node(next(self.events), key_loc)

    def _scalar(self, event, loc: Loc):
        if self.spans is not None:
            start, end = event.start_mark, event.end_mark
            self.spans.append(((start.line + 1, start.column + 1), (end.line + 1, end.column + 1), loc))
        value = event.value
        # A hidden character typed into the file was replaced before parsing (and named where it
        # stands); one can still come from an escape ("\u202e"), which only double quotes read.
        escaped = event.style == '"' and hidden_characters().search(value)
        if escaped:
            self._problem(event, loc, "hidden_character", char=character_name(escaped.group()))
        if event.style:  # quoted or block scalar: always text
            return value
        if value in NULLS:
            return None
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        if value.lower() in YES_NO:
            self._problem(event, loc, "yes_no", value=value)
        return value
