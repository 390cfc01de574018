"""`closer-export`: what Closer adds to a build, made from the sources and the built pages with no generator running."""

from __future__ import annotations

import os
from pathlib import Path
import re
import shutil
import subprocess
import sys

from bs4 import BeautifulSoup
import pytest

from tests.support import FIXTURES, ROOT, closer_check, run_mkdocs_build
from tests.support.checks import assert_failed_with
from tests.support.links import broken_links, handed_on

# As a site made by another generator would be exported: MkDocs and its theme cannot even be imported.
NO_GENERATOR = ("import sys, runpy; sys.modules.update(dict.fromkeys(['mkdocs', 'mkdocs_macros', 'material'])); "
                "sys.argv = ['closer-export', *sys.argv[1:]]; runpy.run_module('closer.export_site', run_name='__main__')")


def closer_export(project: Path, site: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"CLOSER_SITE_URL": site_url} if site_url else {})}
    return subprocess.run([sys.executable, "-c", NO_GENERATOR, os.path.relpath(site, project), "--project", "."],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def pages_only(project: Path) -> None:
    """The project's plugin told to write the pages alone, as a generator without it would."""
    config = project / "mkdocs.yml"
    text = config.read_text()
    if "  - closer:\n" in text:  # the plugin has options already (the course's languages)
        config.write_text(text.replace("  - closer:\n", "  - closer:\n      exports: false\n", 1))
    else:
        assert "  - closer\n" in text
        config.write_text(text.replace("  - closer\n", "  - closer:\n      exports: false\n"))


def site_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def test_the_pages_plus_closer_export_are_the_site_the_plugin_builds(site_origin, project_copy, tmp_path):
    built_site = tmp_path / "plugin-site"
    result = run_mkdocs_build(project_copy, built_site, site_origin + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    pages_only(project_copy)
    site = project_copy / "site"
    result = run_mkdocs_build(project_copy, site, site_origin + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "embed").exists() and not (site / "_headers").exists()  # the pages alone
    exported = closer_export(project_copy, site, site_origin + "/")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert broken_links(site, site_origin, handed_on(site))[1] == []  # closer-export points links as the plugin does
    assert site_files(site) == site_files(built_site)
    assert [name for name in site_files(site) if (site / name).read_bytes() != (built_site / name).read_bytes()] == []


def test_closer_export_makes_each_quiz_page_a_generator_did_not(tmp_path):
    project = shutil.copytree(FIXTURES / "coach-site", tmp_path / "coach")
    pages_only(project)
    site = project / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    shutil.rmtree(site / "quizzes")  # a generator that runs no plugin makes no quiz page
    (site / "assets" / "closer").mkdir(parents=True, exist_ok=True)
    (site / "assets" / "closer" / "closer.js").write_text("window.stolen = localStorage")  # a stale or foreign copy
    exported = closer_export(project, site)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    page = BeautifulSoup((site / "quizzes" / "first-session" / "index.html").read_text(), "html.parser")
    assert page.title.get_text() == "What a boundary is - Sam's coaching notes"
    assert page.select_one('article [data-quiz="first-session"]') is not None
    assert page.select_one("article .closer-use") is not None  # the coach's panel, as on any quiz page
    assert page.select_one("a.closer-exit")["href"] == "https://www.bbc.com/weather"
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "sha256-" in policy and "closer-content-security-policy" not in policy
    assert "stolen" not in (site / "assets" / "closer" / "closer.js").read_text()  # only Closer's own script runs
    for made in ("embed/quizzes/first-session/index.html", "downloads/quizzes/first-session.html",
                 "downloads/gift/first-session.txt", "assets/closer/closer.js", "schema/quiz.schema.json", "_headers"):
        assert (site / made).is_file(), made


def test_closer_export_stops_at_every_problem_before_writing_anything(project_copy):
    pages_only(project_copy)
    site = project_copy / "site"
    assert run_mkdocs_build(project_copy, site).returncode == 0
    quiz = project_copy / "quizzes" / "sample-knowledge-check.yml"
    quiz.write_text(quiz.read_text().replace("title:", "titel:", 1))
    (project_copy / "docs" / "about.md").write_text("---\ntitle: About\n---\n\nHello <script>alert(1)</script>\n")
    result = closer_export(project_copy, site)
    assert_failed_with(result, "quizzes/sample-knowledge-check.yml:2:1: unknown key 'titel'", project_copy)
    assert "docs/about.md:5:7: HTML tag <script> is not allowed in a page" in result.stdout
    assert not (site / "embed").exists() and not (site / "_headers").exists()


def test_closer_export_refuses_pages_built_without_closer_s_templates(project_copy):
    pages_only(project_copy)
    site = project_copy / "site"
    assert run_mkdocs_build(project_copy, site).returncode == 0
    about = site / "about" / "index.html"
    about.write_text(about.read_text().replace("data-closer-exit", "data-gone"))  # as a theme without Closer's main.html
    (site / "404.html").unlink()
    (site / "glossary" / "index.html").unlink()
    result = closer_export(project_copy, site)
    assert_failed_with(result, "site/about/index.html:1:1: the page lacks Closer's quick exit", project_copy)
    assert "site/404.html:1:1: this page was not built" in result.stdout
    assert "site/glossary/index.html:1:1: this page was not built" in result.stdout
    assert not (site / "embed").exists() and not (site / "_headers").exists()


BROKEN_SETTINGS = {  # what in mkdocs.yml would break a promise of every page, and where each is reported
    "web fonts": (lambda t: t.replace("  font: false ", "  font:\n    text: Roboto\n  #"), "font",
                  "the theme's fonts load from Google Fonts"),
    "another theme": (lambda t: re.sub(r"  - privacy:.*?(?=  - macros:)", "", t.replace("  name: material",
                                                                                         "  name: readthedocs"),
                                       flags=re.S), "theme",
                      "theme 'readthedocs' is not supported"),
    "file addresses": (lambda t: t + "use_directory_urls: false\n", "use_directory_urls",
                       "use_directory_urls: false is not supported"),
    "hidden templates": (lambda t: t, "custom_dir", "overrides/main.html hides Closer's"),
}


@pytest.mark.parametrize("name", BROKEN_SETTINGS)
def test_settings_that_would_break_every_page_stop_the_build_and_the_check_where_written(project_copy, name):
    change, key, expected = BROKEN_SETTINGS[name]
    config = project_copy / "mkdocs.yml"
    config.write_text(change(config.read_text()))
    if name == "hidden templates":  # a coach's own main.html would drop the quick exit and the policy
        (project_copy / "overrides" / "main.html").write_text('{% extends "base.html" %}\n')
    line = next(i for i, text in enumerate(config.read_text().splitlines(), 1) if text.strip().startswith(key + ":"))
    located = f"mkdocs.yml:{line}:"
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, expected, project_copy)
    assert any(located in row and expected in row for row in result.stderr.splitlines()), result.stderr
    checked = closer_check(project_copy)
    assert checked.returncode == 1 and any(located in row and expected in row for row in checked.stdout.splitlines())


def test_hostile_nav_titles_stay_text_in_exported_pages_and_template_code_in_them_is_refused(tmp_path):
    project = shutil.copytree(FIXTURES / "coach-site", tmp_path / "coach")
    pages_only(project)
    # A self-assessment recommends pages by their titles: here, the page whose nav title is hostile.
    sample = (ROOT / "quizzes" / "sample-self-assessment.yml").read_text()
    (project / "quizzes" / "check-in.yml").write_text(sample.replace("samples.md", "index.md")
                                                      .replace("(right-for-you.md)", "(index.md)"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + 'nav:\n  - "<img src=x onerror=alert(1)>": index.md\n')
    site = project / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    shutil.rmtree(site / "quizzes")
    assert closer_export(project, site).returncode == 0
    made = BeautifulSoup((site / "quizzes" / "check-in" / "index.html").read_text(), "html.parser")
    titles = [a.get_text() for a in made.select(".closer-quiz__recommend a")]
    assert "<img src=x onerror=alert(1)>" in titles and not made.select("article img")  # the title stays text
    config.write_text(config.read_text().replace("onerror=alert(1)>", "onerror=alert(1)>{{ 7*7 }}"))
    result = closer_export(project, site)
    line = len(config.read_text().splitlines())
    assert_failed_with(result, f"mkdocs.yml:{line}:6: template marker in the nav's title for index.md", project)
