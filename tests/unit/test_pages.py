"""A page's source is checked before anything renders it: template code is allow-listed, front matter is plain data."""

from __future__ import annotations

import jinja2
import pytest

from macros.engine.pages import check_body, check_front_matter

ENV = jinja2.Environment()  # the delimiters mkdocs-macros uses by default


def body_problems(body: str, first_line: int = 1) -> list[str]:
    return [str(p) for p in check_body(body, "docs/page.md", first_line, ENV).problems]


def test_the_course_s_own_template_code_is_allowed_and_each_call_is_located():
    body = ('Intro\n{% raw %}\n{{ quiz("trust-basics") }}\n{% endraw %}\n'
            'See {{ config.site_url }}schema/.\n\n{{ quiz("trust", level=3) }} and {{ quiz(id="barriers") }}\n'
            '{{ show_file("quizzes/trust.yml") }}\n{{ learning_path() }}\n{{ privacy_controls() }}\n{# a note #}\n')
    check = check_body(body, "docs/page.md", 5, ENV)
    assert check.problems == []
    # The example in the raw block is text, so the first real call is the one on the body's line 7.
    assert [(c.name, c.line, c.col) for c in check.calls] == [
        ("quiz", 11, 4), ("quiz", 11, 37), ("show_file", 12, 4), ("learning_path", 13, 4),
        ("privacy_controls", 14, 4)]


# Each refused form: the class of template code, and what the author reads.
REFUSED = [
    # Jinja's own globals lead to Python's os module: the reason for the allow-list.
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "template code using 'cycler'"),
    ("{{ lipsum.__globals__.os.system(lipsum.__name__) }}", "template code using 'lipsum'"),
    ("{{ joiner }}", "template code is not allowed"),
    ("{{ namespace() }}", "unknown macro 'namespace'"),
    ("{{ config.__class__ }}", "template code using 'config'"),
    ("{{ config.extra }}", "template code using 'config'"),
    ("{{ range(10) }}", "unknown macro 'range'"),
    ("{{ quiz(config.site_url) }}", "quiz() takes only plain text and numbers"),
    ("{{ quiz(*args) }}", "quiz() takes only plain text and numbers"),
    ("{{ quiz('a' ~ 'b') }}", "quiz() takes only plain text and numbers"),
    ('{{ quiz("trust") | safe }}', "template code using 'safe'"),
    ("{{ 7 * 7 }}", "template code is not allowed"),
    ("{% set x = 1 %}", "'{% set %}' is not allowed"),
    ("{% for x in [1] %}{% endfor %}", "'{% for %}' is not allowed"),
    ("{% if true %}x{% endif %}", "'{% if %}' is not allowed"),
    ("{% include 'index.md' %}", "'{% include %}' is not allowed"),
    ("{% import 'x' as y %}", "'{% import %}' is not allowed"),
    ("{% macro m() %}{% endmacro %}", "'{% macro %}' is not allowed"),
    ("{% filter upper %}x{% endfilter %}", "'{% filter %}' is not allowed"),
    ("{{ unclosed", "template syntax error"),
    ("{% nosuchtag %}", "template syntax error"),
]


@pytest.mark.parametrize("code,what", REFUSED, ids=[code for code, _ in REFUSED])
def test_other_template_code_is_refused_at_its_line(code, what):
    problems = body_problems(f"# Title\n\nText {code}\n", first_line=4)
    assert problems, code
    assert problems[0].startswith("docs/page.md:6:"), problems
    assert what in problems[0] and "pages may use only" in problems[0]


def test_markdown_escapes_do_not_hide_template_code():
    # Backslashes are text to Jinja: the expression is still there and still refused.
    problems = body_problems(r"{{ lipsum.\_\_globals\_\_ }}")
    assert problems and "docs/page.md:1:" in problems[0]


def test_a_parser_failure_is_a_located_problem_not_a_traceback():
    problems = body_problems("{{ " + "(" * 5000 + " }}")
    assert len(problems) == 1 and problems[0].startswith("docs/page.md:1:1:")


LESSON = """---
title: {title}
description: Short.
exercise:
  title: {exercise}
  steps: [one, two]
reflection:
  - {reflection}
---
Body {{{{ not checked here }}}}
"""


@pytest.mark.parametrize("marker", ["{{", "{%", "{#"])
def test_template_markers_in_any_front_matter_field_are_refused_where_written(marker):
    text = LESSON.format(title=f'"Trust {marker} x"', exercise=f"Try {marker} it", reflection=f"Ask {marker}")
    problems = [str(p) for p in check_front_matter(text, "docs/lessons/trust.md", lesson=True)]
    assert problems == [
        f"docs/lessons/trust.md:2:8: template marker '{marker}' in front matter; front matter is plain text: "
        "remove the braces, or write '{ {' with a space",
        f"docs/lessons/trust.md:5:10: template marker '{marker}' in front matter; front matter is plain text: "
        "remove the braces, or write '{ {' with a space",
        f"docs/lessons/trust.md:8:5: template marker '{marker}' in front matter; front matter is plain text: "
        "remove the braces, or write '{ {' with a space"]


def test_a_page_s_front_matter_takes_only_title_description_and_hide():
    text = "---\ntitle: About\nquiz: x\nrender_macros: true\ntemplate: evil.html\nhide: [toc, evil]\n---\nBody\n"
    problems = [str(p) for p in check_front_matter(text, "docs/about.md", lesson=False)]
    assert problems == [
        "docs/about.md:3:1: unknown key 'quiz' in a page's front matter; allowed here: title, description, hide",
        "docs/about.md:4:1: unknown key 'render_macros' in a page's front matter; allowed here: title, "
        "description, hide",
        "docs/about.md:5:1: unknown key 'template' in a page's front matter; allowed here: title, description, hide",
        "docs/about.md:6:13: 'hide' takes a list of page parts; use some of: navigation, toc, footer, path"]


def test_front_matter_is_loaded_as_strictly_as_a_quiz():
    problems = [str(p) for p in check_front_matter("---\ntitle: &a x\ndescription: *a\n---\n", "docs/a.md",
                                                   lesson=False)]
    assert problems and all(p.startswith("docs/a.md:") for p in problems)
