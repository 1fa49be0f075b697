"""The English says what the Chinese says, in one vocabulary: the glossary holds every file to it."""

from __future__ import annotations

import re

import pytest
from conftest import CATALOGUE, TEMPLATES

from learning_city.data.glossary import Pair, check, check_banned, occurrences, pairs, record_texts
from learning_city.data.loader import load
from learning_city.data.model import GlossaryTerm
from learning_city.i18n import strings as _strings
from learning_city.i18n import t


@pytest.fixture(scope="module")
def catalogue():
    found, problems = load(CATALOGUE)
    assert found is not None, problems
    return found


def ui() -> dict:
    return {key: dict(texts) for key, texts in _strings().items()}


# The obligation verbs and every term of issue 12's review table must have a fixed rendering.
REQUIRED = [
    "应",
    "要",
    "鼓励",
    "支持",
    "促进",
    "推进",
    "文明办",
    "编委办",
    "保障措施",
    "社会团体",
    "社会组织",
    "增挂",
    "全民终身学习活动周",
    "本地户籍新增劳动力",
    "镇（街道）",
    "县（市、区）",
    "为龙头",
    "为主体",
    "科技馆",
    "职工",
    "学历教育",
    "非学历教育",
    "普通教育学校",
    "国家级示范区",
    "每年要求有",
    "社会第三方",
    "全面覆盖",
    "先进典型",
    "嘉教职成〔2017〕95号",
    "市民素质",
    "文化素质",
    "格局",
    "社会力量",
    "主旋律",
    "新局面",
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
    assert {
        "policy",
        "targets.yml",
        "leading-group.yml",
        "ui.yml",
        "providers/jiaxing-city-university.yml",
        "venues/jiaxing-science-museum.yml",
    } <= where
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
    (
        "3.4",
        "encourage and support industries and enterprises in playing the main role in employee education and training, in incorporating",
        ", incorporate employee education",
    ),
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


# --- issue 22: the second review, held on the built English pages ------------------------

REVIEW_22 = [  # (page, what the built English page says, what it said before the review;
    # for "Jiaxing City University", what a blanket "the" would make of the one proper name)
    ("policy/", "all industries shall implement the system of on-the-job", "in every industry, implement"),
    (
        "policy/",
        "namely the Publicity Department of the Municipal Party Committee, the Office of the Municipal",
        "namely Publicity Department",
    ),
    ("policy/", "the Municipal Education Bureau, the Municipal Civil Affairs Bureau", ", Municipal Education Bureau,"),
    ("policy/", "and Jiaxing City University,", "and the Jiaxing City University"),
    ("targets/", "22 member departments (units)", "22 departments"),
    ("targets/", "Jiaxing Lifelong Learning for All Activity Week, work summary (sample)", "嘉兴市全民终身学习活动周工作总结"),
    ("network/", "Tier 1: Jiaxing City University", "Tier 1: city university"),
    ("network/", "community schools (teaching points)", "community schools and teaching points"),
    ("courses/", "Vocational skills", "Work skills"),
]

REVIEW_1206 = [  # (page, what the built English page says, what it said before the review of 2026-12-06)
    ("recognitions/", "1 title", "title(s)"),
    ("teams/", "Nanhu District 2 teams", "team(s)"),
    (
        "providers/jiaxing-city-university/",
        "Below it in the community education network Tier 2: community education colleges",
        "Its schools and teaching points",
    ),
    ("venues/jiaxing-library/", "Sunday 29 November 2026: 09:00", "29 November 2026 Sunday"),
    ("targets/", "% (of 23 adult schools)", "(of 23)"),
    ("targets/", "% (of 72 towns (subdistricts))", "(of 72)"),
    ("targets/", "of 9 secondary vocational schools meet it", "of 9 meet it"),
    ("providers/haining-community-college/", "For everyone, employees", "Everyone, Employees"),
]


def page_text(site, path: str) -> str:
    """A built English page as read: tags dropped, entities decoded, spaces joined."""
    import html
    import re

    raw = (site / "en" / path / "index.html").read_text(encoding="utf-8")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split()).replace(" ,", ",")


@pytest.mark.parametrize("path, now, before", REVIEW_22 + REVIEW_1206)
def test_the_second_review_holds_on_the_built_english_pages(site, path, now, before):
    text = page_text(site, path)
    assert now in text and before not in text


