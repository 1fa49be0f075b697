"""Which pages a live preview writes again after an edit (site/incremental.py's keys), on a
catalogue large enough for a county's course list to run over several pages."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

from learning_city.data.loader import load
from learning_city.site import incremental, lists

pytestmark = pytest.mark.slow  # synthesises a city of 1,400 courses


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    catalogue = tmp_path_factory.mktemp("city") / "catalogue"
    args = ["--providers", "60", "--venues", "10", "--courses", "1400", "--seed", "3"]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "synth.py"), str(catalogue), *args], check=True, capture_output=True)
    return catalogue


def keys_and_pages(catalogue):
    loaded, problems = load(catalogue)
    assert loaded is not None, problems
    county = max(loaded.regions.counties, key=lambda c: len(lists.course_list_pages(loaded, c)))
    layout = lists.course_list_pages(loaded, county)
    uris = [f"courses/{county.id}.md", *(f"courses/{county.id}/{n}.md" for n in range(2, len(layout) + 1)), f"areas/{county.id}.md"]
    return incremental.page_keys(catalogue, loaded, "setting", uris), layout, uris


def changed_pages(catalogue, edit) -> set[str]:
    before, layout, uris = keys_and_pages(catalogue)
    edit(layout)
    after, _, _ = keys_and_pages(catalogue)
    return {uri for uri in uris if before[uri] != after[uri]}


def test_an_edit_that_keeps_the_pages_changes_only_its_own_list_page(city):
    def retitle(layout):
        provider = layout[1][0]  # the first provider on the second page
        path = city / "providers" / f"{provider.id}.yml"
        path.write_text(path.read_text(encoding="utf-8").replace('\n  zh: "', '\n  zh: "改过的', 1), encoding="utf-8")

    _, layout, uris = keys_and_pages(city)
    assert len(layout) >= 3  # the control below needs pages before and after
    county = uris[0].split("/")[1].removesuffix(".md")
    assert changed_pages(city, retitle) == {f"courses/{county}/2.md", f"areas/{county}.md"}


def test_control_a_course_moving_providers_between_pages_changes_every_page_after(city):
    def add_courses(layout):
        provider = layout[0][0]  # the first page grows: every later page starts elsewhere
        path = city / "providers" / f"{provider.id}.yml"
        text = path.read_text(encoding="utf-8")
        courses = text[text.index("courses:\n") + len("courses:\n") :]
        first = "  - " + courses.split("\n  - ")[0].removeprefix("  - ").split("\n", 1)[0] + "\n"
        first += "".join(line + "\n" for line in courses.split("\n  - ")[0].split("\n")[1:] if line.startswith("    "))
        copies = "".join(first.replace("id: ", f"id: copy{n}-", 1) for n in range(lists.COURSES_PER_PAGE))
        path.write_text(text.replace("courses:\n", "courses:\n" + copies, 1), encoding="utf-8")

    uris = keys_and_pages(city)[2]
    assert changed_pages(city, add_courses) == set(uris)
