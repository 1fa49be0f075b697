"""Number tokens in the policy prose, in process: how text splits, and what each token becomes.

The policy's numbers are references to targets (learning_city/data/tokens.py); the page fills them
(site/pages.py _Prose). These tests need no build: they call both on the repository's catalogue.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from conftest import TEMPLATES
from markupsafe import Markup

from learning_city import i18n
from learning_city.data.loader import load
from learning_city.data.model import Text
from learning_city.data.tokens import Token, iter_tokens, split
from learning_city.site.pages import _Prose

CATALOGUE = Path(__file__).resolve().parent.parent / "catalogue"


@pytest.fixture(scope="module")
def catalogue():
    loaded, problems = load(CATALOGUE)
    assert problems == []
    return loaded


SPLITS = {
    "plain text": ("没有数字", ["没有数字"]),
    "a value": ("开设{target:a-b}门", ["开设", ("target", "a-b", None), "门"]),
    "a styled value, then a deadline": (
        "每年{target:x:hanzi}次，{deadline:x}年",
        ["每年", ("target", "x", "hanzi"), "次，", ("deadline", "x", None), "年"],
    ),
    "members alone": ("{members}", [("members", None, None)]),
    "two tokens touching": ("{target:a}{target:b:times}", [("target", "a", None), ("target", "b", "times")]),
    # not our syntax: left as text, never a token (nor a template)
    "unknown kind": ("{goal:a} {{ target }} {target:A}", ["{goal:a} {{ target }} {target:A}"]),
    "unknown style": ("{target:a:roman}", ["{target:a:roman}"]),
}


@pytest.mark.parametrize("name", SPLITS)
def test_split(name):
    text, expected = SPLITS[name]
    pieces = [p if isinstance(p, str) else (p.kind, p.target, p.style) for p in split(text)]
    assert pieces == expected
    # nothing is lost: the pieces put back together are the text
    assert "".join(p if isinstance(p, str) else p.source for p in split(text)) == text


def test_token_positions_cover_their_source():
    text = "到{deadline:new-labour-education-years}年达到{target:new-labour-education-years}年"
    for token in iter_tokens(text):
        assert isinstance(token, Token) and text[token.start : token.end] == token.source


def prose(catalogue, lang):
    return _Prose(catalogue, lang, "../", TEMPLATES)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_kind_of_token_is_filled_from_its_target(catalogue, lang):
    target = catalogue.target_index["vocational-community-courses"]
    text = Text(
        zh="{deadline:vocational-community-courses}年开设{target:vocational-community-courses}门",
        en="By {deadline:vocational-community-courses}, {target:vocational-community-courses} courses",
    )
    html = str(prose(catalogue, lang)(text))
    assert str(target.deadline.year) in html and i18n.value(target, lang) in html
    assert "{target:" not in html and "{deadline:" not in html
    # each number links to its row in the targets table
    assert html.count('href="../targets/#target-vocational-community-courses"') == 2


def test_styles_change_how_the_number_is_written(catalogue):
    target_id = next(t.id for t in catalogue.targets if t.value == int(t.value) and 0 < t.value < 100)
    value = catalogue.target_index[target_id].value
    hanzi = str(prose(catalogue, "zh")(Text(zh=f"{{target:{target_id}:hanzi}}")))
    times = str(prose(catalogue, "en")(Text(zh="x", en=f"{{target:{target_id}:times}}")))
    assert i18n.hanzi(value) in hanzi and i18n.times(value, "en") in times
    assert i18n.hanzi(value) != i18n.value(catalogue.target_index[target_id], "zh")  # the styles differ


def test_members_are_listed_in_each_language(catalogue):
    names = [m.name for m in catalogue.leading_group.members]
    zh = str(prose(catalogue, "zh")(Text(zh="由{members}组成")))
    en = str(prose(catalogue, "en")(Text(zh="x", en="made up of {members}")))
    assert all(n.zh in zh for n in names) and "和" in zh
    assert " and " in en and all(escape(n.en or n.zh) in en for n in names)


def test_the_words_around_a_token_are_escaped(catalogue):
    html = prose(catalogue, "zh")(Text(zh="<b>&{target:vocational-community-courses}</b>"))
    assert isinstance(html, Markup)
    assert str(html).startswith("&lt;b&gt;&amp;<") and str(html).endswith("&lt;/b&gt;")
