"""Author text is data, never code: what a hostile contributor writes never runs at build time.

The builds here run with programs on PATH named like Jinja's globals (as `lipsum.__name__` and
`cycler.__name__` spell them): if any template expression reached Python's os module and ran
one, it would leave a marker file behind.
"""

from __future__ import annotations

import os
import re
import stat

from bs4 import BeautifulSoup
import pytest

from tests.build.test_build import assert_failed_with
from tests.support import run_mkdocs_build

TRAP_NAMES = ("generate_lorem_ipsum", "Cycler", "Joiner", "Namespace", "id")


@pytest.fixture()
def trapped(tmp_path, monkeypatch):
    """PATH with a program of each trap name that records it ran; returns the marker folder."""
    bin_dir, markers = tmp_path / "bin", tmp_path / "markers"
    bin_dir.mkdir()
    markers.mkdir()
    for name in TRAP_NAMES:
        program = bin_dir / name
        program.write_text(f"#!/bin/sh\ntouch '{markers}/{name}'\n")
        program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return markers


def run(name: str) -> str:
    """A template expression that runs the trap program `name` if it is ever evaluated."""
    return {"lipsum": "lipsum.__globals__.os.system(lipsum.__name__)",
            "cycler": "cycler.__init__.__globals__.os.system(cycler.__name__)"}[name]


def replace_front_matter_value(path, key: str, value: str) -> None:
    text = path.read_text()
    path.write_text(re.sub(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M))


def test_template_code_in_front_matter_and_bodies_runs_nothing_and_is_located(project_copy, trapped):
    docs = project_copy / "docs"
    # A lesson's title, which mkdocs-macros would render after the body.
    replace_front_matter_value(docs / "lessons" / "trust.md", "title", '"{{ ' + run("lipsum") + ' }}"')
    # A page's description, and its body in several shapes.
    replace_front_matter_value(docs / "sources.md", "title", "'{{ " + run("cycler") + " }}'")
    (docs / "glossary.md").write_text("# Terms\n\nSee {{ " + run("cycler") + " }}.\n")
    (docs / "samples.md").write_text("# Samples\n\n{% set x = " + run("lipsum") + " %}\n")
    (docs / "accessibility.md").write_text("# A\n\n{{ " + run("lipsum").replace("_", r"\_") + " }}\n")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert list(trapped.iterdir()) == []
    assert_failed_with(result, "docs/lessons/trust.md:2:8: template marker '{{' in front matter", project_copy)
    output = result.stdout + result.stderr
    assert "docs/sources.md:2:8: template marker '{{' in front matter" in output
    assert "docs/glossary.md:3:8: template code using 'cycler' is not allowed in a page" in output
    assert "docs/samples.md:3:1: '{% set %}' is not allowed in a page" in output
    assert "docs/accessibility.md:3:" in output


def test_template_code_in_quiz_text_is_shown_as_written(project_copy, trapped):
    quiz = project_copy / "quizzes" / "sample-knowledge-check.yml"
    title = "{{ " + run("lipsum").replace("_", r"\_") + " }}"
    quiz.write_text(quiz.read_text().replace("title: Closeness, in brief", f"title: '{title}'"))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(trapped.iterdir()) == []
    soup = BeautifulSoup((project_copy / "site" / "quizzes" / "sample-knowledge-check" / "index.html").read_text(),
                         "html.parser")
    shown = "{{ " + run("lipsum") + " }}"  # Markdown takes the backslashes, nothing else does
    assert soup.h1.get_text(strip=True) == shown
    assert soup.title.get_text().startswith(shown)


def test_show_file_reads_only_course_sources(project_copy, trapped):
    (project_copy / "docs" / "samples.md").write_text(
        '# Samples\n\n{{ show_file("mkdocs.yml") }}\n{{ show_file("docs/../macros/adapter.py") }}\n'
        '{{ show_file("/etc/passwd") }}\n')
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, "docs/samples.md:3:4: show_file() cannot show 'mkdocs.yml'", project_copy)
    output = result.stdout + result.stderr
    assert "docs/samples.md:4:4: show_file() cannot show 'docs/../macros/adapter.py'" in output
    assert "docs/samples.md:5:4: show_file() cannot show '/etc/passwd'" in output
