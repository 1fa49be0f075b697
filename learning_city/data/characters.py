"""Characters that make text show something other than what it holds.

Bidirectional controls reorder what a reader sees ("Trojan Source"), zero-width and other format
characters hide inside names and ids, control characters break tools. The catalogue refuses them
all, and every message that echoes a value shows them as escapes instead of passing them on.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable

# Control and format characters sit in the basic and supplementary planes and in plane 14 (tags);
# the other planes hold none, so they are not walked (a walk of all 1.1 million takes 0.3 s).
_PLANES_WITH_HIDDEN = [*range(0x20000), *range(0xE0000, 0xE1000)]
# Letters that show as nothing (Hangul fillers): invisible like format characters, so treated as them.
_INVISIBLE_LETTERS = "\u115f\u1160\u3164\uffa0"


@functools.cache
def _hidden() -> frozenset[str]:
    """Characters a reader cannot see or that change what others show: control characters (but tab
    and line ends), format characters (bidirectional controls, zero-width spaces, soft hyphen),
    line and paragraph separators. Taken from the Unicode database, not typed by hand."""
    return frozenset(chr(code) for code in _PLANES_WITH_HIDDEN if _is_hidden(chr(code)))


def _ranges(codes: Iterable[int]) -> tuple[tuple[int, int], ...]:
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return tuple((a, b) for a, b in ranges)


@functools.cache
def hidden_ranges() -> tuple[tuple[int, int], ...]:
    """The hidden characters (`_hidden`) as ranges of code points: the web editor's check uses them too."""
    return _ranges(map(ord, _hidden()))


# A zero-width joiner between two pictures joins them into one (👩‍🏫, a teacher, as phones type it):
# shown, so not hidden there. A picture is a symbol (So); before the joiner, also with its skin tone
# or its emoji form (U+FE0F) after it.
ZWJ = 0x200D
_SKIN_TONES = range(0x1F3FB, 0x1F400)


@functools.cache
def emoji_ranges() -> tuple[tuple[int, int], ...]:
    """The symbols a joiner may join (category So), as ranges of code points."""
    return _ranges(code for code in range(0x20000) if unicodedata.category(chr(code)) == "So")


def hidden_pattern(ranges: Callable[[Iterable[tuple[int, int]]], str]) -> str:
    """The hidden characters, but a joiner inside an emoji, as a regular expression of `ranges`'s
    character classes (Python's here, JavaScript's for the web editor: the same rule)."""
    before = ranges([*emoji_ranges(), (0xFE0F, 0xFE0F), (_SKIN_TONES.start, _SKIN_TONES.stop - 1)])
    return f"(?!(?<={before}){ranges([(ZWJ, ZWJ)])}(?={ranges(emoji_ranges())})){ranges(hidden_ranges())}"


@functools.cache
def hidden_characters() -> re.Pattern:
    """The hidden characters as a regular expression, to find where they stand."""
    # as ranges, which the regular expression engine tests far faster than a list of characters
    return re.compile(hidden_pattern(lambda ranges: "[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges) + "]"))


def has_hidden(text: str) -> bool:
    """Whether text holds any hidden character: a set test, about twice as fast as the
    expression over a whole file, which is then run only to place them."""
    return not _hidden().isdisjoint(text)


def _is_hidden(ch: str) -> bool:
    category = unicodedata.category(ch)
    return (category == "Cc" and ch not in "\t\n\r") or category in ("Cf", "Zl", "Zp") or ch in _INVISIBLE_LETTERS


def character_name(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how a problem names a character nobody can see."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL CHARACTER')}"


def visible(text: str) -> str:
    """Text on one line with every hidden character and line break written as an escape
    ('\\u202e', '\\n'): safe to print in a log that people and tools read line by line."""
    return _unsafe_to_print().sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


@functools.cache
def _unsafe_to_print() -> re.Pattern:
    return re.compile(f"{hidden_characters().pattern[:-1]}\t\n\r]")
