"""Text a spreadsheet would take for a formula: one rule, for the CSV files and the spreadsheet import.

Excel, LibreOffice and WPS read a cell that begins with = + - or @ as a formula, and so
`=HYPERLINK("http://…","点我")` becomes a link and `=cmd|' /C calc'!A0` asks to run a program
(OWASP, "CSV Injection"); a leading tab, carriage return or line feed, or spaces, only hide the
sign from a reader. Chinese input methods type the full-width forms ＝ ＋ － ＠, which some
spreadsheets convert. A number as people write it (-5, +86 573 8222 1234, 0573-8222 1234 转 8)
is exempt: digits, spaces, brackets, dots, commas and dashes after a sign can compute no more than
a number, never call a function, open a link or run a program, and a phone number must stay a
phone number. The import refuses text that looks like a formula; the CSV files put a ' before it,
which spreadsheets read as "this is text" and programs can drop.
"""

from __future__ import annotations

import re

# The characters that start a formula in a spreadsheet, ASCII and full-width (an input method's).
FORMULA_START = "=+-@\t\r\n＝＋－＠"
# Spaces before the sign: a reader does not see them, some spreadsheets trim them.
_LEADING_SPACE = " \u3000\u00a0"
# A number as people write it: a sign, digits, spaces, brackets, dots, commas, dashes, an extension after 转.
_NUMBER = re.compile(r"[+-]?[0-9][0-9 (),.-]*(?: ?转 ?[0-9]+)?")
TEXT_MARK = "'"  # what a spreadsheet reads as "the rest is text"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read the text as a formula that could do more than be a number."""
    start = text.lstrip(_LEADING_SPACE)
    return bool(start) and start[0] in FORMULA_START and not _NUMBER.fullmatch(start)


def as_text(text: str) -> str:
    """The text as a CSV cell a spreadsheet shows as text: a ' before what looks like a formula."""
    return TEXT_MARK + text if looks_like_formula(text) else text
