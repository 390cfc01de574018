"""The real `mkdocs build --strict`: the project builds clean, and broken copies fail located."""

from __future__ import annotations

import shutil
import subprocess
import sys

from bs4 import BeautifulSoup
import pytest

from closer.engine.kinds import KINDS
from tests.support import FIXTURES, ROOT, closer_check, run_mkdocs_build
from tests.support.checks import assert_failed_with
from tests.support.site_pages import sitemap_paths


def test_project_builds_strict_with_every_quiz_page(built_site):
    for quiz in (ROOT / "quizzes").glob("*.yml"):
        page = built_site / "quizzes" / quiz.stem / "index.html"
        soup = BeautifulSoup(page.read_text(), "html.parser")
        assert soup.select_one(f'[data-quiz="{quiz.stem}"]'), quiz.stem
        assert soup.h1 is not None and soup.title.get_text().startswith(soup.h1.get_text(strip=True))


def test_every_page_has_one_title(built_site):
    # No script adds or removes a heading, so the page as built is the page as read.
    paths = sitemap_paths(built_site)
    assert "/es/" in paths and len(paths) >= 20
    for path in paths:
        page = BeautifulSoup((built_site / path.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert len(page.find_all("h1")) == 1, path


def test_sample_page_shows_a_sample_of_each_kind(built_site):
    soup = BeautifulSoup((built_site / "samples" / "index.html").read_text(), "html.parser")
    assert {node["data-quiz"] for node in soup.select("[data-quiz]")} == {
        "sample-knowledge-check", "sample-self-assessment", "sample-deck"}
    assert {node["data-quiz-kind"] for node in soup.select("[data-quiz]")} == set(KINDS)


def test_every_page_loads_one_minified_script_and_stylesheet_that_read_the_same_in_any_charset(built_site):
    page = BeautifulSoup((built_site / "about" / "index.html").read_text(), "html.parser")
    own = [tag.get("href") or tag.get("src") for tag in page.select('link[rel="stylesheet"], script[src]')
           if "assets/closer/" in (tag.get("href") or tag.get("src"))]
    assert own == ["../assets/closer/closer.css", "../assets/closer/closer.js"]
    for name in ("closer.js", "closer.css"):
        built = (built_site / "assets" / "closer" / name).read_bytes()
        assert built.isascii()  # "✓ Right." stays "✓ Right." on a host page that declares no charset
        assert b"/*" not in built  # minified: the comments stay in the sources
    assert "function component(" not in (built_site / "assets" / "closer" / "closer.js").read_text()  # names shortened


def test_build_output_has_no_warning(tmp_path):
    result = run_mkdocs_build(ROOT, tmp_path / "site")
    assert result.returncode == 0
    assert "WARNING" not in result.stderr + result.stdout


BROKEN_PAGES = {
    "unknown-id": ('# Page\n\n{{ quiz("sample-knowlege-check") }}\n',
                   "docs/broken.md:3:4: unknown quiz 'sample-knowlege-check'; quizzes that exist, closest "
                   "first: sample-knowledge-check, "),
    "no-argument": ("---\ntitle: Broken\n---\n\nText\n\n{{ quiz() }}\n",
                    "docs/broken.md:7:4: quiz() takes one quiz id"),
    "two-arguments": ('# Page\n\n{{ quiz("a", "b") }}\n', "docs/broken.md:3:4: quiz() takes one quiz id"),
    "syntax": ('# Page\n\n{{ quiz("sample-knowledge-check" }}\n', "docs/broken.md:3:1: template syntax error"),
    "unknown-name": ('# Page\n\n{{ quizz("sample-knowledge-check") }}\n',
                     "docs/broken.md:3:4: unknown macro 'quizz'; did you mean 'quiz'?"),
}


@pytest.mark.parametrize("name", BROKEN_PAGES)
def test_bad_macro_call_fails_the_build_at_its_line(project_copy, name):
    text, expected = BROKEN_PAGES[name]
    (project_copy / "docs" / "broken.md").write_text(text)
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, expected, project_copy)
    assert not (project_copy / "site" / "broken" / "index.html").exists()
    assert_failed_with(closer_check(project_copy), expected, project_copy)  # the check says it, without a build


def test_broken_quiz_fails_with_every_problem(project_copy):
    shutil.copy(FIXTURES / "invalid" / "several-problems.yml", project_copy / "quizzes" / "broken.yml")
    shutil.copy(FIXTURES / "invalid" / "tab-indent.yml", project_copy / "quizzes" / "tabbed.yml")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, "quizzes/broken.yml:2:1: unknown key 'titel'; did you mean 'title'?", project_copy)
    output = result.stdout + result.stderr
    assert "quizzes/broken.yml:7:49: expected true or false, found 'yes'" in output
    assert "quizzes/tabbed.yml:5:1: tab character" in output


