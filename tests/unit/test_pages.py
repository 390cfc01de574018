"""A page's source is checked before anything renders it: template code is allow-listed, front matter is plain data."""

from __future__ import annotations

import jinja2
import pytest

from closer.engine import pages
from closer.engine.lessons import load_lesson
from closer.engine.pages import check_body, check_front_matter, heading_level_above
from closer.engine.plain_calls import render_plain
from closer.render.text import removed_markup
from tests.support import ROOT

ENV = jinja2.Environment()  # the delimiters mkdocs-macros uses by default


def body_problems(body: str, first_line: int = 1) -> list[str]:
    return [str(p) for p in check_body(body, "docs/page.md", first_line, ENV).problems]


def test_the_course_s_own_template_code_is_allowed_and_each_call_is_located():
    body = ('Intro\n{% raw %}\n{{ quiz("trust-basics") }}\n{% endraw %}\n'
            'See {{ config.site_url }}schema/.\n\n{{ quiz("trust", level=3) }} and {{ quiz(id="barriers") }}\n'
            '{{ show_file("quizzes/trust.yml") }}\n{{ learning_path() }}\n{{ privacy_controls() }}\n{# a note #}\n'
            '{{ plan_calendar("intimacy-check-in") }}\n')
    check = check_body(body, "docs/page.md", 5, ENV)
    assert check.problems == []
    # The example in the raw block is text, so the first real call is the one on the body's line 7.
    assert [(c.name, c.line, c.col) for c in check.calls] == [
        ("quiz", 11, 4), ("quiz", 11, 37), ("show_file", 12, 4), ("learning_path", 13, 4),
        ("privacy_controls", 14, 4), ("plan_calendar", 16, 4)]


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


INVISIBLE = "delete it: readers cannot see it, and it can change how the text around it shows"


def test_a_page_s_front_matter_refuses_invisible_characters_where_written():
    typed = "---\ntitle: About\ndescription: Ab\u200dout us\n---\nBody\n"
    escaped = '---\ntitle: "Safe \\u202ekcehc\\u202c"\n---\nBody\n'
    assert [str(p) for p in check_front_matter(typed, "docs/about.md", lesson=False)] == [
        f"docs/about.md:3:16: invisible character U+200D ZERO WIDTH JOINER; {INVISIBLE}"]
    assert [str(p) for p in check_front_matter(escaped, "docs/about.md", lesson=False)] == [
        f"docs/about.md:2:14: invisible character U+202E RIGHT-TO-LEFT OVERRIDE; {INVISIBLE}",
        f"docs/about.md:2:25: invisible character U+202C POP DIRECTIONAL FORMATTING; {INVISIBLE}"]


@pytest.mark.parametrize("lesson", [False, True])
def test_front_matter_nested_past_the_limit_is_refused_where_it_passes_it(lesson):
    text = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody\n"
    assert [str(p) for p in check_front_matter(text, "docs/lessons/trust.md", lesson=lesson)] == [
        "docs/lessons/trust.md:2:39: lists and mappings nested more than 32 levels deep; nest less: a quiz needs "
        "at most 6 levels and front matter 3; check the brackets and indentation here"]


TRUST = (ROOT / "docs" / "lessons" / "trust.md").read_text()


@pytest.mark.parametrize("minutes,found", [("181", "at most 180, found 181"), ("0", "at least 1, found 0"),
                                           ("9" * 5000, "at most 180, found 999999999999… (5000 digits)")])
def test_a_lesson_s_minutes_are_refused_outside_their_bounds_whatever_their_length(minutes, found):
    text = TRUST.replace("  minutes: 20\n", f"  minutes: {minutes}\n")
    lesson, problems = load_lesson(text, "docs/lessons/trust.md", "trust", removed_markup)
    assert lesson is None and [str(p) for p in problems] == [
        f"docs/lessons/trust.md:11:12: must be {found}; write a whole number from 1 to 180"]


