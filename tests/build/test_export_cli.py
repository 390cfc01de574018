"""`closer-export`: what Closer adds to a build, made from the sources and the built pages with no generator running."""

from __future__ import annotations

import os
from pathlib import Path
import shutil
import subprocess
import sys

from bs4 import BeautifulSoup

from tests.support import FIXTURES, ROOT, run_mkdocs_build
from tests.support.checks import assert_failed_with

# As a site made by another generator would be exported: MkDocs and its theme cannot even be imported.
NO_GENERATOR = ("import sys, runpy; sys.modules.update(dict.fromkeys(['mkdocs', 'mkdocs_macros', 'material'])); "
                "sys.argv = ['closer-export', *sys.argv[1:]]; runpy.run_module('macros.export_site', run_name='__main__')")


def closer_export(project: Path, site: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"CLOSER_SITE_URL": site_url} if site_url else {})}
    return subprocess.run([sys.executable, "-c", NO_GENERATOR, str(site), "--project", str(project)], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)


def pages_only(project: Path) -> None:
    """The project's plugin told to write the pages alone, as a generator without it would."""
    config = project / "mkdocs.yml"
    text = config.read_text()
    assert "  - closer\n" in text
    config.write_text(text.replace("  - closer\n", "  - closer:\n      exports: false\n"))


def site_files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def test_the_pages_plus_closer_export_are_the_site_the_plugin_builds(built_site, site_origin, project_copy):
    pages_only(project_copy)
    site = project_copy / "site"
    result = run_mkdocs_build(project_copy, site, site_origin + "/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "embed").exists() and not (site / "_headers").exists()  # the pages alone
    exported = closer_export(project_copy, site, site_origin + "/")
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert site_files(site) == site_files(built_site)
    assert [name for name in site_files(site) if (site / name).read_bytes() != (built_site / name).read_bytes()] == []


def test_closer_export_makes_each_quiz_page_a_generator_did_not(tmp_path):
    project = shutil.copytree(FIXTURES / "coach-site", tmp_path / "coach")
    shutil.copytree(ROOT / "macros", project / "macros")
    pages_only(project)
    site = project / "site"
    assert run_mkdocs_build(project, site).returncode == 0
    shutil.rmtree(site / "quizzes")  # a generator that runs no plugin makes no quiz page
    exported = closer_export(project, site)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    page = BeautifulSoup((site / "quizzes" / "first-session" / "index.html").read_text(), "html.parser")
    assert page.title.get_text() == "What a boundary is - Sam's coaching notes"
    assert page.select_one('article [data-quiz="first-session"]') is not None
    assert page.select_one("article .closer-use") is not None  # the coach's panel, as on any quiz page
    assert page.select_one("a.closer-exit")["href"] == "https://www.bbc.com/weather"
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "sha256-" in policy and "closer-content-security-policy" not in policy
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