def test_a_build_with_no_site_address_stops_where_it_is_set_with_every_other_problem(project_copy, monkeypatch):
    monkeypatch.delenv("CLOSER_SITE_URL")  # as on a machine that never set it
    shutil.copy(FIXTURES / "invalid" / "tab-indent.yml", project_copy / "quizzes" / "tabbed.yml")
    config = (project_copy / "mkdocs.yml").read_text().splitlines()
    line = next(number for number, text in enumerate(config, 1) if text.startswith("site_url:"))
    expected = f"mkdocs.yml:{line}:11: the site has no address (site_url)"
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, expected, project_copy)
    assert "set CLOSER_SITE_URL to the address it is published at" in result.stderr
    assert "quizzes/tabbed.yml:5:1: tab character" in result.stderr  # reported together, never an early stop
    checked = closer_check(project_copy)
    assert checked.returncode == 1 and expected in checked.stdout
    assert "127.0.0.1" not in (ROOT / "mkdocs.yml").read_text()  # no address that works only on one machine


def test_unsafe_html_in_a_quiz_fails_strict_build_as_located_warning(project_copy):
    path = project_copy / "quizzes" / "sample-knowledge-check.yml"
    path.write_text(path.read_text().replace("title: Closeness, in brief",
                                             "title: Closeness <img src=x onerror=alert(1)>"))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, "quizzes/sample-knowledge-check.yml:2:8: warning: HTML tag <img> removed",
                       project_copy)


def test_missing_recommended_page_fails_at_the_entry(project_copy):
    path = project_copy / "quizzes" / "sample-self-assessment.yml"
    path.write_text(path.read_text().replace("recommend: [samples.md]", "recommend: [lessons/no-such-lesson.md]"))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, "quizzes/sample-self-assessment.yml:22:21: recommended page "
                       "'lessons/no-such-lesson.md' does not exist", project_copy)


def test_check_command_prints_the_build_lines_without_building(project_copy):
    shutil.copy(FIXTURES / "invalid" / "several-problems.yml", project_copy / "quizzes" / "broken.yml")
    check = [sys.executable, "-m", "closer.check", "--project", str(project_copy)]
    result = subprocess.run(check, capture_output=True, text=True)
    assert result.returncode == 1
    assert "quizzes/broken.yml:2:1: unknown key 'titel'; did you mean 'title'?" in result.stdout
    assert not (project_copy / "site").exists()
    clean = subprocess.run([*check[:-1], str(ROOT)], capture_output=True, text=True)
    assert clean.returncode == 0 and clean.stdout == ""


def test_quiz_title_markup_shows_as_text_in_navigation_and_title(project_copy):
    path = project_copy / "quizzes" / "sample-knowledge-check.yml"
    path.write_text(path.read_text().replace("title: Closeness, in brief",
                                             'title: "Hi &lt;img src=x onerror=alert(1)&gt;"'))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((project_copy / "site" / "quizzes" / "sample-knowledge-check" / "index.html").read_text(),
                         "html.parser")
    assert not soup.select("img[onerror]")
    assert soup.title.get_text().startswith("Hi <img src=x onerror=alert(1)>")
