"""Hostile text in any part of a lesson's front matter ends as text or a located refusal, never as markup.

The pipeline is the build's: the lesson is validated, its page assembled from the lesson
template, read once by Markdown with the site's extensions, and its parts put back after.
"""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
import markdown
import pytest

from closer.engine.lessons import load_lesson
from closer.engine.pages import check_front_matter
from closer.render.rendering import markdown_literal, render_lesson
from closer.render.text import removed_markup
from tests.support.payloads import NAUGHTY, PAYLOADS, WIDGET_TAGS, assert_inert

pytestmark = pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")
EXTENSIONS = ["admonition", "attr_list", "def_list", "tables", "toc"]  # as mkdocs.yml has them
PAGE_TAGS = WIDGET_TAGS | {"h2", "h3", "nav", "table", "thead", "tbody", "tr", "th", "td", "div", "textarea"}  # journal


def lesson_with_everywhere(text: str) -> str:
    t = json.dumps(text)
    return f"""---
title: {t}
description: {t}
objectives: [{t}, {t}]
exercise:
  title: {t}
  minutes: 10
  steps: [{t}, {t}]
  solo: {t}
reflection: [{t}, {t}]
takeaways: [{t}, {t}]
references: [{t}]
---
A plain body.
"""


def page_html(source: str) -> str:
    """The lesson's content as the build makes it, or None when it is refused."""
    lesson, problems = load_lesson(source, "docs/lessons/trust.md", "trust", removed_markup)
    problems += check_front_matter(source, "docs/lessons/trust.md", lesson=True)
    if lesson is None or any(not p.warning for p in problems):
        assert problems and all(str(p).startswith("docs/lessons/trust.md:") for p in problems)
        return None
    stash: list[str] = []

    def keep(html: str, searchable: bool = True) -> str:  # the build keeps widgets out of search; no index here
        stash.append(html)
        return f'<div data-stash="{len(stash) - 1}"></div>'

    text = render_lesson(lesson, lesson.body, "<p>quiz</p>", 4, 15, None, None, "<p>panel</p>", keep, lambda target: target)
    html = markdown.markdown(text, extensions=EXTENSIONS)
    for index, part in enumerate(stash):
        html = html.replace(f'<div data-stash="{index}"></div>', part)
    return html


def test_payloads_in_every_lesson_field_render_inert():
    rendered = 0
    for payload in PAYLOADS[::2] + NAUGHTY[::3]:
        html = page_html(lesson_with_everywhere(payload))
        if html is not None:
            rendered += 1
            assert_inert(html, PAGE_TAGS)
    assert rendered > 300


def test_template_markers_in_lesson_fields_are_refused_where_written():
    source = lesson_with_everywhere("{{ lipsum.__globals__ }}")
    problems = check_front_matter(source, "docs/lessons/trust.md", lesson=True)
    assert [p.line for p in problems] == [2, 3, 4, 4, 6, 8, 8, 9, 10, 10, 11, 11, 12]


def test_the_exercise_heading_shows_any_text_exactly_as_written():
    for payload in PAYLOADS + NAUGHTY:
        html = markdown.markdown(f"## Try it: {markdown_literal(payload)} {{: #try-it }}", extensions=EXTENSIONS)
        heading = BeautifulSoup(html, "html.parser").find("h2")
        assert heading is not None and heading.attrs == {"id": "try-it"}, payload
        assert heading.find(True) is None, payload  # no element inside: text only
        expected = "Try it: " + payload.replace("\x00", "\ufffd")
        assert heading.get_text() == expected or heading.get_text() == expected.strip(), payload
