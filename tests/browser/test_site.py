"""Quizzes read as plain content without JavaScript (every page loading from the site alone: test_accessibility.py)."""

from __future__ import annotations

import pytest

from closer.engine.kinds.self_assessment import SelfAssessment
from closer.render.text import plain
from tests.support import project_quizzes

pytestmark = pytest.mark.browser
CATALOG = project_quizzes()


# Every quiz with questions or statements; a deck's list of cards: test_decks.py.
@pytest.mark.parametrize("quiz_id", sorted(q for q, loaded in CATALOG.quizzes.items() if loaded.quiz.kind != "deck"))
def test_quiz_reads_as_plain_content_without_javascript(open_site, quiz_id):
    page, log, _ = open_site(f"/quizzes/{quiz_id}/", javascript=False)
    quiz = CATALOG.quizzes[quiz_id].quiz
    widget = page.locator(f'[data-quiz="{quiz_id}"]')
    texts = ([item.text for item in quiz.items] + [item.text for item in (quiz.screen.items if quiz.screen else [])]
             if isinstance(quiz, SelfAssessment) else [q.prompt for q in quiz.questions])
    legends = widget.locator("legend")
    assert legends.count() == len(texts)
    for index, text in enumerate(texts):
        assert legends.nth(index).is_visible()
        assert legends.nth(index).inner_text().strip() == plain(text)
    assert widget.locator("input").first.is_visible()
    if isinstance(quiz, SelfAssessment):
        for label in quiz.scale.labels:
            assert widget.get_by_text(plain(label), exact=True).first.is_visible()
        submit = widget.locator("[type=submit]")
        assert submit.is_hidden() and submit.is_disabled()
    else:
        assert widget.locator("button").first.is_hidden()
    assert log.foreign == []


def test_sample_page_shows_its_three_samples_in_light_and_dark(open_site):
    for scheme in ("light", "dark"):
        page, log, errors = open_site("/samples/", color_scheme=scheme)
        assert page.locator("[data-quiz][data-ready]").count() == 3
        assert page.get_by_role("heading", name="Closeness, in brief").is_visible()
        assert errors == [] and log.foreign == []


def test_palette_toggle_switches_and_is_remembered(open_site):
    page, log, errors = open_site("/samples/", color_scheme="light")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert errors == [] and log.foreign == []


def test_a_quiz_s_headings_follow_the_page_s_outline_and_read_as_headings_at_any_depth(open_site):
    page, _, errors = open_site("/samples/")  # each quiz under a `##` section, level not named
    for title in page.locator(".closer-quiz__title").all():
        assert title.evaluate("e => e.tagName") == "H3"
    widget = page.locator('[data-quiz="sample-self-assessment"]')
    for item in widget.locator(".closer-quiz__item").all():
        item.locator("input").nth(1).check()
    widget.locator("button[type=submit]").click()
    areas = widget.locator(".closer-result__title").all()
    assert {area.evaluate("e => e.tagName") for area in areas} >= {"H6"}  # the deepest a result goes
    body = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)"))
    for area in areas:
        case, size, colour = area.evaluate("e => { const s = getComputedStyle(e); return [s.textTransform, s.fontSize, s.color]; }")
        assert case == "none" and float(size.rstrip("px")) >= body, (area.inner_text(), case, size)
        assert colour == page.evaluate("getComputedStyle(document.querySelector('.md-typeset p')).color")
    assert errors == []