def test_no_built_page_says_at_least_100_percent(site, catalogue):
    from learning_city.data.model import Unit

    hundred = [t for t in catalogue.targets if t.unit is Unit.percent and t.value == 100]
    assert len(hundred) == 2
    for lang, root, wrong in (("en", site / "en", "at least 100%"), ("zh", site, "不少于 100%")):
        html = (root / "targets" / "index.html").read_text(encoding="utf-8")
        assert wrong not in html, lang
        for target in hundred:
            row = html.split(f'id="target-{target.id}"')[1].split("</tr>")[0]
            assert '<span class="lc-target-value">100%</span>' in row, (lang, target.id)
        assert "at least 50%" in html or "不少于 50%" in html  # control: a target below 100% keeps its comparator


def test_control_the_second_reviews_old_wordings_fail_the_glossary(catalogue):
    old = [
        Pair(
            "policy 3.4",
            "各行业落实员工在岗转岗培训制度",
            "in every industry, implement the system of on-the-job training for all industries",
        ),
        Pair("ui.yml category.vocational-skills", "职业技能", "Work skills"),
        Pair("ui.yml tier.4", "第四级：社区学校（教学点）", "Tier 4: community schools and teaching points"),
        Pair("ui.yml unit.departments", "个成员部门（单位）", "departments"),
        Pair("ui.yml tier.1", "第一级：嘉兴城市大学", "Tier 1: city university"),
        Pair("statistics.yml", "嘉兴市全民终身学习活动周工作总结（示例）", "Jiaxing learning week summary"),
    ]
    for pair in old:
        assert check(catalogue.glossary, [pair]), pair.where
    fixed = [
        Pair("policy 3.4", "各行业落实员工在岗转岗培训制度", "all industries shall implement the system of on-the-job training"),
        Pair("ui.yml category.vocational-skills", "职业技能", "Vocational skills"),
        Pair("ui.yml tier.4", "第四级：社区学校（教学点）", "Tier 4: community schools (teaching points)"),
        Pair("ui.yml unit.departments", "个成员部门（单位）", "member departments (units)"),
        Pair("ui.yml tier.1", "第一级：嘉兴城市大学", "Tier 1: Jiaxing City University"),
        Pair(
            "statistics.yml",
            "嘉兴市全民终身学习活动周工作总结（示例）",
            "Jiaxing Lifelong Learning for All Activity Week, work summary (sample)",
        ),
    ]
    assert check(catalogue.glossary, fixed) == []


def test_every_reported_figure_names_its_source_in_english(catalogue):
    """A source without English would show the Chinese, marked, on the English targets page."""
    from learning_city.site import pages

    assert all(s.source.en for s in catalogue.statistics)
    assert 'lang="zh"' not in pages.targets(catalogue, "en", "../", templates=TEMPLATES).split("lc-targets-table")[1].split("</table>")[0]
    # control: the learning week's source as it was, without English
    week = next(s for s in catalogue.statistics if s.target == "lifelong-learning-week")
    bare = [s.model_copy(update={"source": s.source.model_copy(update={"en": None})}) if s is week else s for s in catalogue.statistics]
    import dataclasses

    table = pages.targets(dataclasses.replace(catalogue, statistics=bare), "en", "../", templates=TEMPLATES)
    assert 'lang="zh"' in table.split("lc-targets-table")[1].split("</table>")[0]


def test_member_names_in_running_english_take_the_article(catalogue):
    """The policy's list of members: "the Municipal Education Bureau", but "Jiaxing City University"."""
    import dataclasses
    import html

    from learning_city.site import pages

    def unarticled(group) -> list[str]:
        text = html.unescape(pages.policy(dataclasses.replace(catalogue, leading_group=group), "en", "../", templates=TEMPLATES))
        return [m.id for m in group.members if m.name.en in text and f"the {m.name.en}" not in text]

    members = catalogue.leading_group.members
    assert [m.id for m in members if not m.article] == ["city-university"]
    assert unarticled(catalogue.leading_group) == ["city-university"]
    # control: the list as it was, every name bare
    bare = catalogue.leading_group.model_copy(update={"members": [m.model_copy(update={"article": False}) for m in members]})
    assert len(unarticled(bare)) == len(members)


# --- the review of 2026-12-06: counts in words, and wording an English reader stumbles on ----------


def plural_problems(strings: dict) -> list[str]:
    """English that leaves the number to the reader ("1 title(s)"), and counted strings without a
    form for any number (`key.1` needs `key.n`: i18n.counted falls back to it)."""
    problems = [f"{key}: “(s)”" for key, texts in strings.items() if "(s)" in texts["en"]]
    singular = [key for key, texts in strings.items() if key.endswith(".1") and "{count}" in texts["en"]]  # not tier.1
    problems += [f"{key}: no {key[:-2]}.n" for key in singular if f"{key[:-2]}.n" not in strings]
    return problems


