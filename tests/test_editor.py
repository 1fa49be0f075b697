"""The web editor at /admin/ (Decap CMS), used as school staff would: in Chromium, saving through
decap-server in git mode to a scratch clone whose default branch is main (see scripts/edit.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, box, choose, cms_branches, field, git, open_record, serving, visible

from learning_city.tools import local_editor as edit

PROVIDER = "nanhu-daqiao-adult-school"
BRANCH = f"cms/providers/{PROVIDER}"
NEW_TITLE = "育婴员培训（周六上午班）"
NEW_COURSE = """\
  - id: evening-fans
    title:
      zh: 晚间扇子舞
    category: music-dance
    audience: [older-people, everyone]
    mode: in-person
    schedule:
      days: [tue, thu]
      start: "19:00"
      end: "20:30"
    hours: 16
    fee:
      amount: 0
    capacity: 30
    enrolment:
      method: phone
"""
CLOCK_MESSAGE = "时间写成“时:分”，如 19:30"


def test_a_course_edited_and_added_in_the_editor_is_a_small_valid_diff(browser, admin, clone, tmp_path):
    site, url = admin
    console, hosts = [], set()
    with edit.decap_server(clone, url), serving(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on("console", lambda m: console.append(m) if m.type == "error" else None)
        page.on("pageerror", lambda e: console.append(e))
        page.on("request", lambda r: hosts.add(urlsplit(r.url).hostname) if r.url.startswith("http") else None)
        page.goto(base + "admin/")
        page.get_by_role("button", name="登录").click()
        page.goto(f"{base}admin/#/collections/providers/entries/{PROVIDER}")
        # the first course: its start time and its Chinese title
        courses = box(page, "课程列表")
        items = courses.locator("[class*=SortableListItem]")
        first = items.first
        first.get_by_text("育婴员培训 · 周六 09:30–11:00").wait_for()  # a collapsed course: title, days, time
        first.get_by_role("button").first.click()  # expand it
        field(box(first, "上课时间"), "开始时间").fill("10:00")
        field(box(first, "课程名称"), "中文").fill(NEW_TITLE)
        # a new course with the required fields
        courses.get_by_role("button", name="新增课程").click()
        new = items.nth(3)
        field(new, "课程编号").fill("evening-fans")
        field(box(new, "课程名称"), "中文").fill("晚间扇子舞")
        choose(new, "课程类别", "音乐舞蹈")
        choose(new, "面向对象", "老年人", "所有人")
        choose(new, "上课形式", "面授")
        schedule = box(new, "上课时间")
        choose(schedule, "上课日", "周二", "周四")
        field(schedule, "开始时间").fill("19:00")
        field(schedule, "结束时间").fill("20:30")
        field(new, "总课时").fill("16")
        field(box(new, "费用"), "费用").fill("0")
        field(new, "名额").fill("30")
        choose(new, "本课程的报名", "电话报名")
        page.get_by_role("button", name="保存", exact=True).click()
        page.get_by_text("内容已保存").wait_for()
        assert BRANCH in cms_branches(clone)
        saved = git(clone, "rev-parse", BRANCH)
        # a time the validator refuses is refused in the form, with its message, and nothing is saved
        if not visible(first.get_by_label("开始时间", exact=True)).count():
            first.get_by_role("button").first.click()
        field(box(first, "上课时间"), "开始时间").fill("25:00")
        page.get_by_role("button", name="保存", exact=True).click()
        visible(page.get_by_text(CLOCK_MESSAGE)).first.wait_for()
        assert git(clone, "rev-parse", BRANCH) == saved
        page.close()
    # The one error the browser logs is decap-server's 404 answer to "is there a draft of this record?"
    # (Chromium logs every 4xx response); it also shows that the listener hears errors at all.
    drafts = [m for m in console if hasattr(m, "text") and "404" in m.text and m.location.get("url") == url]
    errors = [m for m in console if m not in drafts]
    assert drafts and not errors, [getattr(m, "text", str(m)) for m in errors]
    assert hosts == {"127.0.0.1"}
    assert git(clone, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"

    diff = git(clone, "diff", "-U0", "main", BRANCH)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed[:4] == ["-      zh: 育婴员培训", f"+      zh: {NEW_TITLE}", '-      start: "09:30"', '+      start: "10:00"'], diff
    assert changed[4:] == ["+" + line for line in NEW_COURSE.splitlines()], diff  # as fmt.py writes it

    git(clone, "checkout", "-q", BRANCH)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(clone / "catalogue")], capture_output=True, text=True
    )
    assert result.returncode == 0 and " error: " not in result.stdout, result.stdout
    tidy = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fmt.py"), "--check", str(clone / "catalogue")], capture_output=True, text=True
    )
    assert tidy.returncode == 0, tidy.stdout
    summary = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "diff.py"), "main", BRANCH], cwd=clone, capture_output=True, text=True
    ).stdout
    assert "course added: `evening-fans` 晚间扇子舞" in summary
    assert "course changed: `childcare-worker`" in summary
    assert "| `schedule.start` | 09:30 | 10:00 |" in summary and f"| `title.zh` | 育婴员培训 | {NEW_TITLE} |" in summary


@pytest.mark.parametrize("forge, login", [("github", "GitHub"), ("gitlab", "GitLab"), ("forgejo", "Forgejo"), ("gitea", "Gitea")])
def test_each_forge_is_one_setting_and_its_login_page_loads_from_this_site_only(browser, site, tmp_path, forge, login):
    from learning_city.tools.editor import generated

    copy = edit.site_for(site, tmp_path / "site", edit.free_url())  # no decap-server: the forge's own login
    settings = {"backend": forge, "app_id": "test-app", "local_backend": edit.free_url()}
    repository = {"github": "https://github.com/jx/catalogue"}.get(forge, "https://git.example.org/jx/catalogue")
    (copy / "admin" / "config.yml").write_text(generated(ROOT / "catalogue", repository, settings)["config.yml"], encoding="utf-8")
    hosts = set()
    with serving(copy) as base:
        page = browser.new_page()
        page.on("request", lambda r: hosts.add(urlsplit(r.url).hostname) if r.url.startswith("http") else None)
        page.goto(base + "admin/")
        page.get_by_role("button", name=re.compile(login)).wait_for()
        assert page.get_by_text("配置").count() == 0  # no configuration error
        page.close()
    assert hosts == {"127.0.0.1"}


def test_control_decaps_gitea_backend_refuses_the_editorial_workflow(browser, site, tmp_path):
    """Why gitea saves to one branch (learning_city.editor.backend): with pull requests it does not load."""
    from learning_city.tools.editor import generated

    copy = edit.site_for(site, tmp_path / "site", edit.free_url())
    settings = {"backend": "gitea", "app_id": "test-app", "local_backend": edit.free_url()}
    text = generated(ROOT / "catalogue", "https://git.example.org/jx/catalogue", settings)["config.yml"]
    (copy / "admin" / "config.yml").write_text(text.replace("publish_mode: simple", "publish_mode: editorial_workflow"), encoding="utf-8")
    with serving(copy) as base:
        page = browser.new_page()
        page.goto(base + "admin/")
        page.get_by_text("does not support editorial workflow").wait_for()
        assert page.get_by_role("button", name=re.compile("Gitea")).count() == 0
        page.close()


def test_the_preview_shows_a_record_as_its_page_with_its_terms_and_labels(browser, admin, clone, site):
    """The preview pane renders courses by term with the page's own labels; a course's term is chosen by name."""
    from bs4 import BeautifulSoup

    copy, url = admin
    page_html = BeautifulSoup((site / "providers" / "nanhu-elderly-university" / "index.html").read_text(encoding="utf-8"), "html.parser")
    page_labels = [dt.get_text() for dt in page_html.select(".lc-course")[0].select("dt")]
    with edit.decap_server(clone, url), serving(copy) as base:
        page = open_record(browser, base, "providers", "nanhu-elderly-university", 1280, 1000)
        preview = page.frame_locator("#preview-pane")
        preview.get_by_role("heading", name="2026 年秋季学期").wait_for()
        first_course = preview.locator(".lc-course").first
        assert first_course.locator("h3").inner_text() == page_html.select(".lc-course h3")[0].get_text()
        assert first_course.locator("dt").all_inner_texts() == page_labels
        courses = box(page, "课程列表")
        first = courses.locator("[class*=SortableListItem]").first
        first.get_by_role("button").first.click()
        term = visible(first.locator("select"))
        assert term.input_value() == "2026-autumn"
        assert term.locator("option").all_inner_texts() == [
            "（不属于某个学期）",
            "2026 年秋季学期",  # by name: the id only tells two of one name apart
            "2027 年春季学期",
        ]
        term.select_option("2027-spring")  # the preview moves the course to that term
        preview.locator("section", has=preview.get_by_role("heading", name="2027 年春季学期")).get_by_text("南湖故事会").wait_for()
        page.close()


def test_a_save_the_check_would_refuse_is_refused_in_the_form_at_phone_width(browser, admin, clone):
    """An id changed to another school's is refused before saving with the validator's message:
    the form checks against the catalogue the build wrote beside it (records.json), and nothing is
    saved, so no pull request fails. With pull requests and without (publish_mode simple, gitea's),
    the refusal is no error in the console (Decap rejected a promise with it, reported as "Object",
    and without pull requests also logged it); a save failing otherwise still is (the controls)."""
    site, url = admin
    config = site / "admin" / "config.yml"
    school = "nanhu-daqiao-jiangnan-community-school"
    main = git(clone, "rev-parse", "main")
    failures = {  # a save failing otherwise, as Decap rejects it in each mode
        "editorial_workflow": "{ type: 'UNPUBLISHED_ENTRY_PERSIST_FAILURE', error: new Error('disk full') }",
        "simple": "{ type: 'ENTRY_PERSIST_FAILURE', error: 'Failed to persist entry', payload: { error: 'disk full' } }",
    }
    console, reported = [], []
    with edit.decap_server(clone, url), serving(site) as base:
        for mode, failure in failures.items():
            config.write_text(
                re.sub(r"(?m)^publish_mode: .*$", f"publish_mode: {mode}", config.read_text(encoding="utf-8")), encoding="utf-8"
            )
            page = browser.new_page(viewport={"width": 390, "height": 844})
            page.on("console", lambda m: console.append(m) if m.type == "error" else None)
            page.on("pageerror", lambda e: console.append(e))
            page.goto(base + "admin/")
            page.get_by_role("button", name="登录").click()
            page.goto(f"{base}admin/#/collections/providers/entries/{school}")
            field(page, "机构编号").fill("nanhu-daqiao-adult-school")
            if mode == "simple":  # a save is a publish, from its menu
                page.get_by_text("发布", exact=True).click()
                page.get_by_text("发布：合并，网站几分钟后更新").click()
            else:
                page.get_by_role("button", name="保存", exact=True).click()
            visible(page.get_by_text(f"与文件名“{school}”不一致")).first.wait_for()
            assert page.get_by_text("内容已保存").count() == 0
            # control: reported, and after any error of the refusal, which was before it
            with page.expect_event("pageerror") as control:
                page.evaluate(f"() => {{ Promise.reject({failure}); }}")
            reported.append(str(control.value))
            page.close()
    # the errors besides the controls' are decap-server's 404 answers to "is there a draft of this record?"
    errors = [getattr(m, "text", str(m)) for m in console if not (hasattr(m, "text") and "404" in m.text and m.location.get("url") == url)]
    assert errors == reported == ["Object", "Object"], errors
    assert cms_branches(clone) == [] and git(clone, "rev-parse", "main") == main


def test_the_preview_is_the_public_page_at_phone_width(browser, admin, clone):
    """At 390 px a town school's preview is its page: the parent and children by name, the network
    tier, each course's enrolment status as of today, its calendar link and the page's print button.
    Control: the hand-written preview this replaced showed the parent's id, no tier, no status."""
    from learning_city.data.loader import load
    from learning_city.data.today import today
    from learning_city.i18n import t
    from learning_city.site import enrolment

    catalogue, _ = load(ROOT / "catalogue")
    school = catalogue.providers[PROVIDER]
    parent = catalogue.providers[school.parent]
    course = school.courses[0]
    status = enrolment.text(enrolment.of(school, course, today({})), "zh")  # today in Jiaxing, as the browser's
    children = [child.name.zh for child in catalogue.children[PROVIDER]]
    copy, url = admin
    with edit.decap_server(clone, url), serving(copy) as base:
        page = open_record(browser, base, "providers", PROVIDER, 390, 844)
        page.get_by_role("button", name=t("editor.show_preview", "zh")).click()  # the form fills a phone's screen
        preview = page.frame_locator("#preview-pane")
        facts = preview.locator(".lc-provider > dl.lc-facts")
        facts.wait_for()
        shown = dict(zip(facts.locator("dt").all_inner_texts(), facts.locator("dd").all_inner_texts(), strict=True))
        assert shown[t("label.parent", "zh")] == parent.name.zh
        assert preview.get_by_role("link", name=parent.name.zh).get_attribute("href") == f"../providers/{parent.id}/"
        assert shown[t("label.tier", "zh")] == t("tier.3", "zh")
        # the providers below it, grouped by tier: each list under the "children" heading, before the next
        below = preview.locator("xpath=//h2[@id='children']/following-sibling::ul[preceding-sibling::h2[1][@id='children']]//li")
        assert below.all_inner_texts() == children and children
        first = preview.locator("article.lc-course").first
        assert first.locator(".lc-status").inner_text() == status
        calendar = first.get_by_role("link", name=t("calendar.add", "zh"))
        assert calendar.get_attribute("href") == f"../calendars/courses/{PROVIDER}/{course.id}.ics"
        first.get_by_role("button", name=t("course.print", "zh")).wait_for()  # made by the page's own course.js
        assert preview.locator("body").evaluate("body => body.scrollWidth <= body.clientWidth")
        assert preview.get_by_text(school.parent).count() == 0  # the parent's id is nowhere to be read
        page.get_by_role("button", name=t("editor.show_form", "zh")).click()
        field(page, "机构编号").wait_for()  # and back to the form
        page.close()