def test_a_lesson_s_front_matter_refuses_a_control_character_written_as_an_escape():
    text = TRUST.replace("  title: The promise check-in\n", '  title: "The promise \\e[8mcheck-in"\n')
    lesson, problems = load_lesson(text, "docs/lessons/trust.md", "trust", removed_markup)
    assert lesson is None and [str(p) for p in problems] == [
        f"docs/lessons/trust.md:10:23: control character U+001B ESCAPE; {INVISIBLE}"]


def test_the_heading_above_a_line_is_read_as_markdown_reads_it():
    text = "# Page\n\nText\n\n## Section\n\n```md\n### not a heading, in code\n```\n\nHere\n#hashtag\n"
    assert heading_level_above(text, 11) == 2  # the fenced one is code
    assert heading_level_above(text, 2) == 1
    assert heading_level_above("Text\n", 2) is None


PLAIN_BODIES = [
    '# A\n\n{{ quiz("trust") }}\n', "{{quiz('a')}} and {{ quiz( 'b' , level = 3 ) }} quiz( {{ quiz(\"c\") }}\n",
    '{{ quiz(id="x", level=2) }}{{ show_file("quizzes/a.yml", part="front matter") }}', "{{ learning_path() }}",
    "x\n\n\u2028y {{ quiz(\"a\") }}\n\fz {{ quiz(\"a\") }} {{ quiz(\"a\") }}", '{{ quiz(0) }}{{ plan_calendar("é ü") }}',
    # Left to Jinja: each of these holds something this reader does not read.
    '{{{ quiz("a") }}', '{{ quiz("a") }}{#', '{{- quiz("a") }}', '{{ quiz("a", level=1, level=2) }}',
    '{{ quiz(level=1, "a") }}', '{{ quiz("a",) }}', '{{ quiz("a\\"") }}', '{{ quiz(-1) }}', '{{ quiz(007) }}',
    '{{ quiz("a")\n}}', '{{ cycler("a") }}', '{{ quiz("{{") }}', '{% raw %}{{ quiz("a") }}{% endraw %}',
    '{{ quiz("a") }}\r\n', '{{ config.site_url }}', '{{ quiz(true) }}', '{{ quiz(x="a") }}',
]


@pytest.mark.parametrize("body", PLAIN_BODIES)
def test_plain_calls_are_read_as_jinja_reads_them(body, monkeypatch):
    plain = pages.plain_calls(body, ENV, pages.MACROS)
    fast = check_body(body, "docs/page.md", 3, ENV)
    monkeypatch.setattr(pages, "plain_calls", lambda *args: None)
    slow = check_body(body, "docs/page.md", 3, ENV)
    assert (fast.calls, fast.problems, fast.has_template_code) == (slow.calls, slow.problems, slow.has_template_code)
    assert (plain is not None) == (PLAIN_BODIES.index(body) < 6)


def test_plain_calls_read_every_page_of_the_course_as_jinja_does(monkeypatch):
    bodies = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]
    fast = [check_body(body, "docs/page.md", 1, ENV) for body in bodies]
    read_plainly = [pages.plain_calls(body, ENV, pages.MACROS) is not None for body in bodies if pages.has_markers(body)]
    monkeypatch.setattr(pages, "plain_calls", lambda *args: None)
    assert fast == [check_body(body, "docs/page.md", 1, ENV) for body in bodies]
    assert sum(read_plainly) >= 8  # the pages with quiz(), learning_path()…; authoring.md shows template code


@pytest.mark.parametrize("body", PLAIN_BODIES[:6] + ['{{ quiz("a") }}\n\n', "\n", 'a\n{{ quiz("a") }}'])
def test_plain_calls_render_as_jinja_renders_them(body):
    def macro(name):
        return lambda *args, **kwargs: f"<{name} {args} {sorted(kwargs.items())}>"
    calls = pages.plain_calls(body, ENV, pages.MACROS)
    by_jinja = ENV.from_string(body).render(**{name: macro(name) for name in pages.MACROS})
    assert render_plain(body, calls, lambda name, args, kwargs: macro(name)(*args, **kwargs)) == by_jinja
