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

from tests.support import closer_check, run_mkdocs_build
from tests.support.checks import assert_failed_with

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


# Each line a class of markup that content may not carry; the column is where the source shows it.
HOSTILE_CONTENT = [
    ("<script>window.ran = 1</script>", "HTML tag <script> is not allowed", 1),
    ("<style>body { display: none }</style>", "HTML tag <style> is not allowed", 1),
    ('<link rel="stylesheet" href="/x.css">', "HTML tag <link> is not allowed", 1),
    ('<iframe src="/about/"></iframe>', "HTML tag <iframe> is not allowed", 1),
    ('<object data="/x"></object>', "HTML tag <object> is not allowed", 1),
    ('<embed src="/x">', "HTML tag <embed> is not allowed", 1),
    ('<base href="https://example.org/">', "HTML tag <base> is not allowed", 1),
    ('<meta http-equiv="refresh" content="0">', "HTML tag <meta> is not allowed", 1),
    ('<form action="/"><input name="q"></form>', "HTML tag <form> is not allowed", 1),
    ("<svg><circle r=1 /></svg>", "HTML tag <svg> is not allowed", 1),
    ("<math><mi>x</mi></math>", "HTML tag <math> is not allowed", 1),
    ('<p onclick="alert(1)">Hi</p>', "attribute 'onclick' on <p> is not allowed", 4),
    ('Hi\n{: style="display:none" }', "attribute 'style' on <p> is not allowed", 4),
    ("[Leave](https://example.org/){: data-closer-exit }", "attribute 'data-closer-exit' on <a> is not allowed", 33),
    ("[Run](javascript:alert(1))", "link 'javascript:alert(1)' on <a> (only http, https, mailto", 7),
    ("[Page](data:text/html,hi)", "link 'data:text/html,hi' on <a>", 8),
    ("![A picture](picture%00.png)", "link with control characters on <img>", 14),
    ("Hi\n{: .closer-exit }", "class 'closer-exit' on <p> is not allowed", 5),
    ("## Heading {: #__config }", "id '__config' is not allowed", 16),
    # Browsers close a comment at "<!-->" and end "<![CDATA[" at the first ">": markup could hide there.
    ("Text <!--><img src=x onerror=alert(1)>--> more.", "an HTML comment is not allowed", 6),
    ("<![CDATA[ x ><img src=x onerror=alert(3)> ]]>", "an HTML declaration is not allowed", 1),
]


def test_content_takes_only_the_markup_the_course_uses(project_copy):
    lines, expected = ["# Glossary", ""], []
    for source, what, col in HOSTILE_CONTENT:
        shown_on = len(lines) + 1 + source.count("\n")  # an attribute list stands on the last line
        expected.append(f"docs/glossary.md:{shown_on}:{col}: {what}")
        lines += [*source.split("\n"), ""]
    (project_copy / "docs" / "glossary.md").write_text("\n".join(lines))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert_failed_with(result, expected[0], project_copy)
    checked = closer_check(project_copy)  # the command that runs before another generator
    for line in expected:
        assert line in output, line
        assert line in checked.stdout, line


def test_an_id_a_learning_platform_looks_up_on_the_page_stops_the_build_where_it_is_written(project_copy):
    lesson = project_copy / "docs" / "lessons" / "trust.md"
    text = lesson.read_text()
    # On a package's launch page, window.API would be this heading, and the platform never hears "completed".
    lesson.write_text(text + "\nWe talk about the API of trust.\n\n## Notes {: #API }\n\n<p id=\"API_1484_11\">More.</p>\n")
    lines = len(lesson.read_text().splitlines())
    expected = [f"docs/lessons/trust.md:{lines - 2}:14: id 'API' is reserved: learning platforms name their SCORM 1.2 "
                "connection so, and a package of the page would find this element instead and never tell the platform "
                "it was done; give the heading or element another id, such as 'api'",
                f"docs/lessons/trust.md:{lines}:8: id 'API_1484_11' is reserved: learning platforms name their "
                "SCORM 2004 connection so"]
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, expected[0], project_copy)
    assert expected[1] in result.stdout + result.stderr
    checked = closer_check(project_copy)
    assert checked.returncode == 1 and all(line in checked.stdout for line in expected), checked.stdout


