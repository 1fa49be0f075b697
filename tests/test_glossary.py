"""The English says what the Chinese says, in one vocabulary: the glossary holds every file to it."""

from __future__ import annotations

import pytest
from conftest import CATALOGUE

from learning_city.data.glossary import Pair, check, check_banned, occurrences, pairs, record_texts
from learning_city.data.loader import load
from learning_city.data.model import GlossaryTerm
from learning_city.site.i18n import strings as _strings


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(CATALOGUE)
    assert found is not None, problems
    return found


def ui() -> dict:
    return {key: dict(texts) for key, texts in _strings().items()}


# The obligation verbs and every term of issue 12's review table must have a fixed rendering.
REQUIRED = [
    "应", "要", "鼓励", "支持", "促进", "推进",
    "文明办", "编委办", "保障措施", "社会团体", "社会组织", "增挂", "全民终身学习活动周", "本地户籍新增劳动力",
    "镇（街道）", "县（市、区）", "为龙头", "为主体", "科技馆", "职工", "学历教育", "非学历教育", "普通教育学校",
    "国家级示范区", "每年要求有", "社会第三方", "全面覆盖", "先进典型", "嘉教职成〔2017〕95号",
    "市民素质", "文化素质", "格局", "社会力量", "主旋律", "新局面",
]


def test_the_glossary_has_every_term_of_the_review_once(catalogue):
    terms = [term.zh for term in catalogue.glossary]
    assert len(terms) == len(set(terms)), "a term is in the glossary twice"
    assert [zh for zh in REQUIRED if zh not in terms] == []
    verbs = {term.zh: term for term in catalogue.glossary}
    assert (verbs["应"].en, verbs["要"].en, verbs["鼓励"].en, verbs["支持"].en) == ("shall", "shall", "encourage", "support")
    assert (verbs["促进"].en, verbs["推进"].en) == ("promote", "advance")


def test_every_glossary_term_is_used_somewhere(catalogue):
    texts = [pair.zh for pair in pairs(catalogue, ui())]
    unused = [term.zh for term in catalogue.glossary if not any(occurrences(term, zh) for zh in texts)]
    assert unused == []


def test_the_english_follows_the_glossary_in_every_file(catalogue):
    """Policy, targets, leading group, interface strings and record names: one rendering per term."""
    checked = list(pairs(catalogue, ui()))
    where = {pair.where.split(" ")[0] for pair in checked}
    assert {"policy", "targets.yml", "leading-group.yml", "ui.yml", "providers/jiaxing-city-university.yml", "venues/jiaxing-science-museum.yml"} <= where
    assert len(checked) > 400  # every policy paragraph, every interface string, every record name
    assert check(catalogue.glossary, checked) == []


def test_no_banned_rendering_anywhere_in_the_records_english(catalogue):
    """Descriptions, course titles and places too: every English text of every provider and venue."""
    texts = list(record_texts(catalogue))
    assert len(texts) > 2000
    assert any(where.endswith(" place") for where, _ in texts) and any(" description" in where for where, _ in texts)
    assert check_banned(catalogue.glossary, texts) == []


# --- controls: the check fails on planted mistranslations -------------------------------


def test_control_a_banned_rendering_in_a_records_prose_fails(catalogue):
    texts = [("providers/x.yml description", "Guides town and street schools; meets at the Science Museum.")]
    found = check_banned(catalogue.glossary, texts)
    assert [f.split("“")[1].split("”")[0] for f in found] == ["town and street", "Science Museum"], found
    # a verb of obligation is no mistranslation in a course description, and a textile pattern is a pattern
    assert check_banned(catalogue.glossary, [("providers/x.yml courses[0].description", "You must bring a pattern.")]) == []


def test_control_a_banned_rendering_fails(catalogue):
    problems = check(catalogue.glossary, [Pair("planted", "四、保障措施", "IV. Safeguard Measures")])
    assert any("“Safeguard Measures” is a banned rendering of 保障措施" in p for p in problems), problems
    assert any("保障措施 occurs 1×" in p for p in problems), problems
    assert check(catalogue.glossary, [Pair("fixed", "四、保障措施", "IV. Supporting Measures")]) == []


