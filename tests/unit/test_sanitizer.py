r"""Quiz text cannot inject script or load anything from another site, whatever an author writes.

Payloads come from public lists (tests/data/public/, see its README), used as they are, raw and with their
\xNN escapes decoded.
"""

from __future__ import annotations

import json

import pytest
import yaml

from closer.publish.export import inline_images, standalone_content
from closer.render.rendering import render_quiz
from closer.render.text import ATTRIBUTES, BLOCK_TAGS, MARKED_TEXT, PLAIN_TEXT, MarkdownRenderer, _rendered
from tests.support import ROOT, quiz_from_text
from tests.support.payloads import NAUGHTY, PAYLOADS, WIDGET_TAGS, assert_inert

pytestmark = pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")
renderer = MarkdownRenderer()


def test_payload_lists_are_big_enough():
    assert len(PAYLOADS) >= 200 and len(NAUGHTY) >= 400


@pytest.mark.parametrize("inline", [True, False], ids=["inline", "block"])
def test_every_payload_renders_inert(inline):
    allowed = {"a", "em", "strong", "code", "br", "sub", "sup", "kbd", "abbr", "del", "ins", "mark"}
    for payload in PAYLOADS + NAUGHTY:
        html, _ = renderer.render(payload, inline=inline)
        assert_inert(html, allowed if inline else BLOCK_TAGS)


def test_removed_markup_is_reported():
    reported = 0
    for payload in PAYLOADS:
        html, removed = renderer.render(payload, inline=False)
        if "<script" in payload.lower() or " onerror=" in payload.lower():
            reported += bool(removed)
    assert reported > 100
    _, removed = renderer.render("Hi <img src=x onerror=alert(1)>", inline=False)
    assert removed == ["attribute 'onerror' on <img>"]


@pytest.mark.parametrize("source,removed", [
    ("[site](javascript:alert(1))", "link 'javascript:alert(1)'"),
    ("![p](https://tracker.example/p.gif)", "image from another site"),
    ("![p](//tracker.example/p.gif)", "image from another site"),
    ("<iframe src=/x></iframe>", "HTML tag <iframe>"),
    ("<style>body{}</style>", "HTML tag <style>"),
])
def test_third_party_loads_and_scripts_are_removed_and_named(source, removed):
    html, notes = renderer.render(source, inline=False)
    assert any(removed in note for note in notes), notes
    assert "tracker.example" not in html and "javascript" not in html and "<iframe" not in html


def test_plain_markdown_survives():
    html, removed = renderer.render("Keep **small** promises: [read more](../trust/)", inline=True)
    assert removed == []
    assert html == ('Keep <strong>small</strong> promises: <a href="../trust/" rel="noopener noreferrer">'
                    "read more</a>")


def quiz_with_everywhere(text: str) -> bytes:
    t = json.dumps(text)
    return f"""kind: knowledge-check
title: {t}
intro: {t}
questions:
  - type: single
    prompt: {t}
    options:
      - {{text: {t}, correct: true, feedback: {t}}}
      - {{text: {json.dumps(text + " (2)")}, feedback: {t}}}
    explanation: {t}
  - type: true-false
    prompt: {t}
    answer: true
    feedback: {{true: {t}, false: {t}}}
""".encode()


def self_assessment_with_everywhere(text: str) -> bytes:
    t = json.dumps(text)
    return f"""kind: self-assessment
title: {t}
intro: {t}
scale: {{min: 1, max: 2, labels: [{t}, {json.dumps(text + " (2)")}]}}
dimensions:
  - id: d
    title: {t}
    description: {t}
    bands: [{{upto: 2, label: {t}, message: {t}}}]
items:
  - {{text: {t}, dimension: d}}
  - {{text: {t}, dimension: d, reverse: true}}
overall: {{bands: [{{upto: 2, label: {t}, message: {t}}}]}}
""".encode()


@pytest.mark.parametrize("make", [quiz_with_everywhere, self_assessment_with_everywhere],
                         ids=["knowledge-check", "self-assessment"])
def test_payloads_in_every_text_field_render_inert_widgets(make):
    for payload in PAYLOADS[::3] + NAUGHTY[::5]:
        loaded, problems = quiz_from_text(make(payload), "quizzes/hostile.yml")
        if loaded is None:  # refused: then only with located lines
            assert problems and all(str(p).startswith("quizzes/hostile.yml:") for p in problems)
            continue
        assert_inert(render_quiz(loaded), WIDGET_TAGS)


def test_allowed_attributes_are_only_the_listed_ones():
    assert set(ATTRIBUTES) <= BLOCK_TAGS
    assert all(not name.startswith("on") for names in ATTRIBUTES.values() for name in names)


def test_an_image_path_with_an_encoded_nul_is_refused_and_never_read(tmp_path):
    _, notes = renderer.render("![A picture](picture%00.png)", inline=False)
    assert notes == ["link with control characters on <img>"]
    # The export step meets such a path only if something let it through: a missing picture, no traceback.
    content = standalone_content('<p><img src="picture%00.png" alt="A picture"></p>', "http://site/", "")
    assert inline_images(content, tmp_path, "http://site/") == "<p>A picture</p>"


def _every_text_of(data) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _every_text_of(value)]
    if isinstance(data, list):
        return [text for value in data for text in _every_text_of(value)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("inline", [True, False], ids=["inline", "block"])
def test_the_plain_text_shortcut_gives_what_markdown_and_the_sanitizer_give(inline):
    # Texts with no Markdown skip the renderer: they must come out exactly as the renderer makes them.
    texts = [text for path in sorted((ROOT / "quizzes").glob("*.yml"))
             for text in _every_text_of(yaml.safe_load(path.read_text()))]
    texts += PAYLOADS + NAUGHTY + ["1995. A year", "- a list", "# heading", "a  ", "a_b_c", "x -- y", "a\u00a0b",
                                   "It’s “fine” (mostly) — 50% / 50%", "Ünïcode ça va", "ends with two  "]
    # Strong and code words take a shortcut too; near misses must go the full way and agree.
    texts += ["Press **Check** now.", "(**bold**)", "`code` first", "a**b**c", "**a** **b**", "** a**", "**a **",
              "`a b`", "the `x`,", "**1995**. A year", "x **a b** y", "it's **fine**", "**a**`b`", "***a***",
              "**a_b**", "`<b>`", "**A** - list", "1. **a**", "`a  b`", "** **", "**a**\nb", "`a`b`"]
    shortcut = [text for text in texts if PLAIN_TEXT.fullmatch(text)]
    assert len(shortcut) >= 100  # the project's own texts mostly take the shortcut
    assert len([text for text in texts if MARKED_TEXT.fullmatch(text) and not PLAIN_TEXT.fullmatch(text)]) >= 10
    for text in texts:
        html, removed = renderer.render(text, inline)
        assert _rendered(text, inline) == (html, tuple(removed)), text