def test_the_quick_exit_must_be_an_https_address(project_copy):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("quick_exit_url: https://www.bbc.com/weather",
                                                 "quick_exit_url: javascript:alert(1)"))
    line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if "quick_exit_url:" in text)
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, f"mkdocs.yml:{line}:19: extra.quick_exit_url 'javascript:alert(1)' is not an "
                       "https: address; set it to the https: address of a neutral site", project_copy)


def test_a_lesson_s_exercise_title_is_read_as_markdown_once(project_copy):
    lesson = project_copy / "docs" / "lessons" / "trust.md"
    # Escaped, it leaves the first Markdown pass as text; a second pass would make a live link.
    title = r"'Try \[this\](https://example.org/){: data-closer-exit onclick=alert(1) }'"
    lesson.write_text(re.sub(r"^  title: .*$", f"  title: {title}", lesson.read_text(), count=1, flags=re.M))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((project_copy / "site" / "lessons" / "trust" / "index.html").read_text(), "html.parser")
    heading = soup.select_one("h2#try-it")
    assert heading.get_text().startswith("Try it: Try [this](https://example.org/){: data-closer-exit onclick=alert(1) }")
    assert [a["href"] for a in heading.find_all("a")] == ["#try-it"]  # the permalink only
    assert not soup.select("[onclick]") and len(soup.select("[data-closer-exit]")) == 1  # the header's own


def test_check_command_runs_the_page_checks_without_a_generator(project_copy, trapped):
    (project_copy / "docs" / "glossary.md").write_text("# Terms\n\n{{ " + run("cycler") + " }}\n")
    replace_front_matter_value(project_copy / "docs" / "sources.md", "description", "'{% if x %}'")
    result = closer_check(project_copy)
    assert result.returncode == 1 and list(trapped.iterdir()) == []
    assert "docs/glossary.md:3:4: template code using 'cycler' is not allowed in a page" in result.stdout
    assert "docs/sources.md:3:14: template marker '{%' in front matter" in result.stdout


@pytest.mark.parametrize("name", ["evil.html", "lessons/picture.svg", "assets/run.js", "assets/closer/closer.js"])
def test_docs_holds_no_file_that_a_browser_would_run(project_copy, name):
    path = project_copy / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<script>window.ran = 1</script>")
    expected = f"docs/{name}:1:1: this kind of file is not allowed in docs/"
    assert_failed_with(run_mkdocs_build(project_copy, project_copy / "site"), expected, project_copy)
    checked = closer_check(project_copy)
    assert checked.returncode == 1 and expected in checked.stdout


def test_metadata_without_dashes_is_refused(project_copy):
    about = project_copy / "docs" / "about.md"
    # MkDocs reads such lines as metadata, and the theme writes an "author" into the head as it is.
    about.write_text('author: "><script>alert(1)</script><meta x="\n\n' + about.read_text())
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, "docs/about.md:1:1: MkDocs would read this first line as page metadata", project_copy)


def test_navigation_titles_are_text(project_copy):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text()
                      .replace("- About and licences: about.md", '- "<img src=x onerror=alert(7)> & more": about.md')
                      .replace("  - About:\n", '  - "<script>alert(9)</script>":\n'))
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((project_copy / "site" / "about" / "index.html").read_text(), "html.parser")
    assert not soup.select("img[onerror]") and not [s for s in soup.find_all("script") if "alert" in (s.string or "")]
    nav = soup.select_one("nav.md-nav--primary").get_text()
    assert "<img src=x onerror=alert(7)> & more" in nav and "<script>alert(9)</script>" in nav
    assert soup.title.get_text().startswith("<img src=x onerror=alert(7)> & more")


def test_a_file_in_docs_may_not_link_outside_it(project_copy):
    (project_copy / "outside.html").write_text("<script>window.ran = 1</script>")
    (project_copy / "docs" / "evil.html").symlink_to(project_copy / "outside.html")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert_failed_with(result, "docs/evil.html:1:1: this file links to a file outside docs/", project_copy)
