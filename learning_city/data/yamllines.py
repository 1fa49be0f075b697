"""Typing mistakes in a YAML file, named on their own line in words a school secretary reads.

PyYAML names a mistake in the terms of its grammar ("mapping values are not allowed here") and
often on the line after it. `scan` reads a file line by line, as a person sees it, and names the
mistakes a line shows by itself: a tab or a full-width space in the indentation, a full-width
colon, no space after a colon or after a list item's dash, a value that begins with a character
YAML keeps for itself, a quote that is not closed, text after a closing quote, a colon and a
space inside a value. Lines inside block text (`|`, `>`), inside quoted text or a list in
brackets that goes on for several lines, comments, and the lines a value continues on are never
judged. `explain` turns the errors PyYAML gives for the rest into a message on the line where the
mistake is, with PyYAML's own words only when none of ours fits.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import yaml

from learning_city.data.problems import Problem

_KEY_WITH_FULLWIDTH_COLON = re.compile(r"^(\s*(?:-\s+)?)[A-Za-z_][\w-]*\s*：")
# A key typed without the space after its colon: `category:vocational-skills`.
_KEY_WITHOUT_SPACE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?=[^ \t/])")
# `- mailto:office@example.org` is a list item of text, not a key: schemes a link begins with.
_SCHEMES = {"http", "https", "mailto", "tel", "sms", "ftp", "file", "data", "javascript", "urn"}
# A line that starts a key or a list item: what follows an unclosed quote when it was forgotten.
_STARTS_ENTRY = re.compile(r"( *)(?:-(?:[ \t\u3000]|$)|[A-Za-z_][\w-]*:(?:[ \t\u3000]|$))")
# `|`, `>` and their optional chomping and indentation indicators, then a comment or nothing.
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+#.*)?[ \t]*$")
_ANCHOR = re.compile(r"[&*][A-Za-z0-9_-]+(?=[ \t]|$)")
_TAG = re.compile(r"![!A-Za-z0-9_\-;/?:@&=+$,.~*'()%]*(?=[ \t]|$)")
# Characters that cannot begin a value typed without quotes (`-`, `?`, `:` only before a space).
_RESERVED = "@`%,"
_EXAMPLES = {"[": ("]", "days: [sat, sun]"), "{": ("}", "fee: {amount: 0}")}
_LONGEST_FIX = 40  # characters of a person's own text repeated in a suggested fix


@dataclass
class Line:
    """One line of the file as the scan read it."""

    number: int  # 1-based
    text: str
    indent: int = 0  # leading spaces
    kind: str = "text"  # blank, comment, inner (block text, quoted text, a continued value), key, item, text
    col: int = 0  # 0-based column of the key, or of an item's or a text line's content
    dashes: list[int] = field(default_factory=list)  # columns of the list dashes that open the line
    key: str = ""
    opens: bool = False  # nothing after the key or dash: the lines below are its value
    start: int = 0  # an inner line: the number of the line its value began on


@dataclass
class _Value:
    """What a value leaves for the lines after it."""

    plain: bool = False  # unquoted text that may continue on the lines below
    opens: bool = False
    block: bool = False  # `|` or `>`: the lines below are text
    block_indent: int = 0  # the indentation its header gives (`|2`), or 0
    quote_until: int | None = None  # index of the line where a quote spanning lines closes
    flow: int = 0  # brackets left open at the end of the line
    flow_quote: str = ""  # and the quote left open inside them


class _Scanner:
    def __init__(self, text: str, path: str):
        self.rows = text.split("\n")
        self.path = path
        self.lines: list[Line] = []
        self.problems: list[Problem] = []
        self._quote_lines: dict[str, list[int]] = {}

    def problem(self, number: int, col: int, key: str, code: str, **args) -> None:
        self.problems.append(Problem(self.path, number, col + 1, key, code, args))

    def scan(self) -> None:
        plain_parent: int | None = None  # a plain value goes on over lines indented more than this
        plain_start = 0
        block: list | None = None  # [parent indent, content indent or None, start]
        quote_until: int | None = None
        flow, flow_quote = 0, ""
        inner_start = 0
        for index, row in enumerate(self.rows):
            number = index + 1
            stripped = row.lstrip(" ")
            indent = len(row) - len(stripped)
            line = Line(number, row, indent)
            self.lines.append(line)
            if block is not None:
                parent, content, start = block
                if not stripped.strip(" \t") or (content is None and indent > parent) or (content is not None and indent >= content):
                    if content is None and stripped.strip(" \t"):
                        block[1] = indent
                    line.kind, line.start = "inner", start
                    continue
                block = None
            if quote_until is not None:
                line.kind, line.start = "inner", inner_start
                if index >= quote_until:
                    quote_until = None
                continue
            if flow > 0:  # a bracket never closed leaves the rest of the file here: YAML names it
                line.kind, line.start = "inner", inner_start
                flow, flow_quote, _ = _flow(row, 0, flow, flow_quote)
                continue
            if not stripped.strip(" \t"):
                line.kind = "blank"  # a value goes on past a blank line
                continue
            if stripped.startswith("#") or (indent == 0 and (re.match(r"(?:---|\.\.\.)(?:[ \t]|$)", row) or row.startswith("%"))):
                line.kind = "comment"  # a comment, a document's start or end, a directive
                plain_parent = None
                continue
            if plain_parent is not None and indent > plain_parent:
                line.kind, line.start = "inner", plain_start
                self._tabs(line)
                continue
            before = len(self.problems)
            value = self._line(line)
            plain_parent = None
            if value.plain and len(self.problems) == before:  # a line with a mistake swallows none below it
                plain_parent = line.col if line.kind == "key" else (line.dashes[-1] if line.dashes else line.col - 1)
                plain_start = number
            elif value.block:
                parent = line.col if line.kind == "key" else (line.dashes[-1] if line.dashes else indent - 1)
                block = [parent, parent + value.block_indent if value.block_indent else None, number]
            elif value.quote_until is not None:
                quote_until, inner_start = value.quote_until, number
            elif value.flow > 0:
                flow, flow_quote, inner_start = value.flow, value.flow_quote, number

    def _tabs(self, line: Line) -> bool:
        """A tab among the leading spaces: YAML refuses it, and editors show it as any width."""
        leading = line.text[: len(line.text) - len(line.text.lstrip(" \t"))]
        if "\t" in leading:
            self.problem(line.number, leading.index("\t"), "", "tab")
            return True
        return False

    def _line(self, line: Line) -> _Value:
        """Read a line that is not inside another value: its indentation, dashes, key and value."""
        row = line.text
        found = self._tabs(line)
        end, fullwidth_space = _zone(row)
        if fullwidth_space is not None and not found:
            self.problem(line.number, fullwidth_space, "", "fullwidth_space")
            found = True
        if found:  # read on as if spaces had been typed (a full-width one shows as two), to follow what comes after
            row = row[:end].replace("\t", " ").replace("\u3000", "  ") + row[end:]
            line.indent = len(row) - len(row.lstrip(" "))
        pos = line.indent
        while row.startswith("-", pos) and (pos + 1 == len(row) or row[pos + 1] in " \t"):
            line.dashes.append(pos)
            pos += 1
            while pos < len(row) and row[pos] in " \t":
                pos += 1
        line.col = pos
        line.kind = "item" if line.dashes else "text"
        if pos >= len(row) or row.startswith("#", pos):
            line.opens = bool(line.dashes)
            return _Value(opens=line.opens)
        fullwidth = _KEY_WITH_FULLWIDTH_COLON.match(line.text)
        if fullwidth and not found and (not line.dashes or self._keys_follow(line)):
            key = line.text[fullwidth.end(1) : line.text.index("：")].strip()
            self.problem(line.number, line.text.index("："), key, "fullwidth_colon")
            return _Value(plain=True)
        if not line.dashes and row[pos] == "-" and row[pos + 1] not in "-0123456789.":
            if not found:
                self.problem(line.number, pos, "", "dash_without_space", fix=_shorten(f"- {row[pos + 1 :].strip()}"))
            return _Value(plain=True)
        key_end = _key_end(row, pos)
        if key_end is None:
            glued = _KEY_WITHOUT_SPACE.match(row, pos)
            if glued and not (line.dashes and (glued.group(1).lower() in _SCHEMES or not self._keys_follow(line))):
                colon = glued.end(1)
                if not found and row[colon + 1] == "\u3000":  # `category:　vocational-skills`
                    self.problem(line.number, colon + 1, glued.group(1), "fullwidth_space")
                elif not found:
                    fix = _shorten(f"{glued.group(1)}: {row[colon + 1 :].strip()}")
                    self.problem(line.number, colon, glued.group(1), "colon_without_space", fix=fix)
                line.kind, line.key = "key", glued.group(1)
                return _Value(plain=True)
            return self._value(line, row, pos, "", quiet=found)
        line.kind, line.key = "key", row[pos:key_end].rstrip(" \t")
        at = key_end + 1
        while at < len(row) and row[at] in " \t":
            at += 1
        return self._value(line, row, at, line.key, quiet=found)

    def _keys_follow(self, line: Line) -> bool:
        """Whether the next line is a key lined up with this list item's text: the item is a set of
        keys (`- id:x`, then `  title: …`), not a line of text that happens to hold a colon."""
        for row in self.rows[line.number :]:
            if row.strip(" \t") and not row.lstrip(" ").startswith("#"):
                return bool(re.match(rf" {{{line.col}}}[A-Za-z_][\w-]*:(?:[ \t]|$)", row))
        return False

    def _value(self, line: Line, row: str, at: int, key: str, quiet: bool) -> _Value:
        """Read the value that begins at column `at` (after `key: `, after `- `, or a whole line)."""
        if at >= len(row) or row.startswith("#", at):
            line.opens = True
            return _Value(opens=True)
        text = row[at:]
        first = text[0]
        report = self.problem if not quiet else lambda *args, **kwargs: None
        label = key or "-"
        if first in "\"'":
            return self._quoted(line, row, at, key, report)
        if first in "[{":
            depth, quote, end = _flow(row, at, 0, "")
            if end is None:
                return _Value(flow=max(depth, 1), flow_quote=quote)
            rest = row[end + 1 :].lstrip(" \t")
            if rest and not rest.startswith(("#", ":")):
                report(line.number, at, key, "reserved_start", char=first, fix=_fixed(label, text))
            return _Value()
        if first in "|>":
            if _BLOCK_HEADER.match(text):
                digit = re.search(r"[1-9]", text.split("#")[0])
                return _Value(block=True, block_indent=int(digit.group()) if digit else 0)
            report(line.number, at, key, "reserved_start", char=first, fix=_fixed(label, text))
            return _Value()
        if first in "&!":
            prefix = (_ANCHOR if first == "&" else _TAG).match(text)
            if prefix:  # an anchor or tag: refused by the reader, by name, once the file parses
                after = at + prefix.end()
                while after < len(row) and row[after] in " \t":
                    after += 1
                return self._value(line, row, after, key, quiet)
            report(line.number, at, key, "reserved_start", char=first, fix=_fixed(label, text))
            return _Value()
        if first == "*":
            if not _ANCHOR.match(text):
                report(line.number, at, key, "reserved_start", char=first, fix=_fixed(label, text))
            return _Value()
        if first in _RESERVED or (key and first in "-?:" and (len(text) == 1 or text[1] in " \t")):
            report(line.number, at, key, "reserved_start", char=first, fix=_fixed(label, text))
            return _Value()
        words, commented = _uncommented(text)
        colon = re.search(r":(?:[ \t]|$)", words)
        if colon and key:
            report(line.number, at + colon.start(), key, "colon_in_value", fix=_fixed(key, words))
            return _Value()
        return _Value(plain=not commented)

    def _quoted(self, line: Line, row: str, at: int, key: str, report) -> _Value:
        quote = row[at]
        end = _quote_end(row, at + 1, quote)
        if end is not None:
            rest = row[end + 1 :].lstrip(" \t")
            if rest.startswith(":") and (len(rest) == 1 or rest[1] in " \t") and not key:  # a quoted key
                line.kind, line.key = "key", row[at + 1 : end]
                after = len(row) - len(rest) + 1
                while after < len(row) and row[after] in " \t":
                    after += 1
                return self._value(line, row, after, line.key, quiet=report is not self.problem)
            if rest and not rest.startswith("#"):
                words = _uncommented(row[at:])[0]
                report(
                    line.number, len(row) - len(rest), key, "text_after_quote", fix=_fixed(key or "-", words, "'" if quote == '"' else '"')
                )
            return _Value()
        # not closed on its line: a quote forgotten, unless the text goes on to a later line
        parent = line.col if line.kind == "key" else (line.dashes[-1] if line.dashes else line.indent)
        following = next((i for i in range(line.number, len(self.rows)) if self.rows[i].strip(" \t")), None)
        closing = self._closing_line(line.number - 1, quote)
        entry = _STARTS_ENTRY.match(self.rows[following]) if following is not None else None
        if closing is None or (entry and len(entry.group(1)) <= parent):
            report(line.number, at, key, "unclosed_quote", quote=quote, fix=_fixed(key or "-", row[at + 1 :].strip() or "…", quote))
            return _Value()
        return _Value(quote_until=closing)

    def _closing_line(self, index: int, quote: str) -> int | None:
        """The index of the first line after `index` where a quoted text opened there closes."""
        if quote not in self._quote_lines:
            self._quote_lines[quote] = [i for i, row in enumerate(self.rows) if quote in row]
        candidates = self._quote_lines[quote]
        for position in range(bisect.bisect_right(candidates, index), len(candidates)):
            if _quote_end(self.rows[candidates[position]], 0, quote) is not None:
                return candidates[position]
        return None


def _zone(row: str) -> tuple[int, int | None]:
    """Where the indentation and list dashes that begin a row end, and the column of a full-width
    space typed among them for a space: before a dash or a key, or right after a dash. Text that
    begins with one (a paragraph's indent: `- 　　第一段`) is left alone."""
    end = len(row) - len(row.lstrip(" \t\u3000"))
    lead = row[:end]
    dash = row.startswith("-", end) and (end + 1 == len(row) or row[end + 1] in " \t\u3000")
    found = lead.index("\u3000") if "\u3000" in lead and (dash or _STARTS_ENTRY.match(row, end)) else None
    while row.startswith("-", end) and (end + 1 == len(row) or row[end + 1] in " \t\u3000"):
        after = end + 1
        if row.startswith("\u3000", after):
            if found is None and end > len(lead):  # `- -　text`: the text begins with a dash
                return end, None
            found = after if found is None else found
        end = after
        while end < len(row) and row[end] in " \t\u3000":
            if row[end] == "\u3000" and found is None:  # `- 　text`: the text begins with it
                return end, None
            end += 1
    return end, found


def _key_end(row: str, pos: int) -> int | None:
    """The column of the colon ending the key that begins at `pos`, if the line has one."""
    first = row[pos]
    if first in "#'\"[]{}&*!|>%@`," or (first in "-?:" and (pos + 1 == len(row) or row[pos + 1] in " \t")):
        return None
    colon = row.find(":", pos)
    while colon != -1:
        if colon + 1 == len(row) or row[colon + 1] in " \t":
            return None if re.search(r"[ \t]#", row[pos:colon]) else colon
        colon = row.find(":", colon + 1)
    return None


def _quote_end(row: str, start: int, quote: str) -> int | None:
    """The column of the quote that ends quoted text going on from `start`, if on this line."""
    i = start
    while i < len(row):
        ch = row[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and row.startswith("'", i + 1):  # '' is a quote inside single quotes
                i += 2
                continue
            return i
        i += 1
    return None


def _flow(row: str, at: int, depth: int, quote: str) -> tuple[int, str, int | None]:
    """Follow a list or table in brackets along a line from column `at`, `depth` brackets and
    `quote` open: the brackets and quote still open at its end, and the column where the last
    bracket closed, if it did."""
    node_start = True  # a quote opens quoted text only where an item begins
    i = at
    while i < len(row):
        ch = row[i]
        if quote:
            if quote == '"' and ch == "\\":
                i += 2
                continue
            if ch == quote:
                if quote == "'" and row.startswith("'", i + 1):
                    i += 2
                    continue
                quote = ""
        elif ch in "\"'" and node_start:
            quote = ch
        elif ch == "#" and (i == 0 or row[i - 1] in " \t"):
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth <= 0:
                return 0, "", i
        if not quote and ch not in " \t":
            node_start = ch in "[{,:"
        i += 1
    return depth, quote, None


def _uncommented(text: str) -> tuple[str, bool]:
    """Unquoted text without its comment (` #` begins one), and whether it had one."""
    comment = re.search(r"[ \t]#", text)
    return (text[: comment.start()].rstrip(" \t"), True) if comment else (text.rstrip(" \t"), False)


def _shorten(text: str) -> str:
    return text if len(text) <= _LONGEST_FIX else text[: _LONGEST_FIX - 1] + "…"


def _fixed(key: str, value: str, quote: str = '"') -> str:
    """`key: "value"`: the person's line with the whole value in quotes, as the fix to type."""
    value = value.strip()
    if len(value) > _LONGEST_FIX:
        value = value[: _LONGEST_FIX - 1] + "…"
    if quote == '"' and '"' in value:
        quote = "'" if "'" not in value else '"'
    if quote == '"':
        value = value.replace("\\", "\\\\").replace('"', '\\"')
    elif "'" in value:
        value = value.replace("'", "''")
    written = f"{quote}{value}{quote}"
    return written if key == "-" else f"{key}: {written}"


def scan(text: str, path: str) -> tuple[list[Line], list[Problem]]:
    """The file's lines as read, and the typing mistakes they show by themselves."""
    scanner = _Scanner(text, path)
    scanner.scan()
    return scanner.lines, scanner.problems


# --- PyYAML's errors, in our words --------------------------------------------------------


def explain(err: yaml.MarkedYAMLError, lines: list[Line], path: str) -> Problem:
    """One problem for a parse error, on the line where the mistake is."""
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context = err.context_mark
    problem, where = err.problem or "", err.context or ""

    def at(number: int, column: int, code: str, key: str = "", **args) -> Problem:
        return Problem(path, number, column, key, code, args)

    def found_at(mark) -> str:
        """The character a mark points at; a line break past a line's end."""
        return lines[mark.line].text[mark.column : mark.column + 1] or "\n" if mark.line < len(lines) else "\n"

    row = lines[line - 1] if 0 < line <= len(lines) else None
    if "tab" in problem or (row is not None and row.text[col - 1 : col] == "\t"):
        return at(line, col, "tab")
    if context and ("anchor" in where or "alias" in where or "tag" in where or "block scalar" in where):
        found = lines[context.line]
        return _reserved(path, found, context.column)
    if "cannot start any token" in problem and row is not None:
        return _reserved(path, row, col - 1)
    if "quoted scalar" in where and "unexpected" in problem and context and found_at(context) in "\"'":
        found = lines[context.line]
        quote = found.text[context.column]
        fix = _fixed(found.key or "-", found.text[context.column + 1 :].strip() or "…", quote)
        return at(context.line + 1, context.column + 1, "unclosed_quote", found.key, quote=quote, fix=fix)
    if "flow" in where and "did not find expected" in problem and context and found_at(context) in "[{":
        opening = lines[context.line].text[context.column]
        close, example = _EXAMPLES.get(opening, ("]", "days: [sat, sun]"))
        return at(
            context.line + 1, context.column + 1, "unclosed_bracket", lines[context.line].key, open=opening, close=close, example=example
        )
    if "could not find expected ':'" in problem and context:
        return _no_colon(path, lines[context.line])
    lining_up = ("mapping values", "expected key", "'-' indicator", "block sequence", "<document start>", "<block end>")
    if row is not None and any(words in problem for words in lining_up):
        misplaced = _misplaced(path, lines, line, continued=row.kind == "inner")
        if misplaced:
            return misplaced
    detail = " ".join(part for part in (where, problem) if part)
    return at(line, col, "syntax", detail=detail)


def _reserved(path: str, line: Line, column: int) -> Problem:
    char = line.text[column] if column < len(line.text) else "?"
    value = line.text[column:]
    fix = _fixed(line.key or "-", _uncommented(value)[0] if char not in "\"'" else value)
    return Problem(path, line.number, column + 1, line.key, "reserved_start", {"char": char, "fix": fix})


def _no_colon(path: str, line: Line) -> Problem:
    content = line.text.strip()
    parts = re.match(r"(?:- +)?([A-Za-z_][\w-]*)[ \t]+(\S.*)", content)
    fix = _shorten(f"{parts.group(1)}: {parts.group(2)}") if parts else "category: vocational-skills"
    return Problem(path, line.number, line.indent + 1, "", "no_colon", {"fix": fix})


@dataclass
class _Level:
    """Keys (`map`) or list items (`seq`) lined up at one column."""

    col: int
    kind: str
    first: Line
    last: Line
    opener: Line | None  # the line above that opened it, if any
    count: int = 1


def _misplaced(path: str, lines: list[Line], upto: int, continued: bool) -> Problem | None:
    """The first key or list item, up to line `upto`, that does not line up with the others;
    `continued`: line `upto` was read as going on with the value begun above it. Where two lines
    disagree, the one off the file's usual step (2 spaces a level) is the one out of place."""
    step = _step(lines)
    if continued:
        line = _entry(lines[upto - 1])
        start = lines[line.start - 1] if line.start else None
        if start is None or start.kind == "inner":
            return None
        if start.kind == "text" and not start.dashes:  # a line of text that should have been `key: value`
            return _no_colon(path, start)
        above = _opener(lines, start)
        first_out_of_line = start.col - above.col != step and line.col - above.col == step if above else False
        if first_out_of_line and line.kind == start.kind == "key" and not start.dashes:  # the first key of its level
            return _indent(path, start, line.col, line)
        return _indent(path, line, start.col if start.kind == "key" else start.dashes[-1], start)
    seen: dict[tuple[str, int], int] = {}
    for line in lines:
        if line.kind == "key":
            seen[line.key, line.col] = seen.get((line.key, line.col), 0) + 1
    levels: list[_Level] = []
    opener: Line | None = None  # the line before, if it opened a level
    left_empty: Line | None = None  # the line before, if it sat at the column of an opener just above it
    text_value: Line | None = None  # the line before, if a line of text given as a key's value
    closed: dict[int, tuple[Line, _Level]] = {}  # a column whose level a line ended by sitting further left
    comment = 0  # the number of the last comment line: a key commented out leaves its keys in the air
    for line in lines[:upto]:
        if line.kind == "comment":
            comment = line.number
        if line.kind == "text":
            if opener is None or line.indent <= opener.col:  # neither `key: value` nor a key's value
                return _no_colon(path, line)
            opener, text_value = None, line
            continue
        if line.kind not in ("key", "item"):
            continue
        own = [(col, "seq") for col in line.dashes] + ([(line.col, "map")] if line.kind == "key" else [])
        col, kind = own[0]
        child = opener is not None and (col > opener.col or (col == opener.col and kind == "seq" and opener.kind == "key"))
        if child:
            levels.append(_Level(col, kind, line, line, opener))
        elif not levels:
            if col != 0:  # the first key of the file is indented; the others are not
                like = next((other for other in lines if other.kind == "key" and other.col == 0 and not other.dashes), None)
                return _indent(path, line, 0, like) if like else None
            levels.append(_Level(col, kind, line, line, None))
        else:
            popped = []
            while levels and levels[-1].col > col:
                popped.append(levels.pop())
            if levels and levels[-1].col == col and levels[-1].kind == kind:
                levels[-1].last = line
                levels[-1].count += 1
                for level in popped:
                    closed[level.col] = (line, level)
            else:
                if text_value is not None and col == text_value.indent:  # the text was meant as a key too
                    return _no_colon(path, text_value)
                for inner in popped[-1:] + levels[-1:]:  # the first key under its opener, off the usual step
                    opened = inner.opener.col if inner.opener else None
                    if inner.count == 1 and opened is not None and inner.kind == kind and col - opened == step != inner.col - opened:
                        return _indent(path, inner.first, col, line)
                if (
                    col in closed
                    and levels
                    and levels[-1].last is closed[col][0]
                    and closed[col][1].kind == kind
                    and comment < closed[col][0].number
                ):
                    return _indent(path, closed[col][0], col, closed[col][1].last)  # the line that left this column
                if left_empty is not None and col > left_empty.col and col - left_empty.col == step:  # belongs under the key above
                    return _indent(path, left_empty, col, line)
                near = levels[-1:] + popped[-1:]  # the levels either side; on a tie, the outer one
                near = [level for level in near if level.kind == kind] or near
                seen[line.key, line.col] = seen.get((line.key, line.col), 0) - 1  # not counting this line
                best = min(near, key=lambda level: (seen.get((line.key, level.col), 0) <= 0, abs(level.col - col)))
                return _indent(path, line, best.col, best.last)
        for c, k in own[1:]:
            levels.append(_Level(c, k, line, line, None))
        for c, _ in own:
            closed.pop(c, None)
        left_empty = line if opener is not None and not child and line.kind == "key" and not line.opens else None
        opener = line if line.opens else None
        text_value = None
    return None


def _step(lines: list[Line]) -> int:
    """How many spaces deeper a key's keys usually are in this file (2 unless it says otherwise)."""
    steps: dict[int, int] = {}
    previous: Line | None = None
    for line in lines:
        if line.kind in ("key", "item"):
            first = line.dashes[0] if line.dashes else line.col
            if previous is not None and previous.opens and previous.kind == "key" and first > previous.col:
                steps[first - previous.col] = steps.get(first - previous.col, 0) + 1
            previous = line
    return max(steps, key=lambda step: (steps[step], step == 2)) if steps else 2


def _entry(line: Line) -> Line:
    """A line read as part of a value above it, read again as the key or item it looks like."""
    found = re.match(r"( *)((?:- +)*)(?:([^\s#:][^:]*?):(?:[ \t]|$))?", line.text)
    assert found  # matches every line
    dashes = [len(found.group(1)) + i for i, ch in enumerate(found.group(2)) if ch == "-"]
    key = found.group(3) or ""
    kind = "key" if key else ("item" if dashes else "text")
    return Line(line.number, line.text, line.indent, kind, found.end(2), dashes, key, start=line.start)


def _opener(lines: list[Line], line: Line) -> Line | None:
    """The key or item right above `line` that opened the level it begins, if it begins one."""
    for above in reversed(lines[: line.number - 1]):
        if above.kind in ("blank", "comment"):
            continue
        return above if above.opens else None
    return None


def _indent(path: str, line: Line, expected: int, like: Line) -> Problem:
    found = line.dashes[0] if line.dashes else line.col
    name = like.key if like.kind == "key" and like.col == expected else "-"
    args = {"found": found, "expected": expected, "line": like.number, "name": name}
    return Problem(path, line.number, found + 1, line.key, "indent", args)
