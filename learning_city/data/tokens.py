"""Tokens in the policy prose: where a number of the policy is a reference to its target.

`{target:ID}` is the target's value ("10", "60%", "1.5%-2.5%"), `{target:ID:hanzi}` the
value as a Chinese numeral (每年一次), `{target:ID:times}` a frequency in words ("once" a
year), `{deadline:ID}` the deadline's year (only targets with a deadline have one) and
`{members}` the leading group's member departments. Tokens are our own syntax, never a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

TOKEN = re.compile(r"\{(?:(target|deadline):([a-z0-9-]+)(?::(hanzi|times))?|(members))\}")


@dataclass(frozen=True)
class Token:
    kind: str  # "target", "deadline" or "members"
    target: str | None
    style: str | None  # "hanzi", "times" or None
    source: str
    start: int
    end: int


def iter_tokens(text: str) -> Iterator[Token]:
    for match in TOKEN.finditer(text):
        kind = match.group(1) or "members"
        yield Token(kind, match.group(2), match.group(3), match.group(0), match.start(), match.end())


def split(text: str) -> Iterator[str | Token]:
    """Text pieces and tokens in order, so a renderer can escape the one and fill the other."""
    position = 0
    for token in iter_tokens(text):
        if token.start > position:
            yield text[position : token.start]
        yield token
        position = token.end
    if position < len(text):
        yield text[position:]