def test_control_a_weakened_obligation_fails(catalogue):
    zh = "各县（市、区）应参照市级机构成立本地区创建学习型县（市、区）领导小组。"
    good = "Each county (county-level city or district) shall, on the model of the municipal body, set up a local leading group for creating a learning county (county-level city or district)."
    assert check(catalogue.glossary, [Pair("fixed", zh, good)]) == []
    problems = check(catalogue.glossary, [Pair("planted", zh, good.replace("shall", "should"))])
    assert problems and "“should” is a banned rendering of 应" in problems[0]


def test_control_each_occurrence_needs_its_rendering(catalogue):
    """Two 推进 need two "advance": "promote" for one, or the adjective "advanced", does not count."""
    zh = "推进学习资源的社会化，深入推进图书馆免费开放。"
    good = "Advance the opening of learning resources to society, and further advance the free opening of libraries."
    assert check(catalogue.glossary, [Pair("fixed", zh, good)]) == []
    for wrong in (good.replace("further advance", "further promote"), good.replace("further advance", "advanced")):
        problems = check(catalogue.glossary, [Pair("planted", zh, wrong)])
        assert problems == ["planted: 推进 occurs 2× in the Chinese, “advance” 1× in the English"]


def test_a_longer_word_that_contains_a_term_is_not_the_term():
    term = GlossaryTerm(zh="学历教育", en="qualification-bearing education", not_in=["非学历教育"], note="n")
    assert occurrences(term, "学历教育与非学历教育之间") == 1
    verb = GlossaryTerm(zh="应", en="shall", not_in=["适应", "应对"], imperative=True, note="n")
    assert occurrences(verb, "是应对挑战、适应全球化的选择") == 0


def test_control_a_planted_mistranslation_in_the_catalogue_fails(catalogue_copy):
    """The same data path as the real check: a catalogue copy with three mistranslations put back."""
    policy = catalogue_copy / "policy.yml"
    text = policy.read_text(encoding="utf-8")
    assert "en: IV. Supporting Measures" in text
    policy.write_text(text.replace("en: IV. Supporting Measures", "en: IV. Safeguard Measures"), encoding="utf-8")
    venue = catalogue_copy / "venues" / "jiaxing-science-museum.yml"
    text = venue.read_text(encoding="utf-8")
    assert "en: Jiaxing Science and Technology Museum" in text
    venue.write_text(text.replace("en: Jiaxing Science and Technology Museum", "en: Jiaxing Science Museum"), encoding="utf-8")
    copy, problems = load(catalogue_copy)
    assert copy is not None, problems
    strings = ui()
    strings["label.town"]["en"] = "Town or street"
    found = check(copy.glossary, pairs(copy, strings))
    assert any(p.startswith("policy 4 heading: “Safeguard Measures”") for p in found), found
    assert any(p.startswith("venues/jiaxing-science-museum.yml name: “Science Museum”") for p in found), found
    assert any(p.startswith("ui.yml label.town: “Town or street”") for p in found), found
    assert len(found) == 7, found  # each: the banned word, and the rendering missing (twice for 镇（街道） and 街道)


# --- the review's rows that no single term can check ------------------------------------

ROWS = [  # (section, what the English now says, what it said)
    ("4.1", "shall, on the model of the municipal body, set up", "should, with reference to"),
    ("3.3", "the requirement being that each year at least", "required to receive"),
    ("3.2", "promote the opening of general-education schools", "encourage ordinary schools"),
    ("3.4", "encourage and support industries and enterprises in playing the main role in employee education and training, in incorporating", ", incorporate employee education"),
    ("3.3", "the city will have gained designation for", "the city will create"),
    ("3.5", "Have the City University also operate under the name of the “Open University for Older People”", "plaque"),
    ("4.5", "Lifelong Learning for All Activity Week, held {target:lifelong-learning-week:times} a year", "held once a year"),
    ("3.1", "learning from and publicising exemplars", "advanced role models"),
]


def _sections(sections):
    for section in sections:
        yield section
        yield from _sections(section.sections)


@pytest.mark.parametrize("section_id, now, before", ROWS)
def test_the_reviewed_sentences_say_what_the_chinese_says(catalogue, section_id, now, before):
    section = next(s for s in _sections(catalogue.policy.sections) if s.id == section_id)
    english = " ".join(p.en for p in section.paragraphs)
    assert now in english and before not in english