def test_counts_take_the_form_for_their_number(catalogue):
    from learning_city import i18n
    from learning_city.site import recognitions, teams

    assert plural_problems(ui()) == []
    assert [i18n.counted("recognitions.count", n, "en") for n in (1, 3)] == ["1 title", "3 titles"]
    assert [i18n.counted("teams.count", n, "en") for n in (0, 1, 2)] == ["0 teams", "1 team", "2 teams"]
    assert i18n.counted("teams.count", 1, "zh") == "1 个团队" and i18n.times(2, "en") == "twice"
    page = recognitions.page(catalogue, "en", "../", templates=TEMPLATES)
    assert "(s)" not in page and "1 title<" in page and re.search(r"[2-9] titles<", page)
    index = teams.teams_index(catalogue, "en", "../", templates=TEMPLATES)
    assert "(s)" not in index and re.search(r"\b2 teams<", index)


def test_control_the_old_counted_strings_fail():
    strings = ui()
    strings["recognitions.count"] = {"zh": "{count} 项", "en": "{count} title(s)"}
    strings["teams.count"] = {"zh": "{count} 个团队", "en": "{count} team(s)"}
    del strings["label.courses_in.n"]
    assert plural_problems(strings) == ["recognitions.count: “(s)”", "teams.count: “(s)”", "label.courses_in.1: no label.courses_in.n"]


def test_the_chinese_targets_page_says_of_what_too(site):
    import html as entities

    raw = entities.unescape((site / "targets" / "index.html").read_text(encoding="utf-8"))
    assert "（共 23 所成人学校）" in raw and "（共 72 个镇（街道））" in raw and "9 所中职学校中" in raw
    assert "（共 23）" not in raw and "（共 72）" not in raw


def test_every_figure_with_a_whole_names_it_in_both_languages(catalogue):
    """Each metric's whole (a kind of provider, the towns) has its words: a new metric needs them too."""
    from learning_city import i18n
    from learning_city.data.figures import figure

    wholes = {(f.of, f.total) for f in (figure(catalogue, t) for t in catalogue.targets) if f.total is not None}
    assert {of for of, _ in wholes} == {"adult-school", "vocational-school", "towns"}
    for of, total in wholes:
        for lang in ("zh", "en"):
            assert str(total) in i18n.counted(f"whole.{of}", total, lang)
    assert i18n.counted("whole.towns", 1, "en") == "1 town (subdistrict)"  # control: the form for one


def children_misheaded(html: str, catalogue) -> list[str]:
    """On a provider page, the providers listed below it under a heading that is not their tier's."""
    from bs4 import BeautifulSoup

    from learning_city.i18n import t

    soup = BeautifulSoup(html, "html.parser")
    wrong = []
    for link in soup.select('#children ~ ul a[href*="providers/"]'):
        child = catalogue.providers[link["href"].rstrip("/").rsplit("/", 1)[1]]
        heading = link.find_parent("ul").find_previous_sibling(["h2", "h3"])
        if heading.get_text() != t(f"tier.{child.tier or 'none'}", "en"):
            wrong.append(child.id)
    return wrong


def test_a_providers_children_are_headed_by_their_tier(site, catalogue):
    parents = [p for p in catalogue.providers.values() if catalogue.children.get(p.id)]
    assert len(parents) > 20 and {p.tier for p in parents} == {1, 2, 3}
    for parent in parents:
        html = (site / "en" / "providers" / parent.id / "index.html").read_text(encoding="utf-8")
        assert children_misheaded(html, catalogue) == [], parent.id
    # control: the old page, one list under one heading, misheads all seven colleges
    html = (site / "en" / "providers" / "jiaxing-city-university" / "index.html").read_text(encoding="utf-8")
    import re as regex

    old = regex.sub(r"<h3>Tier 2[^<]*</h3>", "", html)
    assert len(children_misheaded(old, catalogue)) == 7


def test_audiences_in_a_running_list_are_lower_case(catalogue):
    from learning_city.site import text

    course = next(c for c in catalogue.providers["haining-community-college"].courses if c.id == "leather-craft")
    assert text.audience_text(course, "en") == "everyone, employees"
    assert text.audience_text(course, "zh") == "所有人、职工"
    # control: the labels as they stand alone (the finder's menu) are capitalised
    assert ", ".join(t(f"audience.{a.value}", "en") for a in course.audience) == "Everyone, Employees"
